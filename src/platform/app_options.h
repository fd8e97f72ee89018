// Command-line options of the graphical app, shared by the native build (argv) and parsed in
// one place so `dramatis --help` documents them all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/view/selection.h"

namespace dramatis::platform {

struct AppOptions {
  std::vector<std::string> corpus_paths;  // --corpus PATH and positional FILE...; empty: built-in
  std::string screenshot_path;            // --screenshot FILE.png: write the last frame, then exit
  std::string state_path;                 // --state FILE.json: write the state JSON at exit
  std::string frame_stats_path;           // --frame-stats FILE.json: frame times at exit
  std::string view_fragment;              // --view FRAGMENT: a shared view to open
  std::string base_url;                   // --base-url URL: for copied links
  std::string edits_dir;                  // --edits-dir DIR: where edits are saved
  std::string export_dir;                 // --export-dir DIR: where exports are written
  std::string edits_script;               // --edits-script FILE: edits to apply, one per frame
  uint32_t synthetic_nodes = 0;           // --synthetic N: a generated graph instead of a corpus
  int frames = 0;           // --frames N: draw N frames, then exit (0: run until quit)
  int window_width = 1280;  // --window-size WxH, in screen units
  int window_height = 800;
  Selection select;  // --select KIND:ID, e.g. document:d2
  bool help = false;
  bool version = false;
};

// --window-size bounds: big enough for the panels to lay out, small enough for any GL driver.
inline constexpr int kMinWindowSide = 200;
inline constexpr int kMaxWindowSide = 8192;

// Parses argv; returns nullopt and sets `error` on a usage error.
std::optional<AppOptions> parse_app_options(int argc, char** argv, std::string& error);

extern const char* const kAppUsage;

}  // namespace dramatis::platform
