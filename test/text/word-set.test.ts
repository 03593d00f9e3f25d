// WordSet: a set of words that rules most words out by their first code unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WordSet } from '../../src/text/word-set.js';

test('a word set has its words and no other, whether or not another word shares their first character', () => {
  const set = new WordSet(['Foreign', 'Défense', 'Ärzte']);
  for (const word of ['Foreign', 'Défense', 'Ärzte']) assert.equal(set.has(word), true, word);
  for (const word of ['Finance', 'foreign', 'Defense', 'Ä', 'Minister', '']) assert.equal(set.has(word), false, word);
});
