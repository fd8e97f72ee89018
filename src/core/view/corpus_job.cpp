#include "core/view/corpus_job.h"

#include <string_view>

#include "core/corpus/corpus_loader.h"
#include "core/nlp/pipeline.h"

namespace dramatis {
namespace {

constexpr const char* kGraph = "Drawing the graph";
constexpr const char* kDone = "Done";
constexpr const char* kCancelled = "Cancelled";
// The analysis' share of the progress bar, in file steps: it is the long part.
constexpr size_t kAnalysisWeight = 10;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

CorpusJob::CorpusJob(Corpus base, std::vector<Input> files, std::vector<std::string> paths)
    : corpus_(std::move(base)), files_(std::move(files)), paths_(std::move(paths)) {
  // One step per file and one for all the paths, one to start the analysis, then the analysis
  // (weighed as kAnalysisWeight steps, whatever number it takes) and the graph.
  total_steps_ = files_.size() + (paths_.empty() ? 0 : 1) + 1 + kAnalysisWeight + 1;
}

CorpusJob::~CorpusJob() = default;

const char* CorpusJob::stage() const {
  return stage_.load();
}

bool CorpusJob::step() {
  if (done_) return false;
  if (cancelled_) {
    stage_ = kCancelled;
    done_ = true;
    return false;
  }
  bool analysis_step = false;
  if (next_file_ < files_.size()) {
    Input& input = files_[next_file_++];
    if (ends_with(input.name, ".json")) {
      // A manifest: its entries name other files of the same drop, which it takes over.
      const std::string manifest = std::move(input.bytes);
      load_manifest_text(
          input.name, manifest, "",
          [&](const std::string& relative, std::string& error) -> std::optional<std::string> {
            for (Input& other : files_) {
              if (other.name != relative || &other == &input) continue;
              other.name.clear();  // taken: not added again as a plain file
              return other.bytes;
            }
            error = "not among the files given with the manifest";
            return std::nullopt;
          },
          corpus_);
    } else if (!input.name.empty()) {
      add_document_bytes(input.name, std::move(input.bytes), corpus_);
    }
    input.bytes = {};
  } else if (!paths_.empty()) {
    Corpus loaded = load_paths(paths_);
    paths_.clear();
    for (Document& doc : loaded.documents) {
      doc.meta.id.clear();  // ids are given again below, never clashing with the open corpus'
      add_to_corpus(std::move(doc), corpus_);  // the open corpus counts toward the limits too
    }
    for (Diagnostic& d : loaded.diagnostics) corpus_.diagnostics.push_back(std::move(d));
  } else if (!analyzer_) {
    report_left_out(corpus_);
    assign_missing_ids(corpus_);
    analyzer_ = std::make_unique<Analyzer>(corpus_);
  } else if (!analysed_) {
    // One step of the reading engine (a few documents, or one pass over the corpus).
    analysed_ = !analyzer_->step();
    analysis_step = true;
  } else {
    Analysis analysis = analyzer_->take();
    analyzer_.reset();
    story_ = make_story(std::move(corpus_), std::move(analysis));
    stage_ = cancelled_ ? kCancelled : kDone;
    progress_ = 1.0f;
    done_ = true;
    return false;
  }
  if (!analysis_step)
    ++steps_done_;
  else if (analysed_)
    steps_done_ += kAnalysisWeight;
  const bool analysing = analyzer_ && !analysed_;
  const double analysis = analysing ? analyzer_->progress() * kAnalysisWeight : 0.0;
  progress_ = static_cast<float>((static_cast<double>(steps_done_) + analysis) /
                                 static_cast<double>(total_steps_));
  if (analyzer_) stage_ = analysed_ ? kGraph : analyzer_->stage();
  return true;
}

std::optional<Story> CorpusJob::take_story() {
  if (!done_ || cancelled_ || !story_) return std::nullopt;
  std::optional<Story> story = std::move(story_);
  story_.reset();
  return story;
}

}  // namespace dramatis
