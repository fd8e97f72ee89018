// Writing a file so that a crash or a kill never leaves it half written: the bytes go to a
// temporary file beside it, are flushed to disk, then renamed over the old one (rename is
// atomic on POSIX file systems). The user's saved edits go through here.
#pragma once

#include <string>
#include <string_view>

namespace dramatis {

// Creates missing parent folders. The temporary file is new and our own (PATH.tmp.<pid>.<n>,
// created exclusively, never through a planted link) and is removed on failure. False with
// `error` in words (naming the path) on failure; the old file, if any, is then untouched.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace dramatis
