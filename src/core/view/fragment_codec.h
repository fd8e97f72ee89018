// The URL form of a ViewState: a compact fragment ("v=1&s=e:e3&cam=0,0,40") that restores a view
// when a link is opened. Decoding never fails outright on bad input: it keeps what is valid and
// says in plain words what it left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/view/view_state.h"

namespace dramatis {

// The format written by encode_fragment. Format 0 (links without "v=") is read too.
inline constexpr int kFragmentVersion = 1;
// Longer fragments are refused without being parsed (bytes). Browsers cap URLs near 64 KiB-2 MiB;
// a view, even with many edits, is far shorter.
inline constexpr size_t kMaxFragmentBytes = 64 * 1024;

// Format 1: "key=value" pairs joined by '&', in a fixed key order; a key whose value is the
// default is left out, so the default view is "v=1". Lists are joined by ',', parts of an item by
// ':'. Strings (ids, names, dates) are percent-encoded except A-Z a-z 0-9 - . _ ~ /, so they
// never hold a separator. Numbers are decimal, shortest form that reads back the same.
//   v=1               format version (always first)
//   c=FP  xv=VER      corpus fingerprint, extractor version
//   s=K:ID            selection; K: e entity, q quote, d document, l edge ("e3~e7")
//   r=DOC:OFFSET      reader position (bytes)
//   t=HEX             entity type mask      w=W   minimum edge weight
//   d=ID,ID           document filter (empty value: no document kept)
//   tr=FIRST:LAST     time range (ISO dates)     eg=N  ego depth (1 or 2)
//   cam=X,Y,ZOOM      camera centre (world units), zoom (pixels per world unit)
//   cb=c              colour by community   sb=p  size by PageRank
//   qs=ID qd=ID qk=d|i|m qc=C                quote speaker, document, kind, minimum confidence
//   m=FROM:INTO,..    merges   sp=ID:ALIAS,..  splits   rn=ID:NAME,..  renames
//   h=ID,..           hidden   p=ID:X:Y,..     pins (world units)
// The edits' notes are not encoded: they stay in the saved edits file. No leading '#'.
std::string encode_fragment(const ViewState& view);

struct FragmentResult {
  ViewState view;                         // the valid part (defaults for the rest)
  std::vector<std::string> problems;      // plain words, one per thing left out or worth knowing
  int format_version = kFragmentVersion;  // as read: 0 for an older link
  bool refused = false;  // too long or a format this version cannot read: nothing was read
  // Set by check_view_against (the codec knows no corpus).
  bool corpus_mismatch = false;
  bool version_mismatch = false;
};

// Reads a fragment (a leading '#' is allowed). Format 0, the older shape, is "KIND:ID" alone
// (as the app's --select takes it, e.g. "document:d2"): only the selection is restored.
// Unknown keys, bad numbers (NaN, inf, out of range), bad percent escapes and truncated items
// are left out with a problem each; unknown future versions and fragments longer than
// kMaxFragmentBytes are refused. Ids are not checked here: see validate_view (view_state.h).
FragmentResult decode_fragment(std::string_view fragment);

// Sets result.corpus_mismatch / version_mismatch and adds their problems (view_state.h).
void check_view_against(FragmentResult& result, std::string_view fingerprint,
                        std::string_view version);

}  // namespace dramatis
