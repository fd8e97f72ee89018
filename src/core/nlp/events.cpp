#include "core/nlp/events.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "core/nlp/text_case.h"

namespace dramatis {
namespace {

// Event cues and the kind of fact each reports; conflicts compare facts of one kind.
struct Cue {
  std::string_view word;
  std::string_view fact;
};
constexpr Cue kCues[] = {
    {"announced", "announcement"}, {"announces", "announcement"}, {"announcement", "announcement"},
    {"joined", "joining"},         {"joins", "joining"},          {"left", "departure"},
    {"leaves", "departure"},       {"departs", "departure"},      {"departed", "departure"},
    {"departure", "departure"},    {"resigned", "departure"},     {"resignation", "departure"},
    {"retirement", "departure"},   {"exit", "departure"},         {"founded", "founding"},
    {"co-founded", "founding"},    {"launched", "launch"},        {"launches", "launch"},
    {"released", "release"},       {"acquired", "acquisition"},   {"appointed", "appointment"},
    {"hired", "hiring"},           {"established", "founding"},
};

const Cue* cue_of(std::string_view word) {
  const std::string lower = to_lower_ascii(word);
  for (const Cue& cue : kCues) {
    if (cue.word == lower) return &cue;
  }
  return nullptr;
}

std::string_view fact_of(std::string_view cue) {
  const Cue* c = cue_of(cue);
  return c == nullptr ? std::string_view() : c->fact;
}

// How many mentions back "he" may look for the person it means, and how many other entities an
// event lists: both keep long sentences from costing more than a bounded amount each.
constexpr long kLookBack = 50;
constexpr size_t kMaxObjects = 12;

// Two values conflict when neither refines the other: "2025-11" and "2025-11-06" agree.
bool compatible(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  return a.substr(0, n) == b.substr(0, n);
}

bool is_dateline(const DocumentView& v, const DateMention& date) {
  const size_t block = v.block_at(date.span.start);
  if (block >= v.blocks.size()) return false;
  for (size_t i = v.blocks[block].content_start; i < date.span.start; ++i) {
    const char c = v.text[i];
    if (c != ' ' && c != '*' && c != '_' && c != '#') return false;
  }
  return true;
}

// The first date mention inside [start, end) of a document's sorted dates.
const DateMention* first_date_in(const std::vector<DateMention>& dates, size_t start, size_t end) {
  auto it = std::lower_bound(dates.begin(), dates.end(), start,
                             [](const DateMention& d, size_t o) { return d.span.start < o; });
  return it != dates.end() && it->span.end <= end ? &*it : nullptr;
}

}  // namespace

std::vector<Event> find_events(const std::vector<DocumentView>& views,
                               const std::vector<std::vector<MentionRef>>& mentions,
                               const DatesByDocument& dates) {
  std::vector<Event> events;
  for (const DocumentView& v : views) {
    const std::vector<MentionRef>& refs = mentions[v.doc];
    for (const text::Sentence& sentence : v.sentences) {
      if (sentence.first_token >= v.tokens.size() || v.token_boilerplate[sentence.first_token])
        continue;
      // The sentence's first date and first cue.
      // A date opening its line is a dateline, the day of publication ("2025-11-19 X leaves
      // Meta"), not the day of the event.
      const DateMention* date = first_date_in(dates[v.doc], sentence.start, sentence.end);
      while (date != nullptr && is_dateline(v, *date)) {
        date = first_date_in(dates[v.doc], date->span.end, sentence.end);
      }
      if (date == nullptr) continue;
      const Cue* cue = nullptr;
      size_t cue_token = 0;
      for (size_t t = sentence.first_token; t < sentence.end_token && cue == nullptr; ++t) {
        cue = cue_of(v.token_text(t));
        cue_token = t;
      }
      if (cue == nullptr) continue;
      // Subject: the last person or organisation named before the cue, else the document's
      // first one in the sentence; "he"/"she" go to the latest person named before.
      Event event;
      event.span = {v.doc, sentence.start, sentence.end};
      event.cue = std::string(cue->word);
      event.date = date->value;
      const uint32_t cue_start = v.tokens[cue_token].start;
      // The sentence's mentions (refs are sorted by start), and the person named last before
      // the cue, looking back a bounded number of mentions.
      const auto first_in =
          std::lower_bound(refs.begin(), refs.end(), sentence.start,
                           [](const MentionRef& r, uint32_t offset) { return r.start < offset; });
      int last_person_before = -1;
      for (auto it = first_in; it != refs.begin() && first_in - it < kLookBack;) {
        --it;
        if (it->type == EntityType::Person) {
          last_person_before = it->entity;
          break;
        }
      }
      // The subject: the first person named before the cue, else the last organisation.
      int first_person = -1, last_org = -1;
      for (auto it = first_in; it != refs.end() && it->start < sentence.end; ++it) {
        if (it->end > sentence.end || it->start >= cue_start) continue;
        if (it->type == EntityType::Person && first_person < 0) first_person = it->entity;
        if (it->type == EntityType::Org) last_org = it->entity;
      }
      event.subject = first_person >= 0 ? first_person : last_org;
      if (event.subject < 0) event.subject = last_person_before;  // "he confirmed ..."
      for (auto it = first_in; it != refs.end() && it->start < sentence.end; ++it) {
        if (it->end > sentence.end || it->type == EntityType::Date || it->entity == event.subject)
          continue;
        if (event.objects.size() >= kMaxObjects) break;
        if (std::find(event.objects.begin(), event.objects.end(), it->entity) ==
            event.objects.end())
          event.objects.push_back(it->entity);
      }
      if (event.subject < 0) continue;
      events.push_back(std::move(event));
    }
  }
  return events;
}

std::vector<Conflict> find_conflicts(const std::vector<Event>& events, const DatesByDocument& dates,
                                     const std::vector<Entity>& entities) {
  // Group by (subject, kind of fact); a conflict needs two documents whose dates disagree.
  std::map<std::pair<int, std::string>, std::vector<const Event*>> groups;
  for (const Event& e : events) {
    const std::string_view fact = fact_of(e.cue);
    if (!fact.empty() && !e.date.empty()) groups[{e.subject, std::string(fact)}].push_back(&e);
  }
  std::vector<Conflict> conflicts;
  for (const auto& [key, list] : groups) {
    // Only distinct (document, date) claims can disagree, so compare those: a long document
    // that states one fact thousands of times costs one entry per date, not a pair per claim.
    std::vector<std::pair<uint32_t, std::string_view>> claims;
    claims.reserve(list.size());
    for (const Event* e : list) claims.emplace_back(e->span.doc, e->date);
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    bool disagree = false;
    for (size_t a = 0; a < claims.size() && !disagree; ++a) {
      for (size_t b = a + 1; b < claims.size(); ++b) {
        if (claims[a].first != claims[b].first && !compatible(claims[a].second, claims[b].second)) {
          disagree = true;
          break;
        }
      }
    }
    if (!disagree) continue;
    Conflict conflict;
    conflict.about = entities[static_cast<size_t>(key.first)].name + ": " + key.second + " date";
    for (const Event* e : list) {
      // The claim's span is the date mention itself, the words a reader checks.
      DocSpan span = e->span;
      if (const DateMention* d = first_date_in(dates[e->span.doc], e->span.start, e->span.end))
        span = d->span;
      conflict.claims.push_back({e->date, span});
    }
    conflicts.push_back(std::move(conflict));
  }
  return conflicts;
}

}  // namespace dramatis
