// Writes the hostile input catalogue's files (docs/security.md, "Hostile input catalogue"):
//   node make_inputs.mjs OUT_DIR
// Deterministic: the same bytes on every run (no randomness, no clock), so a failure reproduces.
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node make_inputs.mjs OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const write = (name, bytes) => fs.writeFileSync(path.join(out, name), bytes);

const first = ['Anna', 'Boris', 'Chen', 'Dana', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Julia'];
const last = ['Keller', 'Novak', 'Sato', 'Lindqvist', 'Okafor', 'Moreau', 'Rossi', 'Haddad'];
const orgs = ['Acme Corp', 'Northwind Ltd', 'Globex Inc', 'Initech', 'Vandelay Industries'];
const months = ['January', 'March', 'May', 'July', 'September', 'November'];
// Sentence number i: names, an organisation, a date and a quote, every line different, so no
// line is repeated boilerplate and the whole engine runs on all of it.
function sentence(i) {
  const who = first[i % first.length] + ' ' + last[(i >> 2) % last.length];
  const org = orgs[(i >> 1) % orgs.length];
  return `Item ${i}: ${who} joined ${org} on ${1 + (i % 28)} ${months[i % months.length]} ` +
    `${2000 + (i % 25)}. "We expect ${i % 97} new products," ${who.split(' ')[1]} said.\n`;
}

// 1. A 100 MB document (news-like lines).
{
  const fd = fs.openSync(path.join(out, 'huge.txt'), 'w');
  const target = 100 * 1024 * 1024;
  let size = 0;
  let i = 0;
  while (size < target) {
    const lines = [];
    for (let k = 0; k < 2000; ++k) lines.push(sentence(i++));
    const chunk = Buffer.from(lines.join(''));
    fs.writeSync(fd, chunk);
    size += chunk.length;
  }
  fs.closeSync(fd);
}

// 2. 100,000 tiny documents, and 5 more: the last five are past the document count limit.
{
  const dir = path.join(out, 'tiny');
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 100005; ++i)
    fs.writeFileSync(path.join(dir, 'n' + String(i).padStart(6, '0') + '.txt'), 'Note ' + i + '\n\n' + sentence(i));
}

// 3. A single 5 MB line (no line break at all).
{
  const parts = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; ++i) {
    const s = sentence(i).replace('\n', ' ');
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  write('one_line.txt', parts.join(''));
}

// 4. Deeply nested and unbalanced quotes, in every style the engine reads.
{
  const open = '\u201C', close = '\u201D';
  let text = 'Anna Keller said: ' + open.repeat(20000) + 'deep' + close.repeat(20000) + '\n';
  text += 'Boris Novak said "' + '"'.repeat(50000) + '\n';
  text += '\u2018\u201C\'"'.repeat(30000) + '\n';
  text += 'He said "open '.repeat(30000) + '\n';
  text += '> ' + '\u00AB'.repeat(10000) + ' Emil Sato said\n';
  write('quotes.txt', text);
}

// 5. Every kind of invalid UTF-8 among valid text; the first bad byte is at a known offset.
{
  const good = (i) => Buffer.from(sentence(i).replace('\n', ' '));
  const bad = [
    [0x80],                    // a lone continuation byte
    [0xBF, 0x80],              // two of them
    [0xC3],                    // a two-byte sequence cut short (followed by ASCII)
    [0xC0, 0xAF],              // overlong '/'
    [0xE0, 0x80, 0xAF],        // overlong, three bytes
    [0xF0, 0x80, 0x80, 0xAF],  // overlong, four bytes
    [0xED, 0xA0, 0x80],        // a UTF-16 surrogate (U+D800)
    [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
    [0xF5, 0x80, 0x80, 0x80],  // a lead byte that cannot occur
    [0xFE],
    [0xFF],
    [0xE2, 0x82],              // a three-byte sequence cut short
    [0xF0, 0x9F, 0x98],        // a four-byte sequence cut short
  ];
  // A title line first: the engine reads a document's first line as its headline.
  const title = Buffer.from('Invalid bytes of every kind\n\n');
  const parts = [title, good(0)];
  bad.forEach((b, i) => parts.push(Buffer.from(b), good(i + 1)));
  parts.push(Buffer.from([0xF0, 0x9F]));  // cut short at the very end of the file
  write('invalid_utf8.txt', Buffer.concat(parts));
  write('invalid_utf8.first', String(title.length + good(0).length));
}

// 6. NUL bytes, beside a good file.
write('nul.txt', Buffer.concat([Buffer.from('Some text before'), Buffer.from([0]), Buffer.from('after')]));
write('good.txt', 'Anna Keller met Boris Novak.\n');

// 7. A manifest pointing outside its folder, directly and through a link.
{
  const dir = path.join(out, 'escape', 'corpus');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(out, 'escape', 'secret.txt'), 'TOPSECRET the user\'s own file\n');
  fs.writeFileSync(path.join(dir, 'good.txt'), 'Anna Keller met Boris Novak.\n');
  fs.symlinkSync('../secret.txt', path.join(dir, 'link.txt'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    schema: 'dramatis.corpus/1', name: 'escape',
    documents: [{ file: 'good.txt' }, { file: '../secret.txt' }, { file: '/etc/passwd' },
      { file: 'sub/../../secret.txt' }, { file: 'link.txt' }],
  }));
}

// 8. Symbolic link loops: a folder linking to itself, two files linking to each other.
{
  const dir = path.join(out, 'loops');
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync('.', path.join(dir, 'self'));
  fs.symlinkSync('..', path.join(dir, 'parent'));
  fs.symlinkSync('b.txt', path.join(dir, 'a.txt'));
  fs.symlinkSync('a.txt', path.join(dir, 'b.txt'));
  fs.writeFileSync(path.join(dir, 'real.txt'), 'Anna Keller met Boris Novak.\n');
}

// 9. View fragments: 1 MB, just past the limit (it still fits a command line), out-of-range ids.
{
  write('fragment_1mb.txt', 'v=1&s=e:' + 'e'.repeat(1024 * 1024));
  write('fragment_long.txt', 'v=1&rn=' + Array.from({ length: 10000 }, (_, i) => 'e' + i + ':x').join(','));
  write('fragment_ids.txt', 'v=1&s=e:e99999&r=d999:5000000&d=d42,d0&qs=e77777&qd=d55&h=e123456&p=e88888:1:2');
}

// 10. Saved edits made on another corpus (an edits file the user copied in, or renamed).
write('other_edits.json', JSON.stringify({
  schema: 'dramatis.edits/1', corpus: '00000000deadbeef', extractor: '1', merges: [],
  splits: [], renames: { e1: 'THEIRS' }, hidden: [], pins: {}, notes: { e1: 'their note' },
}));
