// The extract stage's records: the body's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';

test('a body whose opening tells no language (a list of terms) gets it from more of its text', () => {
  const terms = ['Fahrwerksysteme', 'Motormanagement', 'Antriebssysteme', 'Karosserietechnik', 'Bremsanlagen', 'Klimatechnik'];
  const list = Array.from({ length: 120 }, (_, i) => `${terms[i % terms.length]} ${i + 1}`).join('\n\n');
  const prose = Array.from({ length: 6 }, () => 'Im Lehrgang lernen die Schüler, wie die Systeme eines Fahrzeugs zusammenwirken und wie man sie prüft, wenn es einen Fehler gibt.').join('\n\n');
  assert.ok(list.length > 2000);
  const [article] = extractArticles({ file: 'kurs.txt', content: `${list}\n\n${prose}`, format: 'text' }, { raw: true });
  assert.equal(article!.language, 'de');
  const [short] = extractArticles({ file: 'terms.txt', content: terms.join('\n\n'), format: 'text' }, { raw: true });
  assert.equal(short!.language, 'und');
});
