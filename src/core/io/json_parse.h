// JSON parsing without exceptions (the WASM build does not catch them): a syntax error becomes a
// Diagnostic naming the file and the byte offset where parsing stopped.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace dramatis {

std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics);

}  // namespace dramatis
