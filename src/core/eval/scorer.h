// Scoring an Analysis against gold annotations (docs/quality.md has the rules and the numbers):
// entities by exact span and type, quotes by span overlap (>= 50% of the shorter span) and by
// exact span, speakers over matched quotes, and alias clustering as pairwise precision/recall.
// Offsets are UTF-8 byte offsets; document i of the analysis is document i of the gold.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/eval/gold.h"
#include "core/nlp/analysis.h"

namespace dramatis::eval {

// Counts and the ratios made from them. A ratio with a zero denominator is undefined (nullopt:
// "-" in tables, null in JSON). F1 = 2*correct / (gold + predicted), the harmonic mean of P and R.
struct Prf {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f1() const;
  Prf& operator+=(const Prf& other);
};

struct EntityScores {
  std::map<EntityType, Prf> by_type;  // the selected types and any in the gold or prediction
  std::vector<EntityType> selected;   // the types of `micro`
  Prf micro;                          // summed over `selected`
  Prf micro_all;                      // summed over every type of `by_type`
};

struct QuoteScores {
  Prf overlap;  // one-to-one matching, overlap >= 50% of the shorter span
  Prf exact;    // the same start and end
  Prf direct;   // overlap, direct speech only: gold "direct" (or no kind) vs predicted direct/mixed
  // Speakers, over gold quotes matched by overlap whose speaker is annotated (a name or null).
  size_t speaker_annotated = 0;
  size_t speaker_correct = 0;  // the same person, or both unknown
  // Of the correct, those whose predicted entity's name matches no gold name but whose mentions in
  // the quote's document are mostly gold mentions of the speaker ("Henkel" for the gold's
  // "Henkel AG & Co. KGaA"): the right referent under another name. Needs gold `entity` names.
  size_t speaker_by_mentions = 0;
  size_t speaker_named = 0;    // of the annotated, those whose gold speaker is a name
  size_t speaker_unknown = 0;  // of the named, those the prediction left without a speaker
  std::optional<double> speaker_accuracy() const;
  std::optional<double> unknown_rate() const;
};

// Pairwise clustering of mentions found with the exact gold span (any type) whose gold entity has
// an "entity" name: a pair is "predicted" when both mentions belong to the same predicted entity,
// "gold" when both have the same gold name. precision = correct/predicted, recall = correct/gold.
struct AliasScores {
  size_t mentions = 0;  // gold mentions with a name that the prediction also found
  Prf pairs;
};

struct ScoreOptions {
  std::vector<EntityType> types = {EntityType::Person, EntityType::Org, EntityType::Location};
};

struct EvalResult {
  size_t documents = 0;
  EntityScores entities;
  QuoteScores quotes;
  std::optional<AliasScores> aliases;  // absent when no gold entity has an "entity" name
};

// `analysis` must refer to documents by index into `gold.documents`.
EvalResult score(const GoldSet& gold, const Analysis& analysis, const ScoreOptions& options = {});

// Reads the parts of a "dramatis.analysis/1" JSON that scoring uses (entities with name, type,
// aliases and mentions; quotes with span and speaker), mapping its documents to the gold's by
// position. Checks that it has as many documents as the gold, each of the same byte length.
// `file` names the analysis in diagnostics; nullopt on any error.
std::optional<Analysis> analysis_from_json(const nlohmann::json& json, const GoldSet& gold,
                                           const std::string& file,
                                           std::vector<Diagnostic>& diagnostics);

// Speaker rule (docs/quality.md): the gold name equals the entity's name or one of its aliases,
// ignoring case and runs of spaces; or one side is a single word equal to the other's last word and
// no other name in `context_names` (the document's gold speakers and gold entity names) has that
// last word.
bool speaker_matches(const Entity& predicted, const std::string& gold_name,
                     const std::vector<std::string>& context_names);

// Speaker rule by referent: of the entity's mentions in document `doc_index` that are gold
// mentions with an `entity` name, more are of `gold_name` than of any other name.
bool refers_to(const Entity& predicted, uint32_t doc_index, const GoldDocument& doc,
               const std::string& gold_name);

nlohmann::json result_to_json(const EvalResult& result);

// A plain-text report: tables of counts, precision, recall and F1.
std::string result_to_table(const EvalResult& result);

}  // namespace dramatis::eval
