import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Concordance, entityAnswers, entityHits, sortHits, wordHits } from '../../src/aggregate/kwic.js';
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
const plain = (id: string, body: string): NerArticle => ({ ...article, id, title: null, text: body, entities: [] });

test('entity hits: every mention, title first, with offsets, the entity and context cut to the width', () => {
  const hits = entityHits(article, 'lavrov', 10);
  assert.deepEqual(hits.map((h) => [h.field ?? 'text', h.match, h.start, h.end]), [['title', 'Lavrov', 11, 17], ['text', 'Sergey Lavrov', 17, 30], ['text', 'Lavrov', 46, 52]]);
  assert.equal(hits[0]!.left, 'alks with ', 'title mentions take their context from the title');
  assert.equal(hits[2]!.left, 'ed. Later ');
  assert.equal(hits[2]!.right, ' said the ');
  assert.equal(hits[1]!.left, ' Minister ');
  assert.equal(wordHits(plain('s', 'Lavrov spoke.'), 'lavrov', 10)[0]!.left, '', 'at the start of the text the context is empty');
  assert.deepEqual([hits[1]!.entity, hits[1]!.type], ['Sergey Lavrov', 'person']);
  assert.ok(entityHits(article, 'lavrov', 0).every((h) => h.left === '' && h.right === ''));
});

test('a surname finds a person whose articles only use the full name; other names do not', () => {
  const fullOnly: Entity = { ...lavrov, aliases: ['Sergey Lavrov'] };
  assert.ok(entityAnswers(fullOnly, 'Lavrov'));
  assert.ok(entityAnswers(fullOnly, 'sergei lavrov'), 'spelling variants meet');
  assert.ok(!entityAnswers(fullOnly, 'Sergey'));
  assert.ok(!entityAnswers({ ...fullOnly, type: 'org', name: 'Bank of Lavrov' }, 'Lavrov'));
});

test('word hits: whole words, case-insensitive, phrases across white space, context on one line', () => {
  const hits = wordHits(article, 'Multipolar World', 8);
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.match, 'multipolar world', 'runs of white space become one space');
  assert.equal(hits[0]!.left, 'well. A ', 'the paragraph break is one space');
  assert.equal(wordHits(article, 'talk', 8).length, 0, 'whole words only');
  const astral = wordHits(plain('e', '😀😀😀 word 😀😀😀'), 'word', 3);
  assert.equal(astral[0]!.left, '😀😀 ', 'surrogate pairs are not split');
  assert.equal(astral[0]!.right, ' 😀😀');
  const spaced = wordHits(plain('s', `far ${' '.repeat(500)}word`), 'word', 5);
  assert.equal(spaced[0]!.left, 'far ', 'a long run of white space does not hide the words beyond it');
});

test('concordance: entity mentions when an entity answers anywhere in the corpus, else the word', () => {
  const withEntity = new Concordance('Lavrov', 10);
  withEntity.add(plain('before', 'Lavrov was mentioned as a word.'));
  withEntity.add(article);
  withEntity.add(plain('after', 'Lavrov again.'));
  assert.deepEqual(withEntity.hits('order').map((h) => h.entity), ['Sergey Lavrov', 'Sergey Lavrov', 'Sergey Lavrov']);
  assert.deepEqual([...withEntity.entities], ['Sergey Lavrov (person)']);
  const words = new Concordance('talks', 10);
  words.add(article);
  words.add(plain('b', 'More talks.'));
  assert.deepEqual(words.hits('order').map((h) => [h.id, h.field ?? 'text', h.entity]), [['a', 'title', undefined], ['a', 'text', undefined], ['b', 'text', undefined]]);
});

test('sorting by the words nearest the match, left (read outwards) or right, case-insensitive', () => {
  const hits = entityHits(article, 'Lavrov', 20);
  assert.deepEqual(sortHits(hits, 'right').map((h) => h.right.trim().split(' ')[0]), ['', 'arrived.', 'said']);
  assert.deepEqual(sortHits(hits, 'left').map((h) => h.left.trim().split(' ').at(-1)), ['Later', 'Minister', 'with']);
  assert.deepEqual(sortHits(hits, 'order'), hits);
  const cased = new Concordance('x', 10);
  for (const [id, body] of [['1', 'b x'], ['2', 'A x'], ['3', 'a z x'], ['4', 'c a x']]) cased.add(plain(id!, body!));
  assert.deepEqual(cased.hits('left').map((h) => h.id), ['2', '4', '1', '3'], 'nearest word first: a, a, b, z; ties in document order');
});

test('a Chinese or Japanese word is found inside the run of characters it is written in', () => {
  assert.equal(wordHits(plain('z', '北京举办国际气候合作论坛，来自多个国家的代表出席。'), '国际', 4).length, 1);
  assert.equal(wordHits(plain('j', '東京で国際会議が開幕した。'), '会議', 4)[0]!.left, '京で国際');
  assert.equal(wordHits(plain('e', 'international talks'), 'national', 4).length, 0);
});
