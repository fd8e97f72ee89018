#!/usr/bin/env bash
# dramatis-cli export: --help, exit codes, every format on the built-in corpus and on a hostile
# one (quotes, commas, CRLF, '<', '&', apostrophes, control characters, invalid UTF-8). GEXF and
# GraphML are parsed back with Python's ElementTree and must hold the nodes and edges of
# `dramatis-cli graph`; the quotes CSV is read with Python's csv module and each row's text must
# be the document's bytes at [start, end); the node-link JSON is loaded with graphology
# (Graph.from) and d3-force (forceLink(links).id(d => d.id)) from tests/e2e/node_modules.
# Usage: export_test.sh PATH/TO/dramatis-cli SOURCE_DIR
set -u

source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
harness_init "$@"

# --- Usage and exit codes ---
"$cli" export --help >"$work/help" 2>&1
check "--help exits 0" test $? -eq 0
check "--help lists every format" \
  bash -c "grep -q node-link '$work/help' && grep -q gexf '$work/help' && grep -q graphml '$work/help' && grep -q quotes-csv '$work/help' && grep -q analysis '$work/help'"
"$cli" --help >"$work/main_help"
check "dramatis-cli --help lists export" grep -q '^  export' "$work/main_help"
run export
check "no --format: usage error" all "exits 1" "stderr_has '--format is required'"
run export --format xml
check "--format xml: usage error naming it" all "exits 1" "stderr_has \"'xml'\""
run export --format gexf --seed 3
check "--seed without --layout: usage error" exits 1
run export --format gexf --layout --seed abc
check "--seed abc: usage error" all "exits 1" "stderr_has abc"
run export --format quotes-csv --layout
check "--layout with quotes-csv: usage error" exits 1
run export --format gexf --nope
check "an unknown option: usage error" exits 1
run export --format gexf "$work/missing.txt"
check "a missing file: exit 2 naming it" all "exits 2" "stderr_has missing.txt"
run export --format gexf --out "$work/no/such/dir/out.gexf"
check "an unwritable --out: exit 2 naming it" all "exits 2" "stderr_has out.gexf"

# --- The hostile corpus ---
mkdir -p "$work/hostile"
printf 'AT&T and Smith <Partners> reopen the port\r\n\r\n"We will reopen the port next week, no matter what, \"truly\"," Maria Lindqvist of the Harbour Authority said on Monday.\r\nMaria Lindqvist met John O'"'"'Brien in Oslo. \xff\xfe Bad bytes here \x01\x02.\r\n"It was a hard, \"long\" year," said John O'"'"'Brien, who leads Acme & Sons Ltd.\r\n' \
  >"$work/hostile/crlf, quotes.txt"
printf 'Maria Lindqvist told Reuters: "The harbour, <finally>, is open."\nJohn O'"'"'Brien said Acme & Sons Ltd would help. Caf\xc3\xa9 Nordl\xc3\xa4nder joined Acme & Sons Ltd in Oslo.\n' \
  >"$work/hostile/story2.txt"
printf 'Zo\xeb Baker, the mayor of Oslo, spoke.\n\n"Prices rose \xff\xfe sharply, \x01 and then,\r\nfell," said Zo\xeb Baker on Tuesday.\n"We said \"no\", twice," Zo\xeb Baker added.\n' \
  >"$work/hostile/story3.txt"
hostile=("$work/hostile/crlf, quotes.txt" "$work/hostile/story2.txt" "$work/hostile/story3.txt")

# export_all NAME ARGS...: every format into $work/NAME.*, each exiting 0 and non-empty.
export_all() {
  local name=$1
  shift
  local format
  for format in node-link gexf graphml quotes-csv analysis; do
    "$cli" export --format "$format" "$@" --out "$work/$name.$format" 2>"$work/$name.$format.err"
    check "$name: --format $format exits 0 and writes a file" \
      bash -c "test $? -eq 0 && test -s '$work/$name.$format'"
  done
  "$cli" graph --format json "$@" >"$work/$name.graph.json" 2>/dev/null
  "$cli" extract "$@" >"$work/$name.extract.json" 2>/dev/null
}

# Node ids and "a b" edge pairs of each file, sorted, for comparison.
ids_of_graph_json() {
  node -e "const a = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    console.log(a.nodes.map(n => n.id).sort().join(' '));
    console.log(a.links.map(l => l.source + ' ' + l.target).sort().join(','));" "$1"
}
ids_of_node_link() {
  node -e "const a = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    console.log(a.nodes.map(n => n.key).sort().join(' '));
    console.log(a.edges.map(l => l.source + ' ' + l.target).sort().join(','));" "$1"
}
ids_of_xml() {  # FILE gexf|graphml
  python3 - "$1" "$2" <<'PY'
import sys
import xml.etree.ElementTree as ET
path, kind = sys.argv[1:]
root = ET.parse(path).getroot()
if kind == "gexf":
    ns = {"g": "http://gexf.net/1.3"}
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", ns)
    nodes = graph.findall("g:nodes/g:node", ns)
    edges = graph.findall("g:edges/g:edge", ns)
else:
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("for") for k in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    nodes = graph.findall("g:node", ns)
    edges = graph.findall("g:edge", ns)
    for element, domain in [(n, "node") for n in nodes] + [(e, "edge") for e in edges]:
        for d in element.findall("g:data", ns):
            assert keys.get(d.get("key")) == domain, "undeclared key " + d.get("key")
print(" ".join(sorted(n.get("id") for n in nodes)))
print(",".join(sorted(e.get("source") + " " + e.get("target") for e in edges)))
PY
}

# check_csv NAME: each row of NAME.quotes-csv matches the quote in NAME.analysis and the bytes.
check_csv() {
  python3 - "$source_dir" "$work/$1.analysis" "$work/$1.quotes-csv" <<'PY'
import csv, json, os, sys
root, analysis_path, csv_path = sys.argv[1:]
analysis = json.load(open(analysis_path, encoding="utf-8"))
paths = {d["id"]: d["path"] for d in analysis["documents"]}
raw = open(csv_path, "rb").read()
assert raw.endswith(b"\r\n"), "records end with CRLF"
with open(csv_path, newline="", encoding="utf-8", errors="surrogateescape") as f:
    rows = list(csv.reader(f, strict=True))
assert rows[0] == ["id", "speaker_id", "speaker_name", "document_id", "document_title", "start",
                   "end", "kind", "confidence", "cue", "text", "cluster"], rows[0]
quotes = analysis["quotes"]
assert len(rows) == len(quotes) + 1, (len(rows), len(quotes))
assert quotes, "no quotes to check"
for row, q in zip(rows[1:], quotes):
    assert len(row) == 12, row
    path = paths[row[3]]
    data = open(path if os.path.isabs(path) else os.path.join(root, path), "rb").read()
    start, end = int(row[5]), int(row[6])
    assert row[10].encode("utf-8", "surrogateescape") == data[start:end], row[0]
    assert (row[0], start, end, row[7], row[9], row[11]) == \
        (q["id"], q["start"], q["end"], q["kind"], q["cue"], q["cluster"]), row[0]
    assert row[1] == (q["speaker"] or ""), row[0]
    assert float(row[8]) == q["confidence"], row[0]
print(len(quotes), "quotes")
PY
}

check_corpus() {
  local name=$1
  ids_of_graph_json "$work/$name.graph.json" >"$work/$name.ids.graph"
  ids_of_node_link "$work/$name.node-link" >"$work/$name.ids.node-link"
  ids_of_xml "$work/$name.gexf" gexf >"$work/$name.ids.gexf"
  check "$name: GEXF parses (ElementTree)" test $? -eq 0
  ids_of_xml "$work/$name.graphml" graphml >"$work/$name.ids.graphml"
  check "$name: GraphML parses (ElementTree), every <data> has its <key>" test $? -eq 0
  check "$name: the graph has nodes and edges" \
    bash -c "test \$(head -1 '$work/$name.ids.graph' | wc -w) -gt 1 && test -n \"\$(sed -n 2p '$work/$name.ids.graph')\""
  check "$name: node-link holds the nodes and edges of 'graph'" \
    cmp -s "$work/$name.ids.graph" "$work/$name.ids.node-link"
  check "$name: GEXF holds the nodes and edges of 'graph'" \
    cmp -s "$work/$name.ids.graph" "$work/$name.ids.gexf"
  check "$name: GraphML holds the nodes and edges of 'graph'" \
    cmp -s "$work/$name.ids.graph" "$work/$name.ids.graphml"
  check "$name: --format analysis is byte for byte 'extract'" \
    cmp -s "$work/$name.analysis" "$work/$name.extract.json"
  check "$name: each CSV row is its quote, text = the document's bytes at [start, end)" \
    check_csv "$name"
}

export_all builtin
check_corpus builtin
export_all hostile "${hostile[@]}"
check_corpus hostile
check "hostile: the CSV keeps the invalid bytes and the control character" \
  grep -qaF "$(printf 'rose \xff\xfe sharply, \x01')" "$work/hostile.quotes-csv"
check "hostile: the CSV doubles quotes" grep -qF '"""We will reopen the port' "$work/hostile.quotes-csv"
check "hostile: apostrophes are escaped in GEXF" grep -qF "John O&apos;Brien" "$work/hostile.gexf"
check "hostile: the files hold no raw control character or invalid UTF-8" python3 -c "
import sys
for p in sys.argv[1:]:
    data = open(p, 'rb').read()
    data.decode('utf-8')
    assert not any(b < 0x20 and b not in (9, 10, 13) for b in data), p
" "$work/hostile.gexf" "$work/hostile.graphml" "$work/hostile.node-link"

# --- Layout and determinism ---
"$cli" export --format gexf --layout --seed 7 >"$work/layout7.gexf"
check "--layout --seed 7 exits 0" test $? -eq 0
"$cli" export --format gexf --layout --seed 7 >"$work/layout7b.gexf"
check "--layout: the same seed gives the same bytes" cmp -s "$work/layout7.gexf" "$work/layout7b.gexf"
"$cli" export --format gexf --layout --seed 8 >"$work/layout8.gexf"
check "--layout: another seed, another picture" \
  bash -c "! cmp -s '$work/layout7.gexf' '$work/layout8.gexf'"
check "--layout: every GEXF node has a finite viz:position" python3 -c "
import math, sys, xml.etree.ElementTree as ET
ns = {'g': 'http://gexf.net/1.3', 'viz': 'http://gexf.net/1.3/viz'}
nodes = ET.parse(sys.argv[1]).getroot().findall('g:graph/g:nodes/g:node', ns)
assert nodes
for n in nodes:
    p = n.find('viz:position', ns)
    assert p is not None and math.isfinite(float(p.get('x'))) and math.isfinite(float(p.get('y')))
xs = {n.find('viz:position', ns).get('x') for n in nodes}
assert len(xs) > len(nodes) // 2, 'positions are spread out'
" "$work/layout7.gexf"
check "no --layout: no viz:position" bash -c "! grep -q 'viz:position' '$work/builtin.gexf'"
"$cli" export --format graphml --layout >"$work/layout.graphml"
check "--layout: GraphML declares x and y" grep -q 'attr.name="x"' "$work/layout.graphml"
"$cli" export --format node-link --layout >"$work/layout.json"
check "--layout: node-link says its positions come from the layout" json_check "$work/layout.json" \
  "a.attributes.positions === 'layout' && a.nodes.every(n => Number.isFinite(n.x) && n.x === n.attributes.x)"
"$cli" export --format node-link >"$work/again.json"
check "node-link: the same input gives the same bytes" cmp -s "$work/builtin.node-link" "$work/again.json"
"$cli" export --format quotes-csv >"$work/again.csv"
check "quotes-csv: the same input gives the same bytes" cmp -s "$work/builtin.quotes-csv" "$work/again.csv"
"$cli" export --format gexf >"$work/stdout.gexf"
check "stdout and --out give the same bytes" cmp -s "$work/builtin.gexf" "$work/stdout.gexf"

# --- graphology and d3-force ---
modules=$source_dir/tests/e2e/node_modules
if [ ! -d "$modules" ]; then
  echo "skip - graphology and d3-force: $modules is absent (run 'npm ci' in tests/e2e)"
else
  cat >"$work/load.cjs" <<'JS'
// Loads a node-link file with graphology and d3-force as their documentation shows.
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");
const { pathToFileURL } = require("url");
const [modules, file] = process.argv.slice(2);
const req = createRequire(path.join(modules, "loader.js"));
const fail = (why) => { console.error("failed: " + why); process.exit(1); };
(async () => {
  const Graph = req("graphology");
  const d3 = await import(pathToFileURL(req.resolve("d3-force")).href);
  const text = fs.readFileSync(file, "utf8");
  const data = JSON.parse(text);
  const graph = Graph.from(JSON.parse(text));
  if (graph.type !== "undirected") fail("graphology: type " + graph.type);
  if (graph.order !== data.nodes.length || graph.size !== data.edges.length) fail("graphology: counts");
  for (const l of data.links) if (!graph.hasEdge(l.source, l.target)) fail("graphology: edge " + l.source + "-" + l.target);
  graph.forEachNode((key, a) => {
    // What sigma.js needs of every node.
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y) || !(a.size > 0) || typeof a.label !== "string" || !/^#[0-9a-f]{6}$/.test(a.color)) fail("sigma attributes of " + key);
    if ("type" in a) fail("a 'type' attribute would pick a sigma program");
  });
  if (graph.getAttribute("name") !== data.attributes.name) fail("graph attributes");
  const nodes = data.nodes, links = data.links;
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id))
    .force("charge", d3.forceManyBody())
    .stop();
  for (let i = 0; i < 5; ++i) simulation.tick();
  for (const l of links) if (typeof l.source !== "object" || typeof l.target !== "object") fail("d3: unresolved link");
  if (!nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))) fail("d3: positions");
  console.log(`graphology ${graph.order} nodes ${graph.size} edges; d3-force ${nodes.length} nodes ${links.length} links`);
})().catch((e) => fail(e.stack || String(e)));
JS
  for file in builtin.node-link hostile.node-link layout.json; do
    node "$work/load.cjs" "$modules" "$work/$file" >"$work/load.out" 2>&1
    check "$file loads in graphology (Graph.from) and d3-force ($(head -1 "$work/load.out"))" \
      test $? -eq 0
  done
fi

finish
