// Mention accounting on made-up sentences: one occurrence is one mention, titles stay out of names, spans never overlap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCandidates } from '../../src/ner/candidates.js';
import { loadGazetteer } from '../../src/ner/gazetteer.js';
import { findEntities } from '../../src/ner/index.js';
import { loadTagger, type Tagger } from '../../src/ner/tagger.js';
import { article, summary } from './articles.js';

test('a title before a known name is one mention of the full name, not a title form plus a given name', () => {
  const text = 'President Xi Jinping opened the meeting. Later, Xi Jinping spoke to the delegates.';
  const xi = findEntities(article(text)).find((e) => e.name === 'Xi Jinping')!;
  assert.equal(xi.count, 2);
  assert.deepEqual(xi.mentions.map((m) => text.slice(m.start, m.end)), ['Xi Jinping', 'Xi Jinping']);
});

test('a royal or papal title before a lone given name stays in the name', () => {
  const found = summary(findEntities(article('The mayor greeted Prince Edmund at the station. Pope Gregory sent a letter.')));
  assert.ok(found.includes('person:Prince Edmund:1'), found.join(', '));
  assert.ok(found.includes('person:Pope Gregory:1'), found.join(', '));
});

test('a surname that is also a role word ends the name after a given name, and starts no other name', () => {
  const found = summary(findEntities(article('Prime Minister Tom Major said on Friday that talks would resume. Major told parliament the deal was close.')));
  assert.ok(found.includes('person:Tom Major:2'), found.join(', '));
  const two = summary(findEntities(article('President Anna Berg and General Tom Okafor met on Friday.')));
  assert.ok(two.includes('person:Anna Berg:1') && two.includes('person:Tom Okafor:1'), two.join(', '));
});

test("a place's or a country's name after a given name is the surname, a weekday after a name is no part of it, and honorifics are titles", () => {
  const found = summary(findEntities(article('Senator Tim Jordan and the Rev. Anna Paris spoke on Friday. Secretary Tom Okafor Monday said the Honourable Ruth Mendes would attend.')));
  assert.deepEqual(found.sort(), ['person:Anna Paris:1', 'person:Ruth Mendes:1', 'person:Tim Jordan:1', 'person:Tom Okafor:1']);
  assert.deepEqual(summary(findEntities(article('Prime Minister Theresa May said on Friday that talks would resume.'))), ['person:Theresa May:1']);
});

test("a person's name the tagger runs into a dateline in capitals ends before it, and keeps the initials that end a citation", () => {
  // A tagger that takes each sentence's first three tokens for one person's name.
  const tagger: Tagger = { tagSentence: (tokens) => (tokens.length >= 3 ? [{ start: 0, end: 3, type: 'PER' }] : []) };
  const names = (text: string) => findCandidates(text, loadGazetteer(), undefined, 0, tagger).candidates.map((c) => `${c.type}:${c.surface}`);
  assert.deepEqual(names('Larry Fine NEW YORK 1996-08-30'), ['person:Larry Fine']);
  assert.deepEqual(names('Napier Harold JA (2019) found'), ['person:Napier Harold JA']);
});

test("one word the tagger finds before a weekday, a month or \"Day\" is part of a holiday's name, unless a date follows", () => {
  // A tagger that takes each sentence's first token for an organisation.
  const tagger: Tagger = { tagSentence: (tokens) => (tokens.length > 0 ? [{ start: 0, end: 1, type: 'ORG' }] : []) };
  const names = (text: string) => findCandidates(text, loadGazetteer(), undefined, 0, tagger).candidates.map((c) => `${c.type}:${c.surface}`);
  assert.deepEqual(names('Cyber Monday deals start early.'), []);
  assert.deepEqual(names('Kestrel May 22 at home.'), ['org:Kestrel']);
});

test('a name after a role runs over the particles of German, Dutch, French and Portuguese names', () => {
  const found = summary(findEntities(article('Foreign Minister Karl-Theodor zu Guttenberg met the press. Guttenberg said little.')));
  assert.deepEqual(found, ['person:Karl-Theodor zu Guttenberg:2']);
});

test('a name nested in a longer one counts for the longest only', () => {
  const text = 'The United Nations (UN) met today. Members of the UN Security Council voted.';
  const found = findEntities(article(text));
  assert.equal(found.find((e) => e.name === 'United Nations')?.count, 2);
  const council = found.find((e) => e.name === 'United Nations Security Council')!;
  assert.deepEqual(council.mentions.map((m) => text.slice(m.start, m.end)), ['UN Security Council']);
});

test('a currency written with a country code is not the country', () => {
  const found = summary(findEntities(article('Trade between the two ports grew to US$12 billion last year, officials said in a report on trade.')));
  assert.ok(!found.some((f) => f.startsWith('country:United States')), found.join(', '));
});

test("an organisation's acronym before a model number is a product, not the organisation", () => {
  const found = summary(findEntities(article('The RTX 3080 sold out on Friday. RTX said on Monday it would build more missiles.')));
  assert.deepEqual(found, ['org:RTX Corporation:1']);
});

test("a country's combining form before a hyphen is its demonym, and only there", () => {
  const found = findEntities(article('Sino-Russian ties deepened, and Franco-German talks resumed. Shares of Sino Harbour rose.'));
  const china = found.find((e) => e.name === 'China');
  assert.deepEqual(china?.mentions.map((m) => m.kind), ['demonym']);
  assert.ok(found.some((e) => e.name === 'France'), summary(found).join(', '));
});

test('a known person in a hyphenated compound is a mention of the person', () => {
  const found = summary(findEntities(article('Trump-era tariffs stayed, and the Erdogan-Putin talks ended without a deal.')));
  assert.ok(found.includes('person:Donald Trump:1') && found.includes('person:Vladimir Putin:1') && found.includes('person:Recep Tayyip Erdogan:1'), found.join(', '));
});

test('a Title Case headline is no evidence of a name the body does not have', () => {
  const found = summary(findEntities(article('Shops in the old town stayed open late on the last evening of the fair.', 'Local Traders Expect Busy Weekend')));
  assert.deepEqual(found, []);
  // Two words are a headline too.
  assert.deepEqual(summary(findEntities(article('Shops in the old town stayed open late on the last evening of the fair.', 'Performant Python'))), []);
});

test('a ministry is named after its country, and a line in capitals is read against the capitalised names', () => {
  const found = summary(findEntities(article('The Kenyan Foreign Ministry said talks would resume.\nENVOYS FROM PERU AND KENYA MEET IN NAIROBI')));
  assert.ok(found.some((f) => f.startsWith('org:Ministry of Foreign Affairs of Kenya')), found.join(', '));
  assert.ok(found.some((f) => f.startsWith('country:Peru')), found.join(', '));
});

test('candidates of every kind (listed names, ministries, people after roles, tagged names, hyphenated parts) have the same properties in the same order', () => {
  const text = 'Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing. The Ministry of Foreign Affairs of Russia said the China-Russia talks with Velmora Shipping Group went well.';
  const { candidates } = findCandidates(text, loadGazetteer(), undefined, 0, loadTagger());
  const kinds = new Set(candidates.map((c) => `${c.type}/${c.known}`));
  assert.ok(kinds.size >= 3, [...kinds].join(', '));
  assert.deepEqual([...new Set(candidates.map((c) => Object.keys(c).join(',')))], ['start,end,field,type,name,surface,kind,known,country,capital,order']);
});

test('a role word in a line of capitals cues no name, and elsewhere still does', () => {
  assert.deepEqual(summary(findEntities(article('ROWING - MAJOR REGATTA STANDINGS AFTER SUNDAY.'))), []);
  assert.deepEqual(summary(findEntities(article('Prime Minister Alma Tervo spoke first. Mrs Tervo then took questions.'))), ['person:Alma Tervo:2']);
});

test("a dateline's place in capitals is that place, whatever the tagger says", () => {
  const found = summary(findEntities(article('LONDON (AP) — The Conservative Party was accused on Wednesday of changing the name of its press office account.')));
  assert.ok(found.includes('place:London:1'), found.join(', '));
  assert.ok(!found.some((f) => /^org:LONDON/.test(f)), found.join(', '));
});

test("a known organisation's name starting a longer name is that name's part, unless a company's legal form ends it", () => {
  const venue = summary(findEntities(article('The band played the Verizon Amphitheatre on Friday. Verizon sponsored the show.')));
  assert.ok(venue.includes('org:Verizon:1') && venue.includes('place:Verizon Amphitheatre:1'), venue.join(', '));
  const company = summary(findEntities(article('Swedish telecoms group LM Ericsson AB said on Friday it had won the contract.')));
  assert.ok(company.includes('org:Ericsson:1'), company.join(', '));
});

test('a name after a role holds up to four words, its particles aside', () => {
  const found = summary(findEntities(article('Sheikh Rashid bin Hamdan Al Qasimi opened the port on Monday.')));
  assert.ok(found.includes('person:Rashid bin Hamdan Al Qasimi:1'), found.join(', '));
});

test('a known name right after a role and before a name word is a given name; the known names inside a role count', () => {
  const found = summary(findEntities(article('Rep. Alexandria Ocasio-Cortez spoke. Special Envoy for Syria Geir Pedersen met officials.')));
  assert.ok(found.includes('person:Alexandria Ocasio-Cortez:1') && !found.some((f) => f.startsWith('place:Alexandria')), found.join(', '));
  assert.ok(found.includes('country:Syria:1') && found.includes('person:Geir Pedersen:1'), found.join(', '));
});

test('a name after a role ends before words run together', () => {
  const found = summary(findEntities(article('Gov. Marla Venn ToldReporters the plan was sound.')));
  assert.ok(found.includes('person:Marla Venn:1'), found.join(', '));
});

test("a US state's or Canadian province's postal code or agency abbreviation after a place and a comma is that region, and the place before is a place", () => {
  const text = 'The band plays Plano, TX on Friday and Toronto, ON on Sunday. The governor spoke in Sacramento, Calif., on Monday. Texas fans cheered.';
  const found = findEntities(article(text));
  const names = summary(found);
  for (const expected of ['place:Texas:2', 'place:Plano:1', 'place:Ontario:1', 'place:California:1', 'place:Sacramento:1']) assert.ok(names.includes(expected), names.join(', '));
  // The mention stops before the abbreviation's period, as for other names.
  assert.deepEqual(found.find((e) => e.name === 'California')!.mentions.map((m) => text.slice(m.start, m.end)), ['Calif']);
  // Not after a name with a given name or an initial, nor before more capitals after a comma (degrees), nor without the comma.
  const people = summary(findEntities(article('The editors are Jane Smith, MD, and Yu Yang, MD, MPH. Officials in LA met. Thanks, John, OK?')));
  assert.ok(!people.some((e) => /^place:(Maryland|Louisiana|Oklahoma|John):/.test(e)), people.join(', '));
});

test('a name joined by "and" to a word of events and documents is one name, not a place or an organisation of its first word', () => {
  // A tagger that takes "Belt" for a place, as the shipped one does.
  const tagger: Tagger = { tagSentence: (tokens) => tokens.flatMap((t, i) => (t.text === 'Belt' ? [{ start: i, end: i + 1, type: 'LOC' as const }] : [])) };
  const text = 'Vietnam joined the Belt and Road Initiative in 2017.';
  const found = findCandidates(text, loadGazetteer(), undefined, 0, tagger).candidates.map((c) => c.surface);
  assert.deepEqual(found, ['Vietnam']);
});

test("a tagged organisation's name runs over the possessive of a plural inside it, and is written with the possessive as in the text", () => {
  // A tagger that stops at the possessive, as the shipped one does.
  const tagger: Tagger = { tagSentence: (tokens) => tokens.flatMap((t, i) => (t.text === 'Donetsk' || t.text === 'Sam' ? [{ start: i, end: i + (t.text === 'Sam' ? 3 : 2), type: 'ORG' as const }] : [])) };
  const text = "Shells hit the Donetsk People's Republic, and Sam's Club closed.";
  const found = findCandidates(text, loadGazetteer(), undefined, 0, tagger).candidates.map((c) => c.name);
  assert.deepEqual(found, ["Donetsk People's Republic", "Sam's Club"]);
});

test("a dateline's place in capitals is the listed place, also where the tagger finds nothing", () => {
  const found = summary(findEntities(article('ISTANBUL (Reuters) - Officials said on Saturday that talks would resume. SWIFT (GBP) fees rose.')));
  assert.ok(found.includes('place:Istanbul:1'), found.join(', '));
  // A name the lists know as written stays that name.
  assert.ok(found.includes('org:Society for Worldwide Interbank Financial Telecommunication:1'), found.join(', '));
});
