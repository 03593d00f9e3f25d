import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceCounter } from '../../src/aggregate/sources.js';
import type { Entity, NerArticle } from '../../src/types.js';

function entity(name: string, type: Entity['type'] = 'person', count = 2): Entity {
  return { name, type, count, aliases: [name], mentions: [] };
}

function article(site: string | null, source: string | null, published: string | null, names: string[]): NerArticle {
  return { id: 'x', file: 'x.txt', title: null, published, author: null, source, site, tags: [], paragraphs: [], text: '', words: 0, entities: names.map((n) => entity(n)) };
}

const corpus = [
  article('Eastbridge News', 'Xinhua', '2023-08-24T18:05:00', ['Wang Yi', 'Sergey Lavrov', 'Xi Jinping']),
  article('Eastbridge News', 'Agencies', '2023-10-02', ['Wang Yi', 'Antonio Guterres']),
  article('Eastbridge News', 'Agencies', null, ['Wang Yi', 'Sergey Lavrov', 'Narendra Modi']),
  article('The Ledger', 'Agencies', '2023-09-15T10:00:00+05:00', ['Sergey Lavrov']),
  article(null, null, '2023-10-30', []),
];

test('per site: articles, first and last date, top entities by documents', () => {
  const counter = new SourceCounter('site');
  for (const a of corpus) counter.add(a);
  const rows = counter.rows();
  assert.deepEqual(rows.map((r) => [r.name, r.by, r.articles, r.first, r.last]), [
    ['Eastbridge News', 'site', 3, '2023-08-24', '2023-10-02'],
    ['(unknown)', 'site', 1, '2023-10-30', '2023-10-30'],
    ['The Ledger', 'site', 1, '2023-09-15', '2023-09-15'],
  ]);
  // Ties (one document each, two mentions each) go by name.
  assert.deepEqual(rows[0]!.top, [
    { name: 'Wang Yi', type: 'person', documents: 3, mentions: 6 },
    { name: 'Sergey Lavrov', type: 'person', documents: 2, mentions: 4 },
    { name: 'Antonio Guterres', type: 'person', documents: 1, mentions: 2 },
  ]);
  assert.deepEqual(rows[1]!.top, []);
  assert.equal(counter.rows(1)[0]!.top.length, 1);
});

test('months cover the whole corpus on every row, undated articles in none', () => {
  const counter = new SourceCounter();
  for (const a of corpus) counter.add(a);
  const [eastbridge, , ledger] = counter.rows();
  assert.deepEqual(eastbridge!.months, [
    { period: '2023-08', articles: 1 },
    { period: '2023-09', articles: 0 },
    { period: '2023-10', articles: 1 },
  ]);
  assert.deepEqual(ledger!.months.map((m) => m.articles), [0, 1, 0]);
});

test('per source agency', () => {
  const counter = new SourceCounter('source');
  for (const a of corpus) counter.add(a);
  assert.deepEqual(counter.rows().map((r) => [r.name, r.articles, r.by]), [['Agencies', 3, 'source'], ['(unknown)', 1, 'source'], ['Xinhua', 1, 'source']]);
  assert.deepEqual(counter.rows()[0]!.top[0], { name: 'Sergey Lavrov', type: 'person', documents: 2, mentions: 4 });
});

test('ties in documents go to the most mentioned entity; one source under several spellings is counted once', () => {
  const counter = new SourceCounter('source');
  const withCounts = (source: string, counts: Array<[string, number]>): NerArticle => ({ ...article('Site', source, '2024-01-01', []), entities: counts.map(([n, c]) => entity(n, 'person', c)) });
  counter.add(withCounts('Agencies', [['Anna Berg', 1], ['Zoe Quill', 5]]));
  counter.add(withCounts('agencies', [['Anna Berg', 1]]));
  counter.add(withCounts('Agencies', [['Zoe Quill', 1]]));
  const rows = counter.rows();
  assert.deepEqual(rows.map((r) => [r.name, r.articles]), [['Agencies', 3]]);
  assert.deepEqual(rows[0]!.top.map((e) => [e.name, e.documents, e.mentions]), [['Zoe Quill', 2, 6], ['Anna Berg', 2, 2]]);
  // Through --partial and --merge: the same one row.
  const merged = new SourceCounter('source');
  for (const line of counter.partial()) merged.addPartial(line);
  assert.deepEqual(merged.rows(), rows);
});

test('an empty corpus has no rows', () => {
  assert.deepEqual(new SourceCounter().rows(), []);
});
