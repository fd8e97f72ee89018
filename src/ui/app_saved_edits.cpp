// What stays the user's across sessions: the edits the platform stores per corpus fingerprint
// (PlatformHooks::load_edits / save_edits). Kept apart from app.cpp because the rules are about
// never losing the user's work, not about drawing: edits from a link are not saved until changed,
// replaced edits are first kept aside under a name of their own, an unreadable file is kept whole,
// and every failure to store shows in the banner, so an edit that was not saved never looks saved.
#include <optional>
#include <string>

#include "core/io/json_text.h"
#include "core/view/corpus_fingerprint.h"
#include "core/view/user_edits.h"
#include "ui/app.h"

namespace dramatis::ui {

// The stored edits for the corpus just loaded, if any, into edits_ (set_base_story has cleared
// them); what could not be read goes to the banner.
void App::load_saved_edits() {
  if (hooks_.load_edits) {
    if (const std::optional<std::string> saved = hooks_.load_edits(fingerprint_)) {
      const UserEditsResult parsed =
          parse_user_edits(*saved, "saved edits", fingerprint_, kExtractorVersion);
      for (const Diagnostic& d : parsed.diagnostics) banner_.push_back(d.format());
      if (parsed.edits && !parsed.corpus_mismatch) edits_ = *parsed.edits;
      if (!parsed.ok() && hooks_.save_edits) {
        // The next save keeps only what could be read: keep the whole file aside first.
        hooks_.save_edits(fingerprint_ + ".unreadable", *saved);
        banner_.push_back(
            "Your saved edits were partly unreadable; the whole file is kept as "
            "edits-" +
            fingerprint_ + ".unreadable.");
      }
    }
  }
}

void App::keep_saved_edits_aside() {
  own_edits_replaced_ = false;
  if (!hooks_.load_edits) return;
  const std::optional<std::string> saved = hooks_.load_edits(fingerprint_);
  if (!saved) return;
  const UserEditsResult parsed = parse_user_edits(*saved, "saved edits", fingerprint_, "");
  if (parsed.edits && parsed.edits->empty()) return;  // nothing of the user's to keep
  // Named by content: keeping the same edits aside twice writes one file, different ones never
  // overwrite each other.
  const std::string name = fingerprint_ + ".previous-" + content_fingerprint(*saved).substr(0, 8);
  const std::string error = hooks_.save_edits(name, *saved);
  if (!error.empty()) {
    banner_.push_back("Your earlier edits could not be kept aside (" + error +
                      "); they are not replaced.");
    own_edits_replaced_ = true;  // try again next time; meanwhile nothing is overwritten
    return;
  }
  banner_.push_back("Your earlier edits are kept aside as edits-" + name +
                    ", beside your saved edits; import it to go back to them.");
}

void App::save_edits() {
  if (!hooks_.save_edits || edits_from_link_) return;
  if (own_edits_replaced_) keep_saved_edits_aside();
  if (own_edits_replaced_) return;  // they could not be kept aside: do not overwrite them
  edits_.pins = graph_panel_.pins(story_);
  const std::string error =
      hooks_.save_edits(fingerprint_, dump_json(user_edits_to_json(edits_), 1));
  if (!error.empty()) banner_.push_back("Your edits could not be saved: " + error);
}

}  // namespace dramatis::ui
