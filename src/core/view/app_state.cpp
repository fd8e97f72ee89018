#include "core/view/app_state.h"

namespace dramatis {

nlohmann::json documents_json(const Corpus& corpus) {
  nlohmann::json documents = nlohmann::json::array();
  for (const Document& doc : corpus.documents) {
    documents.push_back({{"id", doc.meta.id},
                         {"title", doc.meta.title},
                         {"source", doc.meta.source},
                         {"date", doc.meta.date},
                         {"url", doc.meta.url},
                         {"language", doc.meta.language},
                         {"path", doc.path},
                         {"bytes", doc.bytes.size()}});
  }
  return documents;
}

nlohmann::json app_state_json(const Corpus& corpus, const Selection& selection) {
  nlohmann::json selected = nullptr;
  if (!selection.empty()) selected = {{"kind", selection.kind}, {"id", selection.id}};
  return {{"schema", "dramatis.state/1"},
          {"corpus", {{"name", corpus.name}, {"documents", documents_json(corpus)}}},
          {"selection", std::move(selected)}};
}

bool is_valid_selection(const Corpus& corpus, const Selection& selection) {
  if (selection.empty()) return true;
  if (selection.kind == "document") return corpus.find(selection.id) != nullptr;
  return false;
}

}  // namespace dramatis
