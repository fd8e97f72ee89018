// Who a sentence is about, for quote attribution: one document's tokens with the entity mention
// under each, a sentence's subject ("Environment Canada spokeswoman Sujata Raisinghani told ..."
// is about Raisinghani), the subject of a reporting verb (past auxiliaries and an apposition:
// "Mu Li, of the University of NSW, said"), and what "he", "she" and "the company" refer to.
// Pronouns agree with what the document shows of a person: "Mr"/"Ms" before a mention, else a
// given name listed for one gender only; a person it shows nothing of agrees with both.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/lexicon.h"

namespace dramatis {

// A mention of a resolved entity in one document, for looking speakers up by position.
struct MentionRef {
  uint32_t start = 0;
  uint32_t end = 0;
  int entity = -1;
  EntityType type = EntityType::Person;
};

// How a subject was found, which sets the confidence and the reason's wording.
enum class SubjectHow : uint8_t { Named, Pronoun, Role };

struct Subject {
  int entity = -1;  // -1: none
  SubjectHow how = SubjectHow::Named;
  size_t token = 0;  // where it is written (the mention's first token, the pronoun, the noun)
};

class SpeakerContext {
 public:
  // `mentions` sorted by start; all three must outlive the context. `quoted`: the byte ranges
  // [start, end) of the document's quotations, in text order, whose names a pronoun outside
  // them does not refer to.
  SpeakerContext(const DocumentView& view, const std::vector<MentionRef>& mentions,
                 const std::vector<Entity>& entities,
                 std::vector<std::pair<size_t, size_t>> quoted = {});

  const DocumentView& view() const { return v_; }
  std::string_view word(size_t i) const { return v_.token_text(i); }
  int mention_at(size_t i) const { return token_mention_[i]; }
  const MentionRef& mention(int m) const { return mentions_[static_cast<size_t>(m)]; }
  const std::string& name(int entity) const { return entities_[static_cast<size_t>(entity)].name; }
  EntityType type(int entity) const { return entities_[static_cast<size_t>(entity)].type; }

  // A reporting verb written as a word, not as part of a name ("Huffington Post" is no "post").
  bool is_cue(size_t i) const;
  bool is_pronoun(size_t i) const;  // "he", "she"
  // The type a role noun stands for: "the company", "the agency" an organisation (the latest
  // named), "the city", "the town" a place; nullopt for other words.
  std::optional<EntityType> role_noun_type(size_t i) const;
  // A word that can stand in a noun phrase before a name: "team member", "Ambassador", "US",
  // "senior researcher". Not a function word, a verb-looking word (-ed, -ing, -ly) or a cue.
  bool is_descriptor(size_t i) const;

  // The entity a subject at token `i` names: a mention, "he"/"she", or "company" (the last
  // organisation); none when nothing there names one.
  Subject subject_at(size_t i) const;
  // The token after the subject that starts at `s` (a whole mention, a pronoun, "the company");
  // `s` when none starts there.
  size_t past_subject(size_t s, size_t limit) const;
  // The subject of sentence tokens [first, end): its first name, pronoun or "the company" after
  // at most a few descriptor words; a person named right after a place or organisation
  // ("US President Barack Obama") is the subject, not the place.
  Subject lead_subject(size_t first, size_t end) const;
  // The subject of the verb at `verb`: the name or pronoun just before it (past auxiliaries),
  // or before an apposition ("X, the inventor of Y, has announced"), or the sentence's subject
  // when the verb follows a comma.
  Subject subject_of(size_t verb, size_t sentence_first) const;

  // The person "he"/"she" at token `at` refers to: the latest person of agreeing gender named
  // as a sentence's subject in the last few sentences, else the agreeing person this document
  // names most.
  int resolve_pronoun(size_t at) const;
  int last_of_type(size_t at, EntityType type) const;

  // Plain words for a subject in a reason: "'she' refers to X, the latest person named as a
  // subject", "'the agency' is X", or the name.
  std::string describe(const Subject& s) const;

 private:
  // subject_at(i) when it names a person outright (not a pronoun or a role noun), else none.
  Subject named_person_at(size_t i) const;
  // The first token of the mention covering `token`, not before `floor`; one past its last,
  // not past `limit`. `token` must be part of a mention.
  size_t mention_start(size_t token, size_t floor) const;
  size_t mention_end(size_t token, size_t limit) const;
  // The entity of `type` agreeing with `agree` that has the most mentions in the document, among
  // those first named before byte `before`: a pronoun or "the company" looks back, not ahead.
  int most_salient(EntityType type, NameGender agree, size_t before) const;
  bool agrees(int entity, NameGender pronoun) const;
  bool opens_sentence_as_subject(size_t i) const;
  // The mention covering token `i` speaks: a reporting verb follows it ("X told", "X has said")
  // or stands right before it ("said X").
  bool speaks_at(size_t i) const;

  const DocumentView& v_;
  const std::vector<MentionRef>& mentions_;
  const std::vector<Entity>& entities_;
  std::vector<int> token_mention_;
  std::map<int, int> salience_;        // entity -> mentions in this document
  std::map<int, size_t> first_named_;  // entity -> the start of its first mention here
  std::vector<std::pair<size_t, size_t>> quoted_;
  bool in_quote(size_t byte) const;
  std::map<int, NameGender> gender_;  // people whose gender the document shows
};

bool is_auxiliary(std::string_view word);  // "has", "will", "also", "later" ...

// The confidence of an attribution whose named form would have `named`: pronouns and role
// nouns are less sure.
double confidence_for(SubjectHow how, double named);

}  // namespace dramatis
