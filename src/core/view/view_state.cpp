#include "core/view/view_state.h"

#include <set>

namespace dramatis {
namespace {

using nlohmann::json;

std::set<std::string> entity_ids(const Analysis& analysis) {
  std::set<std::string> ids;
  for (const Entity& e : analysis.entities) ids.insert(e.id);
  return ids;
}

}  // namespace

bool is_view_selection_kind(std::string_view kind) {
  return kind == kSelectEntity || kind == kSelectQuote || kind == kSelectDocument ||
         kind == kSelectEdge;
}

std::string_view to_string(ColorBy color_by) {
  return color_by == ColorBy::Community ? "community" : "type";
}

std::string_view to_string(SizeBy size_by) {
  return size_by == SizeBy::PageRank ? "pagerank" : "mentions";
}

nlohmann::json view_state_json(const ViewState& view) {
  json selection = nullptr;
  if (!view.selection.empty())
    selection = {{"kind", view.selection.kind}, {"id", view.selection.id}};
  json documents = nullptr;
  if (view.filters.documents) documents = *view.filters.documents;
  json time_range = nullptr;
  if (view.time_range)
    time_range = {{"first", view.time_range->first}, {"last", view.time_range->last}};
  json camera = nullptr;
  if (view.camera)
    camera = {{"x", view.camera->x}, {"y", view.camera->y}, {"zoom", view.camera->zoom}};
  json quote_kind = nullptr;
  if (view.quotes.kind) quote_kind = std::string(to_string(*view.quotes.kind));
  json edits = user_edits_to_json(view.edits);
  edits.erase("notes");
  return {{"selection", std::move(selection)},
          {"reader", {{"document", view.reader.document}, {"offset", view.reader.offset}}},
          {"filters",
           {{"types", view.filters.types},
            {"min_weight", view.filters.min_weight},
            {"documents", std::move(documents)}}},
          {"time_range", std::move(time_range)},
          {"ego_depth", view.ego_depth},
          {"camera", std::move(camera)},
          {"color_by", to_string(view.color_by)},
          {"size_by", to_string(view.size_by)},
          {"quotes",
           {{"speaker", view.quotes.speaker},
            {"document", view.quotes.document},
            {"kind", std::move(quote_kind)},
            {"min_confidence", view.quotes.min_confidence}}},
          {"edits", std::move(edits)},
          {"corpus", view.corpus},
          {"extractor", view.extractor}};
}

ViewCheck check_view_against(const ViewState& view, std::string_view fingerprint,
                             std::string_view version) {
  ViewCheck check;
  if (!view.corpus.empty() && view.corpus != fingerprint) {
    check.corpus_mismatch = true;
    check.problems.push_back("this view was made on another corpus (fingerprint " + view.corpus +
                             ", the open corpus is " + std::string(fingerprint) +
                             "); its ids may name other things");
  }
  if (!view.extractor.empty() && view.extractor != version) {
    check.version_mismatch = true;
    check.problems.push_back("this view was made with extractor version " + view.extractor +
                             ", this is version " + std::string(version) +
                             "; its entity and quote ids may name other things");
  }
  return check;
}

ViewValidation validate_view(const ViewState& view, const Corpus& corpus,
                             const Analysis& analysis) {
  ViewValidation out{view, {}};
  ViewState& v = out.view;
  const std::set<std::string> entities = entity_ids(analysis);
  const auto has_quote = [&](const std::string& id) {
    for (const Quote& q : analysis.quotes)
      if (q.id == id) return true;
    return false;
  };
  const auto has_document = [&](const std::string& id) { return corpus.find(id) != nullptr; };

  if (!v.selection.empty()) {
    const std::string& kind = v.selection.kind;
    const std::string& id = v.selection.id;
    bool known = false;
    if (kind == kSelectEntity) {
      known = entities.count(id) != 0;
    } else if (kind == kSelectQuote) {
      known = has_quote(id);
    } else if (kind == kSelectDocument) {
      known = has_document(id);
    } else if (kind == kSelectEdge) {
      const size_t tilde = id.find('~');
      if (tilde != std::string::npos) {
        const std::string a = id.substr(0, tilde);
        const std::string b = id.substr(tilde + 1);
        known = a != b && entities.count(a) != 0 && entities.count(b) != 0;
      }
    }
    if (!known) {
      out.problems.push_back("the selected " + kind + " '" + id + "' is not in this corpus");
      v.selection = Selection{};
    }
  }
  if (!v.reader.document.empty()) {
    const Document* doc = corpus.find(v.reader.document);
    if (doc == nullptr) {
      out.problems.push_back("the reader's document '" + v.reader.document +
                             "' is not in this corpus");
      v.reader = ReaderPosition{};
    } else if (v.reader.offset > doc->bytes.size()) {
      out.problems.push_back("the reader's position (byte " + std::to_string(v.reader.offset) +
                             ") is past the end of " + v.reader.document +
                             "; reading from its start");
      v.reader.offset = 0;
    }
  }
  if (v.filters.documents) {
    std::vector<std::string> kept;
    for (const std::string& id : *v.filters.documents) {
      if (has_document(id))
        kept.push_back(id);
      else
        out.problems.push_back("the document filter names '" + id + "', not in this corpus");
    }
    v.filters.documents = std::move(kept);
  }
  if (!v.quotes.speaker.empty() && entities.count(v.quotes.speaker) == 0) {
    out.problems.push_back("the quote filter's speaker '" + v.quotes.speaker +
                           "' is not in this corpus");
    v.quotes.speaker.clear();
  }
  if (!v.quotes.document.empty() && !has_document(v.quotes.document)) {
    out.problems.push_back("the quote filter's document '" + v.quotes.document +
                           "' is not in this corpus");
    v.quotes.document.clear();
  }
  return out;
}

}  // namespace dramatis
