// A strict little XML reader for the exporter tests: elements, double- or single-quoted
// attributes, character data, the five predefined entities and character references, an XML
// declaration and comments. It rejects what XML 1.0 rejects in these (invalid UTF-8, forbidden
// characters, a bare '&' or '<', unbalanced tags), so a document it reads is well-formed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/utf8.h"

namespace xml_test {

struct Element {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // values unescaped
  std::vector<Element> children;
  std::string text;  // character data directly inside, unescaped and concatenated

  const std::string* attr(std::string_view key) const {
    for (const auto& [k, v] : attributes)
      if (k == key) return &v;
    return nullptr;
  }
  std::vector<const Element*> all(std::string_view child) const {
    std::vector<const Element*> out;
    for (const Element& c : children)
      if (c.name == child) out.push_back(&c);
    return out;
  }
  const Element* first(std::string_view child) const {
    for (const Element& c : children)
      if (c.name == child) return &c;
    return nullptr;
  }
};

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  // The root element, or nullopt with error() saying where reading failed.
  std::optional<Element> read() {
    if (!check_characters()) return std::nullopt;
    skip_misc();
    Element root;
    if (!element(root)) return std::nullopt;
    skip_misc();
    if (i_ != s_.size()) {
      fail("content after the root element");
      return std::nullopt;
    }
    return root;
  }
  const std::string& error() const { return error_; }

 private:
  bool fail(const std::string& why) {
    if (error_.empty()) error_ = why + " at byte " + std::to_string(i_);
    return false;
  }
  bool check_characters() {
    for (size_t k = 0; k < s_.size();) {
      const dramatis::utf8::Step step = dramatis::utf8::decode(s_, k);
      const char32_t c = step.codepoint;
      if (!step.valid || (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) || c == 0xFFFE ||
          c == 0xFFFF) {
        i_ = k;
        fail("a character XML 1.0 forbids");
        return false;
      }
      k += step.length;
    }
    return true;
  }
  bool starts(std::string_view what) const { return s_.substr(i_, what.size()) == what; }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
      ++i_;
  }
  void skip_misc() {
    for (;;) {
      skip_space();
      if (starts("<?")) {
        const size_t end = s_.find("?>", i_);
        i_ = end == std::string_view::npos ? s_.size() : end + 2;
      } else if (starts("<!--")) {
        const size_t end = s_.find("-->", i_);
        i_ = end == std::string_view::npos ? s_.size() : end + 3;
      } else {
        return;
      }
    }
  }
  std::string name() {
    const size_t begin = i_;
    while (i_ < s_.size() && s_[i_] != ' ' && s_[i_] != '>' && s_[i_] != '/' && s_[i_] != '=' &&
           s_[i_] != '\n' && s_[i_] != '\t' && s_[i_] != '\r')
      ++i_;
    return std::string(s_.substr(begin, i_ - begin));
  }
  // Character data or an attribute value up to `stop`, with references resolved.
  bool chars(char stop, std::string& out) {
    while (i_ < s_.size() && s_[i_] != stop) {
      const char c = s_[i_];
      if (c == '<') return fail("a bare '<'");
      if (c != '&') {
        out += c;
        ++i_;
        continue;
      }
      const size_t end = s_.find(';', i_);
      if (end == std::string_view::npos) return fail("an unterminated reference");
      const std::string_view ref = s_.substr(i_ + 1, end - i_ - 1);
      if (ref == "amp")
        out += '&';
      else if (ref == "lt")
        out += '<';
      else if (ref == "gt")
        out += '>';
      else if (ref == "quot")
        out += '"';
      else if (ref == "apos")
        out += '\'';
      else if (ref.size() > 1 && ref[0] == '#') {
        const bool hex = ref[1] == 'x';
        const std::string digits(ref.substr(hex ? 2 : 1));
        if (digits.empty()) return fail("an empty character reference");
        const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
        if ((cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) || cp == 0xFFFE || cp == 0xFFFF ||
            (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF)
          return fail("a reference to a forbidden character");
        dramatis::utf8::append(out, static_cast<char32_t>(cp));
      } else {
        return fail("an unknown entity '" + std::string(ref) + "'");
      }
      i_ = end + 1;
    }
    return true;
  }
  bool element(Element& e) {
    if (!starts("<")) return fail("expected '<'");
    ++i_;
    e.name = name();
    if (e.name.empty()) return fail("an element without a name");
    for (;;) {
      skip_space();
      if (starts("/>")) {
        i_ += 2;
        return true;
      }
      if (starts(">")) {
        ++i_;
        break;
      }
      std::string key = name();
      if (key.empty() || !starts("=")) return fail("a malformed attribute");
      ++i_;
      if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) return fail("an unquoted value");
      const char quote = s_[i_++];
      std::string value;
      if (!chars(quote, value)) return false;
      if (i_ >= s_.size()) return fail("an unterminated attribute value");
      ++i_;
      for (const auto& [k, v] : e.attributes)
        if (k == key) return fail("a repeated attribute " + key);
      e.attributes.emplace_back(std::move(key), std::move(value));
    }
    for (;;) {
      if (starts("</")) {
        i_ += 2;
        if (name() != e.name) return fail("a mismatched end tag for " + e.name);
        skip_space();
        if (!starts(">")) return fail("a malformed end tag");
        ++i_;
        return true;
      }
      if (starts("<!--")) {
        skip_misc();
        continue;
      }
      if (starts("<")) {
        Element child;
        if (!element(child)) return false;
        e.children.push_back(std::move(child));
        continue;
      }
      if (i_ >= s_.size()) return fail("an unclosed element " + e.name);
      if (!chars('<', e.text)) return false;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::string error_;
};

}  // namespace xml_test
