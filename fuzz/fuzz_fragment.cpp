// Fuzz target: the URL fragment codec (view/fragment_codec.h), what every shared link and the
// app's --view option go through, and what a link's view is then checked with against the
// built-in corpus: view/view_state.h validate_view and, for the edits a link carries,
// view/apply_edits.h apply_user_edits. Input: the fragment (the part of a link after '#').
//
// Besides "no crash", it checks that what decoding kept is a view the codec can write and read
// back unchanged: encode_fragment of it is URL-safe, decodes with no problem to the same view and
// encodes to the same bytes again. So a link the app writes from any view it opened reads back.
#include <string>
#include <string_view>
#include <vector>

#include "analysis_check.h"
#include "core/corpus/corpus_loader.h"
#include "core/nlp/pipeline.h"
#include "core/view/apply_edits.h"
#include "core/view/corpus_fingerprint.h"
#include "core/view/fragment_codec.h"
#include "core/view/view_state.h"
#include "fuzz_check.h"

using namespace dramatis;

namespace {

// The built-in corpus and its analysis, made once (analysing it per input would dominate).
struct Builtin {
  Corpus corpus = load_builtin_corpus();
  Analysis analysis = analyze(corpus);
  std::string fingerprint = corpus_fingerprint(corpus);
};

const Builtin& builtin() {
  static const Builtin b;
  return b;
}

// fragment_codec.h: strings are percent-encoded except A-Z a-z 0-9 - . _ ~ /, so a fragment holds
// nothing but those, '%' and the separators.
bool url_safe(std::string_view fragment) {
  for (const char ch : fragment) {
    const auto c = static_cast<unsigned char>(ch);
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    std::string_view("-._~/%&=,:").find(ch) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  builtin();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view fragment = fuzz::bytes_of(data, size);
  FragmentResult result = decode_fragment(fragment);
  if (result.refused) {
    FUZZ_CHECK(!result.problems.empty());
    return 0;
  }

  const std::string again = encode_fragment(result.view);
  FUZZ_CHECK(url_safe(again));
  FUZZ_CHECK(again.starts_with("v=1"));
  // Escaping can triple a long input past the length the decoder reads; those are not links
  // the app writes from a view it opened from a link (the input was that long already).
  if (again.size() <= kMaxFragmentBytes) {
    const FragmentResult back = decode_fragment(again);
    FUZZ_CHECK(!back.refused && back.problems.empty() && back.format_version == 1);
    FUZZ_CHECK(back.view == result.view);
    FUZZ_CHECK(encode_fragment(back.view) == again);
  }

  // What the app does next with a link's view: check it against the open corpus, apply its
  // edits, drop what names things the corpus does not have. Validating again finds nothing.
  const Builtin& b = builtin();
  check_view_against(result, b.fingerprint, kExtractorVersion);
  std::vector<std::string> warnings;
  const Analysis edited = apply_user_edits(b.corpus, b.analysis, result.view.edits, warnings);
  fuzz::check_analysis(b.corpus, edited);
  const ViewValidation valid = validate_view(result.view, b.corpus, edited);
  FUZZ_CHECK(validate_view(valid.view, b.corpus, edited).problems.empty());
  return 0;
}
