// How the exporters write values: numbers in their shortest round-trip form, XML 1.0 character
// data (escaped; characters XML forbids and invalid UTF-8 dropped) and RFC 4180 CSV fields.
// Shared by the graph exporters (graph_export.h) and the quotes CSV (export_quotes_csv.h).
#pragma once

#include <string>
#include <string_view>

namespace dramatis {

// The shortest decimal form that parses back to exactly `value` ("3", "0.15", "1e-07"), which
// is also a valid xs:double, JSON and CSV number. Non-finite values give "NaN", "INF" or "-INF"
// (xs:double's spellings); the exporters leave such values out rather than write them.
std::string format_export_number(double value);

// Appends `text` as XML 1.0 character data, safe both in element content and in a
// double-quoted attribute: & < > " ' are escaped as entities, tab, LF and CR as character
// references (so attribute-value normalisation keeps them). Characters XML 1.0 forbids
// (controls other than tab/LF/CR, U+FFFE, U+FFFF) and invalid UTF-8 sequences are dropped, so
// the output always parses; valid UTF-8 passes through unchanged.
void append_xml_text(std::string& out, std::string_view text);
std::string xml_text(std::string_view text);

// Appends `field` as one RFC 4180 field: always double-quoted, inner quotes doubled. The bytes
// are otherwise kept as they are (CR, LF, commas and invalid UTF-8 included), so a reader gets
// back exactly the bytes that were written.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace dramatis
