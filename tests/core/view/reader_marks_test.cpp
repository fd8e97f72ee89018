// The reader's runs (src/core/view/reader_marks.cpp): a mention nested in a quote, boilerplate,
// runs sorted and inside the text whatever the input, overlapping mentions resolved the same way
// in any order (a name inside another kept as its inner name), boilerplate identical to the reading
// engine's, and stepping through mentions.
#include "core/view/reader_marks.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/nlp/document_view.h"

using namespace dramatis;

namespace {

const std::string kText =
    "Soumith Chintala said \"PyTorch will stay open for everyone\" at the Meta office.\n"
    "Share this article\n";

DocSpan span_of(uint32_t doc, const std::string& text, const std::string& part, size_t from = 0) {
  const size_t start = text.find(part, from);
  REQUIRE(start != std::string::npos);
  return {doc, start, start + part.size()};
}

Entity entity(const std::string& id, const std::string& name, EntityType type) {
  Entity e;
  e.id = id;
  e.name = name;
  e.type = type;
  return e;
}

// Soumith Chintala (PERSON), PyTorch (PRODUCT) and Meta (ORG) in document 1 of a corpus, PyTorch
// also in document 0; one quote by Soumith Chintala holding the PyTorch mention.
Analysis story_analysis() {
  Analysis analysis;
  analysis.entities.push_back(entity("e0", "Soumith Chintala", EntityType::Person));
  analysis.entities.push_back(entity("e1", "PyTorch", EntityType::Product));
  analysis.entities.push_back(entity("e2", "Meta", EntityType::Org));
  analysis.entities[0].mentions.push_back(span_of(1, kText, "Soumith Chintala"));
  analysis.entities[1].mentions.push_back({0, 0, 7});
  analysis.entities[1].mentions.push_back(span_of(1, kText, "PyTorch"));
  analysis.entities[2].mentions.push_back(span_of(1, kText, "Meta"));
  Quote quote;
  quote.id = "q0";
  quote.span = span_of(1, kText, "\"PyTorch will stay open for everyone\"");
  quote.speaker = 0;
  analysis.quotes.push_back(quote);
  return analysis;
}

// The invariants every list of runs keeps, whatever the input.
void check_well_formed(const ReaderMarks& marks, const std::string& text) {
  for (size_t i = 0; i < marks.runs.size(); ++i) {
    const ReaderRun& run = marks.runs[i];
    CHECK(run.start < run.end);
    CHECK(run.end <= text.size());
    CHECK((run.entity >= 0 || run.quote >= 0 || run.boilerplate));
    // An inner name lies inside a mention of another entity.
    if (run.inner_entity >= 0) {
      CHECK(run.entity >= 0);
      CHECK(run.inner_entity != run.entity);
    }
    if (i > 0) {
      CHECK(marks.runs[i - 1].end <= run.start);
    }
    // No run edge falls inside a UTF-8 sequence.
    if (run.start < text.size()) {
      CHECK((static_cast<unsigned char>(text[run.start]) & 0xC0) != 0x80);
    }
    if (run.end < text.size()) {
      CHECK((static_cast<unsigned char>(text[run.end]) & 0xC0) != 0x80);
    }
  }
}

}  // namespace

TEST_CASE("reader marks: a mention inside a quote splits the quote into flat runs") {
  const Analysis analysis = story_analysis();
  const ReaderMarks marks = build_reader_marks(analysis, 1, kText, {});
  check_well_formed(marks, kText);
  CHECK(marks.mentions == 3);
  CHECK(marks.quotes == 1);
  CHECK(marks.boilerplate == 0);
  CHECK(marks.dropped == 0);

  const DocSpan quote = analysis.quotes[0].span;
  const DocSpan pytorch = analysis.entities[1].mentions[1];
  REQUIRE(marks.runs.size() == 5);
  // Soumith Chintala, before the quote.
  CHECK(marks.runs[0].entity == 0);
  CHECK(marks.runs[0].type == EntityType::Person);
  CHECK(marks.runs[0].quote == -1);
  CHECK(marks.runs[0].mention_start);
  // The opening mark: quote only, where the speaker label goes.
  CHECK(marks.runs[1].start == quote.start);
  CHECK(marks.runs[1].end == pytorch.start);
  CHECK(marks.runs[1].quote == 0);
  CHECK(marks.runs[1].speaker == 0);
  CHECK(marks.runs[1].entity == -1);
  CHECK(marks.runs[1].quote_start);
  // PyTorch carries both the quote and the mention.
  CHECK(marks.runs[2].start == pytorch.start);
  CHECK(marks.runs[2].end == pytorch.end);
  CHECK(marks.runs[2].quote == 0);
  CHECK(marks.runs[2].entity == 1);
  CHECK(marks.runs[2].mention == 1);
  CHECK(marks.runs[2].type == EntityType::Product);
  CHECK_FALSE(marks.runs[2].quote_start);
  // The rest of the quote.
  CHECK(marks.runs[3].start == pytorch.end);
  CHECK(marks.runs[3].end == quote.end);
  CHECK(marks.runs[3].quote == 0);
  CHECK(marks.runs[3].entity == -1);
  CHECK_FALSE(marks.runs[3].quote_start);
  // Meta, after it.
  CHECK(marks.runs[4].entity == 2);
  CHECK(marks.runs[4].quote == -1);

  // Document 0 holds only PyTorch's first mention (bytes 0..7 of its own text).
  const ReaderMarks other = build_reader_marks(analysis, 0, "PyTorch 2.0 ships.", {});
  REQUIRE(other.runs.size() == 1);
  CHECK(other.runs[0].entity == 1);
  CHECK(other.runs[0].mention == 0);
}

TEST_CASE("reader marks: boilerplate is dimmed, under mentions too") {
  Analysis analysis = story_analysis();
  // A mention reaching into the boilerplate line: the part inside is a run of its own.
  const DocSpan share = span_of(1, kText, "Share this article");
  analysis.entities[2].mentions.push_back({1, share.start - 1, share.start + 5});
  const std::vector<text::BoilerplateSpan> boilerplate = {
      {static_cast<uint32_t>(share.start), static_cast<uint32_t>(share.end), "navigation"}};
  const ReaderMarks marks = build_reader_marks(analysis, 1, kText, boilerplate);
  check_well_formed(marks, kText);
  CHECK(marks.boilerplate == 1);
  REQUIRE(marks.runs.size() >= 3);
  const ReaderRun& last = marks.runs.back();
  CHECK(last.boilerplate);
  CHECK(last.entity == -1);
  CHECK(last.start == share.start + 5);
  CHECK(last.end == share.end);
  const ReaderRun& inside = marks.runs[marks.runs.size() - 2];
  CHECK(inside.boilerplate);
  CHECK(inside.entity == 2);
  CHECK(inside.start == share.start);
  CHECK_FALSE(inside.mention_start);
  const ReaderRun& outside = marks.runs[marks.runs.size() - 3];
  CHECK_FALSE(outside.boilerplate);
  CHECK(outside.entity == 2);
  CHECK(outside.start == share.start - 1);
  CHECK(outside.mention_start);

  // Touching or overlapping spans count as one.
  const std::vector<text::BoilerplateSpan> pieces = {
      {static_cast<uint32_t>(share.start + 6), static_cast<uint32_t>(share.end), "navigation"},
      {static_cast<uint32_t>(share.start), static_cast<uint32_t>(share.start + 6), "navigation"}};
  CHECK(build_reader_marks(Analysis{}, 1, kText, pieces).boilerplate == 1);
  CHECK(build_reader_marks(Analysis{}, 1, kText, pieces).runs.size() == 1);
}

TEST_CASE("reader marks: ranges are clipped to the text and to whole UTF-8 sequences") {
  // "é" is two bytes (C3 A9), "—" three (E2 80 94).
  const std::string text = "Yann Le Cun a quitt\xC3\xA9 Meta \xE2\x80\x94 officiellement.";
  Analysis analysis;
  analysis.entities.push_back(entity("e0", "Meta", EntityType::Org));
  const size_t e_acute = text.find('\xC3');
  const size_t dash = text.find('\xE2');
  analysis.entities[0].mentions = {
      {0, e_acute + 1, e_acute + 4},     // starts inside "é": widened to its lead byte
      {0, dash + 3, dash + 1},           // reversed: dropped
      {0, dash + 1, dash + 2},           // inside "—": widened to the whole dash
      {0, text.size() - 3, 10'000'000},  // past the end: clipped
      {0, 10'000'000, 10'000'005},       // wholly past the end: dropped
  };
  const ReaderMarks marks = build_reader_marks(analysis, 0, text, {});
  check_well_formed(marks, text);
  CHECK(marks.mentions == 3);
  CHECK(marks.dropped == 2);
  REQUIRE(marks.runs.size() == 3);
  CHECK(marks.runs[0].start == e_acute);
  CHECK(marks.runs[1].start == dash);
  CHECK(marks.runs[1].end == dash + 3);
  CHECK(marks.runs[2].end == text.size());
  CHECK(build_reader_marks(analysis, 0, "", {}).runs.empty());
}

TEST_CASE("reader marks: overlapping mentions resolve longest first; one inside is an inner name") {
  const std::string text = "Andrej Karpathy left OpenAI Research in February.";
  const DocSpan full = span_of(0, text, "Andrej Karpathy");
  const DocSpan karpathy = span_of(0, text, "Karpathy");
  const DocSpan openai = span_of(0, text, "OpenAI");
  const DocSpan openai_research = span_of(0, text, "OpenAI Research");
  const DocSpan research_in = span_of(0, text, "Research in");
  const auto make = [&](bool reversed) {
    Analysis analysis;
    analysis.entities.push_back(entity("e0", "Andrej Karpathy", EntityType::Person));
    analysis.entities.push_back(entity("e1", "Karpathy", EntityType::Person));
    analysis.entities.push_back(entity("e2", "OpenAI", EntityType::Org));
    analysis.entities.push_back(entity("e3", "OpenAI Research", EntityType::Org));
    analysis.entities.push_back(entity("e4", "Research in", EntityType::Org));
    analysis.entities[0].mentions.push_back(full);
    analysis.entities[1].mentions.push_back(karpathy);
    analysis.entities[2].mentions.push_back(openai);
    analysis.entities[3].mentions.push_back(openai_research);
    analysis.entities[4].mentions.push_back(research_in);
    if (reversed) {
      // The same mentions under other entity indices: the same spans win.
      std::reverse(analysis.entities.begin(), analysis.entities.end());
    }
    return analysis;
  };
  const auto run_at = [&](const ReaderMarks& marks, size_t offset) -> const ReaderRun* {
    for (const ReaderRun& run : marks.runs)
      if (run.start <= offset && offset < run.end) return &run;
    return nullptr;
  };
  const ReaderMarks marks = build_reader_marks(make(false), 0, text, {});
  check_well_formed(marks, text);
  // "Andrej Karpathy" beats "Karpathy", which stays as its inner name; "OpenAI Research" beats
  // "OpenAI" (inner) and "Research in" (crossing it: dropped).
  REQUIRE(marks.runs.size() == 4);
  CHECK(marks.runs[0].entity == 0);
  CHECK(marks.runs[0].start == full.start);
  CHECK(marks.runs[0].end == karpathy.start);
  CHECK(marks.runs[0].inner_entity == -1);
  CHECK(marks.runs[1].entity == 0);
  CHECK(marks.runs[1].inner_entity == 1);
  CHECK(marks.runs[1].inner_mention == 0);
  CHECK(marks.runs[1].inner_type == EntityType::Person);
  CHECK(marks.runs[1].end == full.end);
  CHECK(marks.runs[2].entity == 3);
  CHECK(marks.runs[2].inner_entity == 2);
  CHECK(marks.runs[2].inner_type == EntityType::Org);
  CHECK(marks.runs[2].end == openai.end);
  CHECK(marks.runs[3].entity == 3);
  CHECK(marks.runs[3].inner_entity == -1);
  CHECK(marks.runs[3].end == openai_research.end);
  CHECK(marks.mentions == 4);
  CHECK(marks.dropped == 1);

  const ReaderMarks reversed = build_reader_marks(make(true), 0, text, {});
  check_well_formed(reversed, text);
  REQUIRE(run_at(reversed, karpathy.start) != nullptr);
  CHECK(run_at(reversed, karpathy.start)->entity == 4);
  CHECK(run_at(reversed, karpathy.start)->inner_entity == 3);
  REQUIRE(run_at(reversed, openai.start) != nullptr);
  CHECK(run_at(reversed, openai.start)->entity == 1);
  CHECK(run_at(reversed, openai.start)->inner_entity == 2);

  // Two mentions of the same length: the earlier one stays; the same span twice: the lower
  // entity index.
  Analysis tie;
  tie.entities.push_back(entity("e0", "left", EntityType::Event));
  tie.entities.push_back(entity("e1", "left", EntityType::Event));
  tie.entities[0].mentions = {{0, 18, 22}, {0, 16, 20}};
  tie.entities[1].mentions = {{0, 16, 20}};
  const ReaderMarks tied = build_reader_marks(tie, 0, text, {});
  REQUIRE(tied.runs.size() == 1);
  CHECK(tied.runs[0].start == 16);
  CHECK(tied.runs[0].entity == 0);
  CHECK(tied.runs[0].mention == 1);

  // Overlapping quotes resolve the same way.
  tie.quotes.resize(2);
  tie.quotes[0].span = {0, 0, 10};
  tie.quotes[1].span = {0, 5, 30};
  tie.quotes[1].speaker = 99;  // no such entity: unknown
  const ReaderMarks quoted = build_reader_marks(tie, 0, text, {});
  check_well_formed(quoted, text);
  CHECK(quoted.quotes == 1);
  REQUIRE(!quoted.runs.empty());
  CHECK(quoted.runs.front().quote == 1);
  CHECK(quoted.runs.front().speaker == -1);
  CHECK(quoted.runs.front().quote_start);
}

TEST_CASE("reader marks: boilerplate spans are the reading engine's") {
  const std::vector<std::string> texts = {
      "Meta AI chief Yann LeCun to leave\n\nBy Jane Doe\n\nYann LeCun is leaving Meta, "
      "people familiar with the matter said.\n\nShare Facebook Twitter Email\n\nhttps://"
      "example.com/story\n",
      "LeCun departs\n\nYann LeCun, the chief AI scientist, is leaving Meta to found a start-up."
      "\n\nShare Facebook Twitter Email\n"};
  Corpus corpus;
  std::vector<std::string_view> views_in, dates;
  for (size_t d = 0; d < texts.size(); ++d) {
    Document doc;
    doc.meta.id = "d" + std::to_string(d);
    doc.bytes = texts[d];
    corpus.documents.push_back(doc);
  }
  for (const Document& doc : corpus.documents) {
    views_in.emplace_back(doc.bytes);
    dates.emplace_back(doc.meta.date);
  }
  const std::vector<DocumentView> views = make_document_views(views_in, dates);
  const auto spans = corpus_boilerplate(corpus);
  REQUIRE(spans.size() == views.size());
  size_t total = 0;
  for (size_t d = 0; d < views.size(); ++d) {
    CHECK(spans[d] == views[d].boilerplate);
    total += spans[d].size();
  }
  CHECK(total > 0);
}

TEST_CASE("reader marks: an entity's mentions in one document, and stepping through them") {
  Analysis analysis;
  analysis.entities.push_back(entity("e0", "Meta", EntityType::Org));
  // Out of order on purpose for the per-document list; stepping gets them sorted.
  analysis.entities[0].mentions = {{1, 40, 44}, {0, 5, 9}, {1, 10, 14}, {0, 30, 34}};
  const std::vector<DocSpan> in_one = entity_mentions_in_document(analysis, 0, 1);
  REQUIRE(in_one.size() == 2);
  CHECK(in_one[0].start == 10);
  CHECK(in_one[1].start == 40);
  CHECK(entity_mentions_in_document(analysis, 0, 2).empty());
  CHECK(entity_mentions_in_document(analysis, 7, 1).empty());

  const std::vector<DocSpan> sorted = {{0, 5, 9}, {0, 30, 34}, {1, 10, 14}, {1, 40, 44}};
  CHECK(mention_at(sorted, 0, 5) == 0u);
  CHECK(mention_at(sorted, 0, 8) == 0u);
  CHECK_FALSE(mention_at(sorted, 0, 9).has_value());
  CHECK(mention_at(sorted, 1, 12) == 2u);
  CHECK_FALSE(mention_at(sorted, 2, 0).has_value());

  // From a mention: the next one, across documents, wrapping at the ends.
  CHECK(step_mention_index(sorted, 0, 30, 1) == 2u);
  CHECK(step_mention_index(sorted, 1, 40, 1) == 0u);
  CHECK(step_mention_index(sorted, 0, 5, -1) == 3u);
  CHECK(step_mention_index(sorted, 0, 5, 2) == 2u);
  // From between mentions: forward is the first after, backward the last before.
  CHECK(step_mention_index(sorted, 0, 20, 1) == 1u);
  CHECK(step_mention_index(sorted, 0, 20, -1) == 0u);
  CHECK(step_mention_index(sorted, 1, 0, 1) == 2u);
  CHECK(step_mention_index(sorted, 1, 0, -1) == 1u);
  CHECK(step_mention_index(sorted, 1, 100, 1) == 0u);
  CHECK(step_mention_index(sorted, 0, 0, -1) == 3u);
  CHECK_FALSE(step_mention_index(sorted, 0, 0, 0).has_value());
  CHECK_FALSE(step_mention_index({}, 0, 0, 1).has_value());
}
