// Known names matched as token sequences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Gazetteer, type GazEntry } from '../../src/ner/gazetteer.js';
import { tokenize } from '../../src/ner/tokenize.js';

const entry = (name: string): GazEntry => ({ name, type: 'org', kind: 'name' });

/** The canonical name matched at the first token of `text`, or null. */
function matchFirst(g: Gazetteer, text: string, allCaps = false): string | null {
  return g.matchAt(tokenize(text)[0]!, 0, allCaps)?.entry.name ?? null;
}

test('a name is found however its first word is written: accents, lower case, one letter, capitals', () => {
  const g = new Gazetteer();
  g.add('Émile Varga Institute', entry('Émile Varga Institute'), 1);
  g.add('al-Nour Front', entry('al-Nour Front'), 1);
  g.add('Q Council', entry('Q Council'), 1);
  g.add('Zorvex', entry('Zorvex'), 1);
  assert.equal(matchFirst(g, 'Émile Varga Institute said'), 'Émile Varga Institute');
  assert.equal(matchFirst(g, 'Emile Varga Institute said'), 'Émile Varga Institute');
  assert.equal(matchFirst(g, 'EMILE VARGA INSTITUTE SAID', true), 'Émile Varga Institute');
  assert.equal(matchFirst(g, 'al-Nour Front fighters'), 'al-Nour Front');
  assert.equal(matchFirst(g, 'AL-NOUR FRONT', true), 'al-Nour Front');
  assert.equal(matchFirst(g, 'Q Council met'), 'Q Council');
  assert.equal(matchFirst(g, 'zorvex'), null);
  assert.equal(matchFirst(g, 'ZORVEX', true), 'Zorvex');
  assert.equal(matchFirst(g, 'Zorvexa'), null);
  assert.equal(matchFirst(g, 'Council'), null);
});
