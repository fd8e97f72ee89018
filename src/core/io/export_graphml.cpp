#include "core/io/export_graphml.h"

#include "core/io/export_text.h"

namespace dramatis {
namespace {

void key(std::string& out, const char* for_what, const char* name, const char* type) {
  out += "  <key id=\"";
  out += name;
  out += "\" for=\"";
  out += for_what;
  out += "\" attr.name=\"";
  out += name;
  out += "\" attr.type=\"";
  out += type;
  out += "\"/>\n";
}

// One <data> element; `value` is XML-escaped.
void data(std::string& out, const char* key, std::string_view value) {
  out += "      <data key=\"";
  out += key;
  out += "\">";
  append_xml_text(out, value);
  out += "</data>\n";
}

}  // namespace

std::string export_graphml(const GraphExportInput& input) {
  const GraphExportRows rows = graph_export_rows(input);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  key(out, "graph", "name", "string");
  key(out, "node", "label", "string");
  key(out, "node", "entity_type", "string");
  key(out, "node", "mentions", "int");
  key(out, "node", "weighted_degree", "double");
  key(out, "node", "aliases", "string");
  if (rows.has_community) key(out, "node", "community", "int");
  if (rows.has_pagerank) key(out, "node", "pagerank", "double");
  if (rows.has_positions) {
    key(out, "node", "x", "double");
    key(out, "node", "y", "double");
  }
  key(out, "edge", "weight", "double");
  key(out, "edge", "kinds", "string");
  key(out, "edge", "evidence", "int");

  out += "  <graph id=\"G\" edgedefault=\"undirected\">\n";
  out += "    <data key=\"name\">";
  append_xml_text(out, rows.name);
  out += "</data>\n";
  for (const ExportNode& node : rows.nodes) {
    out += "    <node id=\"";
    append_xml_text(out, node.id);
    out += "\">\n";
    data(out, "label", node.label);
    data(out, "entity_type", node.type);
    data(out, "mentions", std::to_string(node.mentions));
    data(out, "weighted_degree", format_export_number(node.weighted_degree));
    data(out, "aliases", node.aliases);
    if (node.community) data(out, "community", std::to_string(*node.community));
    if (node.pagerank) data(out, "pagerank", format_export_number(*node.pagerank));
    if (node.position) {
      data(out, "x", format_export_number(node.position->x));
      data(out, "y", format_export_number(node.position->y));
    }
    out += "    </node>\n";
  }
  for (const ExportEdge& edge : rows.edges) {
    out += "    <edge id=\"";
    append_xml_text(out, edge.id);
    out += "\" source=\"";
    append_xml_text(out, edge.source);
    out += "\" target=\"";
    append_xml_text(out, edge.target);
    out += "\">\n";
    data(out, "weight", format_export_number(edge.weight));
    data(out, "kinds", edge.kinds);
    data(out, "evidence", std::to_string(edge.evidence));
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace dramatis
