// Variants of one person's name told from two people's names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { givenNames, personVariants } from '../../src/ner/person-names.js';

const unlisted = (...names: string[]) => names.map((name) => ({ name, known: false }));

test('variants lead to the fullest name, through initials and middle names', () => {
  const variants = personVariants(unlisted('Mike Ford', 'John M. Ford', 'John Milo Ford', 'Dale Ford'));
  assert.equal(variants.get('Mike Ford'), 'John Milo Ford');
  assert.equal(variants.get('John M. Ford'), 'John Milo Ford');
  assert.equal(variants.get('Dale Ford'), 'Dale Ford');
});

test('a listed name wins over a fuller unlisted one; people sharing a surname stay apart', () => {
  const variants = personVariants([{ name: 'Sergey Lavrov', known: true }, ...unlisted('Sergey Viktorovich Lavrov', 'Wang Yi', 'Wang Wenbin')]);
  assert.equal(variants.get('Sergey Viktorovich Lavrov'), 'Sergey Lavrov');
  assert.equal(variants.get('Wang Yi'), 'Wang Yi');
  assert.equal(variants.get('Wang Wenbin'), 'Wang Wenbin');
});

test('a name that may extend to two different people stays as written', () => {
  const variants = personVariants(unlisted('J. Berg', 'Jonas Berg', 'Julia Berg'));
  assert.equal(variants.get('J. Berg'), 'J. Berg');
});

test('a given name stands for one person, not for two, and not for a family name written first', () => {
  const given = givenNames(new Map([['Owen Dempsey', 'Owen John Dempsey'], ['Owen John Dempsey', 'Owen John Dempsey'], ['Anna Berg', 'Anna Berg'], ['Anna Lind', 'Anna Lind'], ['Wang Yi', 'Wang Yi']]), (w) => w === 'Wang');
  assert.equal(given.get('Owen'), 'Owen John Dempsey');
  assert.equal(given.get('Anna'), null);
  assert.equal(given.has('Wang'), false);
});
