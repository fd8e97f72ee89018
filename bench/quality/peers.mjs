// Entity extraction of two JavaScript NLP libraries, compromise and wink-nlp (with
// wink-eng-lite-web-model), scored against a "dramatis.gold/1" file with the rules of
// src/core/eval/scorer.cpp: exact span and type, per-type and micro precision/recall/F1.
// Prints a markdown table for docs/quality.md.
//
// Usage: node peers.mjs GOLD.json [--types PERSON,ORG,LOCATION] [--write-analysis DIR]
//
// --write-analysis DIR also writes each tool's entities as DIR/TOOL.analysis.json
// ("dramatis.analysis/1"), so `dramatis-cli eval --gold GOLD.json --analysis FILE` can check that
// this scorer and the C++ one agree.
//
// Offsets: the gold's are UTF-8 byte offsets; the libraries report UTF-16 indices into a JS string,
// so each document is decoded here with a map from every UTF-16 index to its byte offset.
// Spans the libraries return with punctuation around them ("CDU." at a sentence end, "Trump's")
// are trimmed the way a reader would mark the name (trimSpan below).
import fs from 'node:fs';
import path from 'node:path';

import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// --- reading the gold ------------------------------------------------------------------------

function usage(message) {
  console.error(`peers.mjs: ${message}\nUsage: node peers.mjs GOLD.json [--types PERSON,ORG,LOCATION] [--write-analysis DIR]`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { gold: null, types: ['PERSON', 'ORG', 'LOCATION'], writeAnalysis: null };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--types') args.types = (argv[++i] || '').split(',').filter(Boolean);
    else if (argv[i].startsWith('--types=')) args.types = argv[i].slice(8).split(',').filter(Boolean);
    else if (argv[i] === '--write-analysis') args.writeAnalysis = argv[++i] || usage('needs a DIR');
    else if (argv[i] === '-h' || argv[i] === '--help') usage('help');
    else if (argv[i].startsWith('-')) usage(`unknown option '${argv[i]}'`);
    else if (args.gold === null) args.gold = argv[i];
    else usage(`unexpected argument '${argv[i]}'`);
  }
  if (args.gold === null) usage('a gold file is required');
  if (args.types.length === 0) usage('--types needs at least one type');
  return args;
}

function loadGold(file) {
  let gold;
  try {
    gold = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error.message}`);
    process.exit(2);
  }
  if (gold.schema !== 'dramatis.gold/1' || !Array.isArray(gold.documents)) {
    console.error(`${file}: not a dramatis.gold/1 file`);
    process.exit(2);
  }
  const base = path.dirname(file);
  return gold.documents.map((doc, i) => {
    const bytes = typeof doc.text === 'string'
      ? Buffer.from(doc.text, 'utf8')
      : fs.readFileSync(path.isAbsolute(doc.path) ? doc.path : path.join(base, doc.path));
    return { id: doc.id || `d${i}`, bytes, entities: doc.entities || [] };
  });
}

// Decodes UTF-8 bytes into a JS string and `offsets`: offsets[k] is the byte offset of UTF-16
// unit k (offsets[text.length] = bytes.length). An invalid byte becomes U+FFFD standing for
// exactly that byte, so offsets never shift.
function decode(bytes) {
  let text = '';
  const offsets = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length = 0;
    let cp = 0;
    if (b < 0x80) [length, cp] = [1, b];
    else if (b >= 0xc2 && b < 0xe0) [length, cp] = [2, b & 0x1f];
    else if (b >= 0xe0 && b < 0xf0) [length, cp] = [3, b & 0x0f];
    else if (b >= 0xf0 && b < 0xf5) [length, cp] = [4, b & 0x07];
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; ++k) {
      if ((bytes[i + k] & 0xc0) !== 0x80) valid = false;
      else cp = (cp << 6) | (bytes[i + k] & 0x3f);
    }
    if (valid && ((length === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) ||
                  (length === 4 && (cp < 0x10000 || cp > 0x10ffff)))) valid = false;
    if (!valid) [length, cp] = [1, 0xfffd];
    const s = String.fromCodePoint(cp);
    for (let k = 0; k < s.length; ++k) offsets.push(i);
    text += s;
    i += length;
  }
  offsets.push(bytes.length);
  return { text, offsets };
}

// --- the libraries ---------------------------------------------------------------------------

// Trims whitespace, quotes and brackets, a possessive, and a sentence's full stop (but not the
// last dot of "U.S." or "D.C.") from a UTF-16 span [start, end).
function trimSpan(text, start, end) {
  const edge = /[\s"'“”‘’()\[\],;:!?]/;
  let changed = true;
  while (changed && start < end) {
    changed = false;
    while (start < end && edge.test(text[start])) [start, changed] = [start + 1, true];
    while (end > start && edge.test(text[end - 1])) [end, changed] = [end - 1, true];
    const tail = text.slice(start, end);
    if (/['’]s$/.test(tail)) [end, changed] = [end - 2, true];
    else if (/\.$/.test(tail) && !/\.\S*\.$/.test(tail) && !/(^|\s)\S\.$/.test(tail)) {
      [end, changed] = [end - 1, true];
    }
  }
  return [start, end];
}

const compromiseTypes = [['people', 'PERSON'], ['organizations', 'ORG'], ['places', 'LOCATION']];

function compromiseEntities(text) {
  const doc = nlp(text);
  const found = [];
  for (const [method, type] of compromiseTypes) {
    for (const item of doc[method]().json({ offset: true })) {
      found.push({ start: item.offset.start, end: item.offset.start + item.offset.length, type });
    }
  }
  return found;
}

const wink = winkNLP(model);
const its = wink.its;
// The lite web model's named entities are numeric and temporal (DATE, TIME, MONEY, CARDINAL, ...):
// it has no person, organisation or place recogniser, so only these map to the project's types.
const winkTypes = { DATE: 'DATE', MONEY: 'MONEY' };

function winkEntities(text) {
  const doc = wink.readDoc(text);
  // Token offsets: each token is looked for from the end of the one before (wink keeps tokens
  // as written, but not always the text's trailing whitespace).
  const values = doc.tokens().out();
  const starts = [];
  let at = 0;
  for (const value of values) {
    const where = text.indexOf(value, at);
    if (where < 0) throw new Error(`wink-nlp token ${JSON.stringify(value)} not found in the text`);
    starts.push(where);
    at = where + value.length;
  }
  const found = [];
  doc.entities().each((e) => {
    const type = winkTypes[e.out(its.type)];
    if (!type) return;
    const [first, last] = e.out(its.span);
    found.push({ start: starts[first], end: starts[last] + values[last].length, type });
  });
  return found;
}

// --- scoring, as in src/core/eval/scorer.cpp -------------------------------------------------

function ratio(n, d) {
  return d === 0 ? null : n / d;
}

function prf(counts) {
  return {
    ...counts,
    precision: ratio(counts.correct, counts.predicted),
    recall: ratio(counts.correct, counts.gold),
    f1: ratio(2 * counts.correct, counts.gold + counts.predicted),
  };
}

function score(documents, extract, selected, spansOut = []) {
  const byType = new Map(selected.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }]));
  const counts = (t) => {
    if (!byType.has(t)) byType.set(t, { gold: 0, predicted: 0, correct: 0 });
    return byType.get(t);
  };
  documents.forEach((doc, d) => {
    const { text, offsets } = decode(doc.bytes);
    const gold = new Set(doc.entities.map((e) => `${d}:${e.start}:${e.end}:${e.type}`));
    const predicted = new Set();
    for (const e of extract(text)) {
      const [start, end] = trimSpan(text, e.start, e.end);
      if (start < end) {
        const key = `${d}:${offsets[start]}:${offsets[end]}:${e.type}`;
        if (!predicted.has(key)) spansOut.push({ doc: d, start: offsets[start], end: offsets[end], type: e.type });
        predicted.add(key);
      }
    }
    for (const key of gold) {
      const c = counts(key.split(':')[3]);
      ++c.gold;
      if (predicted.has(key)) ++c.correct;
    }
    for (const key of predicted) ++counts(key.split(':')[3]).predicted;
  });
  const sum = (types) => {
    const total = { gold: 0, predicted: 0, correct: 0 };
    for (const t of types) {
      const c = byType.get(t);
      total.gold += c.gold;
      total.predicted += c.predicted;
      total.correct += c.correct;
    }
    return prf(total);
  };
  const order = ['PERSON', 'ORG', 'PRODUCT', 'LOCATION', 'EVENT', 'DATE', 'MONEY', 'QUANTITY'];
  const types = [...byType.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    rows: types.map((t) => [t, prf(byType.get(t))]),
    micro: sum(selected.filter((t) => byType.has(t))),
    microAll: sum(types),
  };
}

// A "dramatis.analysis/1" with one entity per predicted mention (no alias merging).
function analysisJson(documents, spans) {
  return {
    schema: 'dramatis.analysis/1',
    documents: documents.map((doc) => ({ id: doc.id, path: doc.id, title: '', date: '',
                                         bytes: doc.bytes.length })),
    entities: spans.map((s, i) => ({
      id: `e${i}`, name: documents[s.doc].bytes.subarray(s.start, s.end).toString('utf8'),
      type: s.type, aliases: [], mentions: [{ doc: documents[s.doc].id, start: s.start, end: s.end }],
      merges: [],
    })),
    quotes: [], dates: [], events: [], relations: [], conflicts: [],
  };
}

// --- output ----------------------------------------------------------------------------------

const fixed = (x) => (x === null ? '-' : x.toFixed(3));

function main() {
  const args = parseArgs(process.argv.slice(2));
  const documents = loadGold(args.gold);
  const tools = [
    ['compromise', compromiseEntities],
    ['wink-nlp', winkEntities],
  ];
  const versions = Object.fromEntries(['compromise', 'wink-nlp', 'wink-eng-lite-web-model'].map(
    (name) => [name, JSON.parse(fs.readFileSync(
      new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version]));
  console.log(`Gold: ${path.basename(args.gold)}, ${documents.length} documents. ` +
              `compromise ${versions.compromise}; wink-nlp ${versions['wink-nlp']} with ` +
              `wink-eng-lite-web-model ${versions['wink-eng-lite-web-model']}.`);
  console.log('Entities: exact UTF-8 byte span and type.\n');
  console.log('| tool | type | gold | predicted | correct | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, extract] of tools) {
    const spans = [];
    const result = score(documents, extract, args.types, spans);
    if (args.writeAnalysis) {
      fs.mkdirSync(args.writeAnalysis, { recursive: true });
      fs.writeFileSync(path.join(args.writeAnalysis, `${name}.analysis.json`),
                       JSON.stringify(analysisJson(documents, spans)) + '\n');
    }
    const line = (label, r) => console.log(
      `| ${name} | ${label} | ${r.gold} | ${r.predicted} | ${r.correct} | ` +
      `${fixed(r.precision)} | ${fixed(r.recall)} | ${fixed(r.f1)} |`);
    for (const [type, r] of result.rows) line(type, r);
    line(`**micro ${args.types.join(',')}**`, result.micro);
    line('micro all types', result.microAll);
  }
}

main();
