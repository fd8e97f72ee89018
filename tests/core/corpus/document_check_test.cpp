// Accepting or refusing one file's bytes, and deriving a title from its text
// (src/core/corpus/document_check.cpp).
#include "core/corpus/document_check.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dramatis;

namespace {

// The opening of d2 in corpus/, as it is on disk.
const std::string kGigazine =
    "Inventor of PyTorch, a key platform for AI development, leaves Meta\n\n\n\n"
    "Soumith Chintala, the inventor of PyTorch, a machine learning library used in AI "
    "development, has announced that he has left Meta and that the PyTorch development project "
    "will be handed over to other members.\n";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("check_document accepts ordinary UTF-8 text unchanged") {
  std::vector<Diagnostic> diagnostics;
  const std::string text = "Chintala\xE2\x80\x99s announcement \xE2\x80\x94 " + kGigazine;
  const auto doc = check_document("news/gigazine.txt", text, diagnostics);
  REQUIRE(doc.has_value());
  CHECK(diagnostics.empty());
  CHECK(doc->bytes == text);
  CHECK(doc->path == "news/gigazine.txt");
  CHECK(doc->invalid_utf8.empty());
  CHECK(doc->meta.title ==
        "Chintala\xE2\x80\x99s announcement \xE2\x80\x94 Inventor of PyTorch, a key platform for "
        "AI development, leaves Meta");
  CHECK(doc->meta.id.empty());  // ids are the loader's business
}

TEST_CASE("check_document accepts an empty file with one warning naming it") {
  std::vector<Diagnostic> diagnostics;
  const auto doc = check_document("notes/empty.txt", "", diagnostics);
  REQUIRE(doc.has_value());
  CHECK(doc->bytes.empty());
  CHECK(doc->meta.title.empty());
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::Warning);
  CHECK(diagnostics[0].file == "notes/empty.txt");
  CHECK(contains(diagnostics[0].format(), "notes/empty.txt: warning"));
  CHECK(contains(diagnostics[0].message, "empty"));
  CHECK_FALSE(has_errors(diagnostics));
}

TEST_CASE("check_document refuses a file with a NUL byte and says where it is") {
  std::vector<Diagnostic> diagnostics;
  std::string bytes = "Soumith Chintala";  // 16 bytes, then a NUL
  bytes += '\0';
  bytes += " leaves Meta";
  const auto doc = check_document("downloads/article.bin", bytes, diagnostics);
  CHECK_FALSE(doc.has_value());
  REQUIRE(diagnostics.size() == 1);
  const Diagnostic& d = diagnostics[0];
  CHECK(d.severity == Severity::Error);
  CHECK(d.file == "downloads/article.bin");
  REQUIRE(d.byte_offset.has_value());
  CHECK(*d.byte_offset == 16);
  CHECK(contains(d.message, "NUL"));
  CHECK(contains(d.format(), "downloads/article.bin: error at byte 16: "));
}

TEST_CASE("check_document refuses UTF-16 and UTF-32 text by its byte order mark") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* encoding;
  };
  const std::vector<Case> cases = {
      {"UTF-16 LE", std::string("\xFF\xFEP\0y\0T\0o\0r\0c\0h\0", 16), "UTF-16"},
      {"UTF-16 BE", std::string("\xFE\xFF\0P\0y\0T\0o\0r\0c\0h", 16), "UTF-16"},
      {"UTF-32 LE", std::string("\xFF\xFE\0\0P\0\0\0y\0\0\0", 12), "UTF-32"},
      {"UTF-32 BE", std::string("\0\0\xFE\xFF\0\0\0P\0\0\0y", 12), "UTF-32"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::vector<Diagnostic> diagnostics;
    const auto doc = check_document("wide.txt", c.bytes, diagnostics);
    CHECK_FALSE(doc.has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].file == "wide.txt");
    CHECK(diagnostics[0].byte_offset == std::optional<size_t>(0));
    CHECK(contains(diagnostics[0].message, c.encoding));
    CHECK_FALSE(contains(diagnostics[0].message, "NUL"));  // the mark is found first
  }
}

TEST_CASE("check_document keeps text with a few invalid bytes and reports the first one") {
  std::vector<Diagnostic> diagnostics;
  // A Latin-1 e-acute (0xE9) at byte 31 and a lone continuation byte (0x80) later.
  const std::string bytes =
      "Soumith Chintala left Meta, caf\xE9 talk says; PyTorch \x80 endures. " + kGigazine;
  REQUIRE(bytes[31] == '\xE9');
  const auto doc = check_document("mixed.txt", bytes, diagnostics);
  REQUIRE(doc.has_value());
  CHECK(doc->bytes == bytes);  // never modified
  REQUIRE(doc->invalid_utf8.size() == 2);
  CHECK(doc->invalid_utf8[0].offset == 31);
  CHECK(doc->invalid_utf8[0].length == 1);
  CHECK(doc->invalid_utf8[1].offset == bytes.find('\x80'));
  CHECK(doc->invalid_utf8[1].length == 1);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::Warning);
  CHECK(diagnostics[0].byte_offset == std::optional<size_t>(31));
  CHECK(contains(diagnostics[0].format(), "mixed.txt: warning at byte 31: "));
  // The title comes from the display text: each invalid byte shows as U+FFFD.
  CHECK(doc->meta.title ==
        "Soumith Chintala left Meta, caf\xEF\xBF\xBD talk says; PyTorch \xEF\xBF\xBD endures. "
        "Inventor of PyTorch, a key platform for AI development, leaves Meta");
}

TEST_CASE("check_document refuses text that is mostly not UTF-8") {
  SUBCASE("Latin-1 text") {
    // "Ça coûte très cher à Genève, déjà été élevé" in ISO-8859-1: 11 of 43 bytes are high.
    const std::string latin1 =
        "\xC7"
        "a co\xFBte tr\xE8s cher \xE0 Gen\xE8ve, d\xE9j\xE0 "
        "\xE9t\xE9 \xE9lev\xE9";
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(check_document("geneve.txt", latin1, diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].byte_offset == std::optional<size_t>(0));
    CHECK(contains(diagnostics[0].message, "not UTF-8"));
    CHECK(contains(diagnostics[0].message, "of " + std::to_string(latin1.size()) + " bytes"));
  }
  SUBCASE("random high bytes") {
    std::string noise;
    uint32_t state = 12345;
    for (int i = 0; i < 512; ++i) {
      state = state * 1103515245u + 12345u;
      noise += static_cast<char>(0x80u | ((state >> 16) & 0x7Fu));
    }
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(check_document("noise.dat", noise, diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::Error);
    CHECK(diagnostics[0].file == "noise.dat");
    CHECK(contains(diagnostics[0].message, "unknown encoding"));
  }
}

TEST_CASE("check_document draws the line at a tenth of the bytes invalid") {
  // 100 bytes: 90 ASCII plus 10 or 11 lone continuation bytes.
  const std::string ascii(90, 'a');
  std::vector<Diagnostic> diagnostics;
  CHECK(check_document("ten.txt", ascii + std::string(10, '\x80'), diagnostics).has_value());
  CHECK_FALSE(has_errors(diagnostics));
  diagnostics.clear();
  CHECK_FALSE(check_document("eleven.txt", ascii.substr(1) + std::string(11, '\x80'), diagnostics)
                  .has_value());
  CHECK(has_errors(diagnostics));
}

TEST_CASE("derive_title takes the first line that has text") {
  CHECK(derive_title(kGigazine) ==
        "Inventor of PyTorch, a key platform for AI development, leaves Meta");
  CHECK(derive_title("# November 7, 2025 \xE2\x80\x93 Zhejiang\n") ==
        "November 7, 2025 \xE2\x80\x93 Zhejiang");
  CHECK(derive_title("## Soumith Chintala Steps Down from PyTorch Leadership\n") ==
        "Soumith Chintala Steps Down from PyTorch Leadership");
  CHECK(derive_title("- Soumith Chintala departs Meta and joins Mira Murati\xE2\x80\x99s Thinking "
                     "Machines Lab.\n- Reports indicate rapid hiring.") ==
        "Soumith Chintala departs Meta and joins Mira Murati\xE2\x80\x99s Thinking Machines Lab.");
  CHECK(derive_title("On **November 6, 2025**, PyTorch co-founder **Soumith Chintala** "
                     "announced he will step down") ==
        "On November 6, 2025, PyTorch co-founder Soumith Chintala announced he will step down");
  CHECK(derive_title("\n  \n\t\n---\n\r\nSoumith Chintala\r\n\r\n2025-11-19 Soumith Chintala "
                     "leaves Meta AI") == "Soumith Chintala");
  CHECK(derive_title("\xEF\xBB\xBFPyTorch Leader Soumith Chintala Steps Down\n") ==
        "PyTorch Leader Soumith Chintala Steps Down");
  CHECK(derive_title("\xEF\xBB\xBF# Chintala\xE2\x80\x99s Announcement") ==
        "Chintala\xE2\x80\x99s Announcement");
  CHECK(derive_title("") == "");
  CHECK(derive_title("\n\n---\n  \n***\n") == "");
}

TEST_CASE("derive_title cuts a long line on a code point boundary and adds an ellipsis") {
  const std::string line = "Mira Murati\xE2\x80\x99s Thinking Machines Lab";
  // "Mira Murati" is 11 bytes; the apostrophe takes bytes 11..13.
  SUBCASE("a short line is kept whole") {
    CHECK(derive_title(line, line.size()) == line);
  }
  SUBCASE("the cut falls inside the apostrophe") {
    // With the 3-byte ellipsis, 14 to 16 bytes leave room for 11 to 13 bytes of text.
    for (size_t max_bytes : {14u, 15u, 16u}) {
      CAPTURE(max_bytes);
      const std::string title = derive_title(line, max_bytes);
      CHECK(title == "Mira Murati\xE2\x80\xA6");
      CHECK(dramatis::utf8::find_invalid(title).empty());
    }
  }
  SUBCASE("the cut falls after a whole code point") {
    CHECK(derive_title(line, 17) == "Mira Murati\xE2\x80\x99\xE2\x80\xA6");
    CHECK(derive_title(line, 18) == "Mira Murati\xE2\x80\x99s\xE2\x80\xA6");
    CHECK(derive_title(line, line.size() - 1) ==
          "Mira Murati\xE2\x80\x99s Thinking Machines\xE2\x80\xA6");
  }
  SUBCASE("the default limit is 160 bytes") {
    std::string long_line;
    while (long_line.size() < 400) long_line += "Soumith Chintala\xE2\x80\x99s PyTorch; ";
    const std::string title = derive_title(long_line);
    CHECK(title.size() <= 160);
    CHECK(title.size() >= 160 - 2);  // a cut code point loses at most 2 bytes
    CHECK(title.ends_with("\xE2\x80\xA6"));
    CHECK(long_line.starts_with(title.substr(0, title.size() - 3)));
    CHECK(dramatis::utf8::find_invalid(title).empty());
  }
}

TEST_CASE("derive_title keeps single underscores of handles and drops strong emphasis") {
  CHECK(dramatis::derive_title("According to @soumith_chintala, **PyTorch** grew\n") ==
        "According to @soumith_chintala, PyTorch grew");
  CHECK(dramatis::derive_title("__Leaving Meta__ and PyTorch") == "Leaving Meta and PyTorch");
}
