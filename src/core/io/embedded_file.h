// A file compiled into the binary by cmake/EmbedFiles.cmake: its path relative to the folder it
// came from and its exact bytes. Used for the built-in corpus and the UI font, so the apps need no
// data files at run time.
#pragma once

#include <span>
#include <string_view>

namespace dramatis {

struct EmbeddedFile {
  std::string_view path;   // relative to the embedded folder, '/'-separated
  std::string_view bytes;  // the file's bytes, unchanged
};

// Returns the embedded file with this relative path, or nullptr.
const EmbeddedFile* find_embedded(std::span<const EmbeddedFile> files, std::string_view path);

}  // namespace dramatis
