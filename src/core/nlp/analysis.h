// What the reading engine derives from a corpus: entities with their mentions and alias merges,
// quotes with speakers, dates, events, relations and conflicts. Every derived fact points back to
// document spans (UTF-8 byte offsets into the original bytes, half-open) and says which rule made
// it and how sure it is (DESIGN.md, contracts). Serialised by io/analysis_json.h as
// "dramatis.analysis/1".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dramatis {

enum class EntityType : uint8_t { Person, Org, Product, Location, Event, Date, Money, Quantity };

std::string_view to_string(EntityType type);  // "PERSON", "ORG", ...
std::optional<EntityType> entity_type_from_string(std::string_view name);

// A span of one document: `doc` is the index into Corpus::documents.
struct DocSpan {
  uint32_t doc = 0;
  size_t start = 0;  // bytes
  size_t end = 0;    // bytes, exclusive
  friend bool operator==(const DocSpan&, const DocSpan&) = default;
};

struct AliasMerge {
  std::string alias;        // the surface form merged into the entity
  std::string rule;         // e.g. "surname", "first-name", "acronym", "handle", "spelling"
  DocSpan evidence;         // where the alias was seen
  double confidence = 0.0;  // 0..1
};

struct Entity {
  std::string id;  // "e0", "e1", ... in order of first appearance
  std::string name;
  EntityType type = EntityType::Person;
  std::vector<std::string> aliases;  // every other surface form, sorted
  std::vector<DocSpan> mentions;     // sorted by (doc, start)
  std::vector<AliasMerge> merges;
};

enum class QuoteKind : uint8_t { Direct, Indirect, Mixed };
std::string_view to_string(QuoteKind kind);

struct Quote {
  std::string id;  // "q0", ...
  DocSpan span;    // the quoted words with their marks (a blockquote: the line after its marker)
  QuoteKind kind = QuoteKind::Direct;
  int speaker = -1;  // index into Analysis::entities, -1 when unknown
  std::string cue;   // the reporting verb or phrase ("said", "according to"); may be empty
  DocSpan cue_span;
  double confidence = 0.0;
  std::string reason;   // in plain words
  std::string cluster;  // "c0", ...: the same statement across documents
};

enum class DatePrecision : uint8_t { Day, Month, Year };
std::string_view to_string(DatePrecision precision);

struct DateMention {
  DocSpan span;
  std::string value;  // ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY
  DatePrecision precision = DatePrecision::Day;
  bool relative = false;  // resolved against the document's date ("on Monday", "last week")
};

struct Event {
  DocSpan span;  // the sentence or clause
  int subject = -1;
  std::string cue;   // "announced", "joined", ...
  std::string date;  // ISO 8601 or empty
  std::vector<int> objects;
};

struct Relation {
  int source = -1;
  int target = -1;
  std::string type;  // co-occurs | joined | left | founded | leads | works_at | said_about
  double weight = 0.0;
  std::vector<DocSpan> evidence;
};

struct ConflictClaim {
  std::string value;
  DocSpan span;
};

struct Conflict {
  std::string about;  // e.g. "Soumith Chintala: departure date"
  std::vector<ConflictClaim> claims;
};

// A document date the text itself gives, under the headline ("Friday, July 21, 2017"), for a
// document whose metadata gives none.
struct Dateline {
  std::string value;  // ISO 8601, to the day
  DocSpan span;
};

struct Analysis {
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<DateMention> dates;
  std::vector<Event> events;
  std::vector<Relation> relations;
  std::vector<Conflict> conflicts;
  // Per document: its dateline when its metadata has no date and its text has one; relative
  // dates were read against it.
  std::vector<std::optional<Dateline>> datelines;
};

}  // namespace dramatis
