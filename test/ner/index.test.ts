// Which articles NER reads: a short text whose language guess is unsure keeps its entities.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle } from '../../src/clean/index.js';
import { findEntities } from '../../src/ner/index.js';
import { article, summary } from './articles.js';

test('a short English sentence the language guess is unsure about is read as English', () => {
  const cleaned = cleanArticle(article('Lavrov met Wang Yi in Beijing.'));
  assert.ok(cleaned.languageConfidence !== undefined && cleaned.languageConfidence < 0.5);
  const found = summary(findEntities(cleaned));
  assert.ok(found.includes('person:Sergey Lavrov:1'), found.join(', '));
  assert.ok(found.includes('person:Wang Yi:1'), found.join(', '));
});

test('a text surely in another language gets no entities', () => {
  const cleaned = cleanArticle(article('Der Minister sagte am Montag, dass die Gespräche mit den Nachbarn über den Handel und die Grenze noch nicht beendet sind, aber dass er auf eine Einigung im Sommer hofft.'));
  assert.equal(cleaned.language, 'de');
  assert.deepEqual(findEntities(cleaned), []);
});
