// The app's state as JSON, the same natively (`dramatis --state FILE`) and on the web
// (`window.dramatis.state()`): the documents and the selection. Tests and scripts read it.
#pragma once

#include <nlohmann/json.hpp>

#include "core/corpus/corpus.h"
#include "core/view/selection.h"

namespace dramatis {

// One summary object per document: id, title, source, date, url, language, path, bytes.
nlohmann::json documents_json(const Corpus& corpus);

nlohmann::json app_state_json(const Corpus& corpus, const Selection& selection);

// Checks a selection request against the corpus: a known kind and an id that exists.
bool is_valid_selection(const Corpus& corpus, const Selection& selection);

}  // namespace dramatis
