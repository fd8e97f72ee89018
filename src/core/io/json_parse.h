// JSON parsing without exceptions (the WASM build does not catch them): a syntax error becomes a
// Diagnostic naming the file and the byte offset where parsing stopped. Nesting deeper than
// kMaxJsonDepth is refused the same way, at the bracket that went too deep, so that no later
// recursive walk of the value (our readers, nlohmann's dump and comparisons) can run out of
// stack on a hostile file.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace dramatis {

// Far deeper than any file Dramatis writes (edits, manifests, gold sets nest a few levels), and
// shallow enough that a recursion over it stays within even a small thread stack.
inline constexpr size_t kMaxJsonDepth = 512;

std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& file,
                                         std::vector<Diagnostic>& diagnostics);

}  // namespace dramatis
