#include "core/graph/edge_list.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace dramatis {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// One field of a line, its text unescaped, and the byte offset where it starts in the file.
struct Field {
  std::string text;
  size_t offset = 0;
};

// A strict decimal number: [+-]digits[.digits][(e|E)[+-]digits], at least one digit before the
// exponent. Checked before strtod so that "nan", "inf", "0x10" and locale forms never parse.
bool is_decimal_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

std::string line_prefix(size_t line) {
  return "line " + std::to_string(line) + ": ";
}

// Splits one line (without its '\n') into fields. Returns false with `error` and `error_offset`
// set when a quoted field is not terminated or is followed directly by other characters.
bool split_fields(std::string_view line, size_t line_offset, std::vector<Field>& fields,
                  std::string& error, size_t& error_offset) {
  fields.clear();
  size_t i = 0;
  while (i < line.size()) {
    if (is_blank(line[i])) {
      ++i;
      continue;
    }
    if (line[i] == '#') break;  // a comment runs to the end of the line
    Field field;
    field.offset = line_offset + i;
    if (line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        const char c = line[i];
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        if (c == '\\' && i + 1 < line.size()) {
          const char e = line[i + 1];
          switch (e) {
            case 't': field.text += '\t'; break;
            case 'n': field.text += '\n'; break;
            case 'r': field.text += '\r'; break;
            default: field.text += e; break;  // \" and \\ (and any other escaped character)
          }
          i += 2;
          continue;
        }
        field.text += c;
        ++i;
      }
      if (!closed) {
        error = "unterminated quoted name";
        error_offset = field.offset;
        return false;
      }
      if (i < line.size() && !is_blank(line[i]) && line[i] != '#') {
        error = "a quoted name must be followed by whitespace";
        error_offset = line_offset + i;
        return false;
      }
    } else {
      const size_t start = i;
      while (i < line.size() && !is_blank(line[i])) ++i;
      field.text.assign(line.substr(start, i - start));
    }
    fields.push_back(std::move(field));
  }
  return true;
}

// Shortest "%.Ng" form (N = 6..9) that reads back as the same float: 9 digits always do.
std::string format_weight(float w) {
  char buffer[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, static_cast<double>(w));
    if (precision == 9 || std::strtof(buffer, nullptr) == w) break;
  }
  return buffer;
}

}  // namespace

std::optional<EdgeListGraph> read_edge_list(std::string_view text, const std::string& file,
                                            std::vector<Diagnostic>& diagnostics) {
  EdgeListGraph graph;
  std::map<std::string, uint32_t, std::less<>> index_of;    // name → node index
  std::map<std::pair<uint32_t, uint32_t>, size_t> edge_of;  // (min, max) → edge index
  size_t self_loops = 0;
  size_t duplicates = 0;
  std::optional<size_t> first_self_loop;  // byte offset of its line, for the warning
  std::optional<size_t> first_duplicate;
  size_t first_self_loop_line = 0;
  size_t first_duplicate_line = 0;
  bool ok = true;

  const auto node = [&](std::string& name) {
    const auto it = index_of.find(name);
    if (it != index_of.end()) return it->second;
    const uint32_t index = static_cast<uint32_t>(graph.names.size());
    index_of.emplace(name, index);
    graph.names.push_back(std::move(name));
    return index;
  };

  std::vector<Field> fields;
  size_t line_number = 0;
  size_t offset = 0;
  while (offset < text.size()) {
    ++line_number;
    size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(offset, end - offset);
    const size_t line_offset = offset;
    offset = end + 1;

    std::string error;
    size_t error_offset = line_offset;
    if (!split_fields(line, line_offset, fields, error, error_offset)) {
      diagnostics.push_back(make_error(file, line_prefix(line_number) + error, error_offset));
      ok = false;
      continue;
    }
    if (fields.empty()) continue;
    if (fields.size() == 1) {
      diagnostics.push_back(make_error(file,
                                       line_prefix(line_number) +
                                           "an edge needs two node names, found one: '" +
                                           fields[0].text + "'",
                                       fields[0].offset));
      ok = false;
      continue;
    }
    if (fields.size() > 3) {
      diagnostics.push_back(make_error(
          file,
          line_prefix(line_number) + "expected two names and an optional weight, found " +
              std::to_string(fields.size()) + " fields (quote names that hold spaces)",
          fields[3].offset));
      ok = false;
      continue;
    }
    float weight = 1.0f;
    if (fields.size() == 3) {
      const std::string& w = fields[2].text;
      double value = 0.0;
      const bool numeric = is_decimal_number(w);
      if (numeric) value = std::strtod(w.c_str(), nullptr);
      if (!numeric || !std::isfinite(value) || value < 0.0 ||
          !std::isfinite(static_cast<float>(value))) {
        const char* why = !numeric      ? "is not a number"
                          : value < 0.0 ? "is negative"
                                        : "is too large";
        diagnostics.push_back(make_error(
            file, line_prefix(line_number) + "the weight '" + w + "' " + why, fields[2].offset));
        ok = false;
        continue;
      }
      weight = static_cast<float>(value);
    }
    if (!ok) continue;  // after an error, keep checking lines but build nothing more
    const uint32_t a = node(fields[0].text);
    const uint32_t b = node(fields[1].text);
    if (a == b) {
      ++self_loops;
      if (!first_self_loop) first_self_loop = line_offset, first_self_loop_line = line_number;
      continue;
    }
    const auto key = std::make_pair(std::min(a, b), std::max(a, b));
    const auto [it, inserted] = edge_of.emplace(key, graph.edges.size());
    if (inserted) {
      graph.edges.emplace_back(a, b);
      graph.weights.push_back(weight);
    } else {
      // Each weight is finite, but their sum can overflow a float (inf, which the writer writes
      // and no reader reads back); the graph promises finite weights, so that is an error, as a
      // weight too large on its own is.
      if (!std::isfinite(graph.weights[it->second] + weight)) {
        diagnostics.push_back(make_error(file,
                                         line_prefix(line_number) +
                                             "the weights of this edge's lines add up to more "
                                             "than a weight can hold",
                                         line_offset));
        ok = false;
        continue;
      }
      graph.weights[it->second] += weight;
      ++duplicates;
      if (!first_duplicate) first_duplicate = line_offset, first_duplicate_line = line_number;
    }
  }

  if (!ok) return std::nullopt;
  if (self_loops > 0) {
    diagnostics.push_back(make_warning(
        file,
        std::to_string(self_loops) + " self-loop" + (self_loops == 1 ? "" : "s") +
            " dropped (the first on line " + std::to_string(first_self_loop_line) + ")",
        first_self_loop));
  }
  if (duplicates > 0) {
    diagnostics.push_back(make_warning(file,
                                       std::to_string(duplicates) + " duplicate edge" +
                                           (duplicates == 1 ? "" : "s") +
                                           " merged, weights summed (the first on line " +
                                           std::to_string(first_duplicate_line) + ")",
                                       first_duplicate));
  }
  if (graph.names.empty())
    diagnostics.push_back(make_warning(file, "no edges: the graph is empty"));
  return graph;
}

std::string quote_edge_list_name(std::string_view name) {
  bool plain = !name.empty();
  for (const char c : name) {
    if (is_blank(c) || c == '\n' || c == '"' || c == '\\' || c == '#') plain = false;
  }
  if (plain) return std::string(name);
  std::string out = "\"";
  for (const char c : name) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c; break;
    }
  }
  out += '"';
  return out;
}

std::string write_edge_list(const EdgeListGraph& graph, std::string_view header_comment) {
  std::string out;
  size_t start = 0;
  while (start < header_comment.size()) {
    size_t end = header_comment.find('\n', start);
    if (end == std::string_view::npos) end = header_comment.size();
    out += "# ";
    out += header_comment.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  for (size_t e = 0; e < graph.edges.size(); ++e) {
    out += quote_edge_list_name(graph.names[graph.edges[e].first]);
    out += '\t';
    out += quote_edge_list_name(graph.names[graph.edges[e].second]);
    out += '\t';
    out += format_weight(e < graph.weights.size() ? graph.weights[e] : 1.0f);
    out += '\n';
  }
  return out;
}

EdgeListGraph edge_list_of(const GraphView& view) {
  const EntityGraph& graph = view.graph();
  EdgeListGraph out;
  std::vector<uint32_t> index(graph.node_count(), 0);
  view.for_each_node([&](uint32_t i) {
    index[i] = static_cast<uint32_t>(out.names.size());
    out.names.push_back(graph.names[i]);
  });
  view.for_each_edge([&](uint32_t e) {
    out.edges.emplace_back(index[graph.edges[e].a], index[graph.edges[e].b]);
    out.weights.push_back(static_cast<float>(graph.edges[e].weight));
  });
  return out;
}

}  // namespace dramatis
