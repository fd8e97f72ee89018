// Everything a shared link restores: selection, reader position, filters, time range, ego depth,
// camera, colour and size encodings, quote filters and the user's edits (without notes), with the
// corpus fingerprint and extractor version its ids belong to. fragment_codec.h gives its URL form.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus/corpus.h"
#include "core/graph/graph_filter.h"
#include "core/nlp/analysis.h"
#include "core/view/selection.h"
#include "core/view/user_edits.h"

namespace dramatis {

// The selection kinds a view can hold. An edge's id is its two entity ids: "e3~e7".
inline constexpr std::string_view kSelectEntity = "entity";
inline constexpr std::string_view kSelectQuote = "quote";
inline constexpr std::string_view kSelectDocument = "document";
inline constexpr std::string_view kSelectEdge = "edge";
bool is_view_selection_kind(std::string_view kind);

struct ReaderPosition {
  std::string document;  // document id; empty: the reader shows nothing in particular
  size_t offset = 0;     // bytes into the document's original bytes
  friend bool operator==(const ReaderPosition&, const ReaderPosition&) = default;
};

struct ViewFilters {
  EntityTypeMask types = kAllEntityTypes;
  double min_weight = 0.0;  // edges lighter than this are left out
  // Document ids to keep; nullopt keeps them all (an empty list keeps none).
  std::optional<std::vector<std::string>> documents;
  friend bool operator==(const ViewFilters&, const ViewFilters&) = default;
};

struct TimeRange {
  std::string first;  // ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD, inclusive
  std::string last;
  friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

struct Camera {
  double x = 0.0;     // centre, world units
  double y = 0.0;     // centre, world units
  double zoom = 1.0;  // pixels per world unit, > 0
  friend bool operator==(const Camera&, const Camera&) = default;
};

enum class ColorBy : uint8_t { Type, Community };
enum class SizeBy : uint8_t { Mentions, PageRank };

struct QuoteFilters {
  std::string speaker;            // entity id; empty: any speaker
  std::string document;           // document id; empty: any document
  std::optional<QuoteKind> kind;  // nullopt: any kind
  double min_confidence = 0.0;    // 0..1
  friend bool operator==(const QuoteFilters&, const QuoteFilters&) = default;
};

// Defaults are the app's first view: nothing selected, nothing filtered, the camera fitted to
// the graph (nullopt), colour by type, size by mentions, no edits.
struct ViewState {
  Selection selection;  // kind: "" or one of kSelect*
  ReaderPosition reader;
  ViewFilters filters;
  std::optional<TimeRange> time_range;
  int ego_depth = 0;  // 0: off; 1 or 2: the selection's neighbourhood at that depth
  std::optional<Camera> camera;
  ColorBy color_by = ColorBy::Type;
  SizeBy size_by = SizeBy::Mentions;
  QuoteFilters quotes;
  UserEdits edits;        // notes are not part of a view (they stay in the saved edits)
  std::string corpus;     // corpus_fingerprint() the ids belong to; empty: unknown
  std::string extractor;  // kExtractorVersion the ids belong to; empty: unknown

  friend bool operator==(const ViewState& a, const ViewState& b) {
    return a.selection.kind == b.selection.kind && a.selection.id == b.selection.id &&
           a.reader == b.reader && a.filters == b.filters && a.time_range == b.time_range &&
           a.ego_depth == b.ego_depth && a.camera == b.camera && a.color_by == b.color_by &&
           a.size_by == b.size_by && a.quotes == b.quotes && a.edits == b.edits &&
           a.corpus == b.corpus && a.extractor == b.extractor;
  }
};

std::string_view to_string(ColorBy color_by);  // "type" | "community"
std::string_view to_string(SizeBy size_by);    // "mentions" | "pagerank"

// The view for the app's state report: every field, defaults included; nulls for absent ones.
nlohmann::json view_state_json(const ViewState& view);

// Whether a view's corpus and extractor version match the open ones (empty ones in the view are
// not a mismatch: an older link did not carry them).
struct ViewCheck {
  bool corpus_mismatch = false;
  bool version_mismatch = false;
  std::vector<std::string> problems;  // plain words, one per mismatch
};
ViewCheck check_view_against(const ViewState& view, std::string_view fingerprint,
                             std::string_view version);

// Drops what names ids the corpus or analysis does not have (the selection, the reader's
// document or an offset past its end, filter documents, quote filters), one problem each.
// `analysis` is the one the view's edits were applied to (apply_user_edits), since a selection
// can name a split entity; the edits themselves are checked by apply_user_edits.
struct ViewValidation {
  ViewState view;
  std::vector<std::string> problems;
};
ViewValidation validate_view(const ViewState& view, const Corpus& corpus, const Analysis& analysis);

}  // namespace dramatis
