// The exporters' value encodings (src/core/io/export_text.cpp): round-trip numbers, XML 1.0
// character data and RFC 4180 fields.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/io/export_text.h"
#include "xml_reader.h"

using namespace dramatis;

TEST_CASE("format_export_number: shortest form that parses back to the same double") {
  CHECK(format_export_number(3.0) == "3");
  CHECK(format_export_number(0.0) == "0");
  CHECK(format_export_number(-0.0) == "0");
  CHECK(format_export_number(0.1) == "0.1");
  CHECK(format_export_number(-2.5) == "-2.5");
  for (const double value :
       {0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 5e-324, 1e300, -123456.789, 0.11412831608489048,
        std::numeric_limits<double>::max(), std::numeric_limits<double>::min(), 1e21, 1e-7}) {
    const std::string text = format_export_number(value);
    CAPTURE(text);
    CHECK(std::strtod(text.c_str(), nullptr) == value);
    CHECK(text.find(',') == std::string::npos);  // never a locale's decimal comma
  }
  CHECK(format_export_number(std::nan("")) == "NaN");
  CHECK(format_export_number(-std::numeric_limits<double>::infinity()) == "-INF");
}

TEST_CASE("append_xml_text: escapes metacharacters, keeps whitespace, drops what XML forbids") {
  CHECK(xml_text("A & B <\"x\"> 'y'") == "A &amp; B &lt;&quot;x&quot;&gt; &apos;y&apos;");
  CHECK(xml_text("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  CHECK(xml_text(std::string("nul\0x", 5)) == "nulx");
  CHECK(xml_text("c\x01\x08\x0B\x0C\x1F\x7F") == "c\x7F");
  CHECK(xml_text("bad \xFF\xFE \xC3 \xED\xA0\x80 end") == "bad    end");  // surrogate too
  CHECK(xml_text("nonchar \xEF\xBF\xBE\xEF\xBF\xBF \xEF\xBF\xBD") == "nonchar  \xEF\xBF\xBD");
  const std::string fine = "\xC3\x9C \xE2\x9C\x93 \xF0\x9F\x98\x80 \xC2\x85";  // U+0085 allowed
  CHECK(xml_text(fine) == fine);

  // Whatever goes in, an attribute built from it parses, and gives back the allowed characters.
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  const std::string doc = "<a v=\"" + xml_text(all) + "\">" + xml_text(all) + "</a>";
  xml_test::Reader reader(doc);
  const auto root = reader.read();
  REQUIRE_MESSAGE(root, reader.error());
  std::string ascii_allowed = "\t\n\r";
  for (int c = 0x20; c < 0x80; ++c) ascii_allowed += static_cast<char>(c);
  CHECK(*root->attr("v") == ascii_allowed);
  CHECK(root->text == ascii_allowed);
}

TEST_CASE("append_csv_field: always quoted, quotes doubled, other bytes kept") {
  std::string out;
  append_csv_field(out, "");
  CHECK(out == "\"\"");
  out.clear();
  append_csv_field(out, "a,\"b\"\r\nc\xFF");
  CHECK(out == "\"a,\"\"b\"\"\r\nc\xFF\"");
}
