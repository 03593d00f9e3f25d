// Writes data/org-names.json: the organisations, companies and sports teams of compromise's lexicon (a list its
// maintainers keep), lower case as compromise writes them ("home depot", "mcdonalds", "coca cola").
//   node scripts/make-org-names.mjs
// src/ner/resolve.ts types as an organisation a name the tagger or the rules called a person or a place when it is
// one of these and no longer name of the article's resolves it ("Walmart", "Disney"; not "Ford" after "Mike Ford").
import fs from 'node:fs';
import nlp from 'compromise';

/** Entries of compromise's that name no organisation: groups of people, a person and a former state. */
const NOT_ORGS = new Set(['brexiteers', 'coco chanel', 'eurosceptics', 'roman empire']);

const names = [];
for (const [word, tags] of Object.entries(nlp.world().model.one.lexicon)) {
  const list = Array.isArray(tags) ? tags : [tags];
  // Abbreviations ("inc", "dept") are parts of names, not names.
  if (list.some((t) => t === 'Organization' || t === 'SportsTeam') && !list.includes('Abbreviation') && !NOT_ORGS.has(word)) names.push(word);
}
names.sort();
const about = `Organisations, companies and sports teams of compromise's lexicon (compromise ${nlp.version}), lower case, without apostrophes and full stops, hyphens as spaces. A name the statistical tagger or a rule called a person or a place is an organisation when it is one of these (src/ner/resolve.ts). Made by scripts/make-org-names.mjs.`;
fs.writeFileSync(new URL('../data/org-names.json', import.meta.url), `${JSON.stringify({ _about: about, names }, null, 1)}\n`);
console.log(`data/org-names.json: ${names.length} names`);
