// Role words: the titles and roles before names, as written, in capitals, and nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRoleWord } from '../../src/ner/roles.js';

test('role heads and modifiers are role words as listed and in capitals; other words are not', () => {
  for (const word of ['President', 'PRESIDENT', 'spokesman', 'Spokesman', 'SPOKESMAN', 'Deputy', 'DEPUTY', 'Secretary-General']) assert.ok(isRoleWord(word), word);
  // Words starting as role words do, lower-case forms of capitalised roles, and what is no word.
  for (const word of ['Presidency', 'president', 'spokes', 'deputy', 'Paris', 'Şerif', '', '.']) assert.ok(!isRoleWord(word), JSON.stringify(word));
});
