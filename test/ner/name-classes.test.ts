// Types decided by the words of a name, whatever the tagger says: dates, companies, geographic features, regional adjectives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGazetteer } from '../../src/ner/gazetteer.js';
import { findEntities } from '../../src/ner/index.js';
import { isProductName, typeByWords, withoutCompanySuffix } from '../../src/ner/name-classes.js';
import { tokenize } from '../../src/ner/tokenize.js';
import { article, summary, wordIndex } from './articles.js';

test('months, weekdays and shopping days are never entities', () => {
  const found = summary(findEntities(article('Sales at the Harbor Street market were slow in June. Traders expect more buyers before Black Friday.')));
  assert.ok(!found.some((f) => /June|Friday/.test(f)), found.join(', '));
});

test('a holiday alone is no entity, a place named after one is', () => {
  const found = summary(findEntities(article('Halloween sales rose. Shops said Halloween now sells more than Christmas, and tours to Easter Island sold out.')));
  assert.ok(!found.some((f) => /Halloween|Christmas/.test(f)), found.join(', '));
  assert.ok(found.some((f) => /:Easter Island:1/.test(f)), found.join(', '));
});

test('a company suffix makes an organisation, also after a comma', () => {
  const found = summary(findEntities(article('The shipping firm Northwind Logistics, Inc. said that Harbor Freight Co. had bought two vessels.')));
  assert.ok(found.includes('org:Northwind Logistics, Inc.:1'), found.join(', '));
  assert.ok(found.includes('org:Harbor Freight Co.:1'), found.join(', '));
});

test('a geographic feature word makes a place', () => {
  const found = summary(findEntities(article('Boats on the Salween River and in the Gulf of Martaban were delayed by the storm.')));
  assert.ok(found.includes('place:Salween River:1'), found.join(', '));
  assert.ok(found.includes('place:Gulf of Martaban:1'), found.join(', '));
});

test("a venue's last word makes a place, which may hold a known place's name", () => {
  const found = summary(findEntities(article('The band plays the Kestrel Bank Arena on Friday and the Hollywood Casino Amphitheatre on Sunday. Fans came from East Chicago.')));
  assert.ok(found.includes('place:Kestrel Bank Arena:1'), found.join(', '));
  assert.ok(found.includes('place:Hollywood Casino Amphitheatre:1') && !found.includes('place:Hollywood:1'), found.join(', '));
  assert.ok(found.includes('place:East Chicago:1') && !found.includes('place:Chicago:1'), found.join(', '));
});

test('a regional adjective is not a place', () => {
  const found = summary(findEntities(article('Leaders of Southeast Asian nations met in the capital, and Middle Eastern buyers signed the deal.')));
  assert.ok(!found.some((f) => /Southeast Asian|Middle Eastern/.test(f)), found.join(', '));
});

test('a name that ends in a common word is no person unless a given name starts it', () => {
  const found = summary(findEntities(article('Subscribers to Stream Plus paid more this year. Theresa May and Mike Pence met the board.')));
  assert.ok(!found.some((f) => f.includes('Stream Plus')), found.join(', '));
  assert.ok(found.includes('person:Theresa May:1'), found.join(', '));
  assert.ok(found.includes('person:Mike Pence:1'), found.join(', '));
});

test('a word with a capital inside is no part of a person name, unless it starts as names of people do', () => {
  const g = loadGazetteer();
  for (const name of ['WeWork', 'JavaScript', 'Kristi NoemKristi', 'GreenPak Designer']) assert.equal(typeByWords(tokenize(name).flat(), 'person', g), null, name);
  for (const name of ['Michael McDonald', 'Daniel DeFreitas', 'Hugh MacLean']) assert.equal(typeByWords(tokenize(name).flat(), 'person', g), 'person', name);
  assert.equal(typeByWords(tokenize('JavaScript').flat(), 'org', g), 'org');
});

test('a function word opening a sentence is no part of the name after it', () => {
  const found = summary(findEntities(article('Ruth Okafor leads the choir. Like Okafor, most singers live nearby. When Okafor sings, the hall fills.')));
  assert.deepEqual(found, ['person:Ruth Okafor:3']);
});

test('words in capitals are read as the lists write them', () => {
  const g = loadGazetteer();
  assert.equal(typeByWords(tokenize('SALWEEN RIVER').flat(), 'org', g), 'place');
  assert.equal(typeByWords(tokenize('HARBOR SALES THURSDAY').flat(), 'person', g), null);
  assert.equal(typeByWords(tokenize('HARBOR SALES').flat(), 'org', g), 'org');
});

test("a company's legal forms are left out of its name, also several and after a comma", () => {
  assert.equal(withoutCompanySuffix('Walmart Inc.'), 'Walmart');
  assert.equal(withoutCompanySuffix('Acme, Inc.'), 'Acme');
  assert.equal(withoutCompanySuffix('Samsung Electronics Co Ltd'), 'Samsung Electronics');
  assert.equal(withoutCompanySuffix('Inc'), 'Inc');
  assert.equal(withoutCompanySuffix('Sergey Lavrov'), 'Sergey Lavrov');
});

test("a product line's word or a listed product ends a product's name, which is no entity, nor are the names inside it", () => {
  const found = summary(findEntities(article('Reviewers tried the Tessaro Tab Pro and the Quillon Lite this week. Microsoft Surface Pro sales grew, Microsoft said. Martin Max wrote the review. Readers of Inside Firefox use Python. Gamers bought the Korvath Founders Edition.')));
  assert.ok(!found.some((f) => /Tab Pro|Quillon|Surface|Firefox|Python|Founders/.test(f)), found.join(', '));
  assert.ok(found.includes('org:Microsoft:1'), found.join(', '));
  assert.ok(found.includes('person:Martin Max:1'), found.join(', '));
});

test('a role alone is no entity', () => {
  const found = summary(findEntities(article('Senior Deputy Editor Marta Kovalenko wrote the piece. The CEO declined to comment, and the Senior Editor agreed.')));
  assert.ok(!found.some((f) => /Editor|CEO/.test(f)), found.join(', '));
  for (const text of ['The CTO declined to comment.', 'The CFO, Dana Whitfield, said so.']) {
    const short = summary(findEntities(article(text)));
    assert.ok(!short.some((f) => /CTO|CFO/.test(f)), short.join(', '));
  }
  assert.ok(found.includes('person:Marta Kovalenko:1'), found.join(', '));
});

test("an organisation's word last in a name the tagger calls a person's makes an organisation", () => {
  const text = 'She bought the battery from the Shenzhen seller Varonte Technology. Varonte Technology did not reply.';
  const tokens = tokenize(text)[0]!;
  const start = tokens.findIndex((t) => t.text === 'Varonte');
  assert.equal(typeByWords(tokens.slice(start, start + 2), 'person', loadGazetteer()), 'org');
  // A given name first changes nothing: organisations are named after people ("James Madison University").
  assert.equal(typeByWords(tokenize('Anna Kessler University')[0]!, 'person', loadGazetteer()), 'org');
  assert.equal(typeByWords(tokenize('Anna Kessler')[0]!, 'person', loadGazetteer()), 'person');
});

test('a role and "of" before a name are no part of it, and a field of work after them is no name', () => {
  const found = summary(findEntities(article('Dana Whitfield, CEO of Varonte, said the deal was done. Ann Lee, Head of Research at the bank, agreed.')));
  assert.ok(found.includes('org:Varonte:1'), found.join(', '));
  assert.ok(!found.some((f) => /CEO|Research/.test(f)), found.join(', '));
});

test("a street's last word makes a place and a studio's an organisation, whatever the tagger says", () => {
  const found = summary(findEntities(article('Police closed Harwell Avenue on Monday. The lamp was made by Peter Varsen Design in Oslo.')));
  assert.ok(found.includes('place:Harwell Avenue:1'), found.join(', '));
  assert.ok(found.includes('org:Peter Varsen Design:1'), found.join(', '));
});

test('a name that a common word opens is no person unless that word is a first name', () => {
  const found = summary(findEntities(article('Readers of Live Science wrote in. Rival Lowe cut prices. Gene Wolfe wrote the novel.')));
  assert.ok(!found.some((f) => /Live Science|Rival/.test(f)), found.join(', '));
  assert.ok(found.includes('person:Gene Wolfe:1'), found.join(', '));
});

test("a storm's name, an acronym's plural and a contraction are no person's", () => {
  const found = summary(findEntities(article("Hurricane Ilsa hit the coast. I've read the APIs. Typhoon Merbok struck the Philippines.")));
  assert.ok(!found.some((f) => /Ilsa|Merbok|APIs|I've/.test(f)), found.join(', '));
});

test("a lawmaker's party and state are no entity; a known state inside still counts", () => {
  const found = summary(findEntities(article('House Speaker Mike Johnson, R-La., disagreed. Rep. Jim Jordan, R-Ohio, and Sen. Chuck Schumer, D-N.Y., spoke.')));
  assert.ok(!found.some((f) => /:[RD]-/.test(f)), found.join(', '));
  assert.ok(found.includes('place:Ohio:1'), found.join(', '));
});

test('a technology named by its acronym is a common noun, no entity', () => {
  const tokens = tokenize('The CPU and the API of the Varonte board are new .')[0]!;
  const at = wordIndex(tokens);
  assert.ok(isProductName(tokens, at('CPU'), at('CPU') + 1, 'org') && isProductName(tokens, at('API'), at('API') + 1, 'org'));
  assert.ok(!isProductName(tokens, at('Varonte'), at('Varonte') + 1, 'org'));
});
