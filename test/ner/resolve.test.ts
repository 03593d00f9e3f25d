// Resolution within an article: name variants of one person meet, two people sharing a surname or a given name stay apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCandidates } from '../../src/ner/candidates.js';
import { loadGazetteer } from '../../src/ner/gazetteer.js';
import { findEntities } from '../../src/ner/index.js';
import { resolveEntities } from '../../src/ner/resolve.js';
import type { TaggedSpan, Tagger } from '../../src/ner/tagger.js';
import { article, summary } from './articles.js';

test('a middle name, an initial and a given name alone are one person when unambiguous, and only then', () => {
  const text = 'Owen John Dempsey, who chairs the port board, opened the new quay on Monday. Owen Dempsey thanked the crews, and later Owen toured the site. ' +
    'Mike Ford, the chief engineer, joined him. John M. Ford has led the team since 2019, and then Mike said the quay would open next month.\n\n' +
    'Wang Yi met Wang Wenbin on Monday. Later Wang Wenbin spoke to reporters. Anna Berg and Anna Lind signed the lease, and then Anna toured the house.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('person:Owen John Dempsey:3'), found.join(', '));
  assert.ok(found.includes('person:John M. Ford:3'), found.join(', '));
  assert.ok(found.includes('person:Wang Yi:1') && found.includes('person:Wang Wenbin:2'), found.join(', '));
  assert.ok(found.includes('person:Anna Berg:1') && found.includes('person:Anna Lind:1'), found.join(', '));
});

test('a bare surname meets the full name whichever of them is written with accents', () => {
  const accented = summary(findEntities(article('Mayor Ángel Ócampo opened the fair on Monday. Later, Ocampo toured the site, and Ócampo thanked the crews.')));
  assert.deepEqual(accented, ['person:Ángel Ócampo:3']);
  const plain = summary(findEntities(article('Mayor Angel Ocampo opened the fair on Monday. Later, Ócampo toured the site, and Ocampo thanked the crews.')));
  assert.deepEqual(plain, ['person:Angel Ocampo:3']);
});

test('a bare surname meets the listed full name that ends in a generational suffix', () => {
  const found = summary(findEntities(article('Ferdinand Marcos Jr. opened the meeting in Manila. Marcos spoke for ten minutes.')));
  assert.ok(found.includes('person:Ferdinand Marcos Jr.:2'), found.join(', '));
});

test('acronyms defined in brackets anywhere in the text count with their bare uses, past sentences with no brackets or other ones', () => {
  const text = 'The board met on Monday. Officials said little. The Integrated Food Security Phase Classification (IPC) warned of famine. ' +
    'Prices rose (sharply) in March. The Regional Water Authority (RWA) cut supply the same day (Tuesday). Later the IPC and the RWA met, and the IPC said more.';
  assert.deepEqual(summary(findEntities(article(text))), ['org:Integrated Food Security Phase Classification:4', 'org:Regional Water Authority:3']);
});

test("an entity's mentions are in the title first, then in text order, also those found after the others (bare surnames, acronyms)", () => {
  const text = 'Owen Dempsey opened the new quay on Monday, and the IPC was there. The Integrated Food Security Phase Classification (IPC) later said Dempsey had thanked the crews.';
  const found = findEntities(article(text, 'Dempsey and the IPC open a quay'));
  const places = (name: string) => found.find((e) => e.name === name)?.mentions.map((m) => `${m.field ?? 'text'}:${m.start}`);
  assert.deepEqual(places('Owen Dempsey'), ['title:0', 'text:0', 'text:134']);
  assert.deepEqual(places('Integrated Food Security Phase Classification'), ['title:16', 'text:52', 'text:71', 'text:118']);
});

test('a name before an acronym in brackets is its expansion only when its initials hold the letters in order', () => {
  const text = 'Results: 1. Quiet Harbour Cup (UK) 2. Long Reach Cup (UK). The UK crews led. Earlier, the Coastal Fisheries Survey Office (CFSO) closed the harbour, and the CFSO opened it again.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('country:United Kingdom:3'), found.join(', '));
  assert.ok(!found.some((f) => f.includes('Reach Cup')), found.join(', '));
  assert.ok(found.includes('org:Coastal Fisheries Survey Office:3'), found.join(', '));
});

test('a name before an acronym in brackets stands for it only when it holds half of its letters or more, in any order', () => {
  const found = summary(findEntities(article('LONDON (AP) — The port reopened on Monday, the Associated Press saw. Later AP reporters visited the quay.')));
  assert.ok(found.includes('org:Associated Press:3'), found.join(', '));
  assert.ok(!found.some((f) => f.startsWith('org:LONDON') && !f.endsWith(':1')), found.join(', '));
});

test('an acronym the article never defines is the one organisation whose initials spell it, and none when two do', () => {
  const text = 'The Coastal Fisheries Survey Office closed the harbour on Monday. Two days later the CFSO opened it again.';
  assert.deepEqual(summary(findEntities(article(text))), ['org:Coastal Fisheries Survey Office:2']);
  const two = summary(findEntities(article('The Coastal Fisheries Survey Office and the Central Fleet Safety Office met on Monday. The CFSO spoke first.')));
  assert.ok(!two.some((f) => f.startsWith('org:C') && f.endsWith(':2')), two.join(', '));
});

test("a known organisation's name at the end of a longer one is not that organisation", () => {
  const text = 'Tim Morrison, a former National Security Council official, testified on Tuesday. The Security Council met in New York.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('org:National Security Council:1'), found.join(', '));
  assert.ok(found.includes('org:United Nations Security Council:1'), found.join(', '));
});

test("a company the tagger reads as a person is an organisation, unless a person's full name resolves it", () => {
  const text = 'Shares of Home Depot fell 2 percent after the chain cut its forecast. Analysts said Home Depot had been hurt by weaker demand for lumber. ' +
    'Mike Ford, an analyst at a Chicago bank, said Ford expected a strong holiday season.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('org:Home Depot:2'), found.join(', '));
  assert.ok(found.includes('person:Mike Ford:2'), found.join(', '));
});

test('a name no list knows has the type it has most often in the article, in every place', () => {
  const text = 'Whole Foods said on Monday it would cut prices. Shoppers at Whole Foods paid less. Amazon bought Whole Foods in 2017. ' +
    'Whole Foods has 500 stores. In Whole Foods stores, prices fell.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('org:Whole Foods:5'), found.join(', '));
});

test('a name of two words or more found in one place counts wherever the article has it, once each time', () => {
  const text = 'Ken Langone praised hardworking Home Depot employees. Dow component Home Depot reported third-quarter earnings. ' +
    'Looking ahead, Home Depot sees fiscal year sales growth.';
  const found = summary(findEntities(article(text, 'Ken Langone is proud of Home Depot employees')));
  assert.ok(found.includes('org:Home Depot:4'), found.join(', '));
});

test("a company's name with and without its legal form is one entity, an organisation wherever the tagger reads it", () => {
  const text = 'Shares of Harbor Robotics Inc. rose 4% on Monday after the company raised its forecast. Analysts said Harbor Robotics had gained from strong demand.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('org:Harbor Robotics Inc.:2'), found.join(', '));
  const gannett = summary(findEntities(article('Gannett Co. said on Monday it would cut jobs. Gannett owns USA Today. Gannett said the cuts were needed.')));
  assert.ok(gannett.includes('org:Gannett Co.:2') && !gannett.some((e) => e.startsWith('person:')), gannett.join(', '));
});

test('a one-word name taken for a person that begins an organisation of the article is an organisation, under its own name', () => {
  const text = 'Riverwood Capital led the round. Riverwood has invested in software firms since 2008, and Riverwood partner Jeff Parks joined the board.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('org:Riverwood:2') && found.includes('org:Riverwood Capital:1') && found.includes('person:Jeff Parks:1'), found.join(', '));
});

test("an organisation's one-word name is a person's surname where the article names the person and not the organisation otherwise", () => {
  assert.deepEqual(summary(findEntities(article('Robert Wagner, the actor, died on Friday. Wagner was 94.'))), ['person:Robert Wagner:2']);
  const group = summary(findEntities(article('The Wagner Group said on Monday it would leave Mali. Wagner fighters left Bamako.')));
  assert.ok(group.includes('org:Wagner Group:2'), group.join(', '));
});

test("a country's name is a person's surname where the article names the person and nothing after the country", () => {
  const film = summary(findEntities(article('The film was directed by Neil Jordan and opened in Venice on Friday. Jordan said he had waited ten years to make it.')));
  assert.ok(film.includes('person:Neil Jordan:2') && !film.some((e) => e.startsWith('country:')), film.join(', '));
  const player = summary(findEntities(article('Chad Curtis scored twice on Friday. Curtis later said the team was tired.')));
  assert.deepEqual(player, ['person:Chad Curtis:2']);
  const visit = summary(findEntities(article('Neil Jordan visited Amman on Friday. Jordanian officials welcomed the director, and Jordan plans a film festival next year.')));
  assert.ok(visit.includes('person:Neil Jordan:1') && visit.includes('country:Jordan:2'), visit.join(', '));
});

test('a one-word name taken for a person is a place when most of its mentions follow "in", "near" or "from"', () => {
  // A tagger that takes the one word it is given for a person wherever it is.
  const taggerOf = (word: string): Tagger => ({ tagSentence: (tokens) => tokens.flatMap((t, i) => (t.text === word ? [{ start: i, end: i + 1, type: 'PER' as const }] : [])) });
  const resolve = (text: string, word: string) => summary(resolveEntities([{ ...findCandidates(text, loadGazetteer(), undefined, 0, taggerOf(word)), text }], {}));
  assert.deepEqual(resolve('Miners were waiting in Kestrelby to fly home. A helicopter flew from Kestrelby on Friday. Kestrelby has 900 people.', 'Kestrelby'), ['place:Kestrelby:3']);
  assert.deepEqual(resolve("In Okafor's view the plan works. Little changed in Okafor's team, and Okafor left.", 'Okafor'), ['person:Okafor:3']);
});

test('a name taken for a person, with no given name, is an organisation when the article lists it with more organisations than people', () => {
  // A tagger that takes "Quillmark" for a person, and the words it is listed with for what they are.
  const tagger: Tagger = {
    tagSentence: (tokens) => tokens.flatMap((t, i): TaggedSpan[] => {
      if (t.text === 'Quillmark') return [{ start: i, end: i + 1, type: 'PER' as const }];
      if (t.text === 'Harbour' && tokens[i + 1]?.text === 'Media') return [{ start: i, end: i + 2, type: 'ORG' as const }];
      if (t.text === 'Ada' && tokens[i + 1]?.text === 'Brenner') return [{ start: i, end: i + 2, type: 'PER' as const }];
      return [];
    }),
  };
  const resolve = (text: string) => summary(resolveEntities([{ ...findCandidates(text, loadGazetteer(), undefined, 0, tagger), text }], {}));
  assert.deepEqual(resolve('Quillmark and Harbour Media will merge. Quillmark said the deal would close in May.'), ['org:Quillmark:2', 'org:Harbour Media:1']);
  assert.deepEqual(resolve('Ada Brenner and Quillmark wrote the report. Quillmark said it would be out in May.'), ['person:Quillmark:2', 'person:Ada Brenner:1']);
  // Two names and a comma: the second may describe the first.
  assert.deepEqual(resolve('The report is by Quillmark, Harbour Media. Quillmark said it would be out in May.'), ['person:Quillmark:2', 'org:Harbour Media:1']);
});

test("a country's name that is also a place of another country is that place where the article names that country's places and nothing of its own", () => {
  const state = summary(findEntities(article('Every public school in Fulton County, Georgia, will add cameras, officials in Atlanta said.')));
  assert.ok(state.includes('place:Georgia:1') && !state.some((f) => f.startsWith('country:')), state.join(', '));
  const country = summary(findEntities(article('Russian troops left Georgia in 2008. Washington welcomed the move, and Atlanta was quiet, but Georgian officials in Tbilisi said little.')));
  assert.ok(country.includes('country:Georgia:2'), country.join(', '));
});

test("a word that starts an organisation's name in the article is no given name there", () => {
  // A tagger that takes "Quillmark Builder" for a person's name, as it may a product's.
  const tagger: Tagger = {
    tagSentence: (tokens) => tokens.flatMap((t, i): TaggedSpan[] => {
      if (t.text === 'Quillmark' && tokens[i + 1]?.text === 'Builder') return [{ start: i, end: i + 2, type: 'PER' }];
      if (t.text === 'Quillmark' && tokens[i + 1]?.text === 'Foundation') return [{ start: i, end: i + 2, type: 'ORG' }];
      return [];
    }),
  };
  const text = 'The Quillmark Foundation runs Quillmark Builder. Quillmark said on Monday that Quillmark would grow.';
  const found = summary(resolveEntities([{ ...findCandidates(text, loadGazetteer(), undefined, 0, tagger), text }], {}));
  assert.deepEqual(found.sort(), ['org:Quillmark Foundation:1', 'person:Quillmark Builder:1']);
});

test('a bare surname stands for the full name that starts with a given name, also one written with accents, before a nickname', () => {
  const text = 'Céline Dion toured Europe in 2019. Critics gave her the unkind nickname of "Canine Dion." Dion later said she had been ill. Dion returned to the stage in 2024.';
  const found = summary(findEntities(article(text)));
  assert.ok(found.includes('person:Céline Dion:3') && found.includes('person:Canine Dion:1'), found.join(', '));
});

test("an acronym the article never defines is the place whose initials spell it, as an organisation's is", () => {
  const found = summary(findEntities(article('Voters in the British Virgin Islands went to the polls. The BVI premier spoke after BVI officials met.')));
  assert.ok(found.includes('country:British Virgin Islands:3'), found.join(', '));
});

test('a name the article writes after a personal honorific is a person wherever the tagger reads it', () => {
  // A tagger that takes "Kessler" for an organisation wherever it is.
  const tagger: Tagger = { tagSentence: (tokens) => tokens.flatMap((t, i): TaggedSpan[] => (t.text === 'Kessler' ? [{ start: i, end: i + 1, type: 'ORG' }] : [])) };
  const resolve = (text: string) => summary(resolveEntities([{ ...findCandidates(text, loadGazetteer(), undefined, 0, tagger), text }], {}));
  assert.deepEqual(resolve('Kessler joined the board. Ms. Kessler said the plan was sound, and Kessler will chair it.'), ['person:Kessler:3']);
  assert.deepEqual(resolve('Kessler joined the board. Kessler said the plan was sound.'), ['org:Kessler:2']);
});

test('a surname alone takes in the particles before it that the full name has there', () => {
  const found = findEntities(article('Coach Marten van Hoesel said the team was ready, and van Hoesel named his side on Friday.'));
  const coach = found.find((e) => e.name === 'Marten van Hoesel');
  assert.deepEqual(coach?.aliases, ['Marten van Hoesel', 'van Hoesel']);
  // Capitalised as a sentence's first word too.
  const mayor = findEntities(article('Mayor Anke von der Hoesel spoke. Von der Hoesel left.')).find((e) => e.name === 'Anke von der Hoesel');
  assert.deepEqual(mayor?.aliases, ['Anke von der Hoesel', 'Von der Hoesel']);
});

test('a dictionary word alone that the tagger calls a person is no entity unless the article makes it a person', () => {
  // A tagger that takes every capitalised word after the first of a sentence for a person's name, as it may a product's.
  const tagger: Tagger = { tagSentence: (tokens) => tokens.flatMap((t, i): TaggedSpan[] => (i > 0 && /^[A-Z][a-z]+$/.test(t.text) ? [{ start: i, end: i + 1, type: 'PER' }] : [])) };
  const resolve = (text: string) => summary(resolveEntities([{ ...findCandidates(text, loadGazetteer(), undefined, 0, tagger), text }], {})).sort();
  assert.deepEqual(resolve('The new Router ships in May, and the old Router is sold out.'), []);
  assert.deepEqual(resolve('On Monday Ms. Smart spoke, and later Smart left.'), ['person:Smart:2']);
  // A surname that is also a word ("Brown") is no dictionary word: it stays a person with nothing before it.
  assert.deepEqual(resolve('On Monday Brown spoke.'), ['person:Brown:1']);
});

test('a name two listed organisations share is the one whose country the article names, and the first listed otherwise', () => {
  const india = summary(findEntities(article('Congress leader Rahul Gandhi spoke in New Delhi, and Congress will protest on Monday.')));
  assert.ok(india.includes('org:Indian National Congress:2'), india.join(', '));
  const us = summary(findEntities(article('Congress passed the bill in Washington, and the Senate agreed.')));
  assert.ok(us.includes('org:United States Congress:1'), us.join(', '));
  const none = summary(findEntities(article('Congress passed the bill on Tuesday.')));
  assert.ok(none.includes('org:United States Congress:1'), none.join(', '));
});
