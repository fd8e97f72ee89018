// A hostile corpus and analysis for the exporter tests: names and quotes holding XML and CSV
// metacharacters, control characters, noncharacters, invalid UTF-8, commas, quotes and CRLF;
// plus helpers shared by the *_export_test.cpp files.
#pragma once

#include <string>
#include <vector>

#include "core/corpus/corpus_loader.h"
#include "core/graph/entity_graph.h"
#include "core/nlp/analysis.h"

namespace export_test {

using namespace dramatis;

inline Entity make_entity(std::string id, std::string name, EntityType type,
                          std::vector<DocSpan> mentions, std::vector<std::string> aliases = {}) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.type = type;
  e.mentions = std::move(mentions);
  e.aliases = std::move(aliases);
  return e;
}

// The entity names, and what an XML export must say for each (forbidden characters and invalid
// UTF-8 dropped, everything else kept).
struct HostileName {
  std::string raw;
  std::string in_xml;
};
inline const std::vector<HostileName>& hostile_names() {
  static const std::vector<HostileName> names = {
      {"A & B <\"x\">", "A & B <\"x\">"},
      {"Ctl\x01\x1F\x7F Name", "Ctl\x7F Name"},  // DEL is allowed in XML 1.0
      {"Bad\xFF\xC3 UTF", "Bad UTF"},
      {"Comma, \"Quoted\" O'Neil", "Comma, \"Quoted\" O'Neil"},
      {"Nonchar\xEF\xBF\xBE\xEF\xBF\xBF end", "Nonchar end"},  // U+FFFE, U+FFFF
      {"\xC3\x9Cn\xC3\xAF \xE2\x9C\x93 \xF0\x9F\x98\x80",
       "\xC3\x9Cn\xC3\xAF \xE2\x9C\x93 \xF0\x9F\x98\x80"},
      {"Tab\tLine\nCR\r", "Tab\tLine\nCR\r"},
  };
  return names;
}

struct HostileFixture {
  Corpus corpus;
  Analysis analysis;
  EntityGraph graph;

  HostileFixture() {
    corpus.name = "Hostile <corpus> & \"friends\"";
    add_document_bytes("d0.txt",
                       "\"Hello, \"\"world\"\"\r\nsecond line,\" said A & B <\"x\">. Bad \xFF\xC3 "
                       "byte, ctl \x01\x1F end. 'Single' quote here.",
                       corpus);
    add_document_bytes("d1.txt", std::string(200, 'y'), corpus);
    corpus.documents[0].meta.title = "Title, with \"quotes\"\r\nand CRLF";
    const auto& names = hostile_names();
    for (size_t i = 0; i < names.size(); ++i) {
      const size_t at = 5 * i;
      analysis.entities.push_back(make_entity("e" + std::to_string(i), names[i].raw,
                                              i == 1   ? EntityType::Org
                                              : i == 4 ? EntityType::Location
                                              : i == 5 ? EntityType::Product
                                                       : EntityType::Person,
                                              {{0, at, at + 3}, {1, at, at + 2}}));
    }
    analysis.entities[0].aliases = {"A&B", "B's <tag>"};
    analysis.entities[3].aliases = {"Comma", "O'Neil"};
    analysis.relations = {
        {0, 1, "co-occurs", 2.0, {{0, 0, 20}, {1, 0, 10}}},
        {0, 1, "joined", 1.0, {{0, 30, 40}}},
        {0, 2, "co-occurs", 0.1, {{0, 0, 20}}},
        {2, 3, "said_about", 1.5, {{0, 40, 50}}},
        {3, 4, "co-occurs", 1.0, {{1, 20, 30}}},
        {4, 6, "co-occurs", 3.0, {{1, 30, 40}}},
        // entity 5 is isolated
    };
    const std::string& d0 = corpus.documents[0].bytes;
    const size_t crlf = d0.find("\r\n");
    const size_t bad = d0.find('\xFF');
    const size_t single = d0.find("'Single'");
    analysis.quotes = {
        {"q0",
         {0, 0, crlf + 15},
         QuoteKind::Direct,
         0,
         "said",
         {0, 33, 37},
         0.1 + 0.2,
         "a test",
         "c0"},
        {"q1", {0, bad - 4, bad + 12}, QuoteKind::Indirect, 1, "", {}, 1.0 / 3.0, "", "c1"},
        {"q2", {0, single, single + 8}, QuoteKind::Mixed, -1, "according to", {}, 0.5, "", ""},
        {"q3", {1, 0, 0}, QuoteKind::Direct, 6, "", {}, 0.0, "", "c0"},
    };
    graph = build_entity_graph(corpus, analysis);
  }
};

}  // namespace export_test
