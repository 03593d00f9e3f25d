// Tagger feature helpers: the per-document word counts table and label history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentContext, labelHistoryKey, recordLabels, SentenceFeatures, tagId, WordCounts } from '../../src/ner/tagger-features.js';
import { tokenize } from '../../src/ner/tokenize.js';

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

test('the label history remembers how a word was tagged earlier in the document, whatever its casing', () => {
  const sentences = tokenize('Kowalczyk won.\nKOWALCZYK WINS');
  const doc = documentContext(sentences);
  const features = new SentenceFeatures();
  features.read(sentences[0]!, doc);
  const word = features.word(0);
  const unseen = labelHistoryKey(doc, word);
  recordLabels(doc, features, [tagId(0, 3), 0, 0], 3); // U-PER, O, O
  const asPerson = labelHistoryKey(doc, word);
  assert.notEqual(asPerson, unseen);
  features.read(sentences[1]!, doc);
  assert.equal(labelHistoryKey(doc, features.word(0)), asPerson);
  recordLabels(doc, features, [tagId(1, 3), 0], 2); // U-ORG, O
  assert.notEqual(labelHistoryKey(doc, word), asPerson);
});
