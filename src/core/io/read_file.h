// Reading a whole file's bytes, with an error in words ("no such file", "is a folder, not a
// file") for the caller's Diagnostic. Shared by every loader (corpora, manifests, gold files).
#pragma once

#include <optional>
#include <string>

namespace dramatis {

std::optional<std::string> read_file_bytes(const std::string& path, std::string& error);

}  // namespace dramatis
