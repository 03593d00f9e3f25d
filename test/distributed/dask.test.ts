// mine as the map step of Dask distributed (Debian's python3-distributed): partial counts per partition, merged with
// --merge, equal one run over all inputs byte for byte. Skipped, with a message, where Dask is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, FIXTURES, ROOT, SAMPLES, tempDir } from '../helpers.js';

/** A Python that imports Dask distributed: Debian's first (python3 on PATH may be another install). */
function daskPython(): string | undefined {
  return ['/usr/bin/python3', 'python3'].find((python) => spawnSync(python, ['-c', 'import dask.bag, distributed']).status === 0);
}

const python = daskPython();
const pages = [
  ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => path.join(SAMPLES, f)),
  ...fs.readdirSync(path.join(FIXTURES, 'html')).map((f) => path.join(FIXTURES, 'html', f)),
];

/** Per aggregate: the partial run on each partition's NDJSON, and the final run, also made over all pages at once. */
const AGGREGATES: Record<string, [string[], string[]]> = {
  entities: [['entities', '--partial'], ['entities', '--json']],
  'entities-table': [['entities', '--partial'], ['entities', '--type', 'person']],
  timeline: [['timeline', '--partial'], ['timeline', '--entity', 'Lavrov', '--entity', 'China', '--share', '--json']],
  'timeline-table': [['timeline', '--partial'], ['timeline', '--entity', 'Russia']],
  cooccur: [['cooccur', '--partial'], ['cooccur', '--min-docs', '1', '--json']],
  'cooccur-sentence': [['cooccur', '--partial', '--window', 'sentence'], ['cooccur', '--window', 'sentence']],
  sources: [['sources', '--partial'], ['sources', '--json']],
};

test('Dask map step: ner --ndjson and partial counts per partition, merged, equal one run byte for byte', { skip: python ? false : 'Dask is not installed (apt-get install python3-distributed)' }, () => {
  const out = tempDir();
  // The driver takes the merge step's arguments; --merge goes right after the command's name.
  const driverAggregates = Object.fromEntries(Object.entries(AGGREGATES).map(([name, [partial, [command, ...rest]]]) => [name, [partial, [command!, '--merge', ...rest]]]));
  const run = spawnSync(python!, [path.join(ROOT, 'test', 'distributed', 'mine_dask.py'), out, JSON.stringify(driverAggregates), ...pages], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // The single runs share a cache: the pages' entities are found once, by the first.
  const mine = cachedMine();
  for (const [name, [, final]] of Object.entries(AGGREGATES)) {
    const single = mine([...final, ...pages]);
    assert.equal(single.status, 0, single.stderr);
    assert.ok(single.stdout.length > 100, `${name}: a result to compare`);
    assert.equal(fs.readFileSync(path.join(out, `${name}.out`), 'utf8'), single.stdout, name);
  }
});
