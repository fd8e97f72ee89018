// What every panel is handed each frame: the story it shows, the one view state (selection,
// reader position, filters, time range, quote filters, ego depth) and the controller's inbox of
// requests (open the reader somewhere, change the user's edits). Panels edit the view directly
// and post everything else as a request; the App applies requests after the panels have drawn,
// so no panel rebuilds the story under another's feet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/view/story.h"
#include "core/view/user_edits.h"
#include "core/view/view_state.h"
#include "ui/ui_settings.h"

namespace dramatis::ui {

// A change to the user's edits (user_edits.h), posted by the inspector or the entities panel.
struct EditRequest {
  enum class Kind : uint8_t {
    Merge,   // entity `entity` merged into `other` (entity disappears)
    Split,   // the mentions of `entity` reading `text` taken out (undoes an alias merge)
    Rename,  // `entity` gets the name `text`
    Hide,    // `entity` left out of the graph
    Unhide,  // `entity` shown again
    Note,    // `text` becomes the note on `entity` (empty: the note is removed)
  };
  Kind kind = Kind::Hide;
  std::string entity;  // entity id, as dramatis-cli extract prints it
  std::string other;   // Merge: the entity id it goes into
  std::string text;    // Split: the alias; Rename: the new name; Note: the note
};

// The panels the App can bring to the front (tabs of the side area).
enum class PanelTab : uint8_t { Inspector, Quotes, Reader, Evidence, Sources };

struct PanelContext {
  const Story& story;
  ViewState& view;  // view.selection is the one selection every panel shares
  const UserEdits& edits;
  const UiSettings& settings;
  // Changes whenever the App replaces the story (another corpus, the user's edits applied):
  // panels rebuild what they cache from it when it differs from the value they built for.
  uint64_t story_version = 0;

  // Requests, read by the App at the end of the frame.
  std::optional<ReaderPosition> open_reader;  // show this document at this byte offset
  std::optional<PanelTab> show_tab;           // bring this panel to the front
  std::vector<EditRequest> edit_requests;

  // Selects `kind`/`id` (kSelect* from view_state.h) everywhere.
  void select(std::string_view kind, std::string_view id) {
    view.selection = Selection{std::string(kind), std::string(id)};
  }
  // Opens the reader on a span: the reader scrolls there and shows the reader tab.
  void open_span(const DocSpan& span) {
    open_reader = ReaderPosition{story.corpus.documents[span.doc].meta.id, span.start};
    show_tab = PanelTab::Reader;
  }
};

}  // namespace dramatis::ui
