// Tokens and sentences: the input of the tagger and the gazetteer matcher.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenText, tokenize } from '../../src/ner/tokenize.js';

const texts = (text: string) => tokenize(text).map((sentence) => sentence.map((t) => t.text));

test('any white space separates tokens, and a character outside the BMP is one token', () => {
  const text = 'Le\u00a0Monde\u2003reported\ufeff\u{1F600} from\u3000Oslo';
  assert.deepEqual(texts(text), [['Le', 'Monde', 'reported', '\u{1F600}', 'from', 'Oslo']]);
  const emoji = tokenize(text)[0]![3]!;
  assert.equal(text.slice(emoji.start, emoji.end), '\u{1F600}');
  // A zero-width space is not white space to \s: it is a token of its own.
  assert.deepEqual(texts('a\u200bb'), [['a', '\u200b', 'b']]);
});

test('abbreviations keep their dot, and sentences end at a stop before a capital and at line breaks', () => {
  assert.deepEqual(texts('Mr. Okafor met Dr. Lindqvist in the U.S. on Jan. 5. They spoke.\nA new line'), [
    ['Mr.', 'Okafor', 'met', 'Dr.', 'Lindqvist', 'in', 'the', 'U.S.', 'on', 'Jan.', '5', '.'],
    ['They', 'spoke', '.'],
    ['A', 'new', 'line'],
  ]);
  const [sentence] = tokenize('  Scores 6-4 on 1996-08-30, US$ 5');
  assert.deepEqual(sentence!.map((t) => [t.text, t.start, t.end]), [['Scores', 2, 8], ['6-4', 9, 12], ['on', 13, 15], ['1996-08-30', 16, 26], [',', 26, 27], ['US', 28, 30], ['$', 30, 31], ['5', 32, 33]]);
});

test('a word runs on through hyphens, ampersands, apostrophes and letters outside ASCII, and stops at other marks', () => {
  assert.deepEqual(texts("Zoë's Lyon-based AT&T unit, naïve B2B talks: O'Neill’s U.S. e.g. x9_y C$"), [
    ['Zoë', "'s", 'Lyon-based', 'AT&T', 'unit', ',', 'naïve', 'B2B', 'talks', ':', "O'Neill", '’s', 'U.S.', 'e.g.', 'x9', '_', 'y', 'C', '$'],
  ]);
});

test('tokenText joins the words of a token range by single spaces', () => {
  const [tokens] = tokenize('The  Foreign\tMinistry said so.');
  assert.equal(tokenText(tokens!), 'The Foreign Ministry said so .');
  assert.equal(tokenText(tokens!, 1, 3), 'Foreign Ministry');
  assert.equal(tokenText(tokens!, 2, 3), 'Ministry');
  assert.equal(tokenText(tokens!, 2, 2), '');
});

test("a US lawmaker's party and state written with an initialism is one token", () => {
  const words = tokenize('Rep. Ocasio-Cortez, D-N.Y., and Sen. McConnell, R-Ky., spoke.')[0]!.map((t) => t.text);
  assert.ok(words.includes('D-N.Y.') && words.includes('R-Ky'), words.join(' | '));
});
