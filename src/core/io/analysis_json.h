// "dramatis.analysis/1": the Analysis as JSON, the output of `dramatis-cli extract`. Document
// references are the corpus' document ids; entity and quote references are "e<n>" and "q<n>".
#pragma once

#include <nlohmann/json.hpp>

#include "core/corpus/corpus.h"
#include "core/nlp/analysis.h"

namespace dramatis {

nlohmann::json analysis_to_json(const Corpus& corpus, const Analysis& analysis);

}  // namespace dramatis
