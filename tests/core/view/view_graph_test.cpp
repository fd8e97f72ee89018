// The view's subgraph (src/core/view/view_graph.cpp): filters, hidden entities and the ego view,
// on a small hand-made story (a chain of people plus an organisation) so every answer is known.
#include "core/view/view_graph.h"

#include <doctest/doctest.h>

#include "core/corpus/corpus_loader.h"

using namespace dramatis;

namespace {

// Ana - Ben - Cleo - Dan in one document, Ben - Acme in a second one dated a year later.
Story chain_story() {
  Corpus corpus;
  add_document_bytes("a.txt", "Ana met Ben. Ben met Cleo. Cleo met Dan.", corpus);
  add_document_bytes("b.txt", "Ben joined Acme.", corpus);
  corpus.documents[0].meta.id = "d0";
  corpus.documents[1].meta.id = "d1";
  corpus.documents[0].meta.date = "2024-05-01";
  corpus.documents[1].meta.date = "2025-05-01";
  Analysis analysis;
  const char* names[] = {"Ana", "Ben", "Cleo", "Dan", "Acme"};
  for (int i = 0; i < 5; ++i) {
    Entity e;
    e.id = "e" + std::to_string(i);
    e.name = names[i];
    e.type = i == 4 ? EntityType::Org : EntityType::Person;
    e.mentions.push_back({i == 4 ? 1u : 0u, 0, 3});
    analysis.entities.push_back(e);
  }
  auto relate = [&](int a, int b, uint32_t doc, double weight) {
    Relation r;
    r.source = a;
    r.target = b;
    r.type = "co-occurs";
    r.weight = weight;
    r.evidence.push_back({doc, 0, 10});
    analysis.relations.push_back(r);
  };
  relate(0, 1, 0, 1.0);
  relate(1, 2, 0, 2.0);
  relate(2, 3, 0, 1.0);
  relate(1, 4, 1, 1.0);
  return make_story(std::move(corpus), std::move(analysis));
}

int shown(const std::vector<uint8_t>& visible) {
  int n = 0;
  for (const uint8_t v : visible) n += v;
  return n;
}

bool shows(const Story& story, const std::vector<uint8_t>& visible, const char* id) {
  const int32_t node = story.node_of_id(id);
  return node >= 0 && visible[static_cast<size_t>(node)] != 0;
}

}  // namespace

TEST_CASE("the default view shows every node") {
  const Story story = chain_story();
  REQUIRE(story.graph.node_count() == 5);
  CHECK(shown(view_visible_nodes(story, ViewState{}, UserEdits{})) == 5);
}

TEST_CASE("ego depth 1 and 2 keep the selection's neighbourhood") {
  const Story story = chain_story();
  ViewState view;
  view.selection = {"entity", "e0"};
  view.ego_depth = 1;
  auto visible = view_visible_nodes(story, view, {});
  CHECK(shown(visible) == 2);
  CHECK(shows(story, visible, "e0"));
  CHECK(shows(story, visible, "e1"));
  view.ego_depth = 2;
  visible = view_visible_nodes(story, view, {});
  CHECK(shown(visible) == 4);  // Ana, Ben, Cleo, Acme
  CHECK_FALSE(shows(story, visible, "e3"));
  // Nothing selected: the ego view has no centre, so the whole graph stays.
  view.selection = {};
  CHECK(shown(view_visible_nodes(story, view, {})) == 5);
}

TEST_CASE("an edge selection centres the ego view on both ends") {
  const Story story = chain_story();
  ViewState view;
  view.selection = {"edge", "e2~e3"};
  view.ego_depth = 1;
  const auto visible = view_visible_nodes(story, view, {});
  CHECK(shown(visible) == 3);  // Ben, Cleo, Dan
  CHECK_FALSE(shows(story, visible, "e0"));
}

TEST_CASE("hidden entities, types, weights and documents filter the graph") {
  const Story story = chain_story();
  UserEdits edits;
  edits.hidden.insert("e1");
  auto visible = view_visible_nodes(story, ViewState{}, edits);
  CHECK_FALSE(shows(story, visible, "e1"));
  CHECK(shown(visible) == 4);

  ViewState view;
  view.filters.types = entity_type_bit(EntityType::Person);
  CHECK_FALSE(shows(story, view_visible_nodes(story, view, {}), "e4"));

  view = {};
  view.filters.documents = std::vector<std::string>{story.corpus.documents[1].meta.id};
  visible = view_visible_nodes(story, view, {});
  CHECK(shows(story, visible, "e4"));
  CHECK_FALSE(shows(story, visible, "e3"));
}

TEST_CASE("a time range keeps what is dated inside it") {
  const Story story = chain_story();
  ViewState view;
  view.time_range = TimeRange{"2025-01-01", "2025-12-31"};
  const auto visible = view_visible_nodes(story, view, {});
  CHECK(shows(story, visible, "e4"));        // mentioned in the 2025 document
  CHECK_FALSE(shows(story, visible, "e3"));  // only in the 2024 one
}

TEST_CASE("the shown-node cap keeps the selection, then the most mentioned, and counts the rest") {
  Story story = chain_story();
  const uint32_t mentions[] = {5, 1, 3, 1, 2};  // by graph node
  for (uint32_t v = 0; v < 5; ++v) story.graph.nodes[v].mentions = mentions[v];
  std::vector<uint8_t> visible(5, 1);
  CHECK(cap_shown_nodes(story, visible, {}, 5) == 0);
  CHECK(shown(visible) == 5);
  CHECK(cap_shown_nodes(story, visible, {}, 2) == 3);
  CHECK(visible == std::vector<uint8_t>{1, 0, 1, 0, 0});
  // A selected node is kept even when it is among the least mentioned.
  visible.assign(5, 1);
  CHECK(cap_shown_nodes(story, visible, {3}, 2) == 3);
  CHECK(visible == std::vector<uint8_t>{1, 0, 0, 1, 0});
  // Hidden nodes stay hidden and do not count.
  visible = {0, 1, 1, 1, 0};
  CHECK(cap_shown_nodes(story, visible, {0}, 2) == 1);
  CHECK(visible == std::vector<uint8_t>{0, 1, 1, 0, 0});  // node 2, then the tie 1/3 goes to 1
  // Ties between equally mentioned nodes go to the lower node, so the sample is stable.
  for (uint32_t v = 0; v < 5; ++v) story.graph.nodes[v].mentions = 1;
  visible.assign(5, 1);
  CHECK(cap_shown_nodes(story, visible, {}, 3) == 2);
  CHECK(visible == std::vector<uint8_t>{1, 1, 1, 0, 0});
}

TEST_CASE("view_visible_nodes reports nothing capped below the limit") {
  const Story story = chain_story();
  size_t capped = 7;
  CHECK(shown(view_visible_nodes(story, ViewState{}, UserEdits{}, &capped)) == 5);
  CHECK(capped == 0);
}
