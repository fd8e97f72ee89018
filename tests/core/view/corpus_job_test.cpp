// Adding documents in steps (src/core/view/corpus_job.cpp) and the staged reading engine
// (core/nlp/pipeline.h's Analyzer): the same analysis as analyze(), progress that only grows,
// a cancel that leaves nothing, and a manifest that takes its files from the same drop.
#include "core/view/corpus_job.h"

#include <doctest/doctest.h>

#include "core/corpus/corpus_loader.h"
#include "core/io/analysis_json.h"
#include "core/nlp/pipeline.h"

using namespace dramatis;

namespace {

const char* kStory =
    "German Chancellor Angela Merkel said on Tuesday that Berlin would study the deal. \"We "
    "will look at it closely,\" Merkel told reporters.\n";

}  // namespace

TEST_CASE("the staged Analyzer gives exactly what analyze() gives") {
  const Corpus corpus = load_builtin_corpus();
  Analyzer staged(corpus);
  size_t steps = 0;
  float last = -1.0f;
  while (staged.step()) {
    CHECK(staged.progress() > last);
    last = staged.progress();
    ++steps;
  }
  CHECK(steps >= 9);  // ten passes, each at least one step
  CHECK(staged.progress() == 1.0f);
  CHECK(analysis_to_json(corpus, staged.take()).dump() ==
        analysis_to_json(corpus, analyze(corpus)).dump());
}

TEST_CASE("the Analyzer cuts a large corpus into steps of a few documents") {
  // 40 documents of about 24 KB: each per-document pass takes several steps, and the stages
  // are reported in order.
  Corpus corpus;
  std::string text;
  while (text.size() < 24 * 1024) text += kStory;
  for (int i = 0; i < 40; ++i) add_document_bytes("doc" + std::to_string(i) + ".txt", text, corpus);
  assign_missing_ids(corpus);
  Analyzer staged(corpus);
  size_t steps = 0;
  std::vector<std::string> stages;
  float last = -1.0f;
  do {
    if (stages.empty() || stages.back() != staged.stage()) stages.emplace_back(staged.stage());
    CHECK(staged.progress() > last);
    last = staged.progress();
    ++steps;
  } while (staged.step());
  stages.emplace_back(staged.stage());
  const size_t docs_per_step = Analyzer::kStepBytes / text.size();
  const size_t per_pass = (40 + docs_per_step - 1) / docs_per_step;
  CHECK(steps >= 5 * per_pass + 5);  // five per-document passes, five corpus passes
  CHECK(stages == std::vector<std::string>{"Reading the text's structure",
                                           "Finding names and who they are", "Finding dates",
                                           "Finding quotes and their speakers",
                                           "Grouping the same statements",
                                           "Finding relations, events and conflicts", "Done"});
  CHECK(analysis_to_json(corpus, staged.take()).dump() ==
        analysis_to_json(corpus, analyze(corpus)).dump());
}

TEST_CASE("a corpus job adds files to the open corpus in steps, with growing progress") {
  CorpusJob job(load_builtin_corpus(), {{"dropped.txt", kStory}, {"empty.txt", ""}}, {});
  float last = 0.0f;
  int steps = 0;
  while (job.step()) {
    CHECK(job.progress() >= last);
    CHECK(std::string(job.stage()).size() > 0);
    last = job.progress();
    ++steps;
  }
  CHECK(steps >= 12);  // two files, the start, ten passes of the analysis
  CHECK(job.done());
  std::optional<Story> story = job.take_story();
  REQUIRE(story.has_value());
  // The empty file loads as an empty document, with a warning naming it.
  REQUIRE(story->corpus.documents.size() == 7);
  CHECK(story->corpus.documents[5].meta.id == "d5");
  CHECK(story->corpus.documents[6].meta.id == "d6");
  bool named_empty = false;
  for (const Diagnostic& d : story->corpus.diagnostics)
    named_empty |= d.format().find("empty.txt") != std::string::npos;
  CHECK(named_empty);
  bool found = false;
  for (const Entity& e : story->analysis.entities) found |= e.name == "Angela Merkel";
  CHECK(found);
  CHECK_FALSE(job.take_story().has_value());  // spent
}

TEST_CASE("a cancelled corpus job leaves no story") {
  CorpusJob job(Corpus{}, {{"a.txt", kStory}}, {});
  CHECK(job.step());
  job.cancel();
  CHECK_FALSE(job.step());
  CHECK(job.done());
  CHECK_FALSE(job.take_story().has_value());
  CHECK(std::string(job.stage()) == "Cancelled");
}

TEST_CASE("a dropped manifest takes its files from the same drop") {
  const std::string manifest =
      R"({"schema": "dramatis.corpus/1", "documents": [{"id": "m0", "file": "one.txt",
          "title": "From the manifest", "date": "2024-03-05"}]})";
  CorpusJob job(Corpus{}, {{"story.json", manifest}, {"one.txt", kStory}}, {});
  while (job.step()) {
  }
  std::optional<Story> story = job.take_story();
  REQUIRE(story.has_value());
  REQUIRE(story->corpus.documents.size() == 1);  // one.txt is not added a second time
  CHECK(story->corpus.documents[0].meta.id == "m0");
  CHECK(story->corpus.documents[0].meta.title == "From the manifest");
}
