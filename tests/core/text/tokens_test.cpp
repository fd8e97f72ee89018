// The tokenizer on real sentences from the built-in corpus and GUM news (Wikinews, CC BY 2.5),
// plus invariants over whole documents and random bytes (src/core/text/tokens.cpp).
#include "core/text/tokens.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/corpus/builtin_corpus.h"

using namespace dramatis;
using namespace dramatis::text;

namespace {

// "Kind:text" for each token, joined with " | ", so a failure prints the whole tokenization.
std::string show(std::string_view text) {
  std::string out;
  for (const Token& tok : tokenize(text)) {
    if (!out.empty()) out += " | ";
    out += to_string(tok.kind);
    out += ':';
    out += tok.text(text);
  }
  return out;
}

// Only the tokens that are not plain words, for long sentences.
std::string show_special(std::string_view text) {
  std::string out;
  for (const Token& tok : tokenize(text)) {
    if (tok.kind == TokenKind::Word && !tok.has(kAbbreviation) && !tok.has(kHyphenated)) continue;
    if (!out.empty()) out += " | ";
    out += to_string(tok.kind);
    out += ':';
    out += tok.text(text);
  }
  return out;
}

Token only_token(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  REQUIRE(tokens.size() == 1);
  return tokens[0];
}

// Whether an ASCII capital follows an ASCII lower-case letter: what kInnerCapital promises.
bool inner_capital(std::string_view w) {
  for (size_t i = 1; i < w.size(); ++i)
    if (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z') return true;
  return false;
}

void check_invariants(std::string_view text, const std::vector<Token>& tokens) {
  uint32_t previous_end = 0;
  for (const Token& tok : tokens) {
    REQUIRE(tok.start < tok.end);
    REQUIRE(tok.end <= text.size());
    REQUIRE(tok.start >= previous_end);
    if (tok.kind == TokenKind::Word)
      REQUIRE(tok.has(kInnerCapital) == inner_capital(tok.text(text)));
    previous_end = tok.end;
  }
}

}  // namespace

TEST_CASE("words, possessives and word-internal hyphens") {
  const std::string text =
      "The AI world is watching as PyTorch\xE2\x80\x99s co-creator Soumith Chintala leaves Meta.";
  CHECK(show(text) ==
        "Word:The | Word:AI | Word:world | Word:is | Word:watching | Word:as | Word:PyTorch | "
        "Possessive:\xE2\x80\x99s | Word:co-creator | Word:Soumith | Word:Chintala | Word:leaves | "
        "Word:Meta | Punct:.");
  // U+2011 (non-breaking hyphen) from the InfoQ article stays inside the word.
  CHECK(show("PyTorch co\xE2\x80\x91"
             "founder") ==
        "Word:PyTorch | Word:co\xE2\x80\x91"
        "founder");
  CHECK(show("Mira Murati's AI startup") ==
        "Word:Mira | Word:Murati | Possessive:'s | Word:AI | Word:startup");
  // Contractions stay whole; a plural possessive is a lone apostrophe.
  CHECK(show("It's really hard, I didn't") ==
        "Word:It's | Word:really | Word:hard | Punct:, | Word:I | Word:didn't");
  CHECK(show("the pan-democrats' seats") ==
        "Word:the | Word:pan-democrats | Possessive:' | Word:seats");
  CHECK(show("they can`t share") == "Word:they | Word:can`t | Word:share");
}

TEST_CASE("numbers, percentages, money and ranges") {
  CHECK(show("an earlier $2 billion seed round") ==
        "Word:an | Word:earlier | Money:$2 | Word:billion | Word:seed | Word:round");
  CHECK(show("in the $50-$60 billion range") ==
        "Word:in | Word:the | Money:$50 | Dash:- | Money:$60 | Word:billion | Word:range");
  CHECK(show("well over 150,000 public projects") ==
        "Word:well | Word:over | Number:150,000 | Word:public | Word:projects");
  CHECK(show("through version 0.4.") == "Word:through | Word:version | Number:0.4 | Punct:.");
  CHECK(show("**90%+ adoption rate**") ==
        "Emphasis:** | Number:90% | Symbol:+ | Word:adoption | Word:rate | Emphasis:**");
  CHECK(show("library (2005\xE2\x80\x93"
             "2009)") ==
        "Word:library | Punct:( | Number:2005 | Dash:\xE2\x80\x93 | "
        "Number:2009 | Punct:)");
  CHECK(show("after the polls closed at 22:30") ==
        "Word:after | Word:the | Word:polls | Word:closed | Word:at | Number:22:30");
  CHECK(show("2025-11-19 Soumith") ==
        "Number:2025 | Dash:- | Number:11 | Dash:- | Number:19 | Word:Soumith");
  CHECK(show("after an 11-year lull, 18-fold in the 20th minute") ==
        "Word:after | Word:an | Word:11-year | Word:lull | Punct:, | Word:18-fold | Word:in | "
        "Word:the | Word:20th | Word:minute");
  CHECK(show("NZ$26 million and \xE2\x82\xAC"
             "3.5bn") ==
        "Money:NZ$26 | Word:million | Word:and | Money:\xE2\x82\xAC"
        "3.5bn");
  // GUM's tokenized "$ 200" keeps the sign apart.
  CHECK(show("each of $ 200 in value") ==
        "Word:each | Word:of | Symbol:$ | Number:200 | Word:in | Word:value");
  CHECK(show("Sweden 1 \xE2\x80\x93 0 Korea") ==
        "Word:Sweden | Number:1 | Dash:\xE2\x80\x93 | Number:0 | Word:Korea");
}

TEST_CASE("double quotes: curly ones are fixed, straight ones follow context") {
  CHECK(show("stating:\n> \xE2\x80\x9CI don\xE2\x80\x99t want to do PyTorch.\xE2\x80\x9D") ==
        "Word:stating | Punct:: | Symbol:> | OpenQuote:\xE2\x80\x9C | Word:I | "
        "Word:don\xE2\x80\x99t | Word:want | Word:to | Word:do | Word:PyTorch | Punct:. | "
        "CloseQuote:\xE2\x80\x9D");
  CHECK(show("a silver medal for \"courageous achievement\" on Tuesday") ==
        "Word:a | Word:silver | Word:medal | Word:for | OpenQuote:\" | Word:courageous | "
        "Word:achievement | CloseQuote:\" | Word:on | Word:Tuesday");
  CHECK(show("Razak said, \"We are in contact\".") ==
        "Word:Razak | Word:said | Punct:, | OpenQuote:\" | Word:We | Word:are | Word:in | "
        "Word:contact | CloseQuote:\" | Punct:.");
  // Emphasis markers are transparent to the context.
  CHECK(show_special("envisioned **\"Python-based Torch 2.0\"**, leading") ==
        "Emphasis:** | OpenQuote:\" | Word:Python-based | Number:2.0 | CloseQuote:\" | "
        "Emphasis:** | Punct:,");
  // Spaces on both sides: the direction is unknown.
  CHECK(show_special("Montalvo, \" ... plied") == "Punct:, | AmbiguousQuote:\" | Ellipsis:...");
}

TEST_CASE("single quotes, apostrophes and elided years") {
  CHECK(show("announced his retirement. 'I have one of the most influential positions,' "
             "Chintara said.") ==
        "Word:announced | Word:his | Word:retirement | Punct:. | OpenQuote:' | Word:I | "
        "Word:have | Word:one | Word:of | Word:the | Word:most | Word:influential | "
        "Word:positions | Punct:, | CloseQuote:' | Word:Chintara | Word:said | Punct:.");
  // With a single quote open, "s'" closes it rather than making a plural possessive.
  CHECK(show("called the 'events' every now") ==
        "Word:called | Word:the | OpenQuote:' | Word:events | CloseQuote:' | Word:every | "
        "Word:now");
  CHECK(show("the \xE2\x80\x98"
             "20-dimensional design space\xE2\x80\x99 at") ==
        "Word:the | OpenQuote:\xE2\x80\x98 | Word:20-dimensional | Word:design | Word:space | "
        "CloseQuote:\xE2\x80\x99 | Word:at");
  CHECK(show("music of the \xE2\x80\x99"
             "90s and '85,") ==
        "Word:music | Word:of | Word:the | Apostrophe:\xE2\x80\x99 | Word:90s | Word:and | "
        "Apostrophe:' | Number:85 | Punct:,");
  CHECK(show("Thinking Machines\xE2\x80\x99 goals") ==
        "Word:Thinking | Word:Machines | Possessive:\xE2\x80\x99 | Word:goals");
}

TEST_CASE("abbreviations keep their dot") {
  CHECK(show("critics of U.S. President Donald Trump's policies") ==
        "Word:critics | Word:of | Word:U.S. | Word:President | Word:Donald | Word:Trump | "
        "Possessive:'s | Word:policies");
  CHECK(show("in Washington D.C. The six") ==
        "Word:in | Word:Washington | Word:D.C. | Word:The | Word:six");
  CHECK(show("Mr. Tedeschi also told") == "Word:Mr. | Word:Tedeschi | Word:also | Word:told");
  CHECK(show("e.g. Inc. Nov. 6 vs. J. K. Rowling") ==
        "Word:e.g. | Word:Inc. | Word:Nov. | Number:6 | Word:vs. | Word:J. | Word:K. | "
        "Word:Rowling");
  CHECK(show("No. 1 but she said no.") ==
        "Word:No. | Number:1 | Word:but | Word:she | Word:said | Word:no | Punct:.");
  CHECK(show("joined Meta.") == "Word:joined | Word:Meta | Punct:.");
  CHECK(show("etc...") == "Word:etc | Ellipsis:...");
  // A bare domain is a word; so is a dotted product name.
  CHECK(show("DeepLearning.AI and Scientology.org") ==
        "Word:DeepLearning.AI | Word:and | Word:Scientology.org");
  const Token us = tokenize("the U.S. border")[1];
  CHECK(us.has(kAbbreviation));
  CHECK(us.has(kAllCaps));
  CHECK(!us.has(kInitial));
  const Token initial = tokenize("J. K.")[0];
  CHECK(initial.has(kInitial));
  CHECK(initial.has(kAbbreviation));
}

TEST_CASE("URLs, e-mail addresses, handles and hashtags") {
  CHECK(show("[Read Original](https://qdrl.qq.com/kJkqm8st) or scan QR code:") ==
        "Punct:[ | Word:Read | Word:Original | Punct:] | Punct:( | "
        "Url:https://qdrl.qq.com/kJkqm8st | Punct:) | Word:or | Word:scan | Word:QR | "
        "Word:code | Punct::");
  CHECK(show("designs online at www.flag.govt.nz and suggest") ==
        "Word:designs | Word:online | Word:at | Url:www.flag.govt.nz | Word:and | Word:suggest");
  CHECK(show("See https://en.wikipedia.org/wiki/Torch_(machine_learning).") ==
        "Word:See | Url:https://en.wikipedia.org/wiki/Torch_(machine_learning) | Punct:.");
  CHECK(show("(https://example.com/a?b=1), next") ==
        "Punct:( | Url:https://example.com/a?b=1 | Punct:) | Punct:, | Word:next");
  CHECK(show("write to press.office@example.org.") ==
        "Word:write | Word:to | Email:press.office@example.org | Punct:.");
  CHECK(show("According to Soumith Chintala (@soumithchintala), he") ==
        "Word:According | Word:to | Word:Soumith | Word:Chintala | Punct:( | "
        "Handle:@soumithchintala | Punct:) | Punct:, | Word:he");
  // A profile card glued the bio to the handle; X handles have at most 15 characters.
  CHECK(show("@soumithchintalaCofounded and lead") ==
        "Handle:@soumithchintala | Word:Cofounded | Word:and | Word:lead");
  CHECK(show("the #IStandWithAhmed movement, #2 browser") ==
        "Word:the | Hashtag:#IStandWithAhmed | Word:movement | Punct:, | Symbol:# | Number:2 | "
        "Word:browser");
  CHECK(show("Texas A&M and AT&T, R&D") ==
        "Word:Texas | Word:A&M | Word:and | Word:AT&T | Punct:, | Word:R&D");
  CHECK(show("Tom & Jerry") == "Word:Tom | Symbol:& | Word:Jerry");
}

TEST_CASE("dashes, ellipses, bullets and Markdown markers") {
  CHECK(show("Meta\xE2\x80\x94"
             "almost my entire career\xE2\x80\x94I\xE2\x80\x99ve met") ==
        "Word:Meta | Dash:\xE2\x80\x94 | Word:almost | Word:my | Word:entire | Word:career | "
        "Dash:\xE2\x80\x94 | Word:I\xE2\x80\x99ve | Word:met");
  CHECK(show("Linux Foundation - GIGAZINE") ==
        "Word:Linux | Word:Foundation | Dash:- | Word:GIGAZINE");
  CHECK(show("wait -- no") == "Word:wait | Dash:-- | Word:no");
  CHECK(show("intelligence... The barriers") ==
        "Word:intelligence | Ellipsis:... | Word:The | Word:barriers");
  CHECK(show("Soumith\xE2\x80\xA6 PyTorch") ==
        "Word:Soumith | Ellipsis:\xE2\x80\xA6 | Word:PyTorch");
  CHECK(show("  \xE2\x80\xA2 Creator and co-founder") ==
        "Bullet:\xE2\x80\xA2 | Word:Creator | Word:and | Word:co-founder");
  CHECK(show("- Soumith\n* Adam\n+ Sam\n1. Luca\n12) Piotr") ==
        "Bullet:- | Word:Soumith | Bullet:* | Word:Adam | Bullet:+ | Word:Sam | Bullet:1. | "
        "Word:Luca | Bullet:12) | Word:Piotr");
  CHECK(show("## Career at **Meta** and _FAIR_\n> - quoted item") ==
        "Symbol:## | Word:Career | Word:at | Emphasis:** | Word:Meta | Emphasis:** | Word:and | "
        "Emphasis:_ | Word:FAIR | Emphasis:_ | Symbol:> | Bullet:- | Word:quoted | Word:item");
  CHECK(show("5 * 3 ~600 ~~gone~~ log1o_hf") ==
        "Number:5 | Symbol:* | Number:3 | Symbol:~ | Number:600 | Emphasis:~~ | Word:gone | "
        "Emphasis:~~ | Word:log1o_hf");
  CHECK(show("---") == "Dash:---");
}

TEST_CASE("CJK runs, other scripts and case flags") {
  CHECK(show("**[AiToEarn\xE5\xAE\x98\xE7\xBD\x91](https://aitoearn.ai/)**") ==
        "Emphasis:** | Punct:[ | Word:AiToEarn | Cjk:\xE5\xAE\x98\xE7\xBD\x91 | Punct:] | "
        "Punct:( | Url:https://aitoearn.ai/ | Punct:) | Emphasis:**");
  // 東京で会った。 — Han and kana make one run; the ideographic full stop is punctuation.
  CHECK(
      show(
          "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE4\xBC\x9A\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82") ==
      "Cjk:\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE4\xBC\x9A\xE3\x81\xA3\xE3\x81\x9F | "
      "Punct:\xE3\x80\x82");
  // Zürich, École, Αθήνα, Москва, ψ: Latin-1, Greek and Cyrillic letters and their case.
  const std::string text =
      "Z\xC3\xBCrich \xC3\x89"
      "cole \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 "
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xCF\x88";
  const std::vector<Token> tokens = tokenize(text);
  REQUIRE(tokens.size() == 5);
  for (const Token& tok : tokens) CHECK(tok.kind == TokenKind::Word);
  CHECK(tokens[0].has(kCapitalized));
  CHECK(tokens[1].has(kCapitalized));
  CHECK(tokens[2].has(kCapitalized));
  CHECK(tokens[3].has(kCapitalized));
  CHECK(!tokens[4].has(kCapitalized));
  CHECK(only_token("NYU").has(kAllCaps));
  CHECK(!only_token("I").has(kAllCaps));
  CHECK(only_token("IE6").flags == (kCapitalized | kAllCaps | kHasDigit | kSpaceBefore));
  CHECK(only_token("open-source").flags == (kHyphenated | kSpaceBefore));
  CHECK(!tokenize("(PyTorch")[1].has(kSpaceBefore));
}

TEST_CASE("an inner capital is flagged exactly where a lower-case letter precedes a capital") {
  CHECK(only_token("iPhone").has(kInnerCapital));
  CHECK(only_token("McDonald").has(kInnerCapital));
  CHECK(only_token("DeepLearning.AI").has(kInnerCapital));
  CHECK(only_token("PyTorch").has(kInnerCapital));
  CHECK(!only_token("NASA").has(kInnerCapital));
  CHECK(!only_token("U.S.").has(kInnerCapital));
  CHECK(!only_token("Co-Founder").has(kInnerCapital));  // a hyphen stands between
  CHECK(!only_token("éA").has(kInnerCapital));          // ASCII letters only
  // Every word of real text and random bytes: check_invariants() below.
}

TEST_CASE("invalid UTF-8 becomes Symbol tokens of its own length") {
  const std::string text =
      "ab\xFF"
      "cd x\xE2\x80 y";
  const std::vector<Token> tokens = tokenize(text);
  REQUIRE(tokens.size() == 6);
  CHECK(tokens[1].kind == TokenKind::Symbol);
  CHECK(tokens[1].start == 2);
  CHECK(tokens[1].end == 3);
  CHECK(tokens[1].has(kInvalidUtf8));
  CHECK(tokens[2].text(text) == "cd");
  CHECK(tokens[3].text(text) == "x");
  CHECK(tokens[4].start == 7);
  CHECK(tokens[4].end == 9);  // the truncated sequence is one maximal subpart
  CHECK(tokens[4].has(kInvalidUtf8));
  CHECK(tokens[5].text(text) == "y");
  CHECK(tokenize("").empty());
  CHECK(tokenize(" \n\t\xC2\xA0").empty());  // whitespace, NBSP included, is not a token
}

TEST_CASE("every built-in article tokenizes into sorted, in-bounds, non-overlapping tokens") {
  size_t total = 0;
  for (const EmbeddedFile& file : builtin_corpus_files()) {
    if (!file.path.ends_with(".txt") || file.path == "README.md") continue;
    const std::vector<Token> tokens = tokenize(file.bytes);
    check_invariants(file.bytes, tokens);
    // No token holds whitespace, and every non-space byte is in some token.
    size_t covered = 0;
    for (const Token& tok : tokens) covered += tok.size();
    size_t non_space = 0;
    for (size_t i = 0; i < file.bytes.size();) {
      const unsigned char c = static_cast<unsigned char>(file.bytes[i]);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == 0xC2 && i + 1 < file.bytes.size() &&
                 static_cast<unsigned char>(file.bytes[i + 1]) == 0xA0) {
        i += 2;
      } else {
        ++non_space;
        ++i;
      }
    }
    CHECK(covered == non_space);
    total += tokens.size();
  }
  CHECK(total > 3000);
}

TEST_CASE("random bytes: no crash, sorted and in bounds (seeded)") {
  std::mt19937 rng(20251106);
  // Bytes biased towards the characters the tokenizer treats specially.
  const std::string specials =
      " \n.'\"-*_#@$%,:()[]~`&\xE2\x80\x99\x9C\x9D\xC3\xA9\xE5\xAE\x98\xFF";
  std::uniform_int_distribution<int> length(0, 400);
  std::uniform_int_distribution<int> any(0, 255);
  std::uniform_int_distribution<size_t> pick(0, specials.size() - 1);
  std::bernoulli_distribution special(0.5);
  std::vector<Token> reused;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) {
      text += special(rng) ? specials[pick(rng)] : static_cast<char>(any(rng));
    }
    const std::vector<Token> tokens = tokenize(text);
    check_invariants(text, tokens);
    reused.clear();
    tokenize(text, reused);
    CHECK(reused == tokens);
  }
}
