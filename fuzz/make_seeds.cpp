// Writes the fuzz targets' seed corpora, at build time, from what the repository already holds:
// the built-in articles and manifest (compiled into dramatis_core), tests/data/eval/story.txt,
// and fragments, edits files and edge lists that the project's own writers make from the built-in
// corpus' analysis. So the seeds are real inputs without being copied into the repository.
// Hand-written tiny seeds for corner cases live in fuzz/seeds/<target>/ instead.
//   make_seeds OUT_DIR SOURCE_DIR   -> OUT_DIR/<target>/<name>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/corpus/builtin_corpus.h"
#include "core/corpus/corpus_loader.h"
#include "core/graph/edge_list.h"
#include "core/io/read_file.h"
#include "core/view/corpus_fingerprint.h"
#include "core/view/fragment_codec.h"
#include "core/view/story.h"
#include "core/view/user_edits.h"

using namespace dramatis;
namespace fs = std::filesystem;

namespace {

fs::path out_root;
bool failed = false;

void write_seed(const std::string& target, const std::string& name, std::string_view bytes) {
  const fs::path dir = out_root / target;
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "make_seeds: cannot write " << (dir / name).string() << '\n';
    failed = true;
  }
}

// An article as a web page, so the HTML path starts from real text: tags, an entity, a script.
std::string as_html(std::string_view title, std::string_view text) {
  std::string html = "<!DOCTYPE html><html><head><title>";
  html += title;
  html += "</title><style>p{margin:0}</style><script>var a = '<p>';</script></head><body>\n";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (!line.empty()) {
      html += "<p>";
      for (const char c : line) {
        if (c == '&')
          html += "&amp;";
        else if (c == '<')
          html += "&lt;";
        else
          html += c;
      }
      html += "</p>\n";
    }
    start = end + 1;
  }
  html += "<!-- end --><footer>&copy; 2025&nbsp;&#8212;&#x2014;</footer></body></html>\n";
  return html;
}

// Entity ids of the analysis that are good for edits: the first entity with aliases (splits), and
// a few others.
const Entity* first_with_aliases(const Analysis& analysis) {
  for (const Entity& e : analysis.entities)
    if (!e.aliases.empty()) return &e;
  return nullptr;
}

void text_seeds(const Corpus& corpus, const std::string& source_dir) {
  std::string joined;
  for (const Document& doc : corpus.documents) {
    const std::string name = doc.meta.id + ".txt";
    write_seed("document", name, doc.bytes);
    write_seed("document", doc.meta.id + ".html", as_html(doc.meta.title, doc.bytes));
    write_seed("text", name, doc.bytes);
    write_seed("engine", name, doc.bytes);
    if (!joined.empty()) joined += '\x1E';  // fuzz_engine's document separator
    joined += doc.bytes;
  }
  write_seed("engine", "builtin-corpus.txt", joined);
  std::string error;
  if (auto story = read_file_bytes(source_dir + "/tests/data/eval/story.txt", error)) {
    write_seed("document", "eval-story.txt", *story);
    write_seed("text", "eval-story.txt", *story);
    write_seed("engine", "eval-story.txt", *story);
  } else {
    std::cerr << "make_seeds: " << error << '\n';
    failed = true;
  }
}

void manifest_seeds() {
  for (const EmbeddedFile& file : builtin_corpus_files())
    if (file.path == "manifest.json") write_seed("manifest", "builtin-manifest.json", file.bytes);
}

// The project's gold files: the hand-reviewed one of the built-in corpus and the test ones.
void gold_seeds(const std::string& source_dir) {
  for (const char* name : {"tests/gold/builtin.gold.json", "tests/data/eval/gold.json",
                           "tests/data/eval/broken_gold.json"}) {
    std::string error;
    if (auto bytes = read_file_bytes(source_dir + "/" + name, error)) {
      write_seed("gold", fs::path(name).filename().string(), *bytes);
    } else {
      std::cerr << "make_seeds: " << name << ": " << error << '\n';
      failed = true;
    }
  }
}

UserEdits sample_edits(const Story& story, const std::string& fingerprint) {
  UserEdits edits;
  edits.corpus = fingerprint;
  edits.extractor = std::string(kExtractorVersion);
  const auto& entities = story.analysis.entities;
  if (entities.size() >= 4) {
    edits.merges.push_back({entities[1].id, entities[0].id});
    edits.renames[entities[2].id] = entities[2].name + " (renamed)";
    edits.hidden.insert(entities[3].id);
    edits.pins[entities[0].id] = PinnedNode{12.5, -3.25};
    edits.notes[entities[0].id] = "A note, with \"quotes\" and a line break\n.";
  }
  if (const Entity* e = first_with_aliases(story.analysis))
    edits.splits.push_back({e->id, e->aliases.front()});
  return edits;
}

void fragment_seeds(const Story& story, const std::string& fingerprint) {
  const Analysis& a = story.analysis;
  std::vector<ViewState> views(1);  // the default view: "v=1"
  const auto add = [&](auto&& change) {
    ViewState v;
    v.corpus = fingerprint;
    v.extractor = std::string(kExtractorVersion);
    change(v);
    views.push_back(std::move(v));
  };
  if (!a.entities.empty())
    add([&](ViewState& v) {
      v.selection = {"entity", a.entities[0].id};
      v.ego_depth = 1;
    });
  if (!a.quotes.empty())
    add([&](ViewState& v) {
      v.selection = {"quote", a.quotes[0].id};
      v.quotes.speaker = a.entities.empty() ? "" : a.entities[0].id;
      v.quotes.kind = QuoteKind::Direct;
      v.quotes.min_confidence = 0.5;
    });
  if (!story.corpus.documents.empty())
    add([&](ViewState& v) {
      v.selection = {"document", story.corpus.documents.back().meta.id};
      v.reader = {story.corpus.documents.back().meta.id, 120};
      v.filters.documents = std::vector<std::string>{story.corpus.documents[0].meta.id};
      v.time_range = TimeRange{"2025-11", "2025-11-30"};
    });
  if (a.entities.size() >= 2)
    add([&](ViewState& v) {
      v.selection = {"edge", a.entities[0].id + "~" + a.entities[1].id};
      v.filters.types = entity_type_mask({EntityType::Person, EntityType::Org});
      v.filters.min_weight = 2;
      v.camera = Camera{-10.5, 4.0, 1.75};
      v.color_by = ColorBy::Community;
      v.size_by = SizeBy::PageRank;
      v.ego_depth = 2;
    });
  add([&](ViewState& v) { v.edits = sample_edits(story, fingerprint); });
  for (size_t i = 0; i < views.size(); ++i)
    write_seed("fragment", "view" + std::to_string(i) + ".txt", encode_fragment(views[i]));
}

void edits_seeds(const Story& story, const std::string& fingerprint) {
  UserEdits none;
  none.corpus = fingerprint;
  none.extractor = std::string(kExtractorVersion);
  // dump(1), as the app saves them (ui/app.cpp).
  write_seed("user_edits", "empty.json", user_edits_to_json(none).dump(1));
  write_seed("user_edits", "edits.json",
             user_edits_to_json(sample_edits(story, fingerprint)).dump(1));
}

void edge_list_seeds(const Story& story) {
  const GraphView whole(story.graph);
  write_seed("edge_list", "builtin-graph.tsv",
             write_edge_list(edge_list_of(whole), "the built-in corpus' entity graph"));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seeds OUT_DIR SOURCE_DIR\n";
    return 1;
  }
  out_root = argv[1];
  const std::string source_dir = argv[2];
  Story story = make_story(load_builtin_corpus());
  const std::string fingerprint = corpus_fingerprint(story.corpus);
  text_seeds(story.corpus, source_dir);
  manifest_seeds();
  gold_seeds(source_dir);
  fragment_seeds(story, fingerprint);
  edits_seeds(story, fingerprint);
  edge_list_seeds(story);
  return failed ? 1 : 0;
}
