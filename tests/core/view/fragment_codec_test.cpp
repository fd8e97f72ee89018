// The URL fragment form of a view (src/core/view/fragment_codec.cpp): round trips of a full and
// of the default view, garbage of every kind, every truncation of a real fragment, older links,
// refused versions and lengths.
#include "core/view/fragment_codec.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/view/corpus_fingerprint.h"

using namespace dramatis;

namespace {

// Every field away from its default; ids and names with bytes that must be escaped.
ViewState full_view() {
  ViewState v;
  v.selection = Selection{"edge", "e3~e7"};
  v.reader = ReaderPosition{"doc with spaces&=,:", 1234};
  v.filters.types = entity_type_mask({EntityType::Person, EntityType::Org});
  v.filters.min_weight = 2.5;
  v.filters.documents = std::vector<std::string>{"d0", "d2", "caf\xC3\xA9"};
  v.time_range = TimeRange{"2025-01", "2025-11-07"};
  v.ego_depth = 2;
  v.camera = Camera{-12.125, 3.0e-5, 0.1};
  v.color_by = ColorBy::Community;
  v.size_by = SizeBy::PageRank;
  v.quotes.speaker = "e0";
  v.quotes.document = "d4";
  v.quotes.kind = QuoteKind::Indirect;
  v.quotes.min_confidence = 0.65;
  v.edits.merges = {{"e7", "e3"}, {"e12", "e3"}};
  v.edits.splits = {{"e0", "Chintala"}, {"e5", "a:b,c%d&e=f#g"}};
  v.edits.renames = {{"e3", "Name with spaces \xE2\x80\x94 and dash"}};
  v.edits.hidden = {"e4", "e10"};
  v.edits.pins = {{"e3", {1.0 / 3.0, -1e21}}};
  v.corpus = "0123456789abcdef";
  v.extractor = "1";
  return v;
}

bool fragment_safe(const std::string& s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    std::string_view("-._~/%&=,:").find(ch) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

std::string joined(const std::vector<std::string>& problems) {
  std::string all;
  for (const std::string& p : problems) all += p + "\n";
  return all;
}

}  // namespace

TEST_CASE("a full view survives the fragment round trip, every field") {
  const ViewState view = full_view();
  const std::string fragment = encode_fragment(view);
  CAPTURE(fragment);
  CHECK(fragment_safe(fragment));
  CHECK(fragment.rfind("v=1&", 0) == 0);
  const FragmentResult back = decode_fragment(fragment);
  INFO(joined(back.problems));
  CHECK(back.problems.empty());
  CHECK_FALSE(back.refused);
  CHECK(back.format_version == 1);
  CHECK(back.view == view);
  CHECK(encode_fragment(back.view) == fragment);  // deterministic
  CHECK(decode_fragment("#" + fragment).view == view);

  // Each field matters: change one and the fragment changes.
  ViewState other = view;
  other.camera->zoom = 0.2;
  CHECK(encode_fragment(other) != fragment);
}

TEST_CASE("the default view is a short fragment and reads back as the default") {
  const ViewState defaults;
  CHECK(encode_fragment(defaults) == "v=1");
  const FragmentResult back = decode_fragment("v=1");
  CHECK(back.problems.empty());
  CHECK(back.view == defaults);
  CHECK(decode_fragment("").view == defaults);
  CHECK(decode_fragment("").problems.empty());
  CHECK(decode_fragment("#").view == defaults);

  ViewState with_corpus;
  with_corpus.corpus = corpus_fingerprint(load_builtin_corpus());
  with_corpus.extractor = std::string(kExtractorVersion);
  CHECK(encode_fragment(with_corpus).size() < 40);
  // An empty document filter keeps no document: it is not the default.
  ViewState none;
  none.filters.documents = std::vector<std::string>{};
  CHECK(encode_fragment(none) == "v=1&d=");
  CHECK(decode_fragment("v=1&d=").view == none);
}

TEST_CASE("notes are not part of a shared view") {
  ViewState view;
  view.edits.notes = {{"e3", "private"}};
  CHECK(encode_fragment(view) == "v=1");
}

TEST_CASE("bad values are left out with a problem each; the valid part is kept") {
  const FragmentResult r = decode_fragment(
      "v=1&s=e:e3&w=NaN&qc=inf&eg=-1&cam=1,2,0&t=zz&r=d0:-5&tr=2025-13:2025-01&qk=x&zz=1&cb=q"
      "&p=e1:1e999:0,e2:1:2&m=e1,e2:e3&w=1e400&qc=1.5&eg=3&sp=e3:%&rn=e4:%4&h=e5,%zz");
  const std::string all = joined(r.problems);
  INFO(all);
  CHECK_FALSE(r.refused);
  CHECK(r.view.selection.kind == "entity");
  CHECK(r.view.selection.id == "e3");
  CHECK(r.view.filters.min_weight == 0.0);
  CHECK(r.view.quotes.min_confidence == 0.0);
  CHECK(r.view.ego_depth == 0);
  CHECK_FALSE(r.view.camera);
  CHECK(r.view.filters.types == kAllEntityTypes);
  CHECK(r.view.reader.document.empty());
  CHECK_FALSE(r.view.time_range);
  CHECK_FALSE(r.view.quotes.kind);
  CHECK(r.view.color_by == ColorBy::Type);
  CHECK(r.view.edits.pins.size() == 1);
  CHECK(r.view.edits.pins.at("e2") == PinnedNode{1, 2});
  CHECK(r.view.edits.merges == std::vector<EntityMerge>{{"e2", "e3"}});
  CHECK(r.view.edits.splits.empty());
  CHECK(r.view.edits.renames.empty());
  CHECK(r.view.edits.hidden == std::set<std::string>{"e5"});
  CHECK(all.find("unknown key 'zz'") != std::string::npos);
  CHECK(r.problems.size() >= 19);
}

TEST_CASE("numbers: only finite decimals are read") {
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "Infinity", "0x10", "1e", "1.", ".5", "--1",
                          "1e999", "-1e999", "1,5", "", " 1", "1 ", "+1"}) {
    CAPTURE(bad);
    const FragmentResult r = decode_fragment(std::string("v=1&w=") + bad);
    CHECK(r.view.filters.min_weight == 0.0);
    CHECK(r.problems.size() == 1);
  }
  CHECK(decode_fragment("v=1&w=007.50").view.filters.min_weight == 7.5);
  CHECK(decode_fragment("v=1&w=2E-1").view.filters.min_weight == 0.2);
  CHECK(decode_fragment("v=1&cam=-1,-2,1e-3").view.camera == Camera{-1, -2, 1e-3});
}

TEST_CASE("random bytes and a fragment longer than the limit never crash") {
  uint64_t state = 0x9E3779B97F4A7C15ull;  // seeded: the same bytes every run
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::string alphabet = "v=1&:,%sertdwcamqkhp0123456789.-e~/#";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const size_t n = next() % 200;
    for (size_t i = 0; i < n; ++i) {
      s += round % 2 == 0 ? static_cast<char>(next() & 0xFF)
                          : alphabet[static_cast<size_t>(next() % alphabet.size())];
    }
    const FragmentResult r = decode_fragment(s);
    // Whatever it read encodes and reads back to itself.
    const FragmentResult again = decode_fragment(encode_fragment(r.view));
    CHECK(again.view == r.view);
  }

  const std::string huge(1 << 20, 'a');
  const FragmentResult r = decode_fragment(huge);
  CHECK(r.refused);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].find("1048576 bytes") != std::string::npos);
  CHECK(r.view == ViewState{});
  // At the limit it is still read.
  std::string at_limit = "v=1&qs=";
  at_limit += std::string(kMaxFragmentBytes - at_limit.size(), 'x');
  CHECK_FALSE(decode_fragment(at_limit).refused);
  CHECK(decode_fragment(at_limit + "x").refused);
}

TEST_CASE("a '%' at the end and broken escapes are reported, not read") {
  for (const char* s : {"v=1&qs=e3%", "v=1&qs=e3%4", "v=1&qs=e3%G1", "document:d%"}) {
    CAPTURE(s);
    const FragmentResult r = decode_fragment(s);
    CHECK(r.view.quotes.speaker.empty());
    CHECK(r.view.selection.empty());
    CHECK_FALSE(r.problems.empty());
  }
  CHECK(decode_fragment("v=1&qs=e%33").view.quotes.speaker == "e3");
}

TEST_CASE("every truncation of a real fragment decodes without crashing") {
  const std::string fragment = encode_fragment(full_view());
  size_t clean = 0;
  for (size_t n = 0; n <= fragment.size(); ++n) {
    const FragmentResult r = decode_fragment(std::string_view(fragment).substr(0, n));
    CAPTURE(n);
    CHECK((!r.refused || n == 2));  // "v=" names no version: refused
    if (r.problems.empty()) ++clean;
    // A truncated fragment never reads more than the whole one holds.
    if (!r.view.edits.hidden.empty()) CHECK(r.view.edits.hidden.size() <= 2);
  }
  CHECK(clean > 0);
  CHECK(decode_fragment(fragment).view == full_view());
}

TEST_CASE("older links (format 0, KIND:ID) restore the selection only") {
  const FragmentResult r = decode_fragment("document:d2");
  CHECK_FALSE(r.refused);
  CHECK(r.format_version == 0);
  CHECK(r.view.selection.kind == "document");
  CHECK(r.view.selection.id == "d2");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].find("older link") != std::string::npos);
  CHECK(decode_fragment("#entity:e3").view.selection.id == "e3");
  CHECK(decode_fragment("edge:e3~e7").view.selection.id == "e3~e7");
  CHECK(decode_fragment("entity:e0%2FChintala").view.selection.id == "e0/Chintala");

  const FragmentResult bad = decode_fragment("planet:mars");
  CHECK(bad.view.selection.empty());
  CHECK(bad.problems.size() == 1);
  CHECK(decode_fragment("garbage").view == ViewState{});
}

TEST_CASE("unknown future versions are refused; a missing version reads as the current one") {
  for (const char* s : {"v=2&s=e:e3", "s=e:e3&v=99", "v=abc&s=e:e3", "v=0&s=e:e3", "v=&s=e:e3"}) {
    CAPTURE(s);
    const FragmentResult r = decode_fragment(s);
    CHECK(r.refused);
    CHECK(r.view.selection.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].find("reads format 1") != std::string::npos);
  }
  const FragmentResult r = decode_fragment("s=e:e3");
  CHECK_FALSE(r.refused);
  CHECK(r.view.selection.id == "e3");
  CHECK(r.problems.size() == 1);
}

TEST_CASE("check_view_against flags another corpus or extractor version") {
  FragmentResult r = decode_fragment("v=1&c=aaaa&xv=0&s=e:e3");
  check_view_against(r, "bbbb", "1");
  CHECK(r.corpus_mismatch);
  CHECK(r.version_mismatch);
  CHECK(r.problems.size() == 2);
  CHECK(r.view.selection.id == "e3");  // the caller decides what to do with it

  FragmentResult same = decode_fragment("v=1&c=bbbb&xv=1");
  check_view_against(same, "bbbb", "1");
  CHECK_FALSE(same.corpus_mismatch);
  CHECK_FALSE(same.version_mismatch);
  CHECK(same.problems.empty());

  FragmentResult old = decode_fragment("document:d1");  // carried neither: no mismatch
  check_view_against(old, "bbbb", "1");
  CHECK_FALSE(old.corpus_mismatch);
  CHECK_FALSE(old.version_mismatch);
}

// Found by fuzz/fuzz_fragment: a negative zero ("-0e21") was written as "-0", which reads back
// as +0, so the view a link opened did not encode to the same bytes twice. Zero is "0" now.
TEST_CASE("a view holding negative zeros encodes to the same bytes after a round trip") {
  const std::vector<std::string> fragments = {
      // As the fuzzer found it.
      "#v?1&s=l:e3~e7&r=\xF6"
      "4&t=ff&w=0.25&d=&&xv=1&s=d:d4v=1&s=e3/Chco-ointalac&38v=1&s=d:d=4&=2025:2021-11ce&"
      "p=e3e:51:-0e21",
      "v=1&w=-0.0&cam=-0e5,-0,1&qc=-0&p=e3:-0.0:-0e-3",
  };
  for (const std::string& fragment : fragments) {
    CAPTURE(fragment);
    const FragmentResult first = decode_fragment(fragment);
    REQUIRE_FALSE(first.refused);
    const std::string encoded = encode_fragment(first.view);
    CHECK(fragment_safe(encoded));
    const FragmentResult back = decode_fragment(encoded);
    CHECK(back.problems.empty());
    CHECK(back.view == first.view);
    CHECK(encode_fragment(back.view) == encoded);
  }
  ViewState pinned;
  pinned.edits.pins = {{"e3", {-0.0, 1.0}}};
  pinned.camera = Camera{-0.0, -0.0, 1.0};
  CHECK(encode_fragment(pinned) == "v=1&cam=0,0,1&p=e3:0:1");
}
