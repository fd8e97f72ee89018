// A document of a corpus: its original bytes (never modified: every offset in Dramatis is a
// UTF-8 byte offset into them) and its metadata, from a manifest or derived from the file.
#pragma once

#include <string>
#include <vector>

#include "core/text/utf8.h"

namespace dramatis {

struct DocumentMeta {
  std::string id;        // stable within a corpus: the manifest's id, else "d<index>"
  std::string title;     // manifest title, else the first non-empty line of the text
  std::string source;    // outlet or site; empty when unknown
  std::string url;       // link to the original; empty when unknown
  std::string date;      // publication date, ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD); may be empty
  std::string language;  // BCP 47 tag; may be empty
  // `date` was read from the text's dateline (Analysis::datelines), not given with it.
  bool date_from_text = false;
};

struct Document {
  DocumentMeta meta;
  std::string path;   // as the user gave it (or relative to the repository for built-in files)
  std::string bytes;  // the original bytes
  std::vector<utf8::InvalidSequence> invalid_utf8;  // where the display shows U+FFFD
};

}  // namespace dramatis
