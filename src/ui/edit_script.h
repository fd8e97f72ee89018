// Edits by name, as scripts give them: window.dramatis.edit(kind, entity, other, text) on the
// web and `dramatis --edits-script FILE` natively (JSON Lines, one edit per line, applied one
// per frame and saved like any other edit; the crash-safety test kills the app among them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/panel_context.h"

namespace dramatis::ui {

// "merge", "split", "rename", "hide", "unhide" or "note"; nullopt for anything else.
std::optional<EditRequest::Kind> edit_kind_named(std::string_view name);

// Parses JSON Lines: {"edit": "note", "entity": "e0", "text": "..."} ("other" for merges).
// Blank lines are skipped. On a bad line, nullopt and `error` naming `source`, the line and
// what is wrong.
std::optional<std::vector<EditRequest>> parse_edit_script(std::string_view text,
                                                          const std::string& source,
                                                          std::string& error);

}  // namespace dramatis::ui
