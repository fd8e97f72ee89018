// The words and contexts around a proper-name candidate that say what it is (src/core/nlp/
// entity_candidates.cpp asks them): word classes ("the framework X", "the town of X", job titles,
// calendar words), where a word stands (first in its sentence, in a headline block) and what the
// tokens next to a name say ("in X, Texas", "joined X", "X said", "X 1 – 0 Y").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/nlp/analysis.h"
#include "core/nlp/document_view.h"

namespace dramatis::name_context {

// Words that may join the capitalised parts of one name ("University of California", "Bank of
// America", "Ludwig van Beethoven"), when the part before them allows it.
bool is_connector(std::string_view word);

// "al-Amr", "el-Sisi", "bin-Salman": an Arabic article or "son of" joined to a capitalised
// surname. Written in lower case, yet the end of a name when it follows one.
bool is_particle_surname(std::string_view word);

// "van", "de", "bin": a particle between a given name and a surname ("Ludwig van Beethoven").
bool is_particle(std::string_view word);
// The same, written in any case: "Van" opening "Van der Veen said".
bool is_particle_ignoring_case(std::string_view word);

// How many particles (one or two: "van der", "de la") stand at token `i`, followed by a name
// token of the same sentence; 0 when they do not.
size_t particles_before_name(const DocumentView& v, size_t i);

// Nouns that mark the name next to them as a product ("the framework PyTorch", "Tinker, a tool").
bool is_product_noun(std::string_view word);

// Nouns for a work whose title follows them ("the graphic novel Angel Catbird", "the 1969 film
// Easy Rider"): the title is the work's, even when it opens with a given name.
bool is_work_noun(std::string_view word);

// Nouns for an organisation whose name follows them ("the localist group Youngspiration", "US
// team Cloud9", "the band Duran Duran", "the security firm Secunia").
bool is_organisation_noun(std::string_view word);

// Month and weekday names and their abbreviations: capitalised, never names here (dates are
// found by nlp/dates.h).
bool is_calendar_word(std::string_view word);

// "PyTorch-powered", "Lua-based": a compound adjective, not a name ("Lee Cheuk-yan" is one).
bool is_compound_adjective(std::string_view word);

// The pronoun "I" and its contractions (I'm, I’ve) are capitalised but never names.
bool is_first_person(std::string_view word);

// Token `i` may be part of a name: a handle, or a word with a capital (first, inner or all) that
// is no month, weekday, "I", compound adjective, currency prefix ("US$") or letter-noun
// ("T-shirt"). A month that is also a given name is one before a surname ("Jan Hatzius"), not
// after a word that dates it ("in April").
bool is_name_token(const DocumentView& v, size_t i);

// "Wai-ching", "Kwok-kin": a given name written with a hyphen, a capital only at its start.
bool is_hyphenated_given_name(std::string_view word);

// A hyphenated word that can be part of a person's name: a given name as above, a surname after
// an Arabic article ("Al-Maeena", "El-Hassan", "Abu-Bakr"), a Korean given name of two short
// capitalised syllables ("Hee-Chan", "Jae-In") or two listed given names ("Jean-Pierre").
// Compounds of words ("Sea-Air-Space", "Spider-Gwen", "Counter-Strike") are none of these.
bool is_hyphenated_name_word(std::string_view word);

// A double-barrelled surname: two capitalised parts of two letters or more joined by one hyphen
// ("Asante-Boateng", "Pai-Kamath", "Vega-Thornton"), letters past ASCII counted as lower case
// ("Núñez-García"). Only as the last word after a given name, where a compound ("Sea-Air") does
// not stand.
bool is_double_barrelled(std::string_view word);

// A hyphenated word with a listed given name on either side: "Félix-Antoine", "Anne-Sophie".
bool has_given_name_part(std::string_view word);

// A word of politics that, after a name's first word, makes it a party's or a movement's
// ("Christian Democratic Appeal", "Free Democrats", "Scottish Labour"): no person's name holds
// "Democratic" or "Socialist".
bool is_political_word(std::string_view word);

// Capitalised nouns of a person's role ("Director", "Spokesperson", "Coach"), of a building or
// site ("Museum", "Arena", "Memorial", "Air Force Base"), and the words before a title ("Prime",
// "Deputy").
bool is_job_title_noun(std::string_view word);
bool is_facility_noun(std::string_view word);
bool is_title_modifier(std::string_view word);

// Letters written after a person's name: "KC", "QC", "MP", "OBE", "PhD".
bool is_post_nominal(std::string_view word);

// "Democrat", "Republican": a party's member, written after the place they represent.
bool is_party_member_word(std::string_view word);

// A word the legal-form list knows, written as a legal form: in capitals or with dots ("AG",
// "S.A.", "v.o.s."), with an inner capital ("GmbH"), or one of the forms written in title case.
// Title case alone would make surnames companies ("Peter Vos", "Ong": the forms "vos", "ong").
bool written_as_legal_form(std::string_view word);

// "K.C.", "J.R.R.": capitals each followed by a dot.
bool is_dotted_initials(std::string_view word);

// "6", "11", "3.5": one or two digits, perhaps a point and more digits.
bool is_version_number(std::string_view word);

// "Act", "Treaty", "Accord", "Study", "Survey", "Declaration", "Charter": the last word of a
// document's name.
bool is_document_noun(std::string_view word);

// "HMS", "USS", "HMC", "RMS", "MV": the prefix of a ship's name.
bool is_vessel_prefix(std::string_view word);

// "IE6", "PS5", "GPT4": two or more capitals and then one to three digits, a product and its
// version (not "G7", one letter, nor "M5S").
bool is_versioned_letters(std::string_view word);

// "1st", "22nd", "501st", "3rd", "10th": digits and the ordinal's English ending.
bool is_ordinal(std::string_view word);

// "XVII", "VIII", "IV": a well-formed Roman numeral of two letters or more with an I, V or X (so
// "CD", "MDC" and "DC" stay acronyms). Alone it numbers a part or a sequel; it names no one.
bool is_roman_numeral(std::string_view word);

// "North", "Southern", "Central", "Northeast": a compass point, which names a part of a place
// ("Southern Indiana", "Kowloon West", "South East Asia").
bool is_compass_word(std::string_view word);

// `name` (words joined by single spaces) without its leading and trailing compass words
// ("South East Asia" -> "Asia", "Kowloon West" -> "Kowloon"); empty when it has none or is
// nothing else.
std::string_view without_compass_points(std::string_view name);

// `word` lower-cased (ASCII) into `buffer`, which callers reuse so that no lookup allocates.
std::string_view lower_into(std::string_view word, std::string& buffer);

// Token `i` follows "in", "from", "near", "across" and the like.
bool after_location_preposition(const DocumentView& v, size_t i);

// "from Irving, Texas", "in Sydney, Australia": a lone name after "in" or "from" whose comma is
// followed by a listed country or region is a place, though the lexicons know it only as a given
// name (or not at all). After an article the region must be closed by a comma too ("a Richmond,
// Virginia, man"); the region itself, after that comma, is a place as well (see its callers).
bool before_region(const DocumentView& v, size_t i);

// After a place preposition (as after_location_preposition) or one of motion or position: "to",
// "off", "at", "via", "into", "toward(s)", "around". For town names alone (Lexicon::is_town),
// which no other word of the sentence would take.
bool after_motion_preposition(const DocumentView& v, size_t i);

// A lone name [first, end) that a speaker talks to or a noun calls a news outlet: "told
// Eurosport", "the Yonhap news agency", "the Asahi newspaper". Not a listed given name ("told
// Anna").
bool names_outlet(const DocumentView& v, size_t first, size_t end);

// "Raymond Chan of People Power", "a researcher at", "a delegation from": token `i` follows a
// word that ties a name to someone.
bool after_affiliation_word(const DocumentView& v, size_t i);

// "institutions like Princeton and Stanford", "companies such as Meta", "cities including
// Paris": the type of the names listed after a plural noun of their kind, for the name at token
// `first` anywhere in such a list (PERSON for "people", "artists"...; ORG, LOCATION, PRODUCT), or
// none.
std::optional<EntityType> listed_kind(const DocumentView& v, size_t first);

// "joined Meta", "leaves Google", "at OpenAI": a lone name there is an organisation.
bool after_organisation_verb(const DocumentView& v, size_t i);

// "Korean People's Army", "Children's Hospital": the genitive of an irregular plural sits inside
// a name; other possessives end one ("Meta's Soumith Chintala").
bool is_plural_genitive_noun(std::string_view word);

// "Wikinews observed", "Ubisoft said": the token after a name is a reporting verb, perhaps after
// "has" or "had" ("Reuters has reported").
bool before_reporting_verb(const DocumentView& v, size_t after);

// "Demosisto's Nathan Law", "Youngspiration's Yau Wai-ching": a lone name whose possessive is
// followed by a person's given name holds that person as a member.
bool possessive_before_given_name(const DocumentView& v, size_t after);

// "IndiGo chief executive Pieter Elbers", "Goldman Sachs economist Jan Hatzius", "Lindfield
// coach Vincent Kaminski": the name ending before token `after` employs the person named after a
// company or team role in lower case. Roles people also have for other people ("Biden
// spokesman", "Trump lawyer") and a product's ("PyTorch co-creator") are not asked.
bool before_staff_role(const DocumentView& v, size_t after);

// "1 – 0", "3-2": a score at token `i`.
bool score_at(const DocumentView& v, size_t i);

// "Sweden defeated South Korea", "North Korea fired", "South Korea says", "Sweden 1 – 0 Korea
// Republic": a country followed by a verb in the past, a modal or a reporting verb, or by a
// score, is acting as its government or playing as its team. A verb in -s is left out: after a
// country it is as often a plural noun ("Korea officials").
bool country_acts(const DocumentView& v, size_t after);

// First word of its sentence (after any bullet, quote or emphasis marker that opens it).
bool starts_sentence(const DocumentView& v, size_t i);

// Token `i` is in a block `headline` (entity_candidates.h, headline_blocks) marks.
bool in_headline_block(const DocumentView& v, size_t i, const std::vector<bool>& headline);

// Tokens [first, end) as a candidate's key: their text, a single space where the text had space.
std::string join_key(const DocumentView& v, size_t first, size_t end);
// The same key for a lookup: one token's own text, or several joined into `buffer` (reused
// across calls, so asking the lexicons about a run allocates nothing).
std::string_view join_key_into(const DocumentView& v, size_t first, size_t end,
                               std::string& buffer);

// The listed place of one to three capitalised words ending just before token `end` ("New
// South Wales" before a comma), or starting at `begin`; none when there is no such place.
bool place_ends_at(const DocumentView& v, size_t end);
bool place_starts_at(const DocumentView& v, size_t begin);

// "Helmand province", "the Kowloon district": a name right before a lower-case noun for an
// administrative area is that area's.
bool before_place_noun(const DocumentView& v, size_t end);

// A name in a place's company, though the lexicons also know it as a given name or a company:
// "the town of Yeoncheon" (listed or not); "Seattle, Washington" (a state or country after a
// city and its comma); "New South Wales, Victoria, South Australia" (between places in a list).
bool in_place_context(const DocumentView& v, size_t first, size_t end);

}  // namespace dramatis::name_context
