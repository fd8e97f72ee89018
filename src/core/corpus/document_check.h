// Turns one file's bytes into a Document, or refuses it: NUL bytes or a UTF-16/32 byte order mark
// mean a binary file or an encoding we do not read; invalid UTF-8 is kept (shown as U+FFFD) and
// reported by byte offset; an empty file is accepted with a warning; a file longer than
// kMaxDocumentBytes (corpus_limits.h) is cut to its first part, with a warning giving the offset.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/corpus/document.h"
#include "core/diagnostic.h"

namespace dramatis {

// Returns the document (meta.title derived from the text when the caller gives none), or nullopt
// when the file is refused. Diagnostics are appended either way.
std::optional<Document> check_document(std::string path, std::string bytes,
                                       std::vector<Diagnostic>& diagnostics);

// The first non-empty line without Markdown heading, list or emphasis markers, at most
// `max_bytes` long (cut on a code point boundary). Empty when the text has no such line.
std::string derive_title(std::string_view text, size_t max_bytes = 160);

}  // namespace dramatis
