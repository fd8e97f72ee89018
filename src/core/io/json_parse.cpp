#include "core/io/json_parse.h"

namespace dramatis {
namespace {

// A SAX handler that accepts everything and remembers where the first syntax error was.
struct ErrorLocator : nlohmann::json_sax<nlohmann::json> {
  size_t position = 0;
  std::string what;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    what = ex.what();
    return false;
  }
};

}  // namespace

std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value;
  ErrorLocator locator;
  nlohmann::json::sax_parse(text, &locator, nlohmann::json::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/false);
  // nlohmann reports the position one past the offending byte (1-based); we report 0-based.
  const size_t offset = locator.position > 0 ? locator.position - 1 : 0;
  std::string message = "invalid JSON";
  if (const size_t colon = locator.what.rfind(": "); colon != std::string::npos)
    message += ": " + locator.what.substr(colon + 2);
  diagnostics.push_back(make_error(file, message, offset));
  return std::nullopt;
}

}  // namespace dramatis
