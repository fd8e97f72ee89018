// Names inside longer names: "Texas" in "University of Texas", "Andy Warhol" in "the Andy Warhol
// Foundation", "Google" in "Google Science Fair". Candidate finding gives each stretch of text one
// name, the longest; this pass adds the names written inside it as mentions too, of the entity
// that name already has in the corpus or of a place the lexicon knows, so that the entity list
// and the reader find every organisation, event or site named after a person, place or company.
//
// A nested mention lies inside another entity's mention. It is a mention like any other of its
// entity (counted, listed, exported), but it names no one in its sentence: speakers and
// relations read the outer name only (the pipeline leaves mentions inside longer ones out of
// the lists it gives them).
#pragma once

#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"
#include "core/nlp/entity_candidates.h"

namespace dramatis {

// Adds the nested mentions of every mention of an organisation, place, product or event of
// `entities` (people's names hold no other names), longest inner name first, left to right:
// - another entity's name or alias (not the outer entity's own), where that form names one
//   entity only, joins that entity;
// - else a country, region or city of the lexicon joins a place entity of the same name (a
//   country by its common name: "U.S." joins "United States"), made when there is none. A
//   single word that is also a common word (written in lower case in the corpus, a first name,
//   a keyword such as "Island") is not taken for a place.
// Also, outside every mention, a known name opening a hyphenated modifier ("Python-based",
// "Scientology-related") is a mention of it; it names its entity in the sentence, so it is no
// nested mention. Each entity's mentions stay sorted by (doc, start).
void add_nested_mentions(const std::vector<DocumentView>& views, const WordStats& stats,
                         std::vector<Entity>& entities);

}  // namespace dramatis
