import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordCounter, termsOf } from '../../src/aggregate/keywords.js';

test('terms: words and phrases that neither start nor end with a stop word, not across punctuation', () => {
  const terms = termsOf('The multipolar world of the future. World order, again.', 3);
  assert.equal(terms.get('multipolar world'), 1);
  assert.equal(terms.get('world'), 2);
  assert.ok(!terms.has('the multipolar'), 'no phrase starts with a stop word');
  assert.ok(!terms.has('world of'), 'no phrase ends with one');
  assert.ok(!terms.has('future world'), 'phrases stop at sentence punctuation');
  assert.equal(termsOf('multipolar world', 1).has('multipolar world'), false);
});

test('tf-idf favours terms concentrated in few articles; a phrase stands for words it accounts for', () => {
  const counter = new KeywordCounter(2);
  counter.add('Grain deal grain deal talks talks.');
  counter.add('Grain deal talks resumed.');
  counter.add('Talks on energy.');
  counter.add('Talks on energy prices.');
  const terms = counter.tfidf(2, 5).map((k) => k.term);
  assert.ok(terms.includes('grain deal'));
  assert.ok(!terms.includes('grain') && !terms.includes('deal'), 'covered by "grain deal"');
  assert.ok(!terms.includes('talks'), 'in every article: left out');
});

test('keyness: only terms more frequent in the subset, ranked by G2', () => {
  const counter = new KeywordCounter(1);
  counter.add('Sanctions sanctions sanctions on exports.', true);
  counter.add('Sanctions and tariffs on exports.', true);
  counter.add('Exports of grain and exports of oil.');
  counter.add('Grain harvest and grain exports.');
  const keys = counter.keyness(1, 10);
  assert.equal(keys[0]!.term, 'sanctions');
  assert.ok(keys[0]!.g2! > 0 && keys[0]!.logRatio! > 0);
  assert.ok(!keys.some((k) => k.term === 'grain' || k.term === 'exports'), 'terms of the rest are not keywords of the subset');
  assert.equal(counter.subsetSize, 2);
});
