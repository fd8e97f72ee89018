#include "core/view/reader_marks.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

namespace dramatis {
namespace {

// A mention or a quote of the document, before overlaps are resolved.
struct Candidate {
  size_t start = 0;    // bytes
  size_t end = 0;      // bytes, exclusive
  int32_t owner = -1;  // mention: entity index; quote: quote index
  int32_t index = -1;  // mention: index into the entity's mentions; quote: unused (-1)
};

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Moves `offset` back to the start of the UTF-8 sequence it falls in. A sequence is at most four
// bytes, so at most three steps; a longer run of stray continuation bytes is left where it is
// (each of those is its own invalid sequence, which DisplayText maps to its replacement).
size_t sequence_start(std::string_view text, size_t offset) {
  for (int i = 0; i < 3 && offset > 0 && offset < text.size() && is_continuation(text[offset]); ++i)
    --offset;
  return offset;
}

// Clips [start, end) to the text and widens it to whole sequences; false when nothing is left.
bool clip_range(std::string_view text, size_t& start, size_t& end) {
  end = std::min(end, text.size());
  if (start >= end) return false;
  start = sequence_start(text, start);
  if (end < text.size() && is_continuation(text[end])) {
    // The end falls inside a sequence: take the whole of it.
    const size_t back = sequence_start(text, end);
    if (back != end) {
      size_t next = back + 1;
      while (next < text.size() && next < back + 4 && is_continuation(text[next])) ++next;
      end = next;
    }
  }
  return start < end;
}

// Keeps the longest candidates first (then the earliest, then the lowest owner and index), each
// only if it overlaps none kept so far. Returns the kept ones sorted by start; the others go to
// `left` (when given) in the same order of preference.
std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates,
                                        std::vector<Candidate>* left = nullptr) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    const size_t length_a = a.end - a.start, length_b = b.end - b.start;
    if (length_a != length_b) return length_a > length_b;
    return std::tie(a.start, a.owner, a.index) < std::tie(b.start, b.owner, b.index);
  });
  std::map<size_t, Candidate> kept;  // by start; never overlapping
  for (const Candidate& c : candidates) {
    auto next = kept.lower_bound(c.start);
    const bool overlaps = (next != kept.end() && next->second.start < c.end) ||
                          (next != kept.begin() && std::prev(next)->second.end > c.start);
    if (!overlaps) {
      kept.emplace(c.start, c);
    } else if (left != nullptr) {
      left->push_back(c);
    }
  }
  std::vector<Candidate> sorted;
  sorted.reserve(kept.size());
  for (const auto& [start, c] : kept) sorted.push_back(c);
  return sorted;
}

// Of `left` (mentions resolve_overlaps did not keep), those lying inside one of `outer` (kept,
// sorted by start) with a different entity: the inner names.
std::vector<Candidate> inside_outer(const std::vector<Candidate>& left,
                                    const std::vector<Candidate>& outer) {
  std::vector<Candidate> inner;
  for (const Candidate& c : left) {
    auto it = std::upper_bound(outer.begin(), outer.end(), c.start,
                               [](size_t at, const Candidate& o) { return at < o.start; });
    if (it == outer.begin()) continue;
    --it;
    if (c.end <= it->end && c.owner != it->owner) inner.push_back(c);
  }
  return inner;
}

std::vector<Candidate> mention_candidates(const Analysis& analysis, uint32_t doc,
                                          std::string_view text, uint32_t& dropped) {
  std::vector<Candidate> out;
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    const std::vector<DocSpan>& mentions = analysis.entities[e].mentions;
    for (size_t m = 0; m < mentions.size(); ++m) {
      if (mentions[m].doc != doc) continue;
      size_t start = mentions[m].start, end = mentions[m].end;
      if (!clip_range(text, start, end)) {
        ++dropped;
        continue;
      }
      out.push_back({start, end, static_cast<int32_t>(e), static_cast<int32_t>(m)});
    }
  }
  return out;
}

std::vector<Candidate> quote_candidates(const Analysis& analysis, uint32_t doc,
                                        std::string_view text, uint32_t& dropped) {
  std::vector<Candidate> out;
  for (size_t q = 0; q < analysis.quotes.size(); ++q) {
    const DocSpan& span = analysis.quotes[q].span;
    if (span.doc != doc) continue;
    size_t start = span.start, end = span.end;
    if (!clip_range(text, start, end)) {
      ++dropped;
      continue;
    }
    out.push_back({start, end, static_cast<int32_t>(q), -1});
  }
  return out;
}

// Boilerplate spans clipped, sorted and joined where they overlap or touch.
std::vector<std::pair<size_t, size_t>> boilerplate_ranges(
    std::string_view text, std::span<const text::BoilerplateSpan> spans) {
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const text::BoilerplateSpan& span : spans) {
    size_t start = span.start, end = span.end;
    if (clip_range(text, start, end)) ranges.emplace_back(start, end);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<size_t, size_t>> joined;
  for (const auto& r : ranges) {
    if (!joined.empty() && r.first <= joined.back().second) {
      joined.back().second = std::max(joined.back().second, r.second);
    } else {
      joined.push_back(r);
    }
  }
  return joined;
}

bool same_marks(const ReaderRun& a, const ReaderRun& b) {
  return a.entity == b.entity && a.mention == b.mention && a.inner_entity == b.inner_entity &&
         a.inner_mention == b.inner_mention && a.quote == b.quote && a.boilerplate == b.boilerplate;
}

}  // namespace

ReaderMarks build_reader_marks(const Analysis& analysis, uint32_t doc, std::string_view text,
                               std::span<const text::BoilerplateSpan> boilerplate) {
  ReaderMarks marks;
  std::vector<Candidate> all_mentions = mention_candidates(analysis, doc, text, marks.dropped);
  std::vector<Candidate> all_quotes = quote_candidates(analysis, doc, text, marks.dropped);
  const size_t mention_count = all_mentions.size(), quote_count = all_quotes.size();
  std::vector<Candidate> left;
  const std::vector<Candidate> mentions = resolve_overlaps(std::move(all_mentions), &left);
  const std::vector<Candidate> inner = resolve_overlaps(inside_outer(left, mentions));
  const std::vector<Candidate> quotes = resolve_overlaps(std::move(all_quotes));
  const std::vector<std::pair<size_t, size_t>> dimmed = boilerplate_ranges(text, boilerplate);
  marks.mentions = static_cast<uint32_t>(mentions.size() + inner.size());
  marks.quotes = static_cast<uint32_t>(quotes.size());
  marks.boilerplate = static_cast<uint32_t>(dimmed.size());
  marks.dropped += static_cast<uint32_t>(mention_count - marks.mentions);
  marks.dropped += static_cast<uint32_t>(quote_count - quotes.size());

  // Every edge of every mark, in order: between two neighbouring edges the marks are constant.
  std::vector<size_t> edges;
  edges.reserve(2 * (mentions.size() + inner.size() + quotes.size() + dimmed.size()));
  for (const Candidate& c : mentions) edges.insert(edges.end(), {c.start, c.end});
  for (const Candidate& c : inner) edges.insert(edges.end(), {c.start, c.end});
  for (const Candidate& c : quotes) edges.insert(edges.end(), {c.start, c.end});
  for (const auto& r : dimmed) edges.insert(edges.end(), {r.first, r.second});
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

  // One sweep with a cursor per list (each sorted and non-overlapping).
  size_t m = 0, n = 0, q = 0, b = 0;
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    const size_t start = edges[i], end = edges[i + 1];
    while (m < mentions.size() && mentions[m].end <= start) ++m;
    while (n < inner.size() && inner[n].end <= start) ++n;
    while (q < quotes.size() && quotes[q].end <= start) ++q;
    while (b < dimmed.size() && dimmed[b].second <= start) ++b;
    ReaderRun run;
    run.start = start;
    run.end = end;
    if (m < mentions.size() && mentions[m].start <= start) {
      run.entity = mentions[m].owner;
      run.mention = mentions[m].index;
      run.type = analysis.entities[static_cast<size_t>(run.entity)].type;
      run.mention_start = mentions[m].start == start;
    }
    if (n < inner.size() && inner[n].start <= start) {
      run.inner_entity = inner[n].owner;
      run.inner_mention = inner[n].index;
      run.inner_type = analysis.entities[static_cast<size_t>(run.inner_entity)].type;
    }
    if (q < quotes.size() && quotes[q].start <= start) {
      run.quote = quotes[q].owner;
      run.speaker = analysis.quotes[static_cast<size_t>(run.quote)].speaker;
      if (run.speaker < -1 || run.speaker >= static_cast<int32_t>(analysis.entities.size()))
        run.speaker = -1;
      run.quote_start = quotes[q].start == start;
    }
    run.boilerplate = b < dimmed.size() && dimmed[b].first <= start;
    if (run.entity < 0 && run.quote < 0 && !run.boilerplate) continue;
    if (!marks.runs.empty() && marks.runs.back().end == start &&
        same_marks(marks.runs.back(), run)) {
      marks.runs.back().end = end;
      continue;
    }
    marks.runs.push_back(run);
  }
  return marks;
}

std::vector<std::vector<text::BoilerplateSpan>> corpus_boilerplate(const Corpus& corpus) {
  // make_document_views tokenizes each document and splits it into Markdown blocks before
  // detecting; detect_boilerplate does exactly that, so the spans are the pipeline's.
  std::vector<std::string_view> texts;
  texts.reserve(corpus.documents.size());
  for (const Document& doc : corpus.documents) texts.emplace_back(doc.bytes);
  std::vector<std::vector<text::BoilerplateSpan>> spans = text::detect_boilerplate(texts);
  for (auto& list : spans) {
    std::sort(list.begin(), list.end(),
              [](const text::BoilerplateSpan& a, const text::BoilerplateSpan& b) {
                return a.start < b.start;
              });
  }
  return spans;
}

std::vector<DocSpan> entity_mentions_in_document(const Analysis& analysis, size_t entity,
                                                 uint32_t doc) {
  std::vector<DocSpan> out;
  if (entity >= analysis.entities.size()) return out;
  for (const DocSpan& m : analysis.entities[entity].mentions)
    if (m.doc == doc) out.push_back(m);
  std::stable_sort(out.begin(), out.end(),
                   [](const DocSpan& a, const DocSpan& b) { return a.start < b.start; });
  return out;
}

namespace {

bool before(const DocSpan& m, uint32_t doc, size_t offset) {
  return std::tie(m.doc, m.start) < std::tie(doc, offset);
}

}  // namespace

std::optional<size_t> mention_at(std::span<const DocSpan> mentions, uint32_t doc, size_t offset) {
  // The last mention starting at or before the offset is the only one that can hold it (mentions
  // of one entity do not overlap; where bad input makes them, the later start wins).
  auto it = std::upper_bound(mentions.begin(), mentions.end(), std::make_pair(doc, offset),
                             [](const std::pair<uint32_t, size_t>& key, const DocSpan& m) {
                               return std::tie(key.first, key.second) < std::tie(m.doc, m.start);
                             });
  if (it == mentions.begin()) return std::nullopt;
  --it;
  if (it->doc != doc) return std::nullopt;
  if (offset < it->end || offset == it->start) return static_cast<size_t>(it - mentions.begin());
  return std::nullopt;
}

std::optional<size_t> step_mention_index(std::span<const DocSpan> mentions, uint32_t doc,
                                         size_t offset, int delta) {
  if (mentions.empty() || delta == 0) return std::nullopt;
  const auto n = static_cast<long long>(mentions.size());
  long long index = 0;
  if (const std::optional<size_t> here = mention_at(mentions, doc, offset)) {
    index = static_cast<long long>(*here) + delta;
  } else {
    // The first mention after the position; one step back is the one before it.
    const auto after = std::partition_point(
        mentions.begin(), mentions.end(), [&](const DocSpan& m) { return before(m, doc, offset); });
    const auto first_after = static_cast<long long>(after - mentions.begin());
    index = delta > 0 ? first_after + (delta - 1) : first_after + delta;
  }
  index %= n;
  if (index < 0) index += n;
  return static_cast<size_t>(index);
}

}  // namespace dramatis
