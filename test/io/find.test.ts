// The folder walk: every page file once, sorted, with the path path.join gives it, whether taken one by one or in batches.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findInputBatches, findInputs, type Found } from '../../src/io/find.js';
import { tempDir } from '../helpers.js';

async function files(found: AsyncIterable<Found>): Promise<string[]> {
  const out: string[] = [];
  for await (const f of found) out.push('file' in f ? f.file : JSON.stringify(f));
  return out;
}

test('a walk of a big folder gives the same files one by one and in batches, sorted, with the paths path.join makes', async () => {
  const root = tempDir();
  const dir = path.join(root, 'pages');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const names = Array.from({ length: 1500 }, (_, i) => `page-${String(i).padStart(4, '0')}.txt`);
  for (const name of [...names].reverse()) fs.writeFileSync(path.join(dir, name), 'text');
  fs.writeFileSync(path.join(dir, 'sub', 'inner.html'), '<p>text</p>');
  fs.writeFileSync(path.join(dir, 'notes.pdf'), 'not read');
  fs.writeFileSync(path.join(dir, '.hidden.txt'), 'not read');
  const expected = [...names, 'sub/inner.html'].sort().map((name) => path.join(dir, name));
  const ignored: string[] = [];
  assert.deepEqual(await files(findInputs([dir], (file) => ignored.push(file))), expected);
  assert.deepEqual(ignored, [path.join(dir, 'notes.pdf')]);
  const batches: Found[][] = [];
  for await (const batch of findInputBatches([dir])) batches.push(batch);
  assert.ok(batches.length > 1);
  assert.deepEqual(await files((async function* () { for (const b of batches) yield* b; })()), expected);
  // However the folder is named, each file's path is path.join(folder, name).
  const cwd = process.cwd();
  process.chdir(root);
  try {
    for (const arg of ['pages', 'pages/', './pages//', 'pages/sub/..', path.join(root, 'pages') + '/']) {
      assert.deepEqual(await files(findInputs([arg])), [...names, 'sub/inner.html'].sort().map((name) => path.join(arg, name)), arg);
    }
    process.chdir(dir);
    assert.deepEqual((await files(findInputs(['.']))).slice(0, 2), [names[0], names[1]]);
    assert.deepEqual((await files(findInputs(['./']))).at(-1), path.join('sub', 'inner.html'));
  } finally {
    process.chdir(cwd);
  }
});
