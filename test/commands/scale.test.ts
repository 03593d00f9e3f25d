// Beyond one run: partial counts that merge into the whole, and a cache that gives back exactly the same output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, mine, mineInProcess, SAMPLES, tempDir } from '../helpers.js';

const pages = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLES, f));
/** For the runs over the pages that check counting, not the cache (its tests below have caches of their own). */
const cached = cachedMine();

test('entities --merge of partial runs equals one run over all inputs', () => {
  const dir = tempDir();
  const half = Math.ceil(pages.length / 2);
  const parts = [pages.slice(0, half), pages.slice(half)].map((part, i) => {
    const r = cached(['entities', '--json', ...part]);
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(dir, `part${i}.json`);
    fs.writeFileSync(file, r.stdout);
    return file;
  });
  const whole = cached(['entities', '--json', ...pages]);
  const merged = mineInProcess(['entities', '--json', '--merge', ...parts]);
  assert.equal(merged.status, 0, merged.stderr);
  assert.deepEqual(JSON.parse(merged.stdout), JSON.parse(whole.stdout));
  // Filters apply to merged counts as to fresh ones.
  const people = JSON.parse(mineInProcess(['entities', '--json', '--merge', '--type', 'person', '--top', '3', ...parts]).stdout) as Array<{ type: string }>;
  assert.equal(people.length, 3);
  assert.ok(people.every((p) => p.type === 'person'));
});

test('ner NDJSON is a map step: its per-document output counts the same as the pages themselves', () => {
  const ndjson = cached(['ner', '--ndjson', ...pages]);
  assert.equal(ndjson.status, 0, ndjson.stderr);
  const fromStdin = mineInProcess(['entities', '--json', '-'], { input: ndjson.stdout });
  assert.deepEqual(JSON.parse(fromStdin.stdout), JSON.parse(cached(['entities', '--json', ...pages]).stdout));
});

test('a second run from the cache prints exactly the same output, and cache stats/clear see it', () => {
  const cache = path.join(tempDir(), 'corpus.cache'); // a dot in the name once made LMDB take the folder for a file
  // Two workers, each with its own handle on the cache (a small run would otherwise stay in the main thread).
  const first = mine(['ner', '--json', '--jobs', '2', '--cache', cache, ...pages]);
  assert.equal(first.status, 0, first.stderr);
  const stats = mine(['cache', 'stats', '--cache', cache]);
  assert.equal(stats.status, 0, stats.stderr);
  assert.match(stats.stdout + stats.stderr, new RegExp(`\\b${pages.length}\\b`), 'one entry per page');
  const second = mine(['ner', '--json', '--jobs', '2', '--cache', cache, ...pages]);
  assert.equal(second.stdout, first.stdout);
  // Another configuration does not reuse these results.
  const metonymy = mine(['ner', '--json', '--metonymy', '--cache', cache, ...pages]);
  assert.deepEqual(JSON.parse(metonymy.stdout), JSON.parse(mineInProcess(['ner', '--json', '--metonymy', ...pages]).stdout));
  assert.equal(mine(['cache', 'clear', '--cache', cache]).status, 0);
  assert.doesNotMatch(mine(['cache', 'stats', '--cache', cache]).stdout, new RegExp(`\\b${pages.length * 2}\\b`));
});

test('a run over the same unchanged files is taken whole from the cache; a changed file is read again', () => {
  const dir = tempDir();
  const cache = path.join(tempDir(), 'cache');
  for (const page of pages) fs.copyFileSync(page, path.join(dir, path.basename(page)));
  const run = () => mine(['entities', '--json', '--cache', cache, dir]);
  const first = run();
  assert.equal(run().stdout, first.stdout, 'the recorded run gives the same output');
  const changed = path.join(dir, path.basename(pages[0]!));
  fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replaceAll('Lavrov', 'Lavrentyev'));
  const fresh = mineInProcess(['entities', '--json', dir]).stdout;
  assert.notEqual(fresh, first.stdout);
  assert.equal(run().stdout, fresh, 'the cached run sees the change');
  assert.equal(run().stdout, fresh);
});
