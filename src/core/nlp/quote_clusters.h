// Grouping quotes that report the same statement: the same sentence quoted by two outlets, or
// a shortened or lightly reworded version of it. Each cluster gets an id ("c0", ...) in order of
// its first quote; a quote that matches nothing is a cluster of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dramatis {

// `texts[i]` is the quoted words of quote i (without marks). Returns one cluster id per quote.
// Two quotes share a cluster when most word trigrams of the shorter one occur in the longer one
// (containment >= `threshold`), transitively. Near-linear: candidates come from an index of
// trigrams, and trigrams shared by very many quotes (boilerplate phrases) are not used.
std::vector<std::string> cluster_quotes(const std::vector<std::string_view>& texts,
                                        double threshold = 0.5);

}  // namespace dramatis
