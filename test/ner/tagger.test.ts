// The shipped statistical NER tagger on hand-written news sentences (not CoNLL text), and how the NER stage weighs its spans against the lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/ner/index.js';
import { createTagger, documentContext, loadTagger, type TaggedSpan } from '../../src/ner/tagger.js';
import { groupKeys, historyKeys, NUM_TAGS } from '../../src/ner/tagger-features.js';
import { tokenize } from '../../src/ner/tokenize.js';

/** "TYPE:words" for every span the tagger finds in `text`, sentence by sentence, with document context. */
function tag(text: string): string[] {
  const sentences = tokenize(text);
  const doc = documentContext(sentences);
  return sentences.flatMap((tokens) => loadTagger().tagSentence(tokens, doc).map((s: TaggedSpan) => `${s.type}:${tokens.slice(s.start, s.end).map((t) => t.text).join(' ')}`));
}

/** "type:name" of the entities the whole NER stage finds in an article of `text`. */
function entities(text: string): string[] {
  const article = { id: 'x', file: 'x.txt', title: null, published: null, author: null, source: null, site: null, tags: [], paragraphs: [text], text, words: 0 };
  return findEntities(article).map((e) => `${e.type}:${e.name}`);
}

test('people and a city in a diplomatic news sentence', () => {
  const found = tag('Chinese Foreign Minister Wang Yi met Sergey Lavrov in Moscow on Tuesday.');
  assert.ok(found.includes('PER:Wang Yi'), found.join(', '));
  assert.ok(found.includes('PER:Sergey Lavrov'), found.join(', '));
  assert.ok(found.includes('LOC:Moscow'), found.join(', '));
  assert.ok(!found.some((f) => f.includes('Tuesday')), found.join(', '));
});

test('multi-word organisations are one span', () => {
  const found = tag('Shares of Deutsche Bank fell 3 percent in Frankfurt after the European Central Bank raised interest rates.');
  assert.ok(found.includes('ORG:Deutsche Bank'), found.join(', '));
  assert.ok(found.includes('ORG:European Central Bank'), found.join(', '));
  assert.ok(found.includes('LOC:Frankfurt'), found.join(', '));
});

test('lower-case words and numbers inside names stay in the span', () => {
  const found = tag('Officials of the Organisation of the Petroleum Exporting Countries met fans of Euro 96 in Rio de Janeiro.');
  assert.ok(found.includes('ORG:Organisation of the Petroleum Exporting Countries'), found.join(', '));
  assert.ok(found.includes('MISC:Euro 96'), found.join(', '));
  assert.ok(found.includes('LOC:Rio de Janeiro'), found.join(', '));
});

test('names the tagger has never seen are found from context', () => {
  const found = tag('Opposition leader Tomasz Wrzesniewski told reporters in Gdansk that he would run again.');
  assert.ok(found.includes('PER:Tomasz Wrzesniewski'), found.join(', '));
  assert.ok(found.includes('LOC:Gdansk'), found.join(', '));
});

test('spans are well-formed token ranges within the sentence', () => {
  const tokens = tokenize('Angela Merkel and Emmanuel Macron met in Berlin.')[0];
  const spans = loadTagger().tagSentence(tokens);
  assert.deepEqual(spans, [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 5, type: 'PER' },
    { start: 7, end: 8, type: 'LOC' },
  ]);
  assert.deepEqual(loadTagger().tagSentence([]), []);
});

test('a sentence outside the document context given is read on its own', () => {
  const tokens = tokenize('Angela Merkel and Emmanuel Macron met in Berlin.')[0];
  const other = documentContext(tokenize('Prices rose sharply last week. Demand for heating oil increased.'));
  assert.deepEqual(loadTagger().tagSentence(tokens, other), loadTagger().tagSentence(tokens));
  assert.equal(loadTagger().tagSentence(tokens, other).length, 3);
});

test('an all-capitals headline borrows casing from the rest of the document', () => {
  const found = tag('TOYOTA TO RECALL CARS IN JAPAN\nToyota Motor Corp said on Monday it would recall 300,000 cars sold in Japan.');
  assert.ok(found.includes('ORG:TOYOTA'), found.join(', '));
  assert.ok(found.includes('LOC:JAPAN'), found.join(', '));
  assert.ok(found.includes('ORG:Toyota Motor Corp'), found.join(', '));
  assert.ok(!found.some((f) => /RECALL|CARS/.test(f)), found.join(', '));
});

test('ordinary sentences without names yield nothing', () => {
  assert.deepEqual(tag('Prices rose sharply last week as demand for heating oil increased.'), []);
});

test('a club named after its city is an organisation where the tagger reads it so; the city itself stays a place', () => {
  const match = entities('Newcastle beat Arsenal 2-1 at home on Saturday, and Liverpool drew with Everton. Newcastle manager Kevin Keegan praised his players.');
  assert.ok(match.includes('org:Newcastle'), match.join(', '));
  assert.ok(!match.includes('place:Newcastle'), match.join(', '));
  const city = entities('The mayor of Newcastle said the city would build a new bridge over the river.');
  assert.ok(city.includes('place:Newcastle'), city.join(', '));
});

test('an airline named after its country is an organisation, not a mention of the country', () => {
  const found = entities('Air France said on Monday it would cut 20 flights. An Air France spokesman said pilots would strike.');
  assert.deepEqual(found, ['org:Air France']);
});

test("an organisation's name may hold a known organisation's one-word name after its first word", () => {
  assert.deepEqual(entities('Talks between the government and the Moro National Liberation Front ended on Friday.'), ['org:Moro National Liberation Front']);
});

test('a war or another event the tagger takes for a place is no place', () => {
  assert.deepEqual(entities('Veterans of the Gulf War met in Kuwait City on Friday. The Gulf War ended in 1991.'), ['place:Kuwait City']);
});

test("a festival, a show or another event the tagger takes for an organisation is none, and the places in its name still count", () => {
  const found = entities('The Los Angeles Auto Show opened on Friday. Leaders signed the Astana Declaration the same day.');
  assert.deepEqual(found.sort(), ['place:Astana', 'place:Los Angeles']);
});

test('a country named inside an event the tagger finds is not a mention of the country', () => {
  const found = entities('She reached the quarter-finals of the U.S. Open in New York on Sunday, her best result at the tournament.');
  assert.ok(!found.some((e) => e.startsWith('country:')), found.join(', '));
  assert.ok(found.includes('place:New York'), found.join(', '));
});

test('capitalised words inside a longer quoted title are part of the title, not names', () => {
  assert.deepEqual(entities('In March, the agency released a report entitled "Outlook on the Political Settlement of the Harbour Dispute," which was discussed in Oslo.'), ['place:Oslo']);
});

test('a title in single quotes, as some outlets write them, is no name either; a quoted name or sentence keeps its names', () => {
  assert.deepEqual(entities('In March, the agency released a report entitled ‘Outlook on the Political Settlement of the Harbour Dispute’, which was discussed in Oslo.'), ['place:Oslo']);
  assert.deepEqual(entities("In March, the agency released a report entitled 'Outlook on the Political Settlement of the Harbour Dispute', which was discussed in Oslo."), ['place:Oslo']);
  assert.ok(entities('Reporters asked about ‘Owen Dempsey’ in Oslo.').includes('person:Owen Dempsey'));
  assert.ok(entities('‘We met Owen Dempsey today,’ the mayor of Oslo said.').includes('person:Owen Dempsey'));
});

/** A model of the given feature keys, each weighing `weight` for `tag` alone. */
function oneTagModel(keys: number[], tag: number, weight: number) {
  const weights = new Int16Array(keys.length * NUM_TAGS);
  keys.forEach((_, r) => (weights[r * NUM_TAGS + tag] = weight));
  return createTagger({ keys: Int32Array.from(keys), weights });
}

test("every tag's weight counts, the last one too, through the cached feature groups and the transition scores alike", () => {
  const tokens = tokenize('Alpha Beta Gamma')[0]!;
  const lastTag = NUM_TAGS - 1; // U-MISC: each token a name of its own
  const bias = new Int32Array(8);
  groupKeys(0, new Int32Array(14), bias, 0); // the first key of group 0 is the same for every token
  const transitions = Array.from({ length: NUM_TAGS }, (_, prev) => {
    const keys = new Int32Array(3);
    historyKeys(0, 0, prev, keys);
    return keys[0]!;
  });
  for (const keys of [[bias[0]!], transitions]) {
    const spans = oneTagModel(keys, lastTag, 100).tagSentence(tokens);
    assert.deepEqual(spans, [0, 1, 2].map((i) => ({ start: i, end: i + 1, type: 'MISC' })));
    assert.deepEqual(oneTagModel(keys, lastTag, -100).tagSentence(tokens), []);
  }
});
