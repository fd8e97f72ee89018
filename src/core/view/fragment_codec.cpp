#include "core/view/fragment_codec.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>

#include "core/graph/entity_graph.h"
#include "core/io/json_text.h"

namespace dramatis {
namespace {

// ---------------------------------------------------------------------------------------------
// Atoms: strings and numbers

bool is_plain(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

std::string escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_plain(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xFu];
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;  // '%' or '%4' at the end
    const int hi = hex_value(text[i + 1]);
    const int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// Shortest decimal that reads back as the same double; "30" rather than "30.0", no '+'.
std::string format_number(double value) {
  // Negative zero is written as "0": "-0" would read back as +0 (JSON reads it as an integer),
  // so a view holding -0 (from "-0e1" or "-0.0") would not encode to the same bytes twice
  // (found by fuzz_fragment). Both zeros are the same position, weight or confidence.
  if (value == 0.0) return "0";
  std::string text = dump_json(nlohmann::json(value));
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  if (const size_t plus = text.find('+'); plus != std::string::npos) text.erase(plus, 1);
  return text;
}

// A finite decimal number: -?digits(.digits)?([eE][+-]?digits)?. NaN, inf, hex and overflowing
// numbers are refused. Parsed by nlohmann::json, which does not depend on the C locale.
std::optional<double> parse_number(std::string_view text) {
  size_t i = 0;
  const auto digits = [&] {
    const size_t begin = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > begin;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (!digits()) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return std::nullopt;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return std::nullopt;
  }
  if (i != text.size() || text.size() > 64) return std::nullopt;
  // JSON has no leading zeros ("007"): drop them so the grammar above is the only rule.
  std::string json_text(text);
  const size_t sign = json_text[0] == '-' ? 1 : 0;
  while (json_text.size() > sign + 1 && json_text[sign] == '0' && json_text[sign + 1] >= '0' &&
         json_text[sign + 1] <= '9')
    json_text.erase(sign, 1);
  const nlohmann::json value = nlohmann::json::parse(json_text, nullptr, false);
  if (value.is_discarded() || !value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!std::isfinite(number)) return std::nullopt;
  return number;
}

std::optional<uint64_t> parse_unsigned(std::string_view text, int base = 10) {
  uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (true) {
    const size_t at = text.find(separator, begin);
    parts.push_back(
        text.substr(begin, at == std::string_view::npos ? std::string_view::npos : at - begin));
    if (at == std::string_view::npos) return parts;
    begin = at + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding

constexpr char kind_letter(std::string_view kind) {
  if (kind == kSelectEntity) return 'e';
  if (kind == kSelectQuote) return 'q';
  if (kind == kSelectDocument) return 'd';
  if (kind == kSelectEdge) return 'l';
  return '?';
}

std::string_view kind_from_letter(std::string_view letter) {
  if (letter == "e") return kSelectEntity;
  if (letter == "q") return kSelectQuote;
  if (letter == "d") return kSelectDocument;
  if (letter == "l") return kSelectEdge;
  return {};
}

char quote_kind_letter(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::Direct: return 'd';
    case QuoteKind::Indirect: return 'i';
    default: return 'm';
  }
}

class Writer {
 public:
  void add(std::string_view key, std::string_view value) {
    if (!out_.empty()) out_ += '&';
    out_ += key;
    out_ += '=';
    out_ += value;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// ---------------------------------------------------------------------------------------------
// Decoding

class Reader {
 public:
  explicit Reader(FragmentResult& result) : r_(result), v_(result.view) {}

  void problem(std::string text) { r_.problems.push_back(std::move(text)); }

  std::optional<std::string> atom(std::string_view key, std::string_view raw) {
    std::optional<std::string> text = unescape(raw);
    if (!text) problem("'" + std::string(key) + "' holds a broken %-escape; part left out");
    return text;
  }

  // A list of items of `parts` parts each ("a:b,c:d"); a malformed item is left out.
  std::vector<std::vector<std::string>> items(std::string_view key, std::string_view raw,
                                              size_t parts, const char* what) {
    std::vector<std::vector<std::string>> out;
    if (raw.empty()) return out;
    for (const std::string_view item : split(raw, ',')) {
      const std::vector<std::string_view> fields = split(item, ':');
      if (fields.size() != parts) {
        problem("'" + std::string(key) + "' holds '" + std::string(item) + "', not " + what +
                "; left out");
        continue;
      }
      std::vector<std::string> decoded;
      bool ok = true;
      for (const std::string_view f : fields) {
        std::optional<std::string> a = atom(key, f);
        if (!a || a->empty()) {
          if (a) problem("'" + std::string(key) + "' holds an empty part; item left out");
          ok = false;
          break;
        }
        decoded.push_back(std::move(*a));
      }
      if (ok) out.push_back(std::move(decoded));
    }
    return out;
  }

  std::optional<double> number(std::string_view key, std::string_view raw, const char* what) {
    std::optional<double> n = parse_number(raw);
    if (!n)
      problem("'" + std::string(key) + "' (" + what + ") is not a finite number: '" +
              std::string(raw.substr(0, 40)) + "'; left out");
    return n;
  }

  void read(std::string_view key, std::string_view raw) {
    if (key == "c") {
      if (auto a = atom(key, raw)) v_.corpus = *a;
    } else if (key == "xv") {
      if (auto a = atom(key, raw)) v_.extractor = *a;
    } else if (key == "s") {
      const size_t colon = raw.find(':');
      const std::string_view kind = colon == std::string_view::npos
                                        ? std::string_view{}
                                        : kind_from_letter(raw.substr(0, colon));
      std::optional<std::string> id =
          colon == std::string_view::npos ? std::nullopt : atom(key, raw.substr(colon + 1));
      if (kind.empty() || !id || id->empty()) {
        problem("the selection '" + std::string(raw.substr(0, 40)) + "' is not KIND:ID; left out");
        return;
      }
      v_.selection = Selection{std::string(kind), std::move(*id)};
    } else if (key == "r") {
      const auto parts = items(key, raw, 2, "DOCUMENT:OFFSET");
      if (parts.empty()) return;
      const std::optional<uint64_t> offset = parse_unsigned(parts[0][1]);
      if (!offset || *offset > SIZE_MAX) {
        problem("the reader's offset '" + parts[0][1] + "' is not a byte offset; left out");
        return;
      }
      v_.reader = ReaderPosition{parts[0][0], static_cast<size_t>(*offset)};
    } else if (key == "t") {
      const std::optional<uint64_t> mask = raw.size() <= 8 ? parse_unsigned(raw, 16) : std::nullopt;
      if (!mask) {
        problem("the type filter '" + std::string(raw.substr(0, 40)) +
                "' is not a hex mask; left out");
        return;
      }
      v_.filters.types = static_cast<EntityTypeMask>(*mask);
    } else if (key == "w") {
      const std::optional<double> w = number(key, raw, "minimum edge weight");
      if (w && *w < 0) problem("the minimum edge weight is negative; left out");
      if (w && *w >= 0) v_.filters.min_weight = *w;
    } else if (key == "d") {
      std::vector<std::string> documents;
      if (!raw.empty()) {
        for (const std::string_view part : split(raw, ',')) {
          std::optional<std::string> id = atom(key, part);
          if (id && !id->empty()) documents.push_back(std::move(*id));
        }
      }
      v_.filters.documents = std::move(documents);
    } else if (key == "tr") {
      const auto parts = items(key, raw, 2, "FIRST:LAST");
      if (parts.empty()) return;
      const auto first = date_interval_from_iso(parts[0][0]);
      const auto last = date_interval_from_iso(parts[0][1]);
      if (!first || !last || first->first > last->last) {
        problem("the time range '" + parts[0][0] + ".." + parts[0][1] +
                "' is not two ISO dates in order; left out");
        return;
      }
      v_.time_range = TimeRange{parts[0][0], parts[0][1]};
    } else if (key == "eg") {
      const std::optional<uint64_t> depth = parse_unsigned(raw);
      if (!depth || *depth > 2) {
        problem("the ego depth '" + std::string(raw.substr(0, 40)) +
                "' is not 0, 1 or 2; left out");
        return;
      }
      v_.ego_depth = static_cast<int>(*depth);
    } else if (key == "cam") {
      const std::vector<std::string_view> parts = split(raw, ',');
      if (parts.size() != 3) {
        problem("the camera '" + std::string(raw.substr(0, 40)) + "' is not X,Y,ZOOM; left out");
        return;
      }
      const auto x = number(key, parts[0], "camera x");
      const auto y = number(key, parts[1], "camera y");
      const auto zoom = number(key, parts[2], "camera zoom");
      if (!x || !y || !zoom) return;
      if (*zoom <= 0) {
        problem("the camera zoom is not positive; camera left out");
        return;
      }
      v_.camera = Camera{*x, *y, *zoom};
    } else if (key == "cb") {
      if (raw == "c")
        v_.color_by = ColorBy::Community;
      else if (raw == "t")
        v_.color_by = ColorBy::Type;
      else
        problem("colour by '" + std::string(raw.substr(0, 40)) + "' is unknown; left out");
    } else if (key == "sb") {
      if (raw == "p")
        v_.size_by = SizeBy::PageRank;
      else if (raw == "m")
        v_.size_by = SizeBy::Mentions;
      else
        problem("size by '" + std::string(raw.substr(0, 40)) + "' is unknown; left out");
    } else if (key == "qs") {
      if (auto a = atom(key, raw)) v_.quotes.speaker = *a;
    } else if (key == "qd") {
      if (auto a = atom(key, raw)) v_.quotes.document = *a;
    } else if (key == "qk") {
      if (raw == "d")
        v_.quotes.kind = QuoteKind::Direct;
      else if (raw == "i")
        v_.quotes.kind = QuoteKind::Indirect;
      else if (raw == "m")
        v_.quotes.kind = QuoteKind::Mixed;
      else
        problem("quote kind '" + std::string(raw.substr(0, 40)) + "' is unknown; left out");
    } else if (key == "qc") {
      const std::optional<double> c = number(key, raw, "minimum quote confidence");
      if (c && (*c < 0 || *c > 1)) problem("the minimum quote confidence is not in 0..1; left out");
      if (c && *c >= 0 && *c <= 1) v_.quotes.min_confidence = *c;
    } else if (key == "m") {
      for (auto& item : items(key, raw, 2, "FROM:INTO"))
        v_.edits.merges.push_back({std::move(item[0]), std::move(item[1])});
    } else if (key == "sp") {
      for (auto& item : items(key, raw, 2, "ENTITY:ALIAS"))
        v_.edits.splits.push_back({std::move(item[0]), std::move(item[1])});
    } else if (key == "rn") {
      for (auto& item : items(key, raw, 2, "ENTITY:NAME"))
        v_.edits.renames[item[0]] = std::move(item[1]);
    } else if (key == "h") {
      if (raw.empty()) return;
      for (const std::string_view part : split(raw, ',')) {
        std::optional<std::string> id = atom(key, part);
        if (id && !id->empty()) v_.edits.hidden.insert(std::move(*id));
      }
    } else if (key == "p") {
      for (auto& item : items(key, raw, 3, "ENTITY:X:Y")) {
        const auto x = number(key, item[1], "pin x");
        const auto y = number(key, item[2], "pin y");
        if (x && y) v_.edits.pins[item[0]] = PinnedNode{*x, *y};
      }
    } else {
      problem("unknown key '" + std::string(key.substr(0, 40)) + "' left out");
    }
  }

 private:
  FragmentResult& r_;
  ViewState& v_;
};

// Format 0: "KIND:ID" alone, the selection only.
void decode_v0(std::string_view fragment, FragmentResult& result) {
  result.format_version = 0;
  const size_t colon = fragment.find(':');
  const std::string kind(fragment.substr(0, colon));
  const std::optional<std::string> id =
      colon == std::string_view::npos ? std::nullopt : unescape(fragment.substr(colon + 1));
  if (!is_view_selection_kind(kind) || !id || id->empty()) {
    result.problems.push_back("the link '" + std::string(fragment.substr(0, 40)) +
                              "' is neither a view (v=1) nor an older KIND:ID link; nothing read");
    return;
  }
  result.view.selection = Selection{kind, *id};
  result.problems.push_back("an older link (format 0): only its selection is restored");
}

}  // namespace

std::string encode_fragment(const ViewState& view) {
  const ViewState defaults;
  Writer w;
  w.add("v", std::to_string(kFragmentVersion));
  if (!view.corpus.empty()) w.add("c", escape(view.corpus));
  if (!view.extractor.empty()) w.add("xv", escape(view.extractor));
  if (!view.selection.empty() && kind_letter(view.selection.kind) != '?')
    w.add("s", std::string(1, kind_letter(view.selection.kind)) + ":" + escape(view.selection.id));
  if (!view.reader.document.empty())
    w.add("r", escape(view.reader.document) + ":" + std::to_string(view.reader.offset));
  if (view.filters.types != defaults.filters.types) {
    char hex[16];
    const auto end = std::to_chars(hex, hex + sizeof(hex), view.filters.types, 16).ptr;
    w.add("t", std::string_view(hex, static_cast<size_t>(end - hex)));
  }
  if (view.filters.min_weight != defaults.filters.min_weight)
    w.add("w", format_number(view.filters.min_weight));
  if (view.filters.documents) {
    std::string list;
    for (const std::string& id : *view.filters.documents) {
      if (!list.empty()) list += ',';
      list += escape(id);
    }
    w.add("d", list);
  }
  if (view.time_range)
    w.add("tr", escape(view.time_range->first) + ":" + escape(view.time_range->last));
  if (view.ego_depth != defaults.ego_depth) w.add("eg", std::to_string(view.ego_depth));
  if (view.camera)
    w.add("cam", format_number(view.camera->x) + "," + format_number(view.camera->y) + "," +
                     format_number(view.camera->zoom));
  if (view.color_by != defaults.color_by) w.add("cb", "c");
  if (view.size_by != defaults.size_by) w.add("sb", "p");
  if (!view.quotes.speaker.empty()) w.add("qs", escape(view.quotes.speaker));
  if (!view.quotes.document.empty()) w.add("qd", escape(view.quotes.document));
  if (view.quotes.kind) w.add("qk", std::string(1, quote_kind_letter(*view.quotes.kind)));
  if (view.quotes.min_confidence != defaults.quotes.min_confidence)
    w.add("qc", format_number(view.quotes.min_confidence));

  const UserEdits& e = view.edits;
  const auto join = [&](const char* key, auto&& range, auto&& item) {
    std::string list;
    for (const auto& x : range) {
      if (!list.empty()) list += ',';
      list += item(x);
    }
    if (!list.empty()) w.add(key, list);
  };
  join("m", e.merges, [](const EntityMerge& m) { return escape(m.from) + ":" + escape(m.into); });
  join("sp", e.splits,
       [](const EntitySplit& s) { return escape(s.entity) + ":" + escape(s.alias); });
  join("rn", e.renames, [](const auto& r) { return escape(r.first) + ":" + escape(r.second); });
  join("h", e.hidden, [](const std::string& id) { return escape(id); });
  join("p", e.pins, [](const auto& p) {
    return escape(p.first) + ":" + format_number(p.second.x) + ":" + format_number(p.second.y);
  });
  return w.take();
}

FragmentResult decode_fragment(std::string_view fragment) {
  FragmentResult result;
  if (fragment.size() > kMaxFragmentBytes) {
    result.refused = true;
    result.problems.push_back("the link's view is " + std::to_string(fragment.size()) +
                              " bytes, more than the " + std::to_string(kMaxFragmentBytes) +
                              " this version reads; nothing read");
    return result;
  }
  if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
  if (fragment.empty()) return result;
  if (fragment.find('=') == std::string_view::npos) {
    decode_v0(fragment, result);
    return result;
  }

  // Pairs in order; the version is looked for first, since it decides how the rest reads.
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  std::optional<std::string_view> version;
  for (const std::string_view part : split(fragment, '&')) {
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      result.problems.push_back("'" + std::string(part.substr(0, 40)) + "' has no value; left out");
      continue;
    }
    const std::string_view key = part.substr(0, eq);
    const std::string_view value = part.substr(eq + 1);
    if (key == "v") {
      if (version) result.problems.push_back("the version is given twice; the last one is used");
      version = value;
    } else {
      pairs.emplace_back(key, value);
    }
  }
  if (!version) {
    result.problems.push_back("the link has no format version (v=); read as version " +
                              std::to_string(kFragmentVersion));
  } else {
    const std::optional<uint64_t> v = parse_unsigned(*version);
    if (!v || *v != static_cast<uint64_t>(kFragmentVersion)) {
      result.refused = true;
      result.format_version = -1;
      result.problems.push_back("the link's view is in format '" +
                                std::string(version->substr(0, 20)) + "'; this version of " +
                                "Dramatis reads format " + std::to_string(kFragmentVersion) +
                                " (and older links); nothing read");
      return result;
    }
  }
  std::map<std::string_view, int> seen;
  Reader reader(result);
  for (const auto& [key, value] : pairs) {
    if (seen[key]++ == 1)
      result.problems.push_back(
          "'" + std::string(key.substr(0, 40)) +
          "' is given more than once; read in order (a later single value wins)");
    reader.read(key, value);
  }
  return result;
}

void check_view_against(FragmentResult& result, std::string_view fingerprint,
                        std::string_view version) {
  ViewCheck check = check_view_against(result.view, fingerprint, version);
  result.corpus_mismatch = check.corpus_mismatch;
  result.version_mismatch = check.version_mismatch;
  for (std::string& p : check.problems) result.problems.push_back(std::move(p));
}

}  // namespace dramatis
