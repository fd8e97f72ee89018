// The lexicon files (data/lexicons/*.txt), compiled into the binary by cmake/EmbedFiles.cmake.
// Use nlp/lexicon.h to query them.
#pragma once

#include <span>

#include "core/io/embedded_file.h"

namespace dramatis {

std::span<const EmbeddedFile> lexicon_files();  // defined in a generated source

}  // namespace dramatis
