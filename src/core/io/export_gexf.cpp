#include "core/io/export_gexf.h"

#include "core/io/export_text.h"

namespace dramatis {
namespace {

// One <attvalue>: `value` is XML-escaped.
void attvalue(std::string& out, const char* key, std::string_view value) {
  out += "          <attvalue for=\"";
  out += key;
  out += "\" value=\"";
  append_xml_text(out, value);
  out += "\"/>\n";
}

void declare(std::string& out, const char* id, const char* type) {
  out += "      <attribute id=\"";
  out += id;
  out += "\" title=\"";
  out += id;
  out += "\" type=\"";
  out += type;
  out += "\"/>\n";
}

}  // namespace

std::string export_gexf(const GraphExportInput& input) {
  const GraphExportRows rows = graph_export_rows(input);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n"
      "    <creator>Dramatis</creator>\n";
  // No lastmodifieddate: the same input must give the same bytes.
  out += "    <description>";
  append_xml_text(out, rows.name.empty() ? "entity graph" : "entity graph of " + rows.name);
  out += "</description>\n  </meta>\n";
  out += "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
  out += "    <attributes class=\"node\" mode=\"static\">\n";
  declare(out, "entity_type", "string");
  declare(out, "mentions", "integer");
  declare(out, "weighted_degree", "double");
  declare(out, "aliases", "string");
  if (rows.has_community) declare(out, "community", "integer");
  if (rows.has_pagerank) declare(out, "pagerank", "double");
  out += "    </attributes>\n";
  out += "    <attributes class=\"edge\" mode=\"static\">\n";
  declare(out, "kinds", "string");
  declare(out, "evidence", "integer");
  out += "    </attributes>\n";

  out += "    <nodes>\n";
  for (const ExportNode& node : rows.nodes) {
    out += "      <node id=\"";
    append_xml_text(out, node.id);
    out += "\" label=\"";
    append_xml_text(out, node.label);
    out += "\">\n        <attvalues>\n";
    attvalue(out, "entity_type", node.type);
    attvalue(out, "mentions", std::to_string(node.mentions));
    attvalue(out, "weighted_degree", format_export_number(node.weighted_degree));
    attvalue(out, "aliases", node.aliases);
    if (node.community) attvalue(out, "community", std::to_string(*node.community));
    if (node.pagerank) attvalue(out, "pagerank", format_export_number(*node.pagerank));
    out += "        </attvalues>\n";
    out += "        <viz:size value=\"" + format_export_number(node.size) + "\"/>\n";
    out += "        <viz:color r=\"" + std::to_string((node.color >> 16) & 0xFF) + "\" g=\"" +
           std::to_string((node.color >> 8) & 0xFF) + "\" b=\"" +
           std::to_string(node.color & 0xFF) + "\"/>\n";
    if (node.position) {
      out += "        <viz:position x=\"" + format_export_number(node.position->x) + "\" y=\"" +
             format_export_number(node.position->y) + "\" z=\"0\"/>\n";
    }
    out += "      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (const ExportEdge& edge : rows.edges) {
    out += "      <edge id=\"";
    append_xml_text(out, edge.id);
    out += "\" source=\"";
    append_xml_text(out, edge.source);
    out += "\" target=\"";
    append_xml_text(out, edge.target);
    out += "\" weight=\"" + format_export_number(edge.weight) + "\">\n        <attvalues>\n";
    attvalue(out, "kinds", edge.kinds);
    attvalue(out, "evidence", std::to_string(edge.evidence));
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return out;
}

}  // namespace dramatis
