// Pipeline throughput: runs the whole reading engine (analyze()) on a corpus of a few MB and
// prints one JSON line with MB/s. The same source builds natively and for Node (WASM), so the
// two are measured on the same input. Usage:
//   pipeline_bench [--mb N] [--repeat R] FILE...   (FILE: .txt/.md/.json, e.g. a gold file's texts)
//   pipeline_bench --json FILE...                   (prints the analysis JSON of the files as
//                                                    given: native and WASM output must be equal)
// The files are concatenated as documents until N MB are reached (copies count as documents of
// their own, as in a large corpus); without files the built-in corpus is used.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/io/analysis_json.h"
#include "core/nlp/pipeline.h"

int main(int argc, char** argv) {
  using namespace dramatis;
  double target_mb = 4.0;
  int repeat = 3;
  std::vector<std::string> files;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--mb" && i + 1 < argc) {
      target_mb = std::atof(argv[++i]);
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      files.push_back(arg);
    }
  }
  const Corpus source = files.empty() ? load_builtin_corpus() : load_paths(files);
  if (source.documents.empty()) {
    std::fprintf(stderr, "pipeline_bench: no documents\n");
    return 2;
  }
  if (json) {
    std::printf("%s\n", analysis_to_json(source, analyze(source)).dump(1).c_str());
    return 0;
  }
  Corpus corpus;
  size_t bytes = 0;
  const size_t target = static_cast<size_t>(target_mb * 1024 * 1024);
  for (size_t copy = 0; bytes < target; ++copy) {
    for (const Document& doc : source.documents) {
      Document d = doc;
      d.meta.id = "d" + std::to_string(corpus.documents.size());
      bytes += d.bytes.size();
      corpus.documents.push_back(std::move(d));
      if (bytes >= target) break;
    }
  }
  double best = 1e30;
  size_t entities = 0, quotes = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const Analysis analysis = analyze(corpus);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
    entities = analysis.entities.size();
    quotes = analysis.quotes.size();
  }
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  std::printf(
      "{\"bytes\":%zu,\"documents\":%zu,\"best_seconds\":%.4f,\"mb_per_s\":%.2f,"
      "\"entities\":%zu,\"quotes\":%zu}\n",
      bytes, corpus.documents.size(), best, mb / best, entities, quotes);
  return 0;
}
