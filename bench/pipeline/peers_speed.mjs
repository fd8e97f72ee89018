// Throughput of the peer libraries on the same text as pipeline_bench: entity extraction with
// compromise and wink-nlp over FILE... concatenated (as separate documents) until --mb MB.
// Prints one JSON line per peer. Uses bench/quality's pinned packages (run `npm ci` there).
//   node bench/pipeline/peers_speed.mjs [--mb 4] FILE...
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'quality', 'package.json'));
const nlp = require('compromise');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const args = process.argv.slice(2);
let mb = 4;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--mb') mb = Number(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: peers_speed.mjs [--mb N] FILE...');
  process.exit(1);
}
const sources = files.map((f) => readFileSync(f, 'utf8'));
const documents = [];
let bytes = 0;
while (bytes < mb * 1024 * 1024) {
  for (const text of sources) {
    documents.push(text);
    bytes += Buffer.byteLength(text);
    if (bytes >= mb * 1024 * 1024) break;
  }
}

function measure(name, run) {
  const start = process.hrtime.bigint();
  let found = 0;
  for (const text of documents) found += run(text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ peer: name, bytes, documents: documents.length, seconds: +seconds.toFixed(3),
    mb_per_s: +(bytes / (1024 * 1024) / seconds).toFixed(2), entities: found }));
}

measure('compromise 14.17.0', (text) => {
  const doc = nlp(text);
  return doc.people().length + doc.organizations().length + doc.places().length;
});
const wink = winkNLP(model);
measure('wink-nlp 2.4.0 (lite model)', (text) => wink.readDoc(text).entities().length());
