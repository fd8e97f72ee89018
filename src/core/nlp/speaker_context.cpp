#include "core/nlp/speaker_context.h"

#include <algorithm>
#include <iterator>

#include "core/nlp/lexicon.h"
#include "core/nlp/text_case.h"
#include "core/text/ascii.h"

namespace dramatis {
namespace {

using text::TokenKind;

// How far back (tokens) a pronoun or "the company" looks for what it refers to.
constexpr size_t kPronounWindow = 400;
// How many descriptor words may stand before a sentence's subject ("Civil Defense Authority
// director General Suleiman al-Amr").
constexpr size_t kMaxDescriptors = 5;

// Words that end a noun phrase before a name rather than describe the name: "For Kevin Allton,
// ...", "When Smith arrived", "and Jones".
bool is_function_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "about",  "after", "against", "also",   "although", "and",     "as",      "at",    "because",
      "before", "but",   "by",      "during", "for",      "from",    "he",      "her",   "his",
      "how",    "i",     "if",      "in",     "into",     "it",      "its",     "not",   "of",
      "on",     "or",    "over",    "she",    "since",    "so",      "than",    "that",  "their",
      "there",  "these", "they",    "this",   "those",    "though",  "through", "to",    "under",
      "until",  "upon",  "we",      "what",   "when",     "where",   "whether", "which", "while",
      "who",    "whom",  "whose",   "why",    "with",     "without", "you"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// The document's own word on a person's gender, right before the name: an honorific ("Mr
// Key") or a kinship noun ("her father Kwon Dae-sung", "his wife Amina").
NameGender honorific_gender(std::string_view word) {
  static constexpr std::string_view kMale[] = {"mr",       "sir",     "lord",    "father",
                                               "son",      "brother", "husband", "grandfather",
                                               "grandson", "uncle",   "nephew",  "king"};
  static constexpr std::string_view kFemale[] = {
      "mrs",    "ms",   "miss",        "lady",          "dame", "mother", "daughter",
      "sister", "wife", "grandmother", "granddaughter", "aunt", "niece",  "queen"};
  const std::string lower =
      to_lower_ascii(word.ends_with('.') ? word.substr(0, word.size() - 1) : word);
  if (text::listed(lower, kMale)) return NameGender::Male;
  if (text::listed(lower, kFemale)) return NameGender::Female;
  return NameGender::Unknown;
}

// An opening phrase before the subject: "During Prime Minister's Questions Wednesday, Sunak
// defended ...", "After the leak, CEO ... Enver Solomon told".
bool opens_adverbial(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"after", "at",     "before", "during", "following",
                                                "for",   "from",   "in",     "on",     "since",
                                                "with",  "within", "without"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// Writings that speak for their author: "X's statement said".
bool is_document_noun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"statement", "letter",   "post",  "tweet",
                                                "blog",      "website",  "email", "memo",
                                                "report",    "analysis", "study", "survey"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

NameGender pronoun_gender(std::string_view word) {
  const std::string lower = to_lower_ascii(word);
  return lower == "he"    ? NameGender::Male
         : lower == "she" ? NameGender::Female
                          : NameGender::Unknown;
}

}  // namespace

bool is_auxiliary(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "has",   "have", "had", "will", "would", "also",     "then",     "later",
      "again", "was",  "is",  "had",  "just",  "publicly", "recently", "formally"};
  const std::string lower = to_lower_ascii(word);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

double confidence_for(SubjectHow how, double named) {
  return how == SubjectHow::Named ? named : how == SubjectHow::Pronoun ? named - 0.15 : named - 0.2;
}

SpeakerContext::SpeakerContext(const DocumentView& v, const std::vector<MentionRef>& mentions,
                               const std::vector<Entity>& entities,
                               std::vector<std::pair<size_t, size_t>> quoted)
    : v_(v), mentions_(mentions), entities_(entities), quoted_(std::move(quoted)) {
  // Each token's mention, and each entity's mention count in this document (salience).
  token_mention_.assign(v.tokens.size(), -1);
  size_t m = 0;
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    while (m < mentions.size() && mentions[m].end <= v.tokens[i].start) ++m;
    if (m < mentions.size() && mentions[m].start <= v.tokens[i].start &&
        v.tokens[i].end <= mentions[m].end)
      token_mention_[i] = static_cast<int>(m);
  }
  for (const MentionRef& ref : mentions) {
    ++salience_[ref.entity];
    first_named_.emplace(ref.entity, ref.start);  // mentions are in text order
  }
  // Gender: "Mr Key" / "Ms Buchtmann" in this document first, else the given name.
  for (size_t i = 1; i < v.tokens.size(); ++i) {
    const int here = token_mention_[i];
    if (here < 0 || token_mention_[i - 1] == here ||
        mentions[static_cast<size_t>(here)].type != EntityType::Person)
      continue;
    const NameGender g = honorific_gender(word(i - 1));
    if (g != NameGender::Unknown) gender_.emplace(mentions[static_cast<size_t>(here)].entity, g);
  }
  // Then what the document says of them: "Van der Veen said he would", "X told reporters she".
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    const int here = token_mention_[i];
    if (here < 0 || (i + 1 < v.tokens.size() && token_mention_[i + 1] == here) ||
        mentions[static_cast<size_t>(here)].type != EntityType::Person)
      continue;
    size_t cue = i + 1;
    while (cue < v.tokens.size() && is_auxiliary(word(cue))) ++cue;
    if (cue >= v.tokens.size() || !is_cue(cue)) continue;
    for (size_t k = cue + 1; k < v.tokens.size() && k <= cue + 3; ++k) {
      if (v.tokens[k].kind != TokenKind::Word) break;
      const NameGender g = pronoun_gender(word(k));
      if (g == NameGender::Unknown) continue;
      gender_.emplace(mentions[static_cast<size_t>(here)].entity, g);
      break;
    }
  }
  for (const auto& [entity, count] : salience_) {
    const Entity& e = entities[static_cast<size_t>(entity)];
    if (e.type != EntityType::Person || gender_.contains(entity)) continue;
    const std::string_view first = std::string_view(e.name).substr(0, e.name.find(' '));
    // A lone name may be a surname ("Thomas" for Mr Thomas), unless it is listed as a given
    // name and nothing else ("Gloria").
    const Lexicon& lex = lexicon();
    if (first.size() == e.name.size() && lex.is_ambiguous_first_name(first)) continue;
    const NameGender g = lex.first_name_gender(first);
    if (g != NameGender::Unknown) gender_.emplace(entity, g);
  }
}

bool SpeakerContext::is_cue(size_t i) const {
  return v_.tokens[i].kind == TokenKind::Word && token_mention_[i] < 0 &&
         lexicon().is_reporting_verb(to_lower_ascii(word(i)));
}

bool SpeakerContext::is_pronoun(size_t i) const {
  return pronoun_gender(word(i)) != NameGender::Unknown;
}

std::optional<EntityType> SpeakerContext::role_noun_type(size_t i) const {
  const std::string lower = to_lower_ascii(word(i));
  if (lower == "company" || lower == "firm" || lower == "organisation" || lower == "organization" ||
      lower == "startup" || lower == "group" || lower == "agency")
    return EntityType::Org;
  // "The city reasoned": its administration speaks, named by the place. Only after "the":
  // "city officials said" are people.
  if ((lower == "city" || lower == "town" || lower == "municipality") && i > 0 &&
      text::equals_lower(word(i - 1), "the"))
    return EntityType::Location;
  // "A spokesperson for the hospital said ... \"...,\" the spokesperson said": who speaks is
  // the organisation (as "a spokesperson for X" is), not a person.
  if ((lower == "spokesperson" || lower == "spokesman" || lower == "spokeswoman") && i > 0 &&
      text::equals_lower(word(i - 1), "the"))
    return EntityType::Org;
  return std::nullopt;
}

bool SpeakerContext::is_descriptor(size_t i) const {
  if (v_.tokens[i].kind != TokenKind::Word || token_mention_[i] >= 0 || is_cue(i)) return false;
  const std::string lower = to_lower_ascii(word(i));
  if (is_function_word(lower)) return false;
  if (v_.tokens[i].has(text::kCapitalized) || v_.tokens[i].has(text::kAllCaps)) return true;
  // Lower-case words that look like verbs or adverbs end the phrase: "Police arrested Smith",
  // "Facebook hires Smith", "Allegedly Smith".
  const auto ends = [&](std::string_view suffix) { return lower.ends_with(suffix); };
  return !(ends("ed") || ends("ing") || ends("ly") || (ends("s") && !ends("ss")));
}

Subject SpeakerContext::subject_at(size_t i) const {
  if (const int m = token_mention_[i]; m >= 0) return {mention(m).entity, SubjectHow::Named, i};
  if (is_pronoun(i)) return {resolve_pronoun(i), SubjectHow::Pronoun, i};
  if (const auto role = role_noun_type(i)) return {last_of_type(i, *role), SubjectHow::Role, i};
  // At the article of "the company", as past_subject() steps over both.
  if (text::equals_lower(word(i), "the") && i + 1 < v_.tokens.size()) {
    if (const auto role = role_noun_type(i + 1))
      return {last_of_type(i + 1, *role), SubjectHow::Role, i + 1};
  }
  return {};
}

Subject SpeakerContext::named_person_at(size_t i) const {
  const Subject s = subject_at(i);
  if (s.entity >= 0 && s.how == SubjectHow::Named && type(s.entity) == EntityType::Person) return s;
  return {};
}

size_t SpeakerContext::mention_start(size_t token, size_t floor) const {
  while (token > floor && token_mention_[token - 1] == token_mention_[token]) --token;
  return token;
}

size_t SpeakerContext::mention_end(size_t token, size_t limit) const {
  const int m = token_mention_[token];
  while (token < limit && token_mention_[token] == m) ++token;
  return token;
}

size_t SpeakerContext::past_subject(size_t s, size_t limit) const {
  if (s >= limit) return s;
  if (token_mention_[s] >= 0) return mention_end(s, limit);
  if (is_pronoun(s)) return s + 1;
  if (to_lower_ascii(word(s)) == "the" && s + 1 < limit && role_noun_type(s + 1)) return s + 2;
  return s;
}

Subject SpeakerContext::lead_subject(size_t first, size_t end) const {
  Subject place_or_org;  // the first name seen when it is not a person's
  size_t descriptors = 0;
  while (first < end && v_.tokens[first].kind == TokenKind::Emphasis) ++first;
  // "In 2010, X ...", and a participle's phrase: "Writing in a blog post, X ...".
  const std::string lower_first = first < end ? to_lower_ascii(word(first)) : std::string();
  // "Asked whether it hurt, she said": the question's clause opens the sentence as well.
  const bool participle =
      ((lower_first.size() >= 6 && lower_first.ends_with("ing")) || lower_first == "asked") &&
      token_mention_[first] < 0;
  if (first < end && (opens_adverbial(lower_first) || participle)) {
    for (size_t c = first + 1; c < end && c < first + 12; ++c) {
      if (word(c) == ",") {
        first = c + 1;
        break;
      }
      if (v_.tokens[c].kind == TokenKind::Punct) break;
    }
  }
  for (size_t i = first; i < end;) {
    const TokenKind kind = v_.tokens[i].kind;
    if (kind == TokenKind::Emphasis || kind == TokenKind::Bullet || kind == TokenKind::Possessive) {
      ++i;
      continue;
    }
    if (const int m = token_mention_[i]; m >= 0) {
      const Subject named{mention(m).entity, SubjectHow::Named, i};
      if (mention(m).type == EntityType::Person) return named;
      if (place_or_org.entity < 0) place_or_org = named;
      while (i < end && token_mention_[i] == m) ++i;
      continue;
    }
    if (kind != TokenKind::Word) break;
    if (place_or_org.entity < 0 && descriptors == 0 && is_pronoun(i)) return subject_at(i);
    if (place_or_org.entity < 0 && role_noun_type(i) && i > first &&
        to_lower_ascii(word(i - 1)) == "the")
      return subject_at(i);
    // "Minister of Education Stefania Giannini", "CEO of the Refugee Council Enver Solomon".
    const bool of = descriptors > 0 && text::equals_lower(word(i), "of");
    if ((!of && !is_descriptor(i)) || ++descriptors > kMaxDescriptors) break;
    ++i;
  }
  return place_or_org;
}

Subject SpeakerContext::subject_of(size_t verb, size_t sentence_first) const {
  size_t i = verb;
  while (i > sentence_first &&
         (is_auxiliary(word(i - 1)) || v_.tokens[i - 1].kind == TokenKind::Emphasis))
    --i;
  if (i == sentence_first) return {};
  if (const Subject s = subject_at(i - 1); s.entity >= 0) {
    // "the Moreno report", "a Reuters report": a cue's bare form after "the <name>" is a noun.
    if (s.how == SubjectHow::Named && i == verb) {
      const size_t name_first = mention_start(i - 1, sentence_first);
      const std::string lower = to_lower_ascii(word(verb));
      if (name_first > sentence_first && lexicon().reporting_verb_lemma(lower) == lower &&
          (text::equals_lower(word(name_first - 1), "the") ||
           text::equals_lower(word(name_first - 1), "a")))
        return {};
    }
    // "Matthew Ingram of The Globe and Mail dubbed", "a researcher X of the University said":
    // the person whose organisation it is speaks.
    if (s.how == SubjectHow::Named && type(s.entity) != EntityType::Person) {
      size_t of = mention_start(i - 1, sentence_first);
      if (of > sentence_first && text::equals_lower(word(of - 1), "the")) --of;
      if (of >= sentence_first + 2 && text::equals_lower(word(of - 1), "of")) {
        if (const Subject person = named_person_at(of - 2); person.entity >= 0) return person;
      }
    }
    return s;
  }
  // "Cornyn's statement added", "the Home Office letter reads": a writing speaks for its owner.
  if (i >= sentence_first + 2 && is_document_noun(to_lower_ascii(word(i - 1)))) {
    const size_t owner_at = v_.tokens[i - 2].kind == TokenKind::Possessive ? i - 3 : i - 2;
    if (owner_at >= sentence_first && owner_at < i - 1 && token_mention_[owner_at] >= 0)
      return subject_at(owner_at);
  }
  // "PC World's recent analysis of its own traffic concluded": a writing whose owner opens the
  // sentence speaks for that owner, however long the words describing it.
  const size_t owner_at =
      sentence_first + (text::equals_lower(word(sentence_first), "the") ? 1 : 0);
  if (owner_at < i && token_mention_[owner_at] >= 0) {
    const size_t k = mention_end(owner_at, i);
    if (k < i && v_.tokens[k].kind == TokenKind::Possessive) {
      for (size_t m = k + 1; m < i && m <= k + 3; ++m) {
        if (is_document_noun(to_lower_ascii(word(m)))) return subject_at(owner_at);
      }
    }
  }
  // "Matthew Ingram of The Globe and Mail dubbed" where the organisation's name was not found
  // whole: back over capitalised words and the title-case words between them to "of", and the
  // person before it speaks.
  for (size_t j = i; j-- > sentence_first + 1 && i - j <= 8;) {
    const std::string_view w = word(j);
    if (w == "of") {
      if (j < i - 1) {
        if (const Subject person = named_person_at(j - 1); person.entity >= 0) return person;
      }
      break;
    }
    if (!v_.tokens[j].has(text::kCapitalized) && !is_title_case_function_word(w) && w != "&") break;
  }
  if (word(i - 1) != ",") return {};
  // "The secretary general of CEI, Nunzio Galantino, has called": a person's whole name set off
  // by commas right before the verb is the subject (not "X, the wife of Y, said": Y follows
  // "of", not a comma).
  if (i >= sentence_first + 3 && token_mention_[i - 2] >= 0) {
    size_t name_first = mention_start(i - 2, sentence_first);
    // "Its president, Prof. Olufemi Adekunle-Ajayi, told": titles stand between.
    while (name_first > sentence_first + 1 && lexicon().is_honorific(word(name_first - 1)))
      --name_first;
    const Subject s = named_person_at(i - 2);
    if (name_first > sentence_first && word(name_first - 1) == "," && s.entity >= 0) return s;
  }
  // "X, the co-founder of Y, said" / "X, 45, a teacher, said": the name before an earlier
  // comma of the same clause, a person's first.
  Subject other;
  size_t commas = 0;
  for (size_t j = i - 2; j > sentence_first && i - j < 30; --j) {
    const TokenKind kind = v_.tokens[j].kind;
    if (kind == TokenKind::OpenQuote || kind == TokenKind::CloseQuote) break;
    if (kind == TokenKind::Punct && word(j) != "," && word(j) != "(" && word(j) != ")") break;
    if (word(j) != ",") continue;
    if (++commas > 3) break;
    const Subject s = subject_at(j - 1);
    if (s.entity < 0) continue;
    if (s.how != SubjectHow::Named || type(s.entity) == EntityType::Person) return s;
    if (other.entity < 0) other = s;
  }
  // "In Sacramento, Gov. Luis Ocampo welcomed the vote, saying": a place or organisation before
  // a comma gives way to the person the sentence is about.
  const Subject lead = lead_subject(sentence_first, i - 1);
  if (other.entity >= 0 && !(lead.entity >= 0 && lead.how == SubjectHow::Named &&
                             type(lead.entity) == EntityType::Person))
    return other;
  return lead;
}

bool SpeakerContext::agrees(int entity, NameGender pronoun) const {
  const auto it = gender_.find(entity);
  return pronoun == NameGender::Unknown || it == gender_.end() || it->second == pronoun;
}

bool SpeakerContext::in_quote(size_t byte) const {
  auto it = std::upper_bound(quoted_.begin(), quoted_.end(), byte,
                             [](size_t b, const auto& range) { return b < range.first; });
  return it != quoted_.begin() && byte < std::prev(it)->second;
}

bool SpeakerContext::speaks_at(size_t i) const {
  const size_t end = v_.tokens.size();
  size_t after = mention_end(i, end);
  // "Its leader, Sanne de Wit, posted": after an apposition's closing comma.
  if (after + 1 < end && word(after) == ",") ++after;
  while (after < end && is_auxiliary(word(after))) ++after;
  if (after < end && is_cue(after)) return true;
  const size_t start = mention_start(i, 0);
  return start > 0 && is_cue(start - 1);
}

bool SpeakerContext::opens_sentence_as_subject(size_t i) const {
  const text::Sentence& s = v_.sentences[v_.token_sentence[i]];
  // A sentence led by "he" has no named subject; saying so here keeps lead_subject from
  // resolving that pronoun in turn.
  for (size_t t = s.first_token; t < s.end_token; ++t) {
    if (token_mention_[t] >= 0) break;
    if (v_.tokens[t].kind == TokenKind::Word && is_pronoun(t)) return false;
  }
  const Subject lead = lead_subject(s.first_token, s.end_token);
  return lead.entity >= 0 && lead.how == SubjectHow::Named &&
         token_mention_[lead.token] == token_mention_[i];
}

int SpeakerContext::resolve_pronoun(size_t at) const {
  const NameGender g = pronoun_gender(word(at));
  const uint32_t sentence = at < v_.token_sentence.size() ? v_.token_sentence[at] : 0;
  // A person named (not as the subject) in this sentence or the one before, whose first name
  // says they match the pronoun, beats an earlier subject whose name says nothing: in "For Kevin
  // Allton, ... Warhol was a legend. He said", "he" is Kevin, not the Kiara of three sentences
  // before.
  int named_nearby = -1;
  for (size_t i = at; i-- > 0 && at - i < kPronounWindow;) {
    if (v_.token_sentence[i] + 5 < sentence) break;
    const int m = token_mention_[i];
    if (m < 0 || mentions_[static_cast<size_t>(m)].type != EntityType::Person) continue;
    const int entity = mentions_[static_cast<size_t>(m)].entity;
    if (!agrees(entity, g)) continue;
    // "\"Matteo plays like he has nothing to lose,\" he said": whom a quotation names is not
    // the pronoun outside it.
    if (!in_quote(v_.tokens[at].start) && in_quote(v_.tokens[i].start)) continue;
    const bool known = g != NameGender::Unknown && gender_.contains(entity);
    // The subject of the sentence, or one who speaks in it ("..., her father Kwon Dae-sung told
    // the agency that ... \"...,\" he said"; "\"...,\" said O'Halloran, who left his coach, Park
    // Jin-ho. \"...,\" he added").
    if (opens_sentence_as_subject(i) || speaks_at(i))
      return named_nearby >= 0 && !known ? named_nearby : entity;
    if (named_nearby < 0 && known && v_.token_sentence[i] + 1 >= sentence) named_nearby = entity;
  }
  if (named_nearby >= 0) return named_nearby;
  return most_salient(EntityType::Person, g, v_.tokens[at].start);
}

int SpeakerContext::last_of_type(size_t at, EntityType type) const {
  // A place that speaks is a town's administration: "the city" is the last town named, or its
  // administration named as such ("the Municipality of Livorno", "the City of Sydney"), not the
  // region or country written after it ("in Livorno, Tuscany").
  const auto town_body = [](std::string_view name) {
    return name.starts_with("Municipality of ") || name.starts_with("City of ") ||
           name.starts_with("Town of ");
  };
  // "The company" is a business: not the regulator or court named since ("In a filing with the
  // Securities and Exchange Commission, the company said").
  const bool business = type == EntityType::Org && (text::equals_lower(word(at), "company") ||
                                                    text::equals_lower(word(at), "firm") ||
                                                    text::equals_lower(word(at), "startup"));
  const auto public_body = [](std::string_view name) {
    static constexpr std::string_view kHeads[] = {
        "commission", "agency",    "ministry",   "department",     "court",     "council",
        "parliament", "senate",    "congress",   "police",         "authority", "board",
        "bureau",     "committee", "government", "administration", "regulator", "tribunal"};
    const size_t space = name.rfind(' ');
    return text::listed(space == std::string_view::npos ? name : name.substr(space + 1), kHeads);
  };
  int fallback = -1;
  for (size_t i = at; i-- > 0 && at - i < kPronounWindow;) {
    const int m = token_mention_[i];
    if (m < 0) continue;
    const MentionRef& ref = mentions_[static_cast<size_t>(m)];
    const std::string& name = entities_[static_cast<size_t>(ref.entity)].name;
    if (type == EntityType::Location && ref.type == EntityType::Org && town_body(name))
      return ref.entity;
    if (ref.type != type || (business && public_body(name))) continue;
    if (type != EntityType::Location) {
      // "ATR, the manufacturer owned by Airbus and Leonardo, said ... \"...,\" the company
      // said": the organisation the sentence before is about, not one its apposition names.
      if (fallback < 0) fallback = ref.entity;
      const uint32_t sentence = v_.token_sentence[at];
      if (v_.token_sentence[i] + 1 < sentence) return fallback;
      if (opens_sentence_as_subject(i)) return ref.entity;
      continue;
    }
    const Lexicon::NameLists lists = lexicon().name_lists(name);
    if (!lists.country && !lists.subdivision) return ref.entity;
    if (fallback < 0) fallback = ref.entity;
  }
  return fallback >= 0 ? fallback : most_salient(type, NameGender::Unknown, v_.tokens[at].start);
}

int SpeakerContext::most_salient(EntityType type, NameGender agree, size_t before) const {
  int best = -1, best_count = 0;
  for (const auto& [entity, count] : salience_) {
    if (entities_[static_cast<size_t>(entity)].type == type && count > best_count &&
        first_named_.at(entity) < before && agrees(entity, agree)) {
      best = entity;
      best_count = count;
    }
  }
  return best;
}

std::string SpeakerContext::describe(const Subject& s) const {
  if (s.how == SubjectHow::Pronoun)
    return "'" + std::string(word(s.token)) + "' refers to " + name(s.entity) +
           ", the latest person named as a subject";
  if (s.how == SubjectHow::Role)
    return "'the " + std::string(word(s.token)) + "' is " + name(s.entity);
  return name(s.entity);
}

}  // namespace dramatis
