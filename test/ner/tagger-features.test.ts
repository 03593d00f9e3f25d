// Tagger feature helpers: the per-document word counts table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WordCounts } from '../../src/ner/tagger-features.js';

test('word counts add up per word, across table growth, with 0 for words never added', () => {
  const counts = new WordCounts();
  // Enough words to grow the table several times; 0 and negative hashes are words like any other.
  for (let w = -500; w < 500; w++) counts.add(w * 7919, w + 1000);
  counts.add(0, 5);
  counts.add(-7919, 1);
  assert.equal(counts.get(0), 1005);
  assert.equal(counts.get(-7919), 1000);
  assert.equal(counts.get(499 * 7919), 1499);
  assert.equal(counts.get(-500 * 7919), 500);
  assert.equal(counts.get(12345), 0);
});
