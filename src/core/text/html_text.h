// The readable text of an HTML file, for documents given as .html: tags stripped, script,
// style and template contents dropped, block elements ending lines, character references
// decoded. The result becomes the document's bytes (offsets then point into it, not into the
// HTML), so the reader shows what the extractor read.
#pragma once

#include <string>
#include <string_view>

namespace dramatis {

std::string html_to_text(std::string_view html);

// True for the extensions read as HTML (.html, .htm, any case).
bool is_html_path(std::string_view path);

}  // namespace dramatis
