// A small RFC 4180 reader for the exporter tests: records end with CRLF, fields may be
// double-quoted (then holding commas, CR, LF and "" for a quote). Strict: a bare LF ends
// nothing, a quote inside an unquoted field or text after a closing quote is an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace csv_test {

using Row = std::vector<std::string>;

// The records of `text`, or nullopt with `error` set.
inline std::optional<std::vector<Row>> read_csv(std::string_view text, std::string& error) {
  std::vector<Row> rows;
  size_t i = 0;
  while (i < text.size()) {
    Row row;
    for (;;) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) {
            error = "unterminated quoted field";
            return std::nullopt;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          field += text[i++];
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\r') {
          if (text[i] == '"' || text[i] == '\n') {
            error = "a quote or LF inside an unquoted field at byte " + std::to_string(i);
            return std::nullopt;
          }
          field += text[i++];
        }
      }
      row.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (text.substr(i, 2) == "\r\n") {
        i += 2;
        break;
      }
      error = "expected ',' or CRLF at byte " + std::to_string(i);
      return std::nullopt;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace csv_test
