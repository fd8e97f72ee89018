#include "platform/app_options.h"

#include <cstdlib>

namespace dramatis::platform {

const char* const kAppUsage =
    "Usage: dramatis [--corpus PATH] [FILE...] [options]\n"
    "\n"
    "Explore a news story: who appears, how they connect, who said what.\n"
    "With no corpus given, opens the built-in one.\n"
    "\n"
    "  --corpus PATH        a folder (its manifest.json, or every .txt/.md under it) or a "
    "manifest\n"
    "  FILE...              text files (.txt, .md) or manifests (.json)\n"
    "  --select KIND:ID     start with this selection, e.g. document:d2\n"
    "  --view FRAGMENT      open a shared view (the part of a link after '#')\n"
    "  --base-url URL       the hosted copy's address, for File > Copy link\n"
    "  --edits-dir DIR      where your edits are saved (default: $XDG_CONFIG_HOME/dramatis,\n"
    "                       else ~/.config/dramatis)\n"
    "  --export-dir DIR     where File > Export writes (default: the current folder)\n"
    "  --edits-script FILE  apply these edits, one per frame, each saved as you would\n"
    "                       make it: JSON Lines, e.g. {\"edit\": \"note\", \"entity\": \"e0\",\n"
    "                       \"text\": \"...\"} (edit: merge with \"other\", split, rename,\n"
    "                       hide, unhide, note); prints each one as it is applied\n"
    "  --frames N           draw N frames, then exit\n"
    "  --window-size WxH    open the window at this size in screen units (default 1280x800)\n"
    "  --screenshot FILE    write the last frame as PNG, then exit (default --frames 5)\n"
    "  --state FILE         write the app state as JSON when exiting\n"
    "  --frame-stats FILE   write CPU milliseconds per frame (mean, p50, p95, max) as JSON\n"
    "                       when exiting\n"
    "  --synthetic N        show a generated graph of N nodes and about 2N edges\n"
    "                       (Barab\xC3\xA1si\xE2\x80\x93"
    "Albert, seed 1) instead of a corpus\n"
    "  -h, --help           show this help\n"
    "  --version            show the version\n";

std::optional<AppOptions> parse_app_options(int argc, char** argv, std::string& error) {
  AppOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto next = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) {
        error = "option '" + arg + "' needs a value";
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (arg == "-h" || arg == "--help") {
      options.help = true;
    } else if (arg == "--version") {
      options.version = true;
    } else if (arg == "--corpus" || arg == "--screenshot" || arg == "--state" ||
               arg == "--frames" || arg == "--select" || arg == "--frame-stats" ||
               arg == "--synthetic" || arg == "--view" || arg == "--base-url" ||
               arg == "--edits-dir" || arg == "--export-dir" || arg == "--edits-script" ||
               arg == "--window-size") {
      std::optional<std::string> value = next();
      if (!value) return std::nullopt;
      if (arg == "--corpus") options.corpus_paths.push_back(*value);
      if (arg == "--screenshot") options.screenshot_path = *value;
      if (arg == "--state") options.state_path = *value;
      if (arg == "--frame-stats") options.frame_stats_path = *value;
      if (arg == "--view") options.view_fragment = *value;
      if (arg == "--base-url") options.base_url = *value;
      if (arg == "--edits-dir") options.edits_dir = *value;
      if (arg == "--export-dir") options.export_dir = *value;
      if (arg == "--edits-script") options.edits_script = *value;
      if (arg == "--synthetic") {
        char* end = nullptr;
        const long nodes = std::strtol(value->c_str(), &end, 10);
        if (end == value->c_str() || *end != '\0' || nodes < 1 || nodes > 2000000) {
          error = "--synthetic needs a node count from 1 to 2000000, not '" + *value + "'";
          return std::nullopt;
        }
        options.synthetic_nodes = static_cast<uint32_t>(nodes);
      }
      if (arg == "--frames") {
        char* end = nullptr;
        const long frames = std::strtol(value->c_str(), &end, 10);
        if (end == value->c_str() || *end != '\0' || frames < 1 || frames > 1000000) {
          error = "--frames needs a whole number from 1 to 1000000, not '" + *value + "'";
          return std::nullopt;
        }
        options.frames = static_cast<int>(frames);
      }
      if (arg == "--window-size") {
        char* end = nullptr;
        const long width = std::strtol(value->c_str(), &end, 10);
        const bool has_x = end != value->c_str() && (*end == 'x' || *end == 'X');
        const char* height_text = has_x ? end + 1 : end;
        const long height = has_x ? std::strtol(height_text, &end, 10) : 0;
        if (!has_x || end == height_text || *end != '\0' || width < kMinWindowSide ||
            width > kMaxWindowSide || height < kMinWindowSide || height > kMaxWindowSide) {
          error = "--window-size needs WIDTHxHEIGHT, each from " + std::to_string(kMinWindowSide) +
                  " to " + std::to_string(kMaxWindowSide) + ", e.g. 1280x800, not '" + *value + "'";
          return std::nullopt;
        }
        options.window_width = static_cast<int>(width);
        options.window_height = static_cast<int>(height);
      }
      if (arg == "--select") {
        const size_t colon = value->find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == value->size()) {
          error = "--select needs KIND:ID, e.g. document:d2, not '" + *value + "'";
          return std::nullopt;
        }
        options.select = {value->substr(0, colon), value->substr(colon + 1)};
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      error = "unknown option '" + arg + "'";
      return std::nullopt;
    } else {
      options.corpus_paths.push_back(arg);
    }
  }
  if (!options.screenshot_path.empty() && options.frames == 0) options.frames = 5;
  return options;
}

}  // namespace dramatis::platform
