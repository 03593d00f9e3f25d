// mine kwic end to end on the samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mine } from '../helpers.js';

interface Hit { match: string; left: string; right: string; entity?: string; published: string | null }

test('kwic Lavrov: every mention of Sergey Lavrov that ner counts, short forms included', () => {
  const records = JSON.parse(mine(['ner', '--json', 'samples']).stdout) as Array<{ entities: Array<{ name: string; count: number }> }>;
  const mentions = records.flatMap((r) => r.entities).filter((e) => e.name === 'Sergey Lavrov').reduce((n, e) => n + e.count, 0);
  const r = mine(['kwic', 'Lavrov', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const hits = JSON.parse(r.stdout) as Hit[];
  assert.equal(hits.length, mentions);
  assert.ok(hits.every((h) => h.entity === 'Sergey Lavrov'));
  assert.ok(hits.some((h) => h.match === 'Lavrov'), 'the bare surname is among them');
});

test('kwic table lines up the matches in one column; --csv and --width work', () => {
  const r = mine(['kwic', 'BRICS', '--width', '30', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length > 3);
  const columns = lines.map((l) => l.indexOf('BRICS', 12));
  assert.ok(columns.every((c) => c === columns[0]), `match column differs: ${columns.join(',')}`);
  const csv = mine(['kwic', 'BRICS', '--csv', 'samples']).stdout.split('\n');
  assert.equal(csv[0], 'date,left,match,right,title,file');
  assert.equal(csv.filter(Boolean).length, lines.length + 1);
});

test('kwic of a word no entity answers to, and a missing term is a usage error', () => {
  const hits = JSON.parse(mine(['kwic', 'ministers', '--json', 'samples']).stdout) as Hit[];
  assert.ok(hits.length > 0 && hits.every((h) => h.match.toLowerCase() === 'ministers' && h.entity === undefined));
  assert.equal(mine(['kwic']).status, 2);
});
