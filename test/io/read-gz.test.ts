// Gzipped pages ("page.html.gz", "page.txt.gz") are read as what they hold; broken ones and decompression bombs are skipped.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { readInputs, type Input } from '../../src/io/read.js';
import { mineInProcess, SAMPLES, tempDir } from '../helpers.js';

const SAMPLE = fs.readFileSync(path.join(SAMPLES, '001-lavrov-wang-yi-phone-call.txt'), 'utf8');
const HTML = '<!doctype html><html><head><title>Council approves park budget</title></head><body><article>'
  + '<h1>Council approves park budget</h1>'
  + '<p>The council voted on Tuesday to spend more on the parks of the city, after a long debate in the old town hall.</p>'
  + '<p>Members said the money would pay for new trees, benches and paths in the three largest parks of the city.</p>'
  + '</article></body></html>';

async function read(args: string[], maxBytes = 1 << 30): Promise<Input[]> {
  const inputs: Input[] = [];
  for await (const input of readInputs(args, { maxBytes })) inputs.push(input);
  return inputs;
}

function folderOfGzippedPages(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'dump.txt.gz'), zlib.gzipSync(SAMPLE));
  fs.writeFileSync(path.join(dir, 'page.html.gz'), zlib.gzipSync(HTML));
  return dir;
}

test('a folder of gzipped pages is read, each in the format its inner extension names', async () => {
  const inputs = await read([folderOfGzippedPages()]);
  const pages = inputs.flatMap((i) => (i.kind === 'page' ? [i.page] : []));
  assert.deepEqual(pages.map((p) => [path.basename(p.file), p.format]), [['dump.txt.gz', 'text'], ['page.html.gz', 'html']]);
  assert.equal(pages[0]!.content, SAMPLE);
});

test('mine extract reads gzipped pages like plain ones and exits 0', () => {
  const dir = folderOfGzippedPages();
  const result = mineInProcess(['extract', '--json', dir]);
  assert.equal(result.status, 0, result.stderr);
  const articles = JSON.parse(result.stdout) as Array<{ file: string; title: string; words: number }>;
  assert.deepEqual(articles.map((a) => a.title), ['Russia, China foreign ministers discuss UN agenda and SCO cooperation by phone', 'Council approves park budget']);
  assert.ok(articles.every((a) => a.words > 20));
});

test('a file that is not gzip is skipped with a one-line message naming it, and the run goes on', () => {
  const dir = folderOfGzippedPages();
  fs.writeFileSync(path.join(dir, 'broken.txt.gz'), 'plain text, not gzip');
  fs.writeFileSync(path.join(dir, 'cut.html.gz'), zlib.gzipSync(HTML).subarray(0, 40));
  const result = mineInProcess(['extract', '--json', dir]);
  assert.equal(result.status, 1);
  assert.equal(JSON.parse(result.stdout).length, 2);
  const messages = result.stderr.split('\n').filter((l) => l.includes('not valid gzip'));
  assert.equal(messages.length, 2);
  assert.ok(messages[0]!.includes('broken.txt.gz') && messages[1]!.includes('cut.html.gz'));
});

test('a small file that unpacks past the size limit is skipped as too large', async () => {
  const dir = tempDir();
  const bomb = path.join(dir, 'bomb.txt.gz');
  fs.writeFileSync(bomb, zlib.gzipSync(Buffer.alloc(4 << 20, 'word ')));
  assert.ok(fs.statSync(bomb).size < 64 << 10);
  const [input] = await read([bomb], 1 << 20);
  assert.equal(input?.kind, 'skip');
  if (input?.kind === 'skip') assert.equal(input.error.reason, 'too large');
});
