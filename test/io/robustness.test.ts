// Bad input at the reading layer: encodings, binary and empty files, odd paths, broken records, and fuzzed text
// through the pure stages. Inputs are generated into temp folders; nothing large is committed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { InputError } from '../../src/errors.js';
import { extractArticles } from '../../src/extract/index.js';
import { decodeBytes } from '../../src/io/decode.js';
import { readInputs, type Input } from '../../src/io/read.js';
import { toRecord } from '../../src/io/records.js';
import { findEntities } from '../../src/ner/index.js';
import { processPage } from '../../src/pipeline.js';
import { hasEntities, type Article, type Page } from '../../src/types.js';
import { FIXTURES, mulberry32, SAMPLES, tempDir } from '../helpers.js';

const TEMP = tempDir();
/** A fresh folder per case, inside one temp folder removed at exit. */
const freshDir = () => fs.mkdtempSync(path.join(TEMP, 'case-'));


const SAMPLE = fs.readFileSync(path.join(SAMPLES, '001-lavrov-wang-yi-phone-call.txt'), 'utf8');
const read = async (args: string[], stdin?: NodeJS.ReadableStream): Promise<Input[]> => {
  const inputs: Input[] = [];
  for await (const input of readInputs(args, { maxBytes: 1 << 30, stdin })) inputs.push(input);
  return inputs;
};
const skips = (inputs: Input[]) => inputs.flatMap((i) => (i.kind === 'skip' ? [i.error] : []));
const pages = (inputs: Input[]) => inputs.flatMap((i) => (i.kind === 'page' ? [i.page] : []));
const entityNames = (page: Page) => processPage(page, { stage: 'ner' }).flatMap((r) => (hasEntities(r) ? r.entities.map((e) => e.name) : []));

test('UTF-8 with and without BOM, UTF-16 LE and BE with BOM all decode to the same text and entities', async () => {
  const dir = freshDir();
  const utf16be = Buffer.from(SAMPLE, 'utf16le').swap16();
  const encodings: Record<string, Buffer> = {
    'utf8.txt': Buffer.from(SAMPLE),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]),
    'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]),
    'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
  };
  for (const [name, bytes] of Object.entries(encodings)) fs.writeFileSync(path.join(dir, name), bytes);
  const found = pages(await read([dir]));
  assert.equal(found.length, 4);
  for (const page of found) {
    assert.equal(page.content, SAMPLE, page.file);
    assert.ok(entityNames(page).includes('Russia'), page.file);
  }
});

test('invalid UTF-8 bytes are replaced, and the rest of the page still yields its entities', () => {
  const at = SAMPLE.indexOf('Russian Foreign Minister');
  const broken = Buffer.concat([Buffer.from(SAMPLE.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from(SAMPLE.slice(at))]);
  const decoded = decodeBytes(broken, 'broken.txt');
  assert.equal(decoded.repaired, true);
  assert.match(decoded.text, /\uFFFD/);
  assert.ok(entityNames({ file: 'broken.txt', content: decoded.text, format: 'text' }).includes('Russia'));
});

test('binary files (random bytes with NULs, PNG, gzip, PDF with NULs) are refused as binary, naming the file', () => {
  const random = mulberry32(7);
  const noise = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
  noise[100] = 0;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  const gzip = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c]);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 20 >>\nstream\n'), Buffer.from([0x78, 0x9c, 0, 0, 0xff, 0x10])]);
  for (const [name, bytes] of [['noise.txt', noise], ['image.txt', png], ['archive.txt', gzip], ['doc.txt', pdf]] as const) {
    assert.throws(() => decodeBytes(bytes, `dir/${name}`), (e: unknown) => e instanceof InputError && e.reason === 'binary' && e.message.startsWith(`dir/${name}: `), name);
  }
});

test('CRLF and lone CR line endings give the same extraction as LF, for every sample and HTML fixture', () => {
  const inputs = [
    ...fs.readdirSync(SAMPLES).map((f) => ({ file: path.join(SAMPLES, f), format: 'text' as const })),
    ...fs.readdirSync(path.join(FIXTURES, 'html')).map((f) => ({ file: path.join(FIXTURES, 'html', f), format: 'html' as const })),
  ];
  const extracted = (content: string, format: Page['format']) => extractArticles({ file: 'x', content, format }).map(({ id: _id, ...rest }) => rest);
  for (const { file, format } of inputs) {
    const lf = fs.readFileSync(file, 'utf8');
    const expected = extracted(lf, format);
    assert.deepEqual(extracted(lf.replace(/\n/g, '\r\n'), format), expected, `${file} (CRLF)`);
    assert.deepEqual(extracted(lf.replace(/\n/g, '\r'), format), expected, `${file} (CR)`);
  }
});

test('empty and whitespace-only files and a missing path are skipped with a reason naming them', async () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'blank.txt'), ' \r\n\t\n\u00a0\n');
  const missing = path.join(dir, 'no', 'such.txt');
  const errors = skips(await read([dir, missing]));
  assert.deepEqual(errors.map((e) => [path.basename(e.file), e.reason]), [['blank.txt', 'empty'], ['empty.txt', 'empty'], ['such.txt', 'missing']]);
  for (const e of errors) assert.ok(e.message.startsWith(`${e.file}: `), e.message);
});

test('an unreadable file is skipped as unreadable', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, async () => {
  const dir = freshDir();
  const file = path.join(dir, 'locked.txt');
  fs.writeFileSync(file, SAMPLE);
  fs.chmodSync(file, 0o000);
  const errors = skips(await read([dir]));
  assert.deepEqual(errors.map((e) => [e.file, e.reason]), [[file, 'unreadable']]);
  assert.match(errors[0]!.message, /permission denied/);
});

test('a file over the size limit is skipped as too large, and reading leaves no file open, read or skipped', { skip: fs.existsSync('/proc/self/fd') ? false : 'no /proc/self/fd here' }, async () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'big.txt'), SAMPLE);
  fs.writeFileSync(path.join(dir, 'small.txt'), 'A short page.\n');
  const openFiles = () => fs.readdirSync('/proc/self/fd').length;
  const before = openFiles();
  const inputs: Input[] = [];
  for await (const input of readInputs([dir], { maxBytes: 100 })) inputs.push(input);
  assert.equal(openFiles(), before);
  assert.deepEqual(skips(inputs).map((e) => [path.basename(e.file), e.reason]), [['big.txt', 'too large']]);
  assert.deepEqual(pages(inputs).map((p) => path.basename(p.file)), ['small.txt']);
});

test('a folder with a symlink loop, a link cycle and a dangling link finishes, reading each page once', { timeout: 60000 }, async () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'page.txt'), SAMPLE);
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  fs.symlinkSync('..', path.join(dir, 'sub', 'parent'));
  fs.symlinkSync('b.txt', path.join(dir, 'a.txt'));
  fs.symlinkSync('a.txt', path.join(dir, 'b.txt'));
  fs.symlinkSync('nowhere.txt', path.join(dir, 'dangling.txt'));
  const inputs = await read([dir]);
  assert.deepEqual(pages(inputs).map((p) => path.relative(dir, p.file)), ['page.txt']);
  assert.deepEqual(skips(inputs).map((e) => [path.basename(e.file), e.reason]), [['a.txt', 'unreadable'], ['b.txt', 'unreadable'], ['dangling.txt', 'unreadable']]);
});

test('a tree 60 folders deep is walked to the bottom', async () => {
  const root = freshDir();
  const deep = path.join(root, ...Array.from({ length: 60 }, (_, i) => `d${i}`));
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, 'deep.txt'), SAMPLE);
  fs.writeFileSync(path.join(root, 'top.txt'), SAMPLE);
  assert.deepEqual(pages(await read([root])).map((p) => path.basename(p.file)), ['deep.txt', 'top.txt']);
});

test('an NDJSON file with bad lines names each bad line number and keeps the other records', async () => {
  const dir = freshDir();
  const file = path.join(dir, 'articles.ndjson');
  fs.writeFileSync(file, '{"file":"a.txt","text":"Russia and China met."}\r\n{"file": broken\n\n[1, 2]\n{"file":"b.txt","text":"Lavrov spoke."}\n');
  const inputs = await read([file]);
  assert.deepEqual(inputs.map((i) => (i.kind === 'record' ? i.file : i.kind === 'skip' ? i.error.message : i.kind)), [
    'a.txt',
    `${file}: line 2: not valid JSON`,
    `${file}: line 4: not a JSON object`,
    'b.txt',
  ]);
});

test('NDJSON on stdin, with a BOM, CRLF and a bad line split across chunks, names the line and goes on', async () => {
  const lines = '\ufeff{"file":"a.txt","text":"Russia and China met."}\r\nnot json\r\n{"file":"b.txt","text":"Lavrov spoke."}\r\n';
  const bytes = Buffer.from(lines);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  const inputs = await read(['-'], Readable.from(chunks));
  assert.deepEqual(inputs.map((i) => (i.kind === 'record' ? i.file : i.kind === 'skip' ? i.error.message : i.kind)), ['a.txt', '-: line 2: not valid JSON', 'b.txt']);
});

test('records with malformed entities or dates are made safe for the aggregate commands', () => {
  const record = toRecord({
    file: 'a.txt',
    text: 'Russia and China met.',
    published: '2023-99-99T99:99',
    entities: [
      { name: 'Russia', type: 'country', mentions: [{ start: 0, end: 6 }, { start: 'x' }, null], count: 'many' },
      { name: 'Nowhere', type: 'planet', mentions: [] },
      { name: 'China', type: 'country', mentions: 'none' },
      'Beijing',
    ],
  });
  assert.equal(record.published, null);
  assert.ok(hasEntities(record));
  assert.deepEqual(record.entities, [{ name: 'Russia', type: 'country', count: 1, aliases: ['Russia'], mentions: [{ start: 0, end: 6, kind: 'name' }] }]);
  for (const published of ['2024-06-10', '2023-10-27T21:37:00', '2024-07-04T16:45:00+05:00', '2024', '2024-07']) {
    assert.equal(toRecord({ text: 'x', published }).published, published);
  }
});

/** Random text mixing real page lines, names the recognisers know, adversarial runs, odd code points and line endings. */
function randomText(random: () => number, sampleLines: string[]): string {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const pieces = [
    () => pick(sampleLines),
    () => pick(['Russia', 'Sergey Lavrov', 'United Nations', 'Moscow said', 'By ', 'Read more: ', 'Source: Agencies', '27 Oct 2023 21:37', '  • ', '<p>', '</div>', '<html>', '&amp;', '"', "'s"]),
    () => pick(['(', ')', '[', '.', ',', '-', '—', ':', '2023-02-02 ', 'a ', 'MINISTRY OF FOREIGN AFFAIRS ']).repeat(1 + Math.floor(random() * 300)),
    () => String.fromCodePoint(...Array.from({ length: 1 + Math.floor(random() * 20) }, () => pick([0x20, 0x41, 0xe9, 0x301, 0x430, 0x5d0, 0x627, 0x4e2d, 0x200b, 0x200f, 0xfeff, 0xfffd, 0x1f600, 0x7, 0x0]) + Math.floor(random() * 16))),
    () => pick(['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\t', ' ']),
  ];
  let text = '';
  const n = Math.floor(random() * 60);
  for (let i = 0; i < n; i++) text += pick(pieces)() + (random() < 0.5 ? ' ' : pick(['\n', '\r\n', '\r']));
  return text;
}

test('fuzz: extraction and entity finding never throw, and every mention points inside its text', { timeout: 120000 }, () => {
  const random = mulberry32(2024);
  const sampleLines = fs.readdirSync(SAMPLES).flatMap((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8').split('\n'));
  for (let i = 0; i < 300; i++) {
    const content = randomText(random, sampleLines);
    const format: Page['format'] = random() < 0.3 ? 'html' : 'text';
    const articles = extractArticles({ file: `fuzz-${i}`, content, format }, { allArticles: random() < 0.3, raw: random() < 0.2 });
    assert.ok(articles.length >= 1, `case ${i}`);
    const article: Article = { ...articles[0]!, title: random() < 0.5 ? randomText(random, sampleLines).slice(0, 200) : articles[0]!.title, text: randomText(random, sampleLines) };
    for (const entity of findEntities(article, { tagger: random() < 0.5, metonymy: random() < 0.5 })) {
      for (const m of entity.mentions) {
        const length = m.field === 'title' ? article.title!.length : article.text.length;
        assert.ok(m.start >= 0 && m.start < m.end && m.end <= length, `case ${i}: ${entity.name} at ${m.start}-${m.end} of ${length}`);
      }
    }
  }
});

test('fuzz: random bytes decode to text or are refused with an InputError, never another error', () => {
  const random = mulberry32(99);
  for (let i = 0; i < 500; i++) {
    const bytes = new Uint8Array(Math.floor(random() * 300)).map(() => (random() < 0.7 ? 0x20 + Math.floor(random() * 95) : Math.floor(random() * 256)));
    try {
      assert.equal(typeof decodeBytes(bytes, 'fuzz').text, 'string');
    } catch (error) {
      assert.ok(error instanceof InputError, `case ${i}: ${error}`);
    }
  }
});
