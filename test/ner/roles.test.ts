// Role words: the titles and roles before names, as written, in capitals, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRoleWord, nameAfterRole } from '../../src/ner/roles.js';
import { tokenize } from '../../src/ner/tokenize.js';
import { wordIndex } from './articles.js';

test('role heads and modifiers are role words as listed and in capitals; other words are not', () => {
  for (const word of ['President', 'PRESIDENT', 'spokesman', 'Spokesman', 'SPOKESMAN', 'Deputy', 'DEPUTY', 'Secretary-General']) assert.ok(isRoleWord(word), word);
  // Words starting as role words do, lower-case forms of capitalised roles, and what is no word.
  for (const word of ['Presidency', 'president', 'spokes', 'deputy', 'Paris', 'Şerif', '', '.']) assert.ok(!isRoleWord(word), JSON.stringify(word));
});

test("the words before a job's head are the job's subject, no name; a given name before a role word is", () => {
  const tokens = tokenize('She became Chief Strategy Officer Dana Whitfield , and Prime Minister John Major spoke .')[0]!;
  const at = wordIndex(tokens);
  const never = () => -1;
  assert.equal(nameAfterRole(tokens, at('Chief'), never), at('Dana'));
  assert.equal(nameAfterRole(tokens, at('Prime'), never), at('John'));
});

test('"General" before a common word opens a compound noun, not a name', () => {
  const tokens = tokenize("Ukraine 's General Staff denied it , and Attorney General Barr spoke .")[0]!;
  const at = wordIndex(tokens);
  const never = () => -1;
  assert.equal(nameAfterRole(tokens, at('General'), never), -1);
  assert.equal(nameAfterRole(tokens, at('Attorney'), never), at('Barr'));
});

test('"Gov." is a role before a name', () => {
  const tokens = tokenize('Gov. Inslee signed the bill .')[0]!;
  assert.equal(nameAfterRole(tokens, 0, () => -1), 1);
});

test('a weekday or a month after a role word is a date, no name', () => {
  const tokens = tokenize('It was gone by 9 PM Wednesday , and the Prime Minister Tuesday said so .')[0]!;
  const at = wordIndex(tokens);
  assert.equal(nameAfterRole(tokens, at('PM'), () => -1), -1);
  assert.equal(nameAfterRole(tokens, at('Prime'), () => -1), -1);
});
