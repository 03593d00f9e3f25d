// mine kwic end to end on the samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedMine } from '../helpers.js';

/** The samples' entities are found once for the whole file. */
const mine = cachedMine();

interface Hit { file: string; id: string; match: string; left: string; right: string; start: number; end: number; entity?: string; type?: string; published: string | null; title: string | null }

test('kwic Lavrov: every mention of Sergey Lavrov that ner counts, short forms included', () => {
  const ner = mine(['ner', '--json', 'samples']).stdout;
  const records = JSON.parse(ner) as Array<{ entities: Array<{ name: string; count: number }> }>;
  const mentions = records.flatMap((r) => r.entities).filter((e) => e.name === 'Sergey Lavrov').reduce((n, e) => n + e.count, 0);
  assert.ok(mentions > 0);
  const r = mine(['kwic', 'Lavrov', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const hits = JSON.parse(r.stdout) as Hit[];
  assert.ok(hits.length >= mentions, `${hits.length} hits for ${mentions} mentions`);
  assert.ok(hits.every((h) => h.entity === 'Sergey Lavrov' && h.type === 'person' && h.end > h.start && h.id && h.file));
  assert.ok(hits.some((h) => h.match === 'Lavrov' && /^ said/.test(h.right)), 'the bare surname, as in "Lavrov said", is among them');
  assert.ok(hits.every((h) => [...h.left].length <= 40 && [...h.right].length <= 40 && ![h.left, h.right].some((c) => /\s\s|\n/.test(c))));
  assert.match(r.stderr, /mention\(s\) of Sergey Lavrov \(person\)/);
  // The term is not taken for a path: with no path the records come from stdin.
  const piped = mine(['kwic', 'Lavrov', '--json'], { input: ner });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal((JSON.parse(piped.stdout) as Hit[]).length, hits.length);
});

test('kwic table lines up the matches in one column; --csv and --width work', () => {
  const r = mine(['kwic', 'BRICS', '--width', '30', '--table', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length > 3);
  assert.ok(!/[┌│└]/.test(r.stdout), 'plain columns, no box');
  const columns = lines.map((l) => l.indexOf('BRICS', 12));
  assert.ok(columns.every((c) => c === 10 + 2 + 30 + 1), `match column differs: ${columns.join(',')}`);
  const csv = mine(['kwic', 'BRICS', '--csv', 'samples']).stdout.split('\n');
  assert.equal(csv[0], 'date,left,match,right,title,file');
  assert.equal(csv.filter(Boolean).length, lines.length + 1);
});

test('kwic --sort right orders by the words after the match; --since narrows to dated articles', () => {
  const sorted = JSON.parse(mine(['kwic', 'Lavrov', '--sort', 'right', '--json', 'samples']).stdout) as Hit[];
  const keys = sorted.map((h) => h.right.trim().toLowerCase());
  assert.deepEqual(keys, [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const recent = JSON.parse(mine(['kwic', 'Lavrov', '--since', '2025', '--json', 'samples']).stdout) as Hit[];
  assert.ok(recent.length > 0 && recent.length < sorted.length && recent.every((h) => h.published! >= '2025'));
});

test('kwic of a word no entity answers to, and a missing term is a usage error', () => {
  const r = mine(['kwic', 'ministers', '--json', 'samples']);
  const hits = JSON.parse(r.stdout) as Hit[];
  assert.ok(hits.length > 0 && hits.every((h) => h.match.toLowerCase() === 'ministers' && h.entity === undefined));
  assert.match(r.stderr, /no entity answers/);
  assert.equal(mine(['kwic']).status, 2);
  assert.equal(mine(['kwic', '--width', 'wide', 'x', 'samples']).status, 2);
});
