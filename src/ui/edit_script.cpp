#include "ui/edit_script.h"

#include <nlohmann/json.hpp>

namespace dramatis::ui {

std::optional<EditRequest::Kind> edit_kind_named(std::string_view name) {
  using Kind = EditRequest::Kind;
  if (name == "merge") return Kind::Merge;
  if (name == "split") return Kind::Split;
  if (name == "rename") return Kind::Rename;
  if (name == "hide") return Kind::Hide;
  if (name == "unhide") return Kind::Unhide;
  if (name == "note") return Kind::Note;
  return std::nullopt;
}

std::optional<std::vector<EditRequest>> parse_edit_script(std::string_view text,
                                                          const std::string& source,
                                                          std::string& error) {
  std::vector<EditRequest> edits;
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto fail = [&](const std::string& what) {
      error = source + ":" + std::to_string(line_number) + ": " + what;
      return std::nullopt;
    };
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
    const auto field = [&](const char* name) -> std::optional<std::string> {
      const auto it = j.find(name);
      if (it == j.end()) return std::string();
      if (!it->is_string()) return std::nullopt;
      return it->get<std::string>();
    };
    const std::optional<std::string> kind = field("edit"), entity = field("entity"),
                                     other = field("other"), note = field("text");
    if (!kind || !entity || !other || !note)
      return fail("\"edit\", \"entity\", \"other\" and \"text\" must be strings");
    const std::optional<EditRequest::Kind> parsed = edit_kind_named(*kind);
    if (!parsed)
      return fail("\"edit\" is '" + *kind + "', not merge, split, rename, hide, unhide or note");
    if (entity->empty()) return fail("\"entity\" is missing (an entity id such as e0)");
    EditRequest r;
    r.kind = *parsed;
    r.entity = *entity;
    r.other = *other;
    r.text = *note;
    edits.push_back(std::move(r));
  }
  return edits;
}

}  // namespace dramatis::ui
