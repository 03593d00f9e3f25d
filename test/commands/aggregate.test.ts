// mine ner, entities and timeline, end to end on the samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedMine } from '../helpers.js';

/** The samples' entities are found once for the whole file. */
const mine = cachedMine();

interface Row { name: string; type: string; mentions: number; documents: number; first: string | null; last: string | null }

test('ner --json: mention offsets point at the surface forms in text (or title)', () => {
  const r = mine(['ner', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const records = JSON.parse(r.stdout) as Array<{ text: string; title: string; entities: Array<{ name: string; type: string; count: number; aliases: string[]; mentions: Array<{ start: number; end: number; kind: string; field?: string }> }> }>;
  let mentions = 0;
  for (const record of records) {
    for (const e of record.entities) {
      assert.ok(['person', 'country', 'org', 'place'].includes(e.type));
      assert.equal(e.count, e.mentions.length);
      for (const m of e.mentions) {
        const surface = (m.field === 'title' ? record.title : record.text).slice(m.start, m.end);
        assert.ok(e.aliases.includes(surface), `${e.name}: '${surface}' not among ${e.aliases.join(', ')}`);
        assert.ok(m.kind === 'name' || m.kind === 'demonym');
        mentions++;
      }
    }
  }
  assert.ok(mentions > 100);
});

test('entities: filters by type, top N and dates', () => {
  const all = JSON.parse(mine(['entities', '--json', 'samples']).stdout) as Row[];
  assert.ok(all.length > 20);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.mentions >= all[i]!.mentions);
  const people = JSON.parse(mine(['entities', '--json', '--type', 'person', 'samples']).stdout) as Row[];
  assert.ok(people.length > 5 && people.every((p) => p.type === 'person'));
  assert.equal((JSON.parse(mine(['entities', '--json', '--top', '3', 'samples']).stdout) as Row[]).length, 3);
  const in2024 = JSON.parse(mine(['entities', '--json', '--since', '2024', '--until', '2024-12', 'samples']).stdout) as Row[];
  assert.ok(in2024.length > 0);
  for (const row of in2024) assert.ok(row.first! >= '2024-01-01' && row.last! <= '2024-12-31', JSON.stringify(row));
});

test('timeline: Lavrov by month, periods contiguous and zero-filled', () => {
  const r = mine(['timeline', '--entity', 'lavrov', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const t = JSON.parse(r.stdout) as { entity: { name: string; type: string }; by: string; series: Array<{ period: string; documents: number; mentions: number }> };
  assert.deepEqual(t.entity, { name: 'Sergey Lavrov', type: 'person' });
  assert.equal(t.by, 'month');
  for (let i = 1; i < t.series.length; i++) {
    const [y, m] = t.series[i - 1]!.period.split('-').map(Number);
    const next = m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
    assert.equal(t.series[i]!.period, next);
  }
  assert.ok(t.series.some((p) => p.documents === 0));
  assert.ok(t.series.filter((p) => p.documents > 0).length >= 4);
});

test('timeline table has a bar per period; an unknown entity says so and exits 1', () => {
  assert.match(mine(['timeline', '--entity', 'Lavrov', '--by', 'year', '--table', 'samples']).stdout, /period\s+│ mentions │ documents │ documents\s+│\n.*\n.*2024\s+│\s+\d+\s+│\s+\d+\s+│ █/);
  const none = mine(['timeline', '--entity', 'Nobody Atall', 'samples']);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no entity called 'Nobody Atall'/);
});

interface Point { period: string; documents: number; mentions: number; total: number; share?: number }

test('timeline with one --entity keeps its JSON shape, adding total (and share with --share) per point', () => {
  const plain = JSON.parse(mine(['timeline', '--entity', 'Lavrov', '--by', 'year', '--json', 'samples']).stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(plain), ['entity', 'by', 'series', 'undated']);
  const series = plain.series as Point[];
  assert.deepEqual(Object.keys(series[0]!), ['period', 'mentions', 'documents', 'total']);
  const shared = JSON.parse(mine(['timeline', '--entity', 'Lavrov', '--by', 'year', '--share', '--json', 'samples']).stdout) as { series: Point[] };
  assert.equal(shared.series.length, series.length);
  for (const p of shared.series) {
    assert.ok(p.total >= p.documents && p.total > 0);
    assert.equal(p.share, p.documents / p.total);
    assert.ok(p.share! >= 0 && p.share! <= 1);
  }
  assert.ok(shared.series.some((p) => p.share! > 0 && p.share! < 1));
  assert.match(mine(['timeline', '--entity', 'Lavrov', '--by', 'year', '--share', '--table', 'samples']).stdout, /2024\s+│\s+\d+\s+│\s+3\s+│\s+50\.0% │ █/);
});

test('timeline with several --entity: one series each over the same periods, and the totals', () => {
  const r = mine(['timeline', '--entity', 'Lavrov', '--entity', 'Wang Yi', '--share', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const t = JSON.parse(r.stdout) as { by: string; entities: Array<{ entity: { name: string }; series: Point[]; undated: number }>; totals: Array<{ period: string; articles: number }> };
  assert.deepEqual(Object.keys(t), ['by', 'entities', 'totals']);
  assert.deepEqual(t.entities.map((e) => e.entity.name), ['Sergey Lavrov', 'Wang Yi']);
  const periods = t.totals.map((p) => p.period);
  assert.ok(periods.length > 5);
  for (const e of t.entities) {
    assert.deepEqual(e.series.map((p) => p.period), periods);
    e.series.forEach((p, i) => {
      assert.equal(p.total, t.totals[i]!.articles);
      assert.equal(p.share, p.total ? p.documents / p.total : 0);
    });
    assert.ok(e.series.some((p) => p.documents > 0));
  }
  // The two are not the same series.
  assert.notDeepEqual(t.entities[0]!.series.map((p) => p.documents), t.entities[1]!.series.map((p) => p.documents));
});

test('timeline with several --entity: a column each, long CSV, and a note for the unknown one', () => {
  const table = mine(['timeline', '--entity', 'Lavrov', '--entity', 'Nobody Atall', '--entity', 'Wang Yi', '--by', 'year', '--table', 'samples']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /period\s+│ Sergey Lavrov\s+│ Wang Yi/);
  assert.match(table.stdout, /2024\s+│\s+3 █+\s+│\s+2 █/);
  assert.ok(table.stdout.split('\n').every((line) => line.length <= 100));
  assert.match(table.stderr, /no entity called 'Nobody Atall'/);
  const csv = mine(['timeline', '--entity', 'Lavrov', '--entity', 'Wang Yi', '--by', 'year', '--share', '--csv', 'samples']).stdout.trim().split('\n');
  assert.equal(csv[0], 'period,entity,documents,mentions,share');
  assert.equal(csv[1], '2023,Sergey Lavrov,2,6,0.5');
  assert.equal(csv[2], '2023,Wang Yi,1,4,0.25');
  const none = mine(['timeline', '--entity', 'Nobody Atall', '--entity', 'Nobody Else', 'samples']);
  assert.match(none.stderr, /no entity called 'Nobody Atall'.*\n.*no entity called 'Nobody Else'/);
});
