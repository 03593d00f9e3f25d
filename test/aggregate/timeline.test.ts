import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimelineCounter } from '../../src/aggregate/timeline.js';
import type { Entity, NerArticle } from '../../src/types.js';

function entity(name: string, aliases: string[] = [], count = 2): Entity {
  return { name, type: 'person', count, aliases: [name, ...aliases], mentions: [] };
}

function article(published: string | null, entities: Entity[]): NerArticle {
  return { id: 'x', file: 'x.txt', title: null, published, author: null, source: null, site: null, tags: [], paragraphs: [], text: '', words: 0, entities };
}

const lavrov = entity('Sergey Lavrov', ['Lavrov']);
const wang = entity('Wang Yi', [], 3);
const corpus = [
  article('2023-01-10', [lavrov, wang]),
  article('2023-01-20', [lavrov]),
  article('2023-01-25', []),
  article('2023-01-28', []),
  article('2023-03-05', [wang]),
  article('2023-03-06', []),
  article(null, [lavrov]),
];

function count(queries: string[], records = corpus) {
  const counter = new TimelineCounter(queries, 'month');
  for (const a of records) counter.add(a);
  return counter;
}

test('several entities: one series each, by alias or name in any case, over the same zero-filled periods', () => {
  const { results, totals } = count(['lavrov', 'WANG YI']).result();
  assert.deepEqual(results.map((r) => r.timeline?.entity.name), ['Sergey Lavrov', 'Wang Yi']);
  assert.deepEqual(totals, [
    { period: '2023-01', articles: 4 },
    { period: '2023-02', articles: 0 },
    { period: '2023-03', articles: 2 },
  ]);
  const [l, w] = results.map((r) => r.timeline!);
  assert.deepEqual(l!.series.map((p) => [p.period, p.documents, p.mentions, p.total]), [['2023-01', 2, 4, 4], ['2023-02', 0, 0, 0], ['2023-03', 0, 0, 2]]);
  assert.deepEqual(w!.series.map((p) => [p.period, p.documents, p.mentions]), [['2023-01', 1, 3], ['2023-02', 0, 0], ['2023-03', 1, 3]]);
  assert.equal(l!.undated, 1);
  assert.equal(w!.undated, 0);
});

test('share: documents over all articles of the period (0 when the period has none), only when asked', () => {
  const [l, w] = count(['Lavrov', 'Wang Yi']).result({}, { share: true }).results.map((r) => r.timeline!);
  assert.deepEqual(l!.series.map((p) => p.share), [0.5, 0, 0]);
  assert.deepEqual(w!.series.map((p) => p.share), [0.25, 0, 0.5]);
  assert.ok(count(['Lavrov']).result().results[0]!.timeline!.series.every((p) => !('share' in p)));
});

test('periods: the range of all articles read, or --since/--until, holding every entity\'s', () => {
  // Lavrov is only in January, Wang Yi into March: both series run January to March.
  const { results } = count(['Lavrov', 'Wang Yi'], corpus.slice(0, 5)).result();
  assert.deepEqual(results.map((r) => r.timeline!.series.map((p) => p.period)), [['2023-01', '2023-02', '2023-03'], ['2023-01', '2023-02', '2023-03']]);
  const ranged = count(['Lavrov']).result({ since: '2022-12', until: '2023-02' });
  assert.deepEqual(ranged.totals.map((t) => t.period), ['2022-12', '2023-01', '2023-02']);
  assert.deepEqual(ranged.results[0]!.timeline!.series.map((p) => p.documents), [0, 2, 0]);
});

test('a query nothing answers to has no timeline; the others still do', () => {
  const { results } = count(['Nobody Atall', 'Wang Yi']).result();
  assert.equal(results[0]!.timeline, null);
  assert.equal(results[0]!.query, 'Nobody Atall');
  assert.equal(results[1]!.timeline!.entity.name, 'Wang Yi');
});

test('the entity named exactly wins over one that only has the query as an alias; the other is listed', () => {
  const impostor = entity('Lavrov Street', ['Sergey Lavrov']);
  const { results } = count(['Sergey Lavrov'], [article('2023-01-01', [impostor]), article('2023-01-02', [impostor]), article('2023-01-03', [lavrov])]).result();
  assert.equal(results[0]!.timeline!.entity.name, 'Sergey Lavrov');
  assert.deepEqual(results[0]!.others, ['Lavrov Street (person)']);
});

test('an alias seen in one article finds the entity in articles that only use its full name', () => {
  const records = [article('2023-02-02', [entity('Sergey Lavrov', ['Lavrov'])]), article('2023-05-27', [entity('Sergey Lavrov')])];
  const series = count(['Lavrov'], records).result().results[0]!.timeline!.series;
  assert.deepEqual(series.filter((p) => p.documents > 0).map((p) => p.period), ['2023-02', '2023-05']);
});
