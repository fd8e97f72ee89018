// Fuzz target: one file's bytes becoming a document, the first step for every file a user opens
// or drops (corpus/corpus_loader.h add_document_bytes: the HTML-to-text step for .html, then
// corpus/document_check.h), and the UTF-8 layer under it (text/utf8.h). Input: the file's bytes.
//
// Besides "no crash", it checks what utf8.h promises, since every offset in Dramatis rests on
// it: invalid sequences found as decode() splits them, a display copy that is valid UTF-8 with
// maps that round-trip at boundaries, and floor/ceil boundaries that agree with the same split.
#include <string>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/corpus/corpus_loader.h"
#include "core/corpus/document_check.h"
#include "core/text/html_text.h"
#include "core/text/utf8.h"
#include "fuzz_check.h"

using namespace dramatis;

namespace {

// The sequence starts of `text` as decode() walks it from the start, plus the end.
std::vector<size_t> boundaries_of(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size();) {
    starts.push_back(i);
    const utf8::Step step = utf8::decode(text, i);
    FUZZ_CHECK(step.length >= 1 && step.length <= 4 && i + step.length <= text.size());
    if (step.valid) {
      // A valid step is a scalar value that encodes back to exactly the bytes it took.
      FUZZ_CHECK(step.codepoint <= 0x10FFFF &&
                 (step.codepoint < 0xD800 || step.codepoint > 0xDFFF));
      std::string again;
      utf8::append(again, step.codepoint);
      FUZZ_CHECK(again == text.substr(i, step.length));
    } else {
      FUZZ_CHECK(step.codepoint == utf8::kReplacement && step.length <= 3);
    }
    i += step.length;
  }
  starts.push_back(text.size());
  return starts;
}

void check_utf8(std::string_view text) {
  const std::vector<size_t> starts = boundaries_of(text);
  const std::vector<utf8::InvalidSequence> invalid = utf8::find_invalid(text);
  size_t invalid_bytes = 0;
  for (size_t k = 0; k < invalid.size(); ++k) {
    FUZZ_CHECK(invalid[k].length >= 1 && invalid[k].offset + invalid[k].length <= text.size());
    if (k > 0) FUZZ_CHECK(invalid[k - 1].offset + invalid[k - 1].length <= invalid[k].offset);
    FUZZ_CHECK(!utf8::decode(text, invalid[k].offset).valid);
    invalid_bytes += invalid[k].length;
  }

  // Boundaries: floor is the last start at or before an offset, ceil the first at or after.
  size_t next = 0;  // index into starts of the first start >= offset
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    while (starts[next] < offset) ++next;
    const size_t ceil = starts[next];
    const size_t floor = ceil == offset ? offset : starts[next - 1];
    FUZZ_CHECK(utf8::floor_boundary(text, offset) == floor);
    FUZZ_CHECK(utf8::ceil_boundary(text, offset) == ceil);
  }
  FUZZ_CHECK(utf8::floor_boundary(text, text.size() + 7) == text.size());

  // The display copy: valid UTF-8, 3 bytes per replacement, maps that round-trip at starts.
  const utf8::DisplayText display(text);
  FUZZ_CHECK(utf8::find_invalid(display.text()).empty());
  FUZZ_CHECK(display.text().size() == text.size() - invalid_bytes + 3 * invalid.size());
  size_t previous = 0;
  for (const size_t start : starts) {
    const size_t shown = display.to_display(start);
    FUZZ_CHECK(shown >= previous && shown <= display.text().size());
    FUZZ_CHECK(display.to_original(shown) == start);
    previous = shown;
  }
  FUZZ_CHECK(display.to_display(text.size()) == display.text().size());
}

void check_loaded(const Corpus& corpus, const std::string& path) {
  FUZZ_CHECK(corpus.documents.size() <= 1);
  for (const Diagnostic& d : corpus.diagnostics) FUZZ_CHECK(d.file == path);
  for (const Document& doc : corpus.documents) {
    FUZZ_CHECK(doc.bytes.find('\0') == std::string::npos);
    const auto invalid = utf8::find_invalid(doc.bytes);
    FUZZ_CHECK(doc.invalid_utf8.size() == invalid.size());
    // The title is display text: valid UTF-8, at most 160 bytes (derive_title's default).
    FUZZ_CHECK(utf8::find_invalid(doc.meta.title).empty());
    FUZZ_CHECK(doc.meta.title.size() <= 160);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::bytes_of(data, size);
  check_utf8(bytes);

  // As a text file, and as an HTML page (whose readable text becomes the document's bytes).
  for (const std::string path : {"fuzz/input.txt", "fuzz/input.html"}) {
    Corpus corpus;
    add_document_bytes(path, std::string(bytes), corpus);
    check_loaded(corpus, path);
  }

  // Removing tags and decoding references never makes valid UTF-8 invalid ('<' and '>' are
  // ASCII, so a tag never starts or ends inside a sequence).
  const std::string page_text = html_to_text(bytes);
  if (utf8::find_invalid(bytes).empty()) FUZZ_CHECK(utf8::find_invalid(page_text).empty());
  check_utf8(page_text);

  const std::string title = derive_title(bytes, 20);
  FUZZ_CHECK(title.size() <= 20);
  return 0;
}
