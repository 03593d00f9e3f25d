// A page naming hundreds of people (a list of victims, a sanctions list) does not blow up cooccur: pairs are
// counted among the most mentioned, and a note says so.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { UNIT_ENTITIES } from '../../src/aggregate/cooccur.js';
import { mine, tempDir } from '../helpers.js';

const FIRST = ['Alma', 'Bruno', 'Cyril', 'Dora', 'Edgar', 'Flora', 'Gustav', 'Helga', 'Ilse', 'Jonas', 'Karin', 'Lothar', 'Minna', 'Nils', 'Otto', 'Petra'];
const LAST = ['Brennick', 'Calloway', 'Dunmore', 'Eskbridge', 'Fairholm', 'Garrow', 'Hollis', 'Ingram', 'Jessop', 'Kettering', 'Lonsdale', 'Marwood', 'Norcott', 'Oakhurst', 'Pendry', 'Quarrie', 'Rushby', 'Stennet', 'Thorley', 'Upton'];

test(`cooccur on a page naming over ${UNIT_ENTITIES} people finishes, with the bound in a note`, () => {
  const names = LAST.flatMap((last) => FIRST.map((first) => `${first} ${last}`));
  const paragraphs: string[] = [];
  for (let i = 0; i < names.length; i += 10) paragraphs.push(`The committee said that ${names.slice(i, i + 9).join(', ')} and ${names[i + 9]} were on the list it published on Tuesday.`);
  const file = path.join(tempDir(), 'list.txt');
  fs.writeFileSync(file, `Committee publishes the list of people affected\n\n5 March 2024\n\n${paragraphs.join('\n\n')}\n`);
  const people = JSON.parse(mine(['entities', '--json', '--type', 'person', file]).stdout) as unknown[];
  assert.ok(people.length > UNIT_ENTITIES, `${people.length} people found`);
  const r = mine(['cooccur', '--min-docs', '1', '--json', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as unknown[]).length, (UNIT_ENTITIES * (UNIT_ENTITIES - 1)) / 2);
  assert.match(r.stderr, new RegExp(`1 article\\(s\\) name over ${UNIT_ENTITIES} entities`));
});
