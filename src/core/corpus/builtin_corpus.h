// The built-in corpus' files (corpus/*.txt and corpus/manifest.json), compiled into the binary
// by cmake/EmbedFiles.cmake. Use load_builtin_corpus() to get them as a Corpus.
#pragma once

#include <span>

#include "core/io/embedded_file.h"

namespace dramatis {

std::span<const EmbeddedFile> builtin_corpus_files();  // defined in a generated source

}  // namespace dramatis
