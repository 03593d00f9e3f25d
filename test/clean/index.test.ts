import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle, cleanString } from '../../src/clean/index.js';
import type { Article } from '../../src/types.js';

const article = (paragraphs: string[]): Article => ({
  id: 'x', file: 'x.txt', title: ' “Talks”\u00a0resume ', published: null, author: null, source: null, site: null, tags: [' Russia ', 'Russia'],
  paragraphs, text: paragraphs.join('\n\n'), words: 0,
});

test('the zero-width non-joiner and joiner are spelling, and stay: Persian, Hindi, emoji', () => {
  for (const text of ['بین\u200cالمللی', 'क्\u200dष', '👩\u200d💻']) assert.equal(cleanString(text), text.normalize('NFKC'));
});

test('quotes are folded to straight ones, dashes and spaces normalised', () => {
  assert.equal(cleanString('“It’s done” – he said\u00a0— twice\u200b.'), '"It\'s done" - he said — twice.');
  assert.equal(cleanString('ﬁnal  \t round\n of   talks'), 'final round of talks');
});

test('plain ASCII text only has its white space collapsed', () => {
  assert.equal(cleanString('  "It\'s done" - he said,\r\n\tagain. '), '"It\'s done" - he said, again.');
  assert.equal(cleanString('one space each'), 'one space each');
});

test('cleaning drops repeated and empty paragraphs and recounts words', () => {
  const cleaned = cleanArticle(article(['Caption text.', ' ', 'Body one.', 'Caption text.', 'Body two here.']));
  assert.deepEqual(cleaned.paragraphs, ['Caption text.', 'Body one.', 'Body two here.']);
  assert.equal(cleaned.text, 'Caption text.\n\nBody one.\n\nBody two here.');
  assert.equal(cleaned.words, 7);
  assert.equal(cleaned.title, '"Talks" resume');
  assert.deepEqual(cleaned.tags, ['Russia']);
});

test('cleaning is idempotent', () => {
  const once = cleanArticle(article(['“Quoted” text…', 'Ｆｕｌｌ width', 'a\u00a0b']));
  assert.deepEqual(cleanArticle(once), once);
});
