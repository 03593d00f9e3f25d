import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleHits, entityAnswers, sortHits } from '../../src/aggregate/kwic.js';
import type { Entity, NerArticle } from '../../src/types.js';

const text = 'Foreign Minister Sergey Lavrov arrived. Later Lavrov said the talks went well.\n\nA multipolar  world was discussed.';
const lavrov: Entity = {
  name: 'Sergey Lavrov', type: 'person', count: 2, aliases: ['Sergey Lavrov', 'Lavrov'],
  mentions: [{ start: 17, end: 30, kind: 'name' }, { start: 46, end: 52, kind: 'name' }],
};
const article: NerArticle = {
  id: 'a', file: 'a.txt', title: 'Talks with Lavrov', published: '2024-01-02', author: null, source: null, site: null, tags: [],
  paragraphs: [], text, words: 20, entities: [{ ...lavrov, count: 3, mentions: [{ start: 11, end: 17, kind: 'name', field: 'title' }, ...lavrov.mentions] }],
};

test('entity hits: every mention, title first, with context cut to the width', () => {
  const hits = articleHits(article, 'lavrov', 10);
  assert.deepEqual(hits.map((h) => [h.field ?? 'text', h.match]), [['title', 'Lavrov'], ['text', 'Sergey Lavrov'], ['text', 'Lavrov']]);
  assert.equal(hits[2]!.left, 'ed. Later ');
  assert.equal(hits[2]!.right, ' said the ');
  assert.equal(hits[1]!.entity, 'Sergey Lavrov');
});

test('a surname finds a person whose articles only use the full name; other names do not', () => {
  const fullOnly: Entity = { ...lavrov, aliases: ['Sergey Lavrov'] };
  assert.ok(entityAnswers(fullOnly, 'Lavrov'));
  assert.ok(entityAnswers(fullOnly, 'sergei lavrov'), 'spelling variants meet');
  assert.ok(!entityAnswers(fullOnly, 'Sergey'));
  assert.ok(!entityAnswers({ ...fullOnly, type: 'org', name: 'Bank of Lavrov' }, 'Lavrov'));
});

test('word hits when no entity answers: whole words, case-insensitive, phrases across white space', () => {
  const hits = articleHits(article, 'Multipolar World', 8);
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.match, 'multipolar world', 'runs of white space become one space');
  assert.equal(articleHits(article, 'talk', 8).length, 0, 'whole words only');
  const astral = articleHits({ ...article, entities: [], text: '😀😀😀 word 😀😀😀' }, 'word', 3);
  assert.equal(astral[0]!.left, '😀😀 ', 'surrogate pairs are not split');
});

test('sorting by the words left or right of the match', () => {
  const hits = articleHits(article, 'Lavrov', 20);
  assert.deepEqual(sortHits(hits, 'right').map((h) => h.right.trim().split(' ')[0]), ['', 'arrived.', 'said']);
  assert.deepEqual(sortHits(hits, 'left').map((h) => h.left.trim().split(' ').at(-1)), ['Later', 'Minister', 'with']);
  assert.deepEqual(sortHits(hits, 'order'), hits);
});
