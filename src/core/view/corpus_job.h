// Adding documents to the open story without freezing the app: a job that reads the new files,
// analyses the grown corpus and builds its graph, in steps. The app runs the steps on a worker
// thread natively and a few per frame in the browser; either way it shows progress() and
// stage(), and cancel() stops it between steps (the open story is untouched until take_story).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/view/story.h"

namespace dramatis {

class Analyzer;  // core/nlp/pipeline.h

class CorpusJob {
 public:
  struct Input {
    std::string name;   // the file's name as the user gave it (drives the format: .md, .html...)
    std::string bytes;  // its content
  };

  // The new corpus is `base` plus `files` plus whatever `paths` (files or folders) hold.
  CorpusJob(Corpus base, std::vector<Input> files, std::vector<std::string> paths);
  ~CorpusJob();

  // Does the next step; false when there is nothing left (done, or cancelled).
  bool step();
  void cancel() { cancelled_ = true; }

  bool done() const { return done_; }
  bool cancelled() const { return cancelled_; }
  float progress() const { return progress_; }  // 0..1
  const char* stage() const;                    // plain words for the progress bar
  // True when the next step is a stage of the analysis or the graph (the long ones): the files
  // are all read.
  bool next_is_heavy() const { return next_file_ >= files_.size() && paths_.empty(); }
  // The new story, once done() and not cancelled (then the job is spent). Its corpus'
  // diagnostics name every file that could not be added.
  std::optional<Story> take_story();

 private:
  Corpus corpus_;
  std::vector<Input> files_;
  std::vector<std::string> paths_;
  size_t next_file_ = 0;
  size_t total_steps_ = 0;
  size_t steps_done_ = 0;
  std::optional<Story> story_;
  std::unique_ptr<Analyzer> analyzer_;  // reads corpus_, which stays put meanwhile
  bool analysed_ = false;
  std::atomic<const char*> stage_{"Reading the files"};
  std::atomic<float> progress_{0.0f};
  std::atomic<bool> done_{false};
  std::atomic<bool> cancelled_{false};
};

}  // namespace dramatis
