#include "core/text/boilerplate.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/text/ascii.h"
#include "core/text/markdown.h"
#include "core/text/tokens.h"

// [SECTION] Vocabularies: navigation, share buttons, promotion and byline phrases
// [SECTION] Lines: a document's lines with their tokens and link coverage
// [SECTION] Rules: one predicate per reason, applied in priority order
// [SECTION] Corpus pass: repetition within and across documents

namespace dramatis::text {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Vocabularies (ASCII, lowercase; compared with ASCII case folding)
// ---------------------------------------------------------------------------------------------

// A navigation line needs one strong word; weak words may only accompany it.
constexpr std::string_view kNavStrong[] = {
    "next",       "previous",    "prev",     "share",       "subscribe",     "subscribed",
    "signup",     "follow",      "related",  "recommended", "advertisement", "advertisements",
    "advert",     "sponsored",   "cookie",   "cookies",     "tweet",         "login",
    "newsletter", "newsletters", "trending", "comments",    "unsubscribe",   "breadcrumb"};
constexpr std::string_view kNavWeak[] = {
    "read",   "more",     "sign",      "up",        "in",       "log",     "out",      "to",
    "top",    "back",     "skip",      "content",   "continue", "reading", "home",     "menu",
    "search", "article",  "articles",  "post",      "posts",    "stories", "story",    "news",
    "the",    "this",     "on",        "us",        "our",      "see",     "also",     "load",
    "show",   "view",     "all",       "most",      "popular",  "you",     "may",      "might",
    "like",   "email",    "print",     "facebook",  "twitter",  "x",       "linkedin", "whatsapp",
    "reddit", "telegram", "pinterest", "instagram", "youtube",  "link",    "copy",     "page",
    "reads",  "from",     "and",       "or",        "register", "now",     "free",     "here",
    "click",  "ad",       "ads",       "a",         "of",       "for",     "with",     "older",
    "newer",  "accept",   "reject",    "settings",  "policy",   "get",     "updates",  "daily",
    "weekly", "today",    "your",      "inbox",     "button",   "via"};
// Words that make a navigation line announce a list of links to other articles.
constexpr std::string_view kRelatedTriggers[] = {"related", "recommended", "trending", "popular"};
// Words of a "Next"/"Previous" line, after which the neighbouring post's title follows.
constexpr std::string_view kAdjacentNav[] = {"next",  "previous", "prev",  "post", "article",
                                             "story", "older",    "newer", "posts"};
constexpr std::string_view kShareWords[] = {
    "facebook", "twitter",  "x",         "linkedin",  "whatsapp", "email",  "e-mail",    "mail",
    "reddit",   "telegram", "pinterest", "print",     "share",    "tweet",  "messenger", "copy",
    "link",     "weibo",    "wechat",    "flipboard", "pocket",   "tumblr", "bluesky",   "sms"};
// Phrases of promotion, syndication and legal blocks, matched anywhere in a short line.
constexpr std::string_view kPromotionPhrases[] = {
    "read original",
    "read the original",
    "scan qr code",
    "scan the qr code",
    "qr code to",
    "reproduction without permission",
    "reproduced without permission",
    "without permission is prohibited",
    "does not represent the platform",
    "do not represent the platform",
    "does not represent the views",
    "do not represent the views",
    "all rights reserved",
    "click here to",
    "sign up for our",
    "subscribe to our",
    "follow us on",
    "download our app",
    "download the app",
    "privacy policy",
    "terms of service",
    "terms of use",
    "cookie policy",
    "we use cookies",
    "this article was originally published",
    "this article originally appeared",
    "appeared first on",
};
constexpr std::string_view kBylinePhrases[] = {"posted by", "written by", "reported by",
                                               "edited by", "words by",   "story by",
                                               "author:",   "authors:"};
constexpr std::string_view kMetadataLabels[] = {
    "categories:", "category:", "tags:", "tagged:", "tagged with:", "filed under:"};
// Lowercase particles allowed between the capitalized names of a "By ..." byline.
constexpr std::string_view kNameParticles[] = {"and", "de", "van", "von", "der", "da",
                                               "del", "la", "le",  "bin", "al",  "di"};

constexpr size_t kMaxPromotionWords = 40;
constexpr size_t kMaxNavigationWords = 8;
constexpr size_t kMaxBylineWords = 12;
constexpr size_t kMaxRepeatedAcrossWords = 12;
constexpr size_t kMaxAdjacentTitleWords = 10;
constexpr size_t kMinTrailingLinkLines = 3;

// ---------------------------------------------------------------------------------------------
// [SECTION] Lines
// ---------------------------------------------------------------------------------------------

struct Line {
  uint32_t start = 0;    // first non-space byte (marker included)
  uint32_t end = 0;      // after the last non-space byte
  uint32_t content = 0;  // after the Markdown marker
  size_t first = 0;      // content tokens [first, last)
  size_t last = 0;
  BlockKind kind = BlockKind::Paragraph;
  size_t words = 0;        // Word, Number, Money and Cjk tokens
  bool link_only = false;  // the content is one or more links (or bare URLs)
  bool blank() const { return kind == BlockKind::Blank || end <= start; }
};

bool is_separator(TokenKind kind) {
  return kind == TokenKind::Punct || kind == TokenKind::Symbol || kind == TokenKind::Bullet ||
         kind == TokenKind::Dash || kind == TokenKind::Emphasis || kind == TokenKind::Ellipsis ||
         kind == TokenKind::OpenQuote || kind == TokenKind::CloseQuote ||
         kind == TokenKind::AmbiguousQuote;
}

bool is_wordlike(TokenKind kind) {
  return kind == TokenKind::Word || kind == TokenKind::Number || kind == TokenKind::Money ||
         kind == TokenKind::Cjk;
}

class Document {
 public:
  // `tokens` and `blocks` are the text's (see ParsedDocument); the tokens are kept by view.
  explicit Document(const ParsedDocument& parsed) : t_(parsed.text), tokens_(parsed.tokens) {
    const std::span<const Block> blocks = parsed.blocks;
    // Inline spans serve the link coverage below, and a line without a '[' has no link: only
    // lines with one are parsed (most lines of news have none).
    std::vector<Block> with_links;
    for (const Block& block : blocks) {
      if (block.content_start < block.end && block.end <= t_.size() &&
          t_.substr(block.content_start, block.end - block.content_start).find('[') !=
              std::string_view::npos)
        with_links.push_back(block);
    }
    const std::vector<InlineSpan> inlines = parse_inlines(t_, with_links);
    lines_.reserve(blocks.size());
    size_t t = 0, s = 0;
    for (const Block& block : blocks) {
      Line line;
      line.kind = block.kind;
      line.content = block.content_start;
      uint32_t start = block.start, end = block.end;
      while (start < end && is_space(t_[start])) ++start;
      while (end > start && is_space(t_[end - 1])) --end;
      line.start = start;
      line.end = end;
      while (t < tokens_.size() && tokens_[t].start < block.content_start) ++t;
      line.first = t;
      while (t < tokens_.size() && tokens_[t].start < block.end) ++t;
      line.last = t;
      for (size_t k = line.first; k < line.last; ++k) line.words += is_wordlike(tokens_[k].kind);
      // Link coverage: bytes of top-level link syntax over the content's non-marker bytes.
      while (s < inlines.size() && inlines[s].start < block.content_start) ++s;
      size_t covered = 0, markers = 0, reach = 0;
      for (; s < inlines.size() && inlines[s].start < block.end; ++s) {
        const InlineSpan& span = inlines[s];
        if (span.kind == InlineKind::EmphasisMarker) {
          if (span.start >= reach) markers += span.end - span.start;
          continue;
        }
        if (span.start < reach) continue;  // inside a link's text
        if (span.kind != InlineKind::CodeMarker) covered += span.end - span.start;
        reach = span.end;
      }
      const size_t content_bytes =
          end > line.content ? end - line.content - std::min<size_t>(markers, end - line.content)
                             : 0;
      line.link_only = content_bytes > 0 && covered * 10 >= content_bytes * 9;
      lines_.push_back(line);
    }
  }

  std::string_view text() const { return t_; }
  const std::vector<Line>& lines() const { return lines_; }
  const Token& token(size_t k) const { return tokens_[k]; }
  std::string_view token_text(size_t k) const { return tokens_[k].text(t_); }
  std::string_view line_text(const Line& line) const {
    return t_.substr(line.start, line.end - line.start);
  }
  std::string_view content_text(const Line& line) const {
    const uint32_t from = std::min(std::max(line.content, line.start), line.end);
    return t_.substr(from, line.end - from);
  }

 private:
  static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  }

  std::string_view t_;
  std::span<const Token> tokens_;
  std::vector<Line> lines_;
};

bool ends_sentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Rules
// ---------------------------------------------------------------------------------------------

struct NavInfo {
  bool navigation = false;
  bool related_trigger = false;  // announces a list of links to other articles
  bool adjacent = false;         // "Next" / "Previous post": a neighbour's title follows
};

NavInfo navigation(const Document& doc, const Line& line) {
  NavInfo info;
  size_t words = 0;
  bool strong = false, read = false, more = false, also = false, like = false, adjacent = true;
  bool continue_word = false, reading = false, back = false, top = false, sign = false;
  bool up_or_in = false;
  for (size_t k = line.first; k < line.last; ++k) {
    const TokenKind kind = doc.token(k).kind;
    if (kind == TokenKind::Url || is_separator(kind)) continue;
    if (kind != TokenKind::Word) return info;
    const std::string_view word = doc.token_text(k);
    ++words;
    if (listed(word, kRelatedTriggers)) info.related_trigger = true;
    adjacent = adjacent && listed(word, kAdjacentNav);
    if (listed(word, kNavStrong)) {
      strong = true;
      continue;
    }
    if (!listed(word, kNavWeak)) return info;
    read = read || equals_lower(word, "read");
    more = more || equals_lower(word, "more");
    also = also || equals_lower(word, "also");
    like = like || equals_lower(word, "like");
    continue_word = continue_word || equals_lower(word, "continue");
    reading = reading || equals_lower(word, "reading");
    back = back || equals_lower(word, "back");
    top = top || equals_lower(word, "top");
    sign = sign || equals_lower(word, "sign") || equals_lower(word, "log");
    up_or_in = up_or_in || equals_lower(word, "up") || equals_lower(word, "in");
  }
  // Two-word phrases whose words are weak alone: Read more, You may also like, Continue
  // reading, Back to top, Sign up / Log in.
  strong = strong || (read && more) || (also && like) || (continue_word && reading) ||
           (back && top) || (sign && up_or_in);
  info.related_trigger = info.related_trigger || (also && like) || (read && more);
  info.navigation = strong && words >= 1 && words <= kMaxNavigationWords;
  info.related_trigger = info.navigation && info.related_trigger;
  info.adjacent = info.navigation && adjacent;
  return info;
}

bool share_widget(const Document& doc, const Line& line) {
  size_t words = 0;
  for (size_t k = line.first; k < line.last; ++k) {
    const TokenKind kind = doc.token(k).kind;
    if (kind == TokenKind::Punct && doc.token_text(k) == ",") return false;  // a list in prose
    if (is_separator(kind)) continue;
    if (kind != TokenKind::Word || !listed(doc.token_text(k), kShareWords)) return false;
    ++words;
  }
  return words >= 2;
}

// Whether any of a list of phrases (three bytes or more) occurs anywhere in a line, in one pass
// over the line: only where the line's next three bytes may open some phrase (a 16-bit hash of
// them is marked) are the phrases compared, so a line costs about a table lookup per byte
// rather than a search per phrase.
class PhraseFinder {
 public:
  explicit PhraseFinder(std::span<const std::string_view> phrases)
      : phrases_(phrases.begin(), phrases.end()) {
    for (std::string_view p : phrases_) opens_[opening_at(p, 0)] = true;
  }
  bool found_in(std::string_view line) const {
    for (size_t i = 0; i + 2 < line.size(); ++i) {
      if (!opens_[opening_at(line, i)]) continue;
      const std::string_view rest = line.substr(i);
      for (std::string_view p : phrases_)
        if (p[0] == rest[0] && p[1] == rest[1] && rest.starts_with(p)) return true;
    }
    return false;
  }

 private:
  static size_t opening_at(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<size_t>(static_cast<unsigned char>(s[k])); };
    return (b(i) * 961 + b(i + 1) * 31 + b(i + 2)) & 0xFFFF;
  }
  std::vector<std::string_view> phrases_;
  std::bitset<65536> opens_;  // hashes of the first three bytes of some phrase
};

constexpr bool all_three_bytes_or_more(std::span<const std::string_view> phrases) {
  for (std::string_view p : phrases)
    if (p.size() < 3) return false;
  return true;
}
static_assert(all_three_bytes_or_more(kPromotionPhrases) && all_three_bytes_or_more(kBylinePhrases),
              "PhraseFinder reads a phrase's first three bytes");

bool promotion(const Line& line, std::string_view lower) {
  static const PhraseFinder finder(kPromotionPhrases);
  return line.words <= kMaxPromotionWords && finder.found_in(lower);
}

bool metadata(std::string_view lower_content) {
  size_t k = 0;
  while (k < lower_content.size() && (lower_content[k] == '*' || lower_content[k] == '_')) ++k;
  const std::string_view rest = lower_content.substr(k);
  for (std::string_view label : kMetadataLabels) {
    if (rest.substr(0, label.size()) == label) return true;
  }
  return false;
}

bool byline(const Document& doc, const Line& line, std::string_view lower) {
  static const PhraseFinder finder(kBylinePhrases);
  if (line.words <= kMaxBylineWords && finder.found_in(lower)) {
    return true;
  }
  // "By Jane Doe", "By Jane Doe and John Roe | Reuters": capitalized names only, no numbers.
  size_t k = line.first;
  while (k < line.last && is_separator(doc.token(k).kind)) ++k;
  if (k >= line.last || !equals_lower(doc.token_text(k), "by")) return false;
  size_t names = 0;
  for (++k; k < line.last; ++k) {
    const Token& tok = doc.token(k);
    if (tok.kind == TokenKind::Word) {
      if (tok.has(kCapitalized)) {
        ++names;
      } else if (!listed(doc.token_text(k), kNameParticles)) {
        return false;
      }
    } else if (tok.kind == TokenKind::Punct) {
      const std::string_view p = doc.token_text(k);
      if (p != "," && p != "|" && p != "/") return false;  // a sentence, not a byline
    } else if (tok.kind != TokenKind::Handle && !is_separator(tok.kind)) {
      return false;
    }
  }
  return names >= 1 && names <= 6;
}

// "https://...", "[https://...](https://...)", "**Video:** https://...": nothing but URLs after an
// optional label of up to three words.
bool bare_url(const Document& doc, const Line& line) {
  size_t k = line.first;
  size_t label_words = 0;
  size_t probe = k;
  while (probe < line.last && label_words <= 3) {
    const Token& tok = doc.token(probe);
    if (tok.kind == TokenKind::Word) {
      ++label_words;
    } else if (tok.kind == TokenKind::Punct && doc.token_text(probe) == ":") {
      k = probe + 1;
      break;
    } else if (tok.kind != TokenKind::Emphasis) {
      break;
    }
    ++probe;
  }
  size_t urls = 0;
  for (; k < line.last; ++k) {
    const Token& tok = doc.token(k);
    if (tok.kind == TokenKind::Url) {
      ++urls;
      continue;
    }
    if (tok.kind == TokenKind::Emphasis) continue;
    if (tok.kind == TokenKind::Punct || tok.kind == TokenKind::Symbol) {
      const std::string_view p = doc.token_text(k);
      if (p == "[" || p == "]" || p == "(" || p == ")" || p == "<" || p == ">") continue;
    }
    return false;
  }
  return urls > 0;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Corpus pass
// ---------------------------------------------------------------------------------------------

struct CrossDocInfo {
  size_t documents = 0;
  size_t last_document = SIZE_MAX;
  bool always_at_edge = true;  // every occurrence in the first or last quarter of its document
  bool ever_title = false;     // the first line of some document: syndicated titles are content
};

// Lines eligible for the cross-document rule: short, not headings.
bool cross_doc_candidate(const Line& line) {
  return !line.blank() && line.kind != BlockKind::Heading && line.words >= 2 &&
         line.words <= kMaxRepeatedAcrossWords;
}

}  // namespace

std::vector<std::vector<BoilerplateSpan>> detect_boilerplate(
    const std::vector<std::string_view>& documents) {
  std::vector<std::vector<Token>> tokens;
  std::vector<std::vector<Block>> blocks;
  std::vector<ParsedDocument> parsed;
  tokens.reserve(documents.size());
  blocks.reserve(documents.size());
  parsed.reserve(documents.size());
  for (std::string_view text : documents) {
    tokens.push_back(tokenize(text));
    blocks.push_back(parse_blocks(text));
    parsed.push_back({text, tokens.back(), blocks.back()});
  }
  return detect_parsed_boilerplate(parsed);
}

std::vector<std::vector<BoilerplateSpan>> detect_parsed_boilerplate(
    std::span<const ParsedDocument> documents) {
  std::vector<Document> docs;
  docs.reserve(documents.size());
  for (const ParsedDocument& parsed : documents) docs.emplace_back(parsed);

  // Short lines shared by documents, keyed by their bytes.
  std::unordered_map<std::string_view, CrossDocInfo> shared;
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::vector<Line>& lines = docs[d].lines();
    size_t nonblank = 0;
    for (const Line& line : lines) nonblank += !line.blank();
    size_t index = 0;
    bool first = true;
    for (const Line& line : lines) {
      if (line.blank()) continue;
      const bool title = first;
      first = false;
      const size_t position = index++;
      if (!cross_doc_candidate(line) && !title) continue;
      CrossDocInfo& info = shared[docs[d].line_text(line)];
      if (info.last_document != d) {
        info.last_document = d;
        ++info.documents;
      }
      const bool edge = position * 4 < nonblank || position * 4 >= nonblank * 3;
      info.always_at_edge = info.always_at_edge && edge;
      info.ever_title = info.ever_title || title;
    }
  }

  std::vector<std::vector<BoilerplateSpan>> result(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    const std::vector<Line>& lines = doc.lines();
    std::vector<const char*> reasons(lines.size(), nullptr);
    std::unordered_set<std::string_view> seen;
    bool related_list = false;  // after a "Related"/"Recommended" line
    bool after_adjacent = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      if (line.blank()) continue;
      if (line.kind == BlockKind::Rule || line.kind == BlockKind::Code) {
        related_list = after_adjacent = false;
        continue;
      }
      // Phrase rules only look at short lines and metadata labels at a line's start, so long
      // paragraphs are not copied.
      const std::string lower =
          line.words <= kMaxPromotionWords ? lowercase(doc.line_text(line)) : std::string();
      const std::string lower_content = lowercase(doc.content_text(line).substr(0, 24));
      const NavInfo nav = navigation(doc, line);
      const bool url_line = bare_url(doc, line);
      const char* reason = nullptr;
      if (promotion(line, lower)) {
        reason = "promotion";
      } else if (metadata(lower_content)) {
        reason = "metadata";
      } else if (nav.navigation) {
        reason = "navigation";
      } else if (share_widget(doc, line)) {
        reason = "share-widget";
      } else if (byline(doc, line, lower)) {
        reason = "byline";
      } else if (url_line) {
        reason = "bare-url";
      } else if (related_list && line.link_only) {
        reason = "related-links";
      } else if (after_adjacent && line.words >= 1 && line.words <= kMaxAdjacentTitleWords &&
                 !ends_sentence(doc.line_text(line))) {
        reason = "adjacent-article";
      }
      const std::string_view key = doc.line_text(line);
      if (reason == nullptr && line.words >= 2 && !seen.insert(key).second) {
        reason = "repeated-line";
      } else {
        seen.insert(key);
      }
      if (reason == nullptr && cross_doc_candidate(line)) {
        const auto it = shared.find(key);
        if (it != shared.end() && it->second.documents >= 2 && it->second.always_at_edge &&
            !it->second.ever_title) {
          reason = "repeated-across-documents";
        }
      }
      reasons[i] = reason;
      related_list = nav.related_trigger || (related_list && (line.link_only || url_line));
      after_adjacent = nav.adjacent || (after_adjacent && nav.navigation);
    }
    // A run of link-only lines that ends the document is a list of other articles.
    size_t run = 0, i = lines.size();
    while (i > 0) {
      const Line& line = lines[i - 1];
      if (!line.blank()) {
        if (!line.link_only && !bare_url(doc, line)) break;
        ++run;
      }
      --i;
    }
    if (run >= kMinTrailingLinkLines) {
      for (size_t k = i; k < lines.size(); ++k) {
        if (!lines[k].blank() && reasons[k] == nullptr) reasons[k] = "related-links";
      }
    }
    for (size_t k = 0; k < lines.size(); ++k) {
      if (reasons[k] != nullptr) result[d].push_back({lines[k].start, lines[k].end, reasons[k]});
    }
  }
  return result;
}

}  // namespace dramatis::text
