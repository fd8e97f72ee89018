// HTML to text (src/core/text/html_text.cpp) on a real-shaped news page: scripts and styles
// dropped, blocks on their own lines, references decoded, nothing left of the markup.
#include "core/text/html_text.h"

#include <doctest/doctest.h>

using namespace dramatis;

TEST_CASE("html_to_text keeps the article's words and drops the page's machinery") {
  const std::string html =
      "<!doctype html><html><head><title>Chintala leaves</title>"
      "<style>p { color: red }</style><script>var x = '<p>no</p>';</script></head>"
      "<body><h1>PyTorch co-creator leaves Meta</h1>\n"
      "<p>&ldquo;It&rsquo;s time,&rdquo; he said &amp; smiled.</p><!-- ad -->"
      "<p>Caf&#233; &#x4E2D; <b>bold</b>   words</p></body></html>";
  const std::string text = html_to_text(html);
  CHECK(text.find("PyTorch co-creator leaves Meta\n") != std::string::npos);
  CHECK(text.find("\xE2\x80\x9CIt\xE2\x80\x99s time,\xE2\x80\x9D he said & smiled.") !=
        std::string::npos);
  CHECK(text.find("Caf\xC3\xA9 \xE4\xB8\xAD bold words") != std::string::npos);
  CHECK(text.find("color") == std::string::npos);
  CHECK(text.find("var x") == std::string::npos);
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find("ad") == std::string::npos);
}

TEST_CASE("html_to_text survives broken markup") {
  CHECK(html_to_text("") == "");
  CHECK(html_to_text("<p>open <b>never closed") == "open never closed\n");
  CHECK(html_to_text("a &bogus; b &#xZZ; &#99999999;") == "a &bogus; b &#xZZ; \xEF\xBF\xBD\n");
  CHECK(html_to_text("<script>never ends") == "");
  CHECK(is_html_path("page.HTML"));
  CHECK(is_html_path("a/b.htm"));
  CHECK_FALSE(is_html_path("notes.md"));
}
