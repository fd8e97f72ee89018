#include "core/io/export_quotes_csv.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "core/io/export_text.h"

namespace dramatis {
namespace {

void append_row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (const std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    append_csv_field(out, field);
  }
  out += "\r\n";
}

}  // namespace

std::string export_quotes_csv(const Corpus& corpus, const Analysis& analysis) {
  std::string out;
  append_row(out, {"id", "speaker_id", "speaker_name", "document_id", "document_title", "start",
                   "end", "kind", "confidence", "cue", "text", "cluster"});
  for (const Quote& quote : analysis.quotes) {
    const Entity* speaker = nullptr;
    if (quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < analysis.entities.size())
      speaker = &analysis.entities[static_cast<size_t>(quote.speaker)];
    const Document* doc =
        quote.span.doc < corpus.documents.size() ? &corpus.documents[quote.span.doc] : nullptr;
    std::string_view text;
    if (doc) {
      // Clamp, so a span past the end (a bug upstream) cannot read out of bounds.
      const size_t end = std::min(quote.span.end, doc->bytes.size());
      const size_t start = std::min(quote.span.start, end);
      text = std::string_view(doc->bytes).substr(start, end - start);
    }
    append_row(out, {quote.id, speaker ? std::string_view(speaker->id) : std::string_view(),
                     speaker ? std::string_view(speaker->name) : std::string_view(),
                     doc ? std::string_view(doc->meta.id) : std::string_view(),
                     doc ? std::string_view(doc->meta.title) : std::string_view(),
                     std::to_string(quote.span.start), std::to_string(quote.span.end),
                     to_string(quote.kind), format_export_number(quote.confidence), quote.cue, text,
                     quote.cluster});
  }
  return out;
}

}  // namespace dramatis
