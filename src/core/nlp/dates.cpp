// Date finding (see dates.h). Sections:
//   [calendar]  day counts, weekdays, ISO strings
//   [tokens]    ASCII words, digit runs and punctuation with their byte spans; other bytes
//               (any non-ASCII, valid or not) become opaque tokens that glue to their neighbours
//   [words]     month, weekday and context words
//   [finder]    the patterns, tried at each token with a bounded look-ahead, so the whole pass
//               is linear in the text's length
#include "core/nlp/dates.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace dramatis {

// ---------------------------------------------------------------------------------- [calendar]
namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

bool valid(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil), exact integer arithmetic.
int64_t to_days(const CivilDate& date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(const CivilDate& date) {  // 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday
  const int64_t w = (to_days(date) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

CivilDate add_days(const CivilDate& date, int64_t n) {
  return from_days(to_days(date) + n);
}

void append_number(std::string& out, int value, int width) {
  std::array<char, 8> digits{};
  int n = 0;
  do {
    digits[static_cast<size_t>(n++)] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0 && n < 8);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[static_cast<size_t>(--n)]);
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the precision asks.
std::string iso(int y, int m, int d, DatePrecision precision) {
  std::string out;
  append_number(out, y, 4);
  if (precision == DatePrecision::Year) return out;
  out.push_back('-');
  append_number(out, m, 2);
  if (precision == DatePrecision::Month) return out;
  out.push_back('-');
  append_number(out, d, 2);
  return out;
}

// ------------------------------------------------------------------------------------ [tokens]

enum class Kind : uint8_t { Word, Number, Punct, Dash, Other };

// 12 bytes, as the reading engine's own tokens: a long document has millions of them.
struct Token {
  uint32_t start = 0;  // bytes
  uint32_t end = 0;    // bytes, exclusive
  Kind kind = Kind::Other;
  bool glued = false;      // no whitespace between this token and the one before
  bool paragraph = false;  // a blank line before it: dates never span one
};

unsigned char byte(std::string_view t, size_t i) {
  return static_cast<unsigned char>(t[i]);
}

// Length of the non-ASCII whitespace at `i` (NBSP, U+2000..U+200A, U+202F), or 0.
size_t space_length_non_ascii(std::string_view t, size_t i) {
  const unsigned char c = byte(t, i);
  if (c == 0xC2 && i + 1 < t.size() && byte(t, i + 1) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < t.size() && byte(t, i + 1) == 0x80) {
    const unsigned char d = byte(t, i + 2);
    if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) return 3;
  }
  return 0;
}

// Length of the whitespace at `i` (ASCII, NBSP, U+2000..U+200A, U+202F), or 0. Small, so the
// ASCII test is inlined where the tokenizer asks it of every byte between tokens.
inline size_t space_length(std::string_view t, size_t i) {
  const unsigned char c = byte(t, i);
  if (c < 0x80) return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
  return space_length_non_ascii(t, i);
}

// Typographic dashes (U+2010..U+2015, U+2212) and quotes/ellipsis (U+2018..U+201F, U+2026) are
// punctuation like their ASCII cousins: "2005–2009", "‘Monday’".
bool punct3(std::string_view t, size_t i, Kind& kind) {
  if (i + 2 >= t.size() || byte(t, i) != 0xE2) return false;
  const unsigned char b = byte(t, i + 1);
  const unsigned char c = byte(t, i + 2);
  if (b == 0x80 && c >= 0x90 && c <= 0x95) {
    kind = Kind::Dash;
    return true;
  }
  if (b == 0x88 && c == 0x92) {
    kind = Kind::Dash;
    return true;
  }
  if (b == 0x80 && ((c >= 0x98 && c <= 0x9F) || c == 0xA6)) {
    kind = Kind::Punct;
    return true;
  }
  return false;
}

// By table: the tokenizer asks it of every byte of every word.
constexpr std::array<bool, 256> kAsciiAlpha = [] {
  std::array<bool, 256> alpha{};
  for (int c = 'A'; c <= 'Z'; ++c) alpha[static_cast<size_t>(c)] = true;
  for (int c = 'a'; c <= 'z'; ++c) alpha[static_cast<size_t>(c)] = true;
  return alpha;
}();
bool ascii_alpha(unsigned char c) {
  return kAsciiAlpha[c];
}
bool ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

std::vector<Token> tokenize(std::string_view t) {
  // Offsets are uint32_t: text past 4 GiB is not read (as in text/tokens.h).
  t = t.substr(0, std::min<size_t>(t.size(), UINT32_MAX));
  std::vector<Token> tokens;
  tokens.reserve(t.size() / 5 + 16);  // about 5.5 bytes per token in news text
  size_t i = 0;
  bool gap = false;
  int newlines = 0;
  while (i < t.size()) {
    if (const size_t s = space_length(t, i)) {
      newlines += t[i] == '\n' ? 1 : 0;
      gap = true;
      i += s;
      continue;
    }
    Token tok;
    tok.start = static_cast<uint32_t>(i);
    tok.glued = !gap && !tokens.empty();
    tok.paragraph = newlines >= 2;
    gap = false;
    newlines = 0;
    const unsigned char c = byte(t, i);
    Kind kind = Kind::Other;
    if (ascii_alpha(c)) {
      tok.kind = Kind::Word;
      while (i < t.size() && ascii_alpha(byte(t, i))) ++i;
    } else if (ascii_digit(c)) {
      tok.kind = Kind::Number;
      while (i < t.size() && ascii_digit(byte(t, i))) ++i;
    } else if (c < 0x80) {
      tok.kind = c == '-' ? Kind::Dash : Kind::Punct;
      ++i;
    } else if (punct3(t, i, kind)) {
      tok.kind = kind;
      i += 3;
    } else {
      tok.kind = Kind::Other;
      ++i;
      while (i < t.size() && byte(t, i) >= 0x80 && space_length(t, i) == 0 && !punct3(t, i, kind)) {
        ++i;
      }
    }
    tok.end = static_cast<uint32_t>(i);
    tokens.push_back(tok);
  }
  return tokens;
}

// ------------------------------------------------------------------------------------- [words]

// ASCII case-insensitive equality with a lower-case literal.
bool is_word(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    const unsigned char f = (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
    if (f != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

template <size_t N>
bool is_any(std::string_view w, const std::array<std::string_view, N>& words) {
  for (const std::string_view x : words) {
    if (is_word(w, x)) return true;
  }
  return false;
}

// "November", "NOVEMBER", not "november" or "NoVember": a lower-case month name is a word
// ("may", "march"), not a date.
bool proper_case(std::string_view w) {
  if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  bool lower = true;
  bool upper = true;
  for (size_t i = 1; i < w.size(); ++i) {
    lower = lower && w[i] >= 'a' && w[i] <= 'z';
    upper = upper && w[i] >= 'A' && w[i] <= 'Z';
  }
  return lower || upper;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// The capital letters months and weekdays begin with: most capitalised words stop there.
template <size_t N>
constexpr std::array<bool, 256> capital_initials(const std::array<std::string_view, N>& names) {
  std::array<bool, 256> initial{};
  for (const std::string_view name : names) {
    initial[static_cast<unsigned char>(name[0] - 'a' + 'A')] = true;
  }
  return initial;
}
constexpr std::array<bool, 256> kMonthInitial = capital_initials(kMonths);

// 1..12, or 0. `abbreviated` for "Jan", "Sept" and the like, which need a day or year beside.
int month_of(std::string_view w, bool& abbreviated) {
  abbreviated = false;
  if (w.empty() || !kMonthInitial[static_cast<unsigned char>(w[0])]) return 0;
  if (!proper_case(w)) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (is_word(w, kMonths[m])) return static_cast<int>(m + 1);
  }
  if (is_word(w, "sept")) {
    abbreviated = true;
    return 9;
  }
  if (w.size() == 3) {
    for (size_t m = 0; m < kMonths.size(); ++m) {
      if (m != 4 && is_word(w, kMonths[m].substr(0, 3))) {
        abbreviated = true;
        return static_cast<int>(m + 1);
      }
    }
  }
  return 0;
}

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr std::array<bool, 256> kWeekdayInitial = capital_initials(kWeekdays);

int weekday_of(std::string_view w) {  // 0 = Monday .. 6 = Sunday, or -1
  if (w.empty() || !kWeekdayInitial[static_cast<unsigned char>(w[0])]) return -1;
  if (!proper_case(w)) return -1;
  for (size_t d = 0; d < kWeekdays.size(); ++d) {
    if (is_word(w, kWeekdays[d])) return static_cast<int>(d);
  }
  return -1;
}

// Words after which a bare year is a date: "in 2016", "since 2020", "summer 2024".
constexpr std::array<std::string_view, 21> kYearContext = {
    "in",      "since",      "by",    "until",  "till",   "from",   "during",
    "before",  "after",      "early", "late",   "mid",    "circa",  "between",
    "through", "throughout", "year",  "fiscal", "spring", "summer", "winter"};
// Weaker ones ("the end of 2025", "around 2010"): only when no lower-case word follows, which
// would make the number a count ("of 2000 employees").
constexpr std::array<std::string_view, 5> kWeakYearContext = {"of", "around", "about", "autumn",
                                                              "fall"};
// Words after which a month alone is a date: "in November", "last March", "mid November".
constexpr std::array<std::string_view, 15> kMonthContext = {
    "in",    "since", "until", "till",   "by",    "during", "through", "throughout",
    "early", "late",  "mid",   "before", "after", "from",   "of"};
// Joining two years of a range: "from 2005 to 2009", "in 2016 and 2017".
constexpr std::array<std::string_view, 5> kYearConnectors = {"to", "and", "or", "through", "until"};
// Capitalised words that may stand before a weekday without making it a name ("On Monday");
// other capitalised words make it one ("Black Friday", "Super Tuesday").
constexpr std::array<std::string_view, 11> kWeekdayLead = {
    "on", "by", "since", "until", "from", "before", "after", "early", "late", "said", "says"};

constexpr std::array<std::string_view, 12> kNumberWords = {"one",  "two", "three",  "four",
                                                           "five", "six", "seven",  "eight",
                                                           "nine", "ten", "eleven", "twelve"};

// Words that may open a date in lower case: relative_word() and ago(). Their first letters
// let Finder::at() turn most lower-case words away at once.
constexpr std::array<std::string_view, 9> kLowerCaseLeads = {
    "today", "tonight", "yesterday", "tomorrow", "last", "next", "this", "a", "an"};
constexpr std::array<bool, 256> kLowerCaseLeadInitial = [] {
  std::array<bool, 256> initial{};
  for (const std::string_view w : kLowerCaseLeads) initial[static_cast<unsigned char>(w[0])] = true;
  for (const std::string_view w : kNumberWords) initial[static_cast<unsigned char>(w[0])] = true;
  return initial;
}();

// ------------------------------------------------------------------------------------ [finder]

constexpr size_t kNone = static_cast<size_t>(-1);

class Finder {
 public:
  Finder(std::string_view text, uint32_t doc, std::optional<CivilDate> today)
      : text_(text), doc_(doc), today_(today), toks_(tokenize(text)) {}

  std::vector<DateMention> run() {
    size_t i = 0;
    while (i < toks_.size()) {
      const size_t last = at(i);
      i = last == kNone ? i + 1 : last + 1;
    }
    return std::move(out_);
  }

 private:
  // ---- token queries
  bool has(size_t i) const { return i < toks_.size(); }
  bool is(size_t i, Kind k) const { return has(i) && toks_[i].kind == k; }
  std::string_view str(size_t i) const {
    return text_.substr(toks_[i].start, toks_[i].end - toks_[i].start);
  }
  bool punct(size_t i, char c) const {
    return is(i, Kind::Punct) && toks_[i].end - toks_[i].start == 1 && text_[toks_[i].start] == c;
  }
  bool glued(size_t i) const { return has(i) && toks_[i].glued; }
  // Token i follows token i-1 after whitespace, within the same paragraph.
  bool spaced(size_t i) const { return has(i) && !toks_[i].glued && !toks_[i].paragraph; }
  bool near(size_t i) const { return has(i) && !toks_[i].paragraph; }  // glued or spaced
  bool word(size_t i, std::string_view lower) const {
    return is(i, Kind::Word) && is_word(str(i), lower);
  }
  int number(size_t i) const {  // value of a digit run of up to 4 digits, else -1
    if (!is(i, Kind::Number) || toks_[i].end - toks_[i].start > 4) return -1;
    int v = 0;
    for (const char c : str(i)) v = v * 10 + (c - '0');
    return v;
  }
  size_t digits(size_t i) const { return is(i, Kind::Number) ? toks_[i].end - toks_[i].start : 0; }

  // A word starts here: not glued to a letter, digit or non-ASCII byte before it.
  bool word_left(size_t i) const {
    return i == 0 || !toks_[i].glued || is(i - 1, Kind::Punct) || is(i - 1, Kind::Dash);
  }
  bool word_right(size_t i) const {
    return !has(i + 1) || !toks_[i + 1].glued || is(i + 1, Kind::Punct) || is(i + 1, Kind::Dash);
  }
  // A number starts here: not part of "$2016", "3.2016", "1,2016", "#2016", "A2016".
  bool number_left(size_t i) const {
    if (i == 0 || !toks_[i].glued) return true;
    if (is(i - 1, Kind::Punct)) {
      if (toks_[i - 1].end - toks_[i - 1].start == 3) return true;  // a typographic quote
      const char c = text_[toks_[i - 1].start];
      return c == '(' || c == '[' || c == '"' || c == '\'';
    }
    return false;
  }
  // A number ends here: not "2016%", "2016.5", "1,000", "10:30", "2016s" or "2016/17".
  bool number_right(size_t i) const {
    if (!has(i + 1) || !toks_[i + 1].glued) return true;
    if (is(i + 1, Kind::Dash)) return true;  // ranges are judged by the caller
    if (!is(i + 1, Kind::Punct)) return false;
    const char c = text_[toks_[i + 1].start];
    if (c == '%' || c == '/') return false;
    if ((c == '.' || c == ',' || c == ':') && glued(i + 2) &&
        (is(i + 2, Kind::Number) || is(i + 2, Kind::Word))) {
      return false;
    }
    return true;
  }

  // ---- emitting
  void emit(size_t start, size_t end, int y, int m, int d, DatePrecision precision, bool relative) {
    if (y < 1 || y > 9999) return;
    DateMention mention;
    mention.span = DocSpan{doc_, start, end};
    mention.value = iso(y, m, d, precision);
    mention.precision = precision;
    mention.relative = relative;
    out_.push_back(std::move(mention));
  }
  void emit_day(size_t start, size_t end, const CivilDate& date, bool relative) {
    emit(start, end, date.year, date.month, date.day, DatePrecision::Day, relative);
  }

  // The year that puts month/day nearest the document date (ties: the earlier one), or 0.
  int nearest_year(int month, int day) const {
    if (!today_) return 0;
    int best = 0;
    int64_t best_distance = 0;
    for (int y = today_->year - 1; y <= today_->year + 1; ++y) {
      if (!valid(y, month, day)) continue;
      const int64_t delta = to_days({y, month, day}) - to_days(*today_);
      const int64_t distance = delta < 0 ? -delta : delta;
      if (best == 0 || distance < best_distance) {
        best = y;
        best_distance = distance;
      }
    }
    return best;
  }

  // ---- parts
  // A day of the month at i ("6", "6th"); returns its last token, or kNone.
  size_t day_at(size_t i, int& day) const {
    if (digits(i) == 0 || digits(i) > 2) return kNone;
    const int d = number(i);
    if (d < 1 || d > 31) return kNone;
    size_t last = i;
    if (glued(i + 1) && is(i + 1, Kind::Word)) {
      const std::string_view s = str(i + 1);
      if (!(is_word(s, "st") || is_word(s, "nd") || is_word(s, "rd") || is_word(s, "th"))) {
        return kNone;
      }
      last = i + 1;
      if (!word_right(last)) return kNone;
    } else if (!number_right(i)) {
      return kNone;
    }
    day = d;
    return last;
  }

  // A month name at i ("November", "Nov", "Nov."); returns its last token (the dot), or kNone.
  size_t month_at(size_t i, int& month, bool& abbreviated) const {
    if (!is(i, Kind::Word) || !word_left(i)) return kNone;
    month = month_of(str(i), abbreviated);
    if (month == 0) return kNone;
    if (abbreviated && punct(i + 1, '.') && glued(i + 1)) return i + 1;
    return word_right(i) ? i : kNone;
  }

  // A four-digit year at i within [lo, hi].
  bool year_at(size_t i, int lo, int hi, int& year) const {
    if (digits(i) != 4 || !number_right(i)) return false;
    const int y = number(i);
    if (y < lo || y > hi) return false;
    year = y;
    return true;
  }

  // After token `last`, an optional comma then a year (1000-2999); returns the year's token.
  size_t year_after(size_t last, int& year) const {
    size_t y = last + 1;
    bool comma = false;
    if (punct(y, ',') && near(y)) {
      comma = true;
      ++y;
    }
    if (!(comma ? near(y) : spaced(y))) return kNone;
    if (is(y + 1, Kind::Dash) && glued(y + 1) && glued(y + 2) && is(y + 2, Kind::Number)) {
      return kNone;  // "6, 2025-26": not a plain year
    }
    return year_at(y, 1000, 2999, year) ? y : kNone;
  }

  // ---- patterns; each returns the last token it consumed, or kNone
  size_t at(size_t i) {
    const Token& t = toks_[i];
    if (t.kind == Kind::Number) {
      size_t last = iso_date(i);
      if (last == kNone) last = slash_date(i);
      if (last == kNone) last = day_first(i);
      if (last == kNone) last = ago(i);
      if (last == kNone) last = bare_year(i);
      return last;
    }
    if (t.kind != Kind::Word) return kNone;
    // A word in lower case starts a date only as one of kLowerCaseLeads or kNumberWords (weekdays
    // and months need a capital): most words end here on their first letter, the rest on the
    // word itself (in any case, as the rules below compare it).
    const unsigned char first = static_cast<unsigned char>(text_[t.start]);
    if (first >= 'a' && first <= 'z') {
      if (!kLowerCaseLeadInitial[first]) return kNone;
      const std::string_view w = str(i);
      if (!is_any(w, kLowerCaseLeads) && !is_any(w, kNumberWords)) return kNone;
    }
    size_t last = weekday_date(i);
    if (last == kNone) last = month_first(i);
    if (last == kNone) last = relative_word(i);
    if (last == kNone) last = ago(i);
    return last;
  }

  // "2025-11-19", "2025/11/19", "2025-11-19T08:00Z"
  size_t iso_date(size_t i) {
    if (digits(i) != 4 || !number_left(i)) return kNone;
    const bool dash = is(i + 1, Kind::Dash) && toks_[i + 1].end - toks_[i + 1].start == 1;
    const char sep = dash ? '-' : '/';
    if (!(dash || punct(i + 1, '/')) || !glued(i + 1)) return kNone;
    if (!(glued(i + 2) && digits(i + 2) >= 1 && digits(i + 2) <= 2)) return kNone;
    const bool sep2 = sep == '-' ? (is(i + 3, Kind::Dash) && str(i + 3) == "-") : punct(i + 3, '/');
    if (!sep2 || !glued(i + 3) || !glued(i + 4) || digits(i + 4) < 1 || digits(i + 4) > 2) {
      return kNone;
    }
    const bool time = glued(i + 5) && word(i + 5, "t") && glued(i + 6) && is(i + 6, Kind::Number);
    if (!time && !number_right(i + 4)) return kNone;
    if (!time && is(i + 5, Kind::Dash) && glued(i + 5) && glued(i + 6) && is(i + 6, Kind::Number)) {
      return kNone;  // a longer run of numbers, like a phone number
    }
    const int y = number(i), m = number(i + 2), d = number(i + 4);
    if (valid(y, m, d)) emit_day(toks_[i].start, toks_[i + 4].end, {y, m, d}, false);
    return i + 4;
  }

  // "19/11/2025" or "11/19/2025": only when one part is above 12.
  size_t slash_date(size_t i) {
    if (digits(i) > 2 || !number_left(i)) return kNone;
    if (!(punct(i + 1, '/') && glued(i + 1) && glued(i + 2) && digits(i + 2) >= 1 &&
          digits(i + 2) <= 2 && punct(i + 3, '/') && glued(i + 3) && glued(i + 4) &&
          digits(i + 4) == 4)) {
      return kNone;
    }
    if (!number_right(i + 4) || (punct(i + 5, '/') && glued(i + 5))) return kNone;
    const int a = number(i), b = number(i + 2), y = number(i + 4);
    int m = 0, d = 0;
    if (a > 12 && b <= 12) {
      d = a;
      m = b;
    } else if (b > 12 && a <= 12) {
      m = a;
      d = b;
    }
    if (m != 0 && valid(y, m, d)) emit_day(toks_[i].start, toks_[i + 4].end, {y, m, d}, false);
    return i + 4;  // ambiguous ones are consumed too, so "2025" is not read as a bare year
  }

  // "6 November 2025", "6th of November", "6 Nov. 2025"
  size_t day_first(size_t i) {
    if (!number_left(i)) return kNone;
    int day = 0;
    const size_t d_last = day_at(i, day);
    if (d_last == kNone) return kNone;
    size_t k = d_last + 1;
    if (spaced(k) && word(k, "of")) ++k;
    if (!spaced(k)) return kNone;
    int month = 0;
    bool abbreviated = false;
    const size_t m_last = month_at(k, month, abbreviated);
    if (m_last == kNone) return kNone;
    int year = 0;
    const size_t y = year_after(m_last, year);
    if (y != kNone) {
      if (valid(year, month, day))
        emit_day(toks_[i].start, toks_[y].end, {year, month, day}, false);
      return y;
    }
    const int guess = nearest_year(month, day);
    if (guess != 0) emit_day(toks_[i].start, toks_[m_last].end, {guess, month, day}, true);
    return m_last;
  }

  // "November 6, 2025", "Nov. 6", "November 6-7, 2025", "November 2025", "in November"
  size_t month_first(size_t i) {
    int month = 0;
    bool abbreviated = false;
    const size_t m_last = month_at(i, month, abbreviated);
    if (m_last == kNone) return kNone;
    int day = 0;
    const size_t d_last = spaced(m_last + 1) ? day_at(m_last + 1, day) : kNone;
    if (d_last != kNone) {
      // "November 6-7": a second day after a dash.
      size_t last = d_last;
      size_t d2_first = kNone;
      int day2 = 0;
      if (is(d_last + 1, Kind::Dash) && near(d_last + 1) && near(d_last + 2)) {
        const size_t d2_last = day_at(d_last + 2, day2);
        if (d2_last != kNone && day2 > day) {
          d2_first = d_last + 2;
          last = d2_last;
        }
      }
      int year = 0;
      const size_t y = year_after(last, year);
      bool relative = false;
      if (y == kNone) {
        year = nearest_year(month, day);
        relative = true;
      }
      if (year != 0 && valid(year, month, day)) {
        const size_t end_first = d2_first == kNone && y != kNone ? y : d_last;
        emit_day(toks_[i].start, toks_[end_first].end, {year, month, day}, relative);
        if (d2_first != kNone && valid(year, month, day2)) {
          emit_day(toks_[d2_first].start, toks_[y != kNone ? y : last].end, {year, month, day2},
                   relative);
        }
      }
      return y != kNone ? y : last;
    }
    int year = 0;
    size_t y = m_last + 1;
    if (punct(y, ',') && near(y)) ++y;
    if (near(y) && (y > m_last + 1 || spaced(y)) && year_at(y, 1600, 2199, year) &&
        !(is(y + 1, Kind::Dash) && glued(y + 1) && is(y + 2, Kind::Number) && glued(y + 2))) {
      emit(toks_[i].start, toks_[y].end, year, month, 1, DatePrecision::Month, false);
      return y;
    }
    if (abbreviated || !today_) return kNone;
    return month_alone(i, month);
  }

  // "in November", "last March", "mid-November": needs a date word before it.
  size_t month_alone(size_t i, int month) {
    if (i == 0 || toks_[i].paragraph) return kNone;
    size_t lead = i - 1;
    bool mid_dash = false;
    if (is(lead, Kind::Dash) && glued(i) && lead > 0 && glued(lead) && word(lead - 1, "mid")) {
      mid_dash = true;
      --lead;
    } else if (glued(i)) {
      return kNone;
    }
    if (!is(lead, Kind::Word)) return kNone;
    const std::string_view w = str(lead);
    const int now = today_->year * 12 + (today_->month - 1);
    int target = 0;
    bool include_lead = true;
    if (is_word(w, "last")) {
      target = today_->year * 12 + (month - 1);
      if (target >= now) target -= 12;
    } else if (is_word(w, "next")) {
      target = today_->year * 12 + (month - 1);
      if (target <= now) target += 12;
    } else if (is_word(w, "this")) {
      target = today_->year * 12 + (month - 1);
    } else if (mid_dash || is_any(w, kMonthContext)) {
      include_lead = mid_dash;
      target = today_->year * 12 + (month - 1);
      const int diff = target - now;  // -11..11 months
      if (diff >= 6) {
        target -= 12;  // nearest; six months either way goes to the past
      } else if (diff < -6) {
        target += 12;
      }
    } else {
      return kNone;
    }
    const size_t start = include_lead ? toks_[lead].start : toks_[i].start;
    emit(start, toks_[i].end, target / 12, target % 12 + 1, 1, DatePrecision::Month, true);
    return i;
  }

  // "Friday, July 21, 2017" (the weekday joins the date), else "on Monday", "last Friday".
  size_t weekday_date(size_t i) {
    const int wd = weekday_of(str(i));
    if (wd < 0 || !word_left(i) || !word_right(i)) return kNone;
    size_t k = i + 1;
    if (punct(k, ',') && glued(k)) ++k;
    if (spaced(k)) {
      const size_t before = out_.size();
      const size_t last = is(k, Kind::Number) ? day_first(k) : month_first(k);
      if (last != kNone) {
        if (out_.size() > before) out_[before].span.start = toks_[i].start;
        return last;
      }
    }
    if (!today_) return kNone;
    // Which occurrence: "last Monday" the latest before today, "next Monday" the first after,
    // otherwise the latest on or before today.
    const int today_wd = weekday(*today_);
    size_t start = toks_[i].start;
    int64_t offset = -((today_wd - wd + 7) % 7);
    if (i > 0 && spaced(i) && is(i - 1, Kind::Word)) {
      const std::string_view lead = str(i - 1);
      if (is_word(lead, "last")) {
        if (offset == 0) offset = -7;
        start = toks_[i - 1].start;
      } else if (is_word(lead, "next")) {
        offset = (wd - today_wd + 7) % 7;
        if (offset == 0) offset = 7;
        start = toks_[i - 1].start;
      } else if (is_word(lead, "this")) {
        start = toks_[i - 1].start;
      } else if (lead[0] >= 'A' && lead[0] <= 'Z' && !is_any(lead, kWeekdayLead)) {
        return kNone;  // "Black Friday", "Super Tuesday"
      }
    }
    emit_day(start, toks_[i].end, add_days(*today_, offset), true);
    return i;
  }

  // "today", "yesterday", "tonight", "this morning", "last week", "next month", "this year"
  size_t relative_word(size_t i) {
    if (!word_left(i) || !word_right(i)) return kNone;
    const std::string_view w = str(i);
    int64_t day_offset = 0;
    bool day_word = true;
    if (is_word(w, "today") || is_word(w, "tonight")) {
      day_offset = 0;
    } else if (is_word(w, "yesterday")) {
      day_offset = -1;
    } else if (is_word(w, "tomorrow")) {
      day_offset = 1;
    } else {
      day_word = false;
    }
    if (day_word) {
      if (today_) emit_day(toks_[i].start, toks_[i].end, add_days(*today_, day_offset), true);
      return i;
    }
    const int step = is_word(w, "last") ? -1 : is_word(w, "next") ? 1 : is_word(w, "this") ? 0 : 2;
    if (step == 2 || !spaced(i + 1) || !word_right(i + 1)) return kNone;
    const std::string_view unit = str(i + 1);
    const size_t start = toks_[i].start, end = toks_[i + 1].end;
    if (step == 0 &&
        (is_word(unit, "morning") || is_word(unit, "afternoon") || is_word(unit, "evening"))) {
      if (today_) emit_day(start, end, *today_, true);
      return i + 1;
    }
    if (is_word(unit, "week")) {
      if (today_) {
        const CivilDate monday = add_days(*today_, -weekday(*today_));
        emit_day(start, end, add_days(monday, 7 * step), true);
      }
      return i + 1;
    }
    if (is_word(unit, "month")) {
      if (today_) {
        const int target = today_->year * 12 + today_->month - 1 + step;
        emit(start, end, target / 12, target % 12 + 1, 1, DatePrecision::Month, true);
      }
      return i + 1;
    }
    if (is_word(unit, "year")) {
      if (today_) emit(start, end, today_->year + step, 1, 1, DatePrecision::Year, true);
      return i + 1;
    }
    return kNone;
  }

  // "three days ago", "2 weeks ago", "a year ago"
  size_t ago(size_t i) {
    // The cheap test first: most tokens are not two words before "ago".
    if (!spaced(i + 1) || !is(i + 1, Kind::Word) || !spaced(i + 2) || !word(i + 2, "ago") ||
        !word_right(i + 2)) {
      return kNone;
    }
    int n = -1;
    if (is(i, Kind::Number)) {
      if (!number_left(i) || digits(i) > 3) return kNone;
      n = number(i);
    } else if (is(i, Kind::Word) && word_left(i)) {
      const std::string_view w = str(i);
      if (is_word(w, "a") || is_word(w, "an")) n = 1;
      for (size_t k = 0; k < kNumberWords.size(); ++k) {
        if (is_word(w, kNumberWords[k])) n = static_cast<int>(k + 1);
      }
    }
    if (n < 1 || n > 100) return kNone;
    const std::string_view unit = str(i + 1);
    const auto unit_is = [&](std::string_view one) {
      return is_word(unit, one) || (unit.size() == one.size() + 1 && unit.back() == 's' &&
                                    is_word(unit.substr(0, one.size()), one));
    };
    const size_t start = toks_[i].start, end = toks_[i + 2].end;
    if (unit_is("day")) {
      if (today_) emit_day(start, end, add_days(*today_, -n), true);
    } else if (unit_is("week")) {
      if (today_) emit_day(start, end, add_days(*today_, -7 * static_cast<int64_t>(n)), true);
    } else if (unit_is("month")) {
      if (today_) {
        const int target = today_->year * 12 + today_->month - 1 - n;
        emit(start, end, target / 12, target % 12 + 1, 1, DatePrecision::Month, true);
      }
    } else if (unit_is("year")) {
      if (today_) emit(start, end, today_->year - n, 1, 1, DatePrecision::Year, true);
    } else {
      return kNone;
    }
    return i + 2;
  }

  // "in 2016", "mid-2025", "2005-2009", "2005–09", "from 2005 to 2009"
  size_t bare_year(size_t i) {
    int year = 0;
    if (digits(i) != 4) return kNone;
    const int y = number(i);
    if (y < 1900 || y > 2099) return kNone;
    // "mid-2025"
    const bool mid = i >= 2 && glued(i) && is(i - 1, Kind::Dash) && glued(i - 1) &&
                     word(i - 2, "mid") && word_left(i - 2);
    if (!mid && !number_left(i)) return kNone;
    // A range: "2005-2009", "2005 – 2009", "2005–09".
    if (is(i + 1, Kind::Dash) && near(i + 1) && near(i + 2) && is(i + 2, Kind::Number) &&
        number_right(i + 2) && !(is(i + 3, Kind::Dash) && glued(i + 3))) {
      int end_year = -1;
      if (digits(i + 2) == 4) end_year = number(i + 2);
      if (digits(i + 2) == 2) end_year = y / 100 * 100 + number(i + 2);
      if (end_year > y && end_year <= 2099) {
        emit(toks_[i].start, toks_[i].end, y, 1, 1, DatePrecision::Year, false);
        emit(toks_[i + 2].start, toks_[i + 2].end, end_year, 1, 1, DatePrecision::Year, false);
        return i + 2;
      }
    }
    if (!year_at(i, 1900, 2099, year)) return kNone;
    if (is(i + 1, Kind::Dash) && glued(i + 1) && glued(i + 2) && is(i + 2, Kind::Number)) {
      return kNone;  // "2016-123", a code rather than a year
    }
    // "(2019)": a year in brackets of its own, the way citations and captions give one.
    bool context =
        mid || (i > 0 && glued(i) && punct(i - 1, '(') && glued(i + 1) && punct(i + 1, ')'));
    if (!context && i > 0 && spaced(i) && is(i - 1, Kind::Word)) {
      const std::string_view lead = str(i - 1);
      if (is_any(lead, kYearContext)) context = true;
      if (is_any(lead, kWeakYearContext)) {
        const bool count_follows =
            spaced(i + 1) && is(i + 1, Kind::Word) && str(i + 1)[0] >= 'a' && str(i + 1)[0] <= 'z';
        context = !count_follows;
      }
    }
    if (!context) return kNone;
    emit(toks_[i].start, toks_[i].end, year, 1, 1, DatePrecision::Year, false);
    // "from 2005 to 2009", "in 2016 and 2017"
    int second = 0;
    if (spaced(i + 1) && is(i + 1, Kind::Word) && is_any(str(i + 1), kYearConnectors) &&
        spaced(i + 2) && number_left(i + 2) && year_at(i + 2, year + 1, 2099, second)) {
      emit(toks_[i + 2].start, toks_[i + 2].end, second, 1, 1, DatePrecision::Year, false);
      return i + 2;
    }
    return i;
  }

  std::string_view text_;
  uint32_t doc_;
  std::optional<CivilDate> today_;
  std::vector<Token> toks_;
  std::vector<DateMention> out_;
};

}  // namespace

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto field = [&](size_t at, size_t n, int& out) {
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (!ascii_digit(static_cast<unsigned char>(text[i]))) return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  CivilDate date;
  if (!field(0, 4, date.year) || !field(5, 2, date.month) || !field(8, 2, date.day)) {
    return std::nullopt;
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  if (!valid(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::vector<DateMention> find_dates(std::string_view text, uint32_t doc,
                                    std::string_view document_date) {
  return Finder(text, doc, parse_iso_date(document_date)).run();
}

}  // namespace dramatis
