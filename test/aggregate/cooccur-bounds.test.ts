// The co-occurrence counter's memory bounds, and partial counts that merge into one run's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CooccurrenceCounter, UNIT_ENTITIES, type CooccurPartial } from '../../src/aggregate/cooccur.js';
import type { Entity, NerArticle } from '../../src/types.js';

let ids = 0;

/** An article naming these people, each `count` times (no text: the document window needs none). */
function article(people: Array<[string, number]>): NerArticle {
  const entities: Entity[] = people.map(([name, count]) => ({ name, type: 'person', count, aliases: [name], mentions: [] }));
  return { id: String(++ids), file: 'x.txt', title: null, published: null, author: null, source: null, site: null, tags: [], paragraphs: [], text: '', words: 0, entities };
}

/** A made-up corpus: person i is in articles whose number it divides, so pairs range from rare to common. */
function corpus(articles: number, people: number): NerArticle[] {
  return Array.from({ length: articles }, (_, a) => article(Array.from({ length: people }, (_, p) => p + 2).filter((p) => (a + 1) % p === 0 || (a * 7 + p) % 11 === 0).map((p) => [`Person ${p}`, 1 + (p % 3)])));
}

test('an article naming more than UNIT_ENTITIES people counts the pairs of its most mentioned only, and says so', () => {
  const counter = new CooccurrenceCounter();
  const people: Array<[string, number]> = Array.from({ length: UNIT_ENTITIES + 50 }, (_, i) => [`Person ${i}`, i < UNIT_ENTITIES ? 2 : 1]);
  counter.add(article(people));
  const result = counter.result();
  assert.equal(result.total, (UNIT_ENTITIES * (UNIT_ENTITIES - 1)) / 2);
  assert.equal(result.cutArticles, 1);
  assert.ok(result.pairs.every((p) => Number(p.a.split(' ')[1]) < UNIT_ENTITIES && Number(p.b.split(' ')[1]) < UNIT_ENTITIES));
});

test('with a full pair table, no count is high, none is short by more than the bound reported, and every pair above the bound is kept', () => {
  const articles = corpus(300, 40);
  const exact = new CooccurrenceCounter();
  const bounded = new CooccurrenceCounter('document', 100);
  for (const a of articles) {
    exact.add(a);
    bounded.add(a);
  }
  const truth = new Map(exact.result().pairs.map((p) => [`${p.a}+${p.b}`, p.documents]));
  const result = bounded.result();
  assert.ok(result.missed > 0, 'the table was full');
  assert.ok(result.pairs.length <= 100);
  const counted = new Map(result.pairs.map((p) => [`${p.a}+${p.b}`, p.documents]));
  for (const [pair, documents] of counted) {
    assert.ok(documents <= truth.get(pair)!, pair);
    assert.ok(documents >= truth.get(pair)! - result.missed, pair);
  }
  for (const [pair, documents] of truth) if (documents > result.missed) assert.ok(counted.has(pair), pair);
});

test('partial counts of two halves merge into the counts of one run, filters applied after', () => {
  const articles = corpus(120, 30);
  const whole = new CooccurrenceCounter('document');
  for (const a of articles) whole.add(a);
  const merged = new CooccurrenceCounter('document');
  for (const half of [articles.slice(0, 50), articles.slice(50)]) {
    const part = new CooccurrenceCounter('document');
    for (const a of half) part.add(a);
    // Through JSON, as between processes.
    for (const line of part.partial()) merged.addPartial(JSON.parse(JSON.stringify(line)) as CooccurPartial);
  }
  for (const filter of [{}, { minDocs: 3, top: 10 }, { entity: 'person 5' }]) assert.deepEqual(merged.result(filter), whole.result(filter));
  assert.throws(() => new CooccurrenceCounter('sentence').addPartial([...whole.partial()][0]!), /by document/);
});
