// Text from documents and the analysis made fit for ImGui, shared by the panels: valid UTF-8
// (invalid bytes as U+FFFD), on one line, without a "##" that ImGui would read as an id, and
// snippets cut on character boundaries. Offsets are UTF-8 byte offsets into the original bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"

namespace dramatis::ui {

// `bytes` as valid UTF-8: each invalid sequence replaced by U+FFFD (utf8::DisplayText).
std::string display_text(std::string_view bytes);

// Display text on one line: every run of ASCII whitespace (line breaks and tabs included) as one
// space, none at either end. Takes valid UTF-8 (display_text's output) and keeps it valid.
std::string one_line(std::string_view text);

// A Selectable or tree label from document text: ImGui reads "##" as the start of a hidden id,
// so each "##" gets a space inside it ("# #").
std::string visible_label(std::string text);

// The bytes of `span` in its document, clamped to the document; empty when the document does
// not exist or the span lies outside it.
std::string_view span_bytes(const Corpus& corpus, const DocSpan& span);

// bytes[start, end) as one display line (display_text, then one_line). All of it when it is at
// most `max_bytes` long; else a window of about `max_bytes` centred on [focus_start, focus_end)
// (clamped into [start, end)), whose cut ends move to just past / before a space found within a
// few bytes outside the focus, else to a UTF-8 character boundary, with an ellipsis (U+2026) on
// each side where text was left out. A focus of [start, start + max_bytes) gives the head of the
// text, cut on a character boundary.
std::string snippet(std::string_view bytes, size_t start, size_t end, size_t focus_start,
                    size_t focus_end, size_t max_bytes);

// A span's words in their document, and the sentence-ish context around them: up to 60 bytes
// each side, stopping at a line break or a sentence end, else at a word boundary with an
// ellipsis. All three parts are display-safe and on one line.
struct Kwic {
  std::string left;
  std::string hit;
  std::string right;
};
Kwic kwic_of(const Corpus& corpus, const DocSpan& span);

// The text of a span, at most `max_bytes` of it (cut on a character boundary, with an
// ellipsis), display-safe; on one line when `single_line`.
std::string span_text(const Corpus& corpus, const DocSpan& span, size_t max_bytes,
                      bool single_line);

}  // namespace dramatis::ui
