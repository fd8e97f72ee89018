#include "core/io/json_parse.h"

#include <limits>

namespace dramatis {
namespace {

// The byte offset of the bracket that opens level kMaxJsonDepth + 1, if any. A plain scan of
// brackets outside strings: exact on valid JSON (a string ends at the first unescaped quote, and
// no escape holds a quote), and on invalid JSON exact up to the first syntax error, which is
// all the parse below can get to. Cheap next to the parse, so every document is scanned.
std::optional<size_t> too_deep_at(std::string_view text) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// A SAX handler that accepts everything and remembers where the first syntax error was. With a
// depth limit it also stops, without an error, at the first value nested deeper than that.
struct ErrorLocator : nlohmann::json_sax<nlohmann::json> {
  size_t max_depth = std::numeric_limits<size_t>::max();
  size_t depth = 0;
  bool too_deep = false;
  size_t position = 0;
  std::string what;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    what = ex.what();
    return false;
  }

 private:
  bool enter() {
    too_deep = ++depth > max_depth;
    return !too_deep;
  }
  bool leave() {
    --depth;
    return true;
  }
};

void report_syntax_error(const ErrorLocator& locator, const std::string& file,
                         std::vector<Diagnostic>& diagnostics) {
  // nlohmann reports the position one past the offending byte (1-based); we report 0-based.
  const size_t offset = locator.position > 0 ? locator.position - 1 : 0;
  std::string message = "invalid JSON";
  if (const size_t colon = locator.what.rfind(": "); colon != std::string::npos)
    message += ": " + locator.what.substr(colon + 2);
  diagnostics.push_back(make_error(file, message, offset));
}

}  // namespace

std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics) {
  if (const std::optional<size_t> deep = too_deep_at(text)) {
    // nlohmann's SAX parser keeps its own stack on the heap, so it walks any depth; it tells
    // whether a syntax error comes before the deep bracket, which is then the error to report
    // (as a reader going front to back would find it).
    ErrorLocator locator;
    locator.max_depth = kMaxJsonDepth;
    const bool ok = nlohmann::json::sax_parse(text, &locator, nlohmann::json::input_format_t::json,
                                              /*strict=*/true, /*ignore_comments=*/false);
    if (!ok && !locator.too_deep) {
      report_syntax_error(locator, file, diagnostics);
    } else {
      diagnostics.push_back(make_error(file,
                                       "invalid JSON: nested deeper than " +
                                           std::to_string(kMaxJsonDepth) + " arrays and objects",
                                       *deep));
    }
    return std::nullopt;
  }
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value;
  ErrorLocator locator;
  nlohmann::json::sax_parse(text, &locator, nlohmann::json::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/false);
  report_syntax_error(locator, file, diagnostics);
  return std::nullopt;
}

}  // namespace dramatis
