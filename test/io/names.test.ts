// Hostile names: file names that are not UTF-8 are found and read; control characters in any name reach the
// terminal escaped; `file` and `id` of input records are data, kept as they are and never used as paths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fsPath, nameFromBytes } from '../../src/io/find.js';
import { escapeForTerminal } from '../../src/render/escape.js';
import { mine, SAMPLES, tempDir } from '../helpers.js';

const page = (name: string) => fs.readFileSync(path.join(SAMPLES, name));
const [first, second] = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));

test('a name read as bytes gives the same bytes back, UTF-8 or not', () => {
  for (const bytes of [Buffer.from('caf\xe9.txt', 'latin1'), Buffer.from('café 😀.txt'), Buffer.from([0x61, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc3]), Buffer.from('plain.txt')]) {
    const name = nameFromBytes(bytes);
    const back = fsPath(name);
    assert.deepEqual(Buffer.isBuffer(back) ? back : Buffer.from(back), bytes);
  }
  assert.equal(nameFromBytes(Buffer.from('café 😀.txt')), 'café 😀.txt');
  assert.equal(fsPath('café 😀.txt'), 'café 😀.txt');
});

test('escaping shows control characters, bidi overrides and non-UTF-8 bytes, and leaves other text alone', () => {
  assert.equal(escapeForTerminal('x\u001b[31mRED\nline.txt'), 'x\\e[31mRED\\nline.txt');
  assert.equal(escapeForTerminal(nameFromBytes(Buffer.from('caf\xe9.txt', 'latin1'))), 'caf\\xe9.txt');
  assert.equal(escapeForTerminal('a\u202eb\u0007\u009b'), 'a\\u{202e}b\\x07\\x9b');
  assert.equal(escapeForTerminal('Zoë 😀 Москва'), 'Zoë 😀 Москва');
});

/** A folder holding a page under a non-UTF-8 name, one under a name with an escape sequence and a newline, and an empty one with a control character. */
function hostileFolder(): string {
  const dir = tempDir();
  fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), page(first!));
  fs.writeFileSync(path.join(dir, 'x\u001b[31mRED\nline.txt'), page(second!));
  fs.writeFileSync(path.join(dir, 'empty\u001b[2J.txt'), '');
  return dir;
}

test('pages under hostile names are read, and their names reach the terminal escaped', () => {
  const dir = hostileFolder();
  const json = mine(['extract', '--json', dir]);
  assert.equal(json.status, 1, json.stderr); // the empty page is skipped
  const files = (JSON.parse(json.stdout) as Array<{ file: string; words: number }>).map((r) => [r.file, r.words > 0]);
  assert.deepEqual(files, [
    [`${dir}/caf\udce9.txt`, true],
    [`${dir}/x\u001b[31mRED\nline.txt`, true],
  ]);
  assert.equal(json.stderr, `mine: ${dir}/empty\\e[2J.txt: empty file\nmine: 2 input(s) processed, 2 record(s); 1 skipped (1 empty)\n`);
  const table = mine(['extract', '--table', dir]);
  assert.match(table.stdout, /caf\\xe9\.txt/);
  assert.match(table.stdout, /x\\e\[31mRED line/);
  assert.doesNotMatch(table.stdout + table.stderr, /\u001b|\udce9/);
});

test('records keep hostile file and id as data: printed as given in JSON, escaped on the terminal, never used as paths', () => {
  const dir = tempDir();
  const hostile = ['../../../etc/passwd', '<script>alert(1)</script>', '', 'x\u001b[2J\ny'];
  const records = hostile.map((name, i) => JSON.stringify({ id: name, file: name, title: `Record ${i}`, text: `Officials met in Paris on Monday, record ${i}.` }));
  const input = path.join(dir, 'records.ndjson');
  fs.writeFileSync(input, records.join('\n') + '\n');
  const cache = path.join(dir, 'cache');
  const before = fs.readdirSync(dir).sort();
  const json = mine(['ner', '--json', '--cache', cache, input], { cwd: dir });
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout) as Array<{ id: string; file: string }>;
  assert.deepEqual(out.map((r) => r.id), hostile);
  assert.deepEqual(out.map((r) => r.file), hostile);
  assert.deepEqual(fs.readdirSync(dir).sort(), [...before, 'cache'].sort());
  const table = mine(['ner', '--table', '--cache', cache, input], { cwd: dir });
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /x\\e\[2J y/);
  assert.doesNotMatch(table.stdout, /\u001b/);
});
