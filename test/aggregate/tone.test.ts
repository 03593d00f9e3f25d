import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drivingWords, ToneCounter, toneOf, toneOfText, toneScore } from '../../src/aggregate/tone.js';
import type { NerArticle } from '../../src/types.js';

const tone = (text: string) => toneScore(toneOfText(text));

test('the sign and order of scores follow the lexicon', () => {
  const scores = ['The result was outstanding.', 'The result was good.', 'The result was announced.', 'The result was bad.', 'The result was terrible and horrible.'].map(tone);
  assert.equal(scores[2], 0, 'no rated word, no tone');
  for (let i = 1; i < scores.length; i++) assert.ok(scores[i - 1]! > scores[i]!, `${scores[i - 1]} > ${scores[i]}`);
  assert.equal(toneOfText('The result was good.').score, 3);
  assert.equal(tone('The result was good.'), 75, 'per 100 words: 3 over 4 words');
});

test('a negation turns the sign; a phrase of the list counts once', () => {
  assert.equal(toneOfText('The sea was not calm.').score, -2);
  assert.equal(toneOfText('The plan was not good.').score, -2, 'the list rates "not good" itself');
  assert.equal(toneOfText("The plan isn't good.").score, -3);
  const phrase = toneOfText('The new pump does not work.');
  assert.deepEqual([phrase.score, phrase.hits], [-3, { 'does not work': -3 }]);
});

test('--explain words: those that moved the score most, either way, with what they added', () => {
  const tally = toneOfText('The calm talks were a success, a great success, despite one failure.');
  assert.deepEqual(drivingWords(tally, 3), [{ word: 'success', value: 4 }, { word: 'great', value: 3 }, { word: 'calm', value: 2 }]);
  assert.deepEqual(drivingWords(tally, 10).at(-1), { word: 'failure', value: -2 });
});

/** Two sentences, one naming a fictional person; "Peaceful Harbour Authority" is a name whose words rate nothing. */
const article: NerArticle = {
  id: 'a', file: 'a.txt', title: 'Harbour reopens', published: '2024-03-01', author: null, source: null, site: null, tags: [], paragraphs: [], words: 0,
  text: 'Mara Kessel praised the excellent work of the crews. The storm caused terrible damage to the Peaceful Harbour Authority docks.',
  entities: [
    { name: 'Mara Kessel', type: 'person', count: 1, aliases: ['Mara Kessel'], mentions: [{ start: 0, end: 11, kind: 'name' }] },
    { name: 'Peaceful Harbour Authority', type: 'org', count: 1, aliases: ['Peaceful Harbour Authority'], mentions: [{ start: 89, end: 115, kind: 'name' }] },
  ],
};

test("an entity's tone is that of the sentences that mention it; names rate nothing", () => {
  const result = toneOf(article);
  const [kessel, harbour] = result.entities;
  assert.deepEqual([kessel!.tally.score, kessel!.tally.units], [6, 1]);
  assert.deepEqual([harbour!.tally.score, harbour!.tally.hits], [-6, { terrible: -3, damage: -3 }], '"Peaceful" in the name is not counted');
  assert.equal(result.article.score, 0, 'the whole article: both sentences');
  assert.ok(toneScore(kessel!.tally) > 0 && toneScore(harbour!.tally) < 0);
});

test('tone per period: all articles first, then entities by sentences', () => {
  const counter = new ToneCounter('month');
  counter.add(article);
  counter.add({ ...article, id: 'b', published: '2024-04-10' });
  counter.add({ ...article, id: 'c', published: null });
  const rows = counter.rows(() => true, 2);
  assert.deepEqual(rows.map((r) => [r.period, r.name, r.type, r.articles]), [
    ['2024-03', 'articles', null, 1], ['2024-03', 'Mara Kessel', 'person', 1], ['2024-03', 'Peaceful Harbour Authority', 'org', 1],
    ['2024-04', 'articles', null, 1], ['2024-04', 'Mara Kessel', 'person', 1], ['2024-04', 'Peaceful Harbour Authority', 'org', 1],
  ]);
  assert.deepEqual(rows[1]!.drivers, [{ word: 'excellent', value: 3 }, { word: 'praised', value: 3 }]);
  assert.deepEqual(new ToneCounter().rows(() => true, 0), []);
});
