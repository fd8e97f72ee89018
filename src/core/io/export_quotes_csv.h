// The quotes of an Analysis as RFC 4180 CSV, for spreadsheets and scripts: a header row, then
// one row per quote in Analysis order; CRLF line ends, every field double-quoted with inner
// quotes doubled. Columns: id, speaker_id, speaker_name, document_id, document_title, start,
// end (UTF-8 byte offsets, half-open), kind, confidence, cue, text, cluster. `text` is exactly
// the document's bytes at [start, end) (invalid UTF-8 included), so a reader can check it.
#pragma once

#include <string>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"

namespace dramatis {

std::string export_quotes_csv(const Corpus& corpus, const Analysis& analysis);

}  // namespace dramatis
