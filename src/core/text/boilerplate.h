// Boilerplate detection: marks (never deletes) the lines of scraped news pages that are not the
// article: navigation, share widgets, promotion and legal blocks, bylines, bare URLs, related
// links, and lines repeated within a document or across a corpus. Byte offsets, uint32_t.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/markdown.h"
#include "core/text/tokens.h"

namespace dramatis::text {

// One marked line: [start, end) runs from the line's first non-space byte (its Markdown marker
// included) to its last non-space byte. `reason` names the rule:
//   "navigation"         a line of navigation words only (Next, Read more, Share, Subscribe, ...)
//   "share-widget"       a line of share-button labels only (Facebook Twitter Email)
//   "promotion"          "Read Original", "scan QR code", "all rights reserved", "does not
//                        represent the platform’s views", "Reproduction without permission", ...
//   "metadata"           "Categories: ...", "Tags: ...", "Filed under: ..."
//   "byline"             a short "By Jane Doe" line, or a short line with "Posted by" and the like
//   "bare-url"           a line that is only a URL (optionally labelled: "Video: https://...")
//   "related-links"      link-only lines after a "Related"/"Recommended" heading, or a run of 3+
//                        link-only lines ending the document
//   "adjacent-article"   the title right after a "Next"/"Previous" line (the neighbouring post)
//   "repeated-line"      a later exact copy of a line of 2+ words in the same document
//   "repeated-across-documents"  a short line (2-12 words) found in 2+ documents, each time in
//                        the first or last quarter of the document (site headers and footers)
struct BoilerplateSpan {
  uint32_t start = 0;  // bytes
  uint32_t end = 0;    // bytes, exclusive
  std::string reason;
  friend bool operator==(const BoilerplateSpan&, const BoilerplateSpan&) = default;
};

// Spans per document (same order as `documents`), each list sorted and non-overlapping.
// Conservative by design: article prose is never marked, and neither are photo captions
// ("... Image: Jane Doe.") or source lists, which name people and organisations of the story.
std::vector<std::vector<BoilerplateSpan>> detect_boilerplate(
    const std::vector<std::string_view>& documents);

// A document already split by the caller: `tokens` = tokenize(text), `blocks` =
// parse_blocks(text). Both must outlive the call.
struct ParsedDocument {
  std::string_view text;
  std::span<const Token> tokens;
  std::span<const Block> blocks;
};

// The same spans as above for documents the caller has already tokenized and split into lines
// (the reading engine's views hold both), so no document is tokenized twice.
std::vector<std::vector<BoilerplateSpan>> detect_parsed_boilerplate(
    std::span<const ParsedDocument> documents);

}  // namespace dramatis::text
