// What the reader paints over one document: flat, sorted, non-overlapping runs of its original
// bytes, each naming the entity mention, the quote and the boilerplate it lies in (a mention
// inside a quote becomes runs carrying both; a name inside a longer name, nested_mentions.h,
// runs carrying the outer and the inner mention), and the mentions of one entity for stepping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"
#include "core/text/boilerplate.h"

namespace dramatis {

// One run: a byte range with one set of marks. Runs never cut a UTF-8 sequence in half.
struct ReaderRun {
  size_t start = 0;                      // bytes into the document's original bytes
  size_t end = 0;                        // bytes, exclusive
  int32_t entity = -1;                   // index into Analysis::entities; -1: not a mention
  int32_t mention = -1;                  // index into that entity's mentions; -1 with entity
  EntityType type = EntityType::Person;  // the entity's type, when entity >= 0
  // The name inside it ("Texas" in "University of Texas"): -1 when none.
  int32_t inner_entity = -1;
  int32_t inner_mention = -1;
  EntityType inner_type = EntityType::Person;
  int32_t quote = -1;    // index into Analysis::quotes; -1: not in a quote
  int32_t speaker = -1;  // the quote's speaker (index into entities); -1: unknown or no quote
  bool boilerplate = false;
  bool mention_start = false;  // the first run of its mention
  bool quote_start = false;    // the first run of its quote (where the speaker label goes)
  friend bool operator==(const ReaderRun&, const ReaderRun&) = default;
};

struct ReaderMarks {
  // Sorted by start, non-overlapping, each non-empty and carrying at least one mark; text that
  // carries none has no run.
  std::vector<ReaderRun> runs;
  uint32_t mentions = 0;     // mentions painted (outer and inner)
  uint32_t quotes = 0;       // quotes painted
  uint32_t boilerplate = 0;  // boilerplate spans painted (touching ones count once)
  uint32_t dropped = 0;      // mentions and quotes left out: empty, outside the text, overlapping
};

// The runs of document `doc` (index into Corpus::documents) whose bytes are `text`, from the
// analysis' mentions and quotes of that document and its `boilerplate` spans (corpus_boilerplate).
// Ranges are clipped to the text and widened to whole UTF-8 sequences. Overlapping mentions
// are resolved longest first, then earliest, then lowest entity index; a mention inside one
// kept is an inner mention (resolved the same way among the inner ones), any other that
// overlaps one already kept (bad input) is dropped. Quotes are resolved the same way.
ReaderMarks build_reader_marks(const Analysis& analysis, uint32_t doc, std::string_view text,
                               std::span<const text::BoilerplateSpan> boilerplate);

// The boilerplate spans of every document (same order as corpus.documents), each list sorted
// by start: the spans the reading engine skips (make_document_views), found the same way.
std::vector<std::vector<text::BoilerplateSpan>> corpus_boilerplate(const Corpus& corpus);

// The mentions of `entity` (index into Analysis::entities) in document `doc`, sorted by start.
std::vector<DocSpan> entity_mentions_in_document(const Analysis& analysis, size_t entity,
                                                 uint32_t doc);

// The index into `mentions` (sorted by (doc, start)) of the mention holding byte `offset` of
// document `doc` (start <= offset < end, or offset == start for an empty one), if any.
std::optional<size_t> mention_at(std::span<const DocSpan> mentions, uint32_t doc, size_t offset);

// Where a step of `delta` mentions goes from byte `offset` of document `doc`, through `mentions`
// sorted by (doc, start), wrapping around at either end: from a mention (mention_at) it moves
// `delta` places; from elsewhere one step forward is the first mention after the offset and one
// step back the last one before it. nullopt when there are no mentions or delta is 0.
std::optional<size_t> step_mention_index(std::span<const DocSpan> mentions, uint32_t doc,
                                         size_t offset, int delta);

}  // namespace dramatis
