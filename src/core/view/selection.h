// What the user has selected: one thing of one kind, shared by every panel. Kinds grow with the
// app ("document" now; entities, quotes and edges later). Ids are the ones dramatis-cli prints.
#pragma once

#include <string>
#include <string_view>

namespace dramatis {

struct Selection {
  std::string kind;  // "" when nothing is selected, else e.g. "document"
  std::string id;

  bool empty() const { return kind.empty(); }
  bool is(std::string_view k, std::string_view i) const { return kind == k && id == i; }
};

}  // namespace dramatis
