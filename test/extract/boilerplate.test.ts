// Furniture and end patterns run only on lines with their required phrases: that must never change what matches.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { boilerplate, requiredLast } from '../../src/extract/boilerplate.js';
import { codeUnits } from '../../src/text/chars.js';
import { requiredPhrases } from '../../src/text/phrases.js';
import { ROOT, SAMPLES } from '../helpers.js';

const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'boilerplate.json'), 'utf8')) as { linePatterns: string[]; endPatterns: string[] };
const plain = (patterns: string[]) => patterns.map((p) => new RegExp(p, /\\[pPu]\{/.test(p) ? 'iu' : 'i'));

const tricky = [
  'READ MORE: Ten things', 'Read more » the rest', 'Getty Images', 'Photo: AP Photo', 'Click Here to read', 'clicking here now',
  'All Rights Reserved.', '© 2024 Example News', 'COPYRIGHT 2019', 'We use cookies to improve', 'Sign up for our newsletter',
  'Politics (12)', '34 comments', 'Comments (3)', 'View all 12 comments', 'Jane says:', '[VIDEO]', 'Credit: John Smith',
  'Tags: a, b', 'Advertisement', 'Share', 'éclick here', 'Ａdvertisement', 'KLICK here', 'Share this article', '',
  'Lesen Sie auch: Zehn Dinge', 'À lire aussi : la suite', 'Читайте также: новости', 'Anzeige', 'Реклама', 'Tous droits réservés',
  'Wir verwenden Cookies', 'Мы используем файлы cookie', '12 Kommentare', 'Kommentare (3)', 'Показать все комментарии',
];

function lines(): string[] {
  const fromSamples = fs.readdirSync(SAMPLES).flatMap((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8').split('\n').map((l) => l.trim()));
  return [...fromSamples, ...tricky, ...tricky.map((t) => t.toUpperCase()), ...tricky.map((t) => `x ${t.toLowerCase()} y`)];
}

test('furniture and end patterns match exactly the lines their regexes match', () => {
  const { furniture, endPattern, phrases } = boilerplate();
  const [furnitureRes, endRes] = [plain(data.linePatterns), plain(data.endPatterns)];
  let matched = 0;
  for (const line of lines()) {
    const bits = phrases.bitsIn(codeUnits(line), 0, line.length);
    const isFurniture = furnitureRes.some((re) => re.test(line));
    assert.equal(furniture.test(line, bits), isFurniture, line);
    assert.equal(endPattern.test(line, bits), endRes.some((re) => re.test(line)), line);
    if (isFurniture) matched++;
  }
  assert.ok(matched > 20, 'the lines include furniture');
});

test('required phrases are in every match, in lower case', () => {
  assert.deepEqual(requiredPhrases('^(read more|see also)\\s*:'), ['read more', 'see also']);
  assert.deepEqual(requiredPhrases('\\bactivation link\\b'), ['activation link']);
  assert.deepEqual(requiredPhrases('^Click (here )?to (share|email)'), ['click ']);
  assert.deepEqual(requiredPhrases('^[^.!?]{10,200}\\(\\d{1,5}\\)$'), ['(']);
  assert.deepEqual(requiredPhrases('ab+c'), ['ab'], 'a repeated character ends a run');
  assert.deepEqual(requiredPhrases('\\u0041bc'), ['bc'], 'an escape is no plain character');
});

test('no phrases are told where a match can do without them', () => {
  assert.equal(requiredPhrases('a|b?'), null);
  assert.equal(requiredPhrases('(?=abc)'), null);
  assert.equal(requiredPhrases('[a-z]+'), null);
  assert.equal(requiredPhrases('É'), null, 'a cased character outside ASCII');
  assert.equal(requiredPhrases('^(читайте также|a b)'), null, 'spaces alone between words the finder cannot match');
});

test("a text browser's placeholders for images and ad slots are furniture; bracketed text is not", () => {
  const { furniture, phrases } = boilerplate();
  const isFurniture = (line: string) => furniture.test(line, phrases.bitsIn(codeUnits(line), 0, line.length));
  for (const line of ['[INS::INS]', '[gif]', '[IMG]', '[1]', 'Share (BUTTON) Close extra sharing options']) assert.ok(isFurniture(line), line);
  for (const line of ['[Photos] Council approves new budget', '[The council met on Monday]']) assert.ok(!isFurniture(line), line);
});

test('a pattern ending in a sign before $ is run only on lines ending in that sign', () => {
  assert.equal(requiredLast('^[^.!?]{10,200}\\(\\d{1,5}\\)$'), ')'.charCodeAt(0));
  assert.equal(requiredLast('^(?:a|b)c:$'), ':'.charCodeAt(0));
  assert.equal(requiredLast('[]x]\\.$'), '.'.charCodeAt(0), 'a class that starts with ]');
  for (const source of ['a\\)?$', '(a\\))$', 'a|b\\)$', '[)]$', '\\d$', 'ab$', 'a\\)', 'x\\\\$']) assert.equal(requiredLast(source), -1, source);
});
