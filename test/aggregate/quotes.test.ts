import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntityCounter } from '../../src/aggregate/entities.js';
import { findQuotes, findSpeakers, SpeakerCounter, wordEnd, type Quote } from '../../src/aggregate/quotes.js';
import { TimelineCounter } from '../../src/aggregate/timeline.js';
import type { Entity, EntityType, NerArticle } from '../../src/types.js';

/** An article whose entities are found by their surface forms (whole words) in the text: fictional names only. */
function article(text: string, names: Array<[string, EntityType, string[]]>, title: string | null = null): NerArticle {
  const taken: Array<[number, number]> = [];
  const entities: Entity[] = names.map(([name, type, surfaces]) => {
    // Longer surface forms first: "Kessel" inside "Mara Kessel" is not a mention of its own.
    const mentions = surfaces.flatMap((surface) =>
      [...text.matchAll(new RegExp(`(?<![\\p{L}])${surface}(?![\\p{L}])`, 'gu'))]
        .map((m) => ({ start: m.index!, end: m.index! + surface.length, kind: 'name' as const }))
        .filter((m) => !taken.some(([s, e]) => m.start < e && m.end > s) && taken.push([m.start, m.end])),
    );
    return { name, type, count: mentions.length, aliases: surfaces, mentions };
  });
  return { id: 'x', file: 'x.txt', title, published: '2024-03-01', author: null, source: null, site: 'Example', tags: [], paragraphs: text.split('\n\n'), text, words: 0, entities };
}

const kessel: [string, EntityType, string[]] = ['Mara Kessel', 'person', ['Mara Kessel', 'Kessel']];
const oberg: [string, EntityType, string[]] = ['Tomas Oberg', 'person', ['Tomas Oberg', 'Oberg']];
const authority: [string, EntityType, string[]] = ['Harbour Authority of Velm', 'org', ['Harbour Authority']];

const brief = (q: Quote) => [q.speaker, q.kind, q.verb, q.text];

test('a direct quote before its attribution: the words between the marks, the speaker by name', () => {
  const [q, ...rest] = findQuotes(article('"The bridge will open in May," Mara Kessel said on Monday.', [kessel]));
  assert.equal(rest.length, 0);
  assert.deepEqual(brief(q!), ['Mara Kessel', 'direct', 'say', 'The bridge will open in May,']);
  assert.deepEqual([q!.start, q!.end, q!.speakerText, q!.speakerType, q!.file, q!.published], [1, 29, 'Mara Kessel', 'person', 'x.txt', '2024-03-01']);
});

test('a direct quote after its attribution, curly marks, the speaker by surname', () => {
  const text = 'Mara Kessel visited the port.\n\nKessel told reporters: “We expect some delays.”';
  assert.deepEqual(findQuotes(article(text, [kessel])).map(brief), [['Mara Kessel', 'direct', 'tell', 'We expect some delays.']]);
});

test('a quote split by its attribution is one quotation with two parts; the pronoun goes to the subject, not to the person addressed', () => {
  const text = 'Mara Kessel met Tomas Oberg on Friday.\n\n“The plan is ready,” she said, “and the vote is next week.”';
  const quotes = findQuotes(article(text, [kessel, oberg]));
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]!.speaker, 'Mara Kessel');
  assert.equal(quotes[0]!.segments.length, 2);
  assert.equal(quotes[0]!.text, 'The plan is ready, … and the vote is next week.');
  assert.equal(text.slice(quotes[0]!.start, quotes[0]!.end), 'The plan is ready,” she said, “and the vote is next week.');
});

test('a quotation running over two paragraphs is one quotation', () => {
  const text = 'Tomas Oberg said: "The first stage is finished.\n\n"The second stage starts in June."';
  const quotes = findQuotes(article(text, [oberg]));
  assert.equal(quotes.length, 1);
  assert.deepEqual(quotes[0]!.segments.map(([s, e]) => text.slice(s, e)), ['The first stage is finished.', 'The second stage starts in June.']);
  assert.equal(quotes[0]!.speaker, 'Tomas Oberg');
});

test('« » and „ “ quotation marks, with the speaker after the verb or before it', () => {
  const french = findQuotes(article('« Nous sommes prêts », a déclaré Tomas Oberg.', [oberg]));
  assert.deepEqual(french.map(brief), [['Tomas Oberg', 'direct', 'déclarer', 'Nous sommes prêts']]);
  const german = findQuotes(article('„Wir sind bereit“, sagte Oberg.', [oberg]));
  assert.deepEqual(german.map(brief), [['Tomas Oberg', 'direct', 'sagen', 'Wir sind bereit']]);
});

test('reported speech: verb with "that", an organisation, then "the authority" pointing back to it', () => {
  const text = 'The Harbour Authority said on Tuesday that the port would reopen next month.\n\nThe authority added that fees would not change.';
  assert.deepEqual(findQuotes(article(text, [authority])).map(brief), [
    ['Harbour Authority of Velm', 'indirect', 'say', 'the port would reopen next month'],
    ['Harbour Authority of Velm', 'indirect', 'add', 'fees would not change'],
  ]);
});

test('reported speech before its attribution, and "according to" either side of the clause', () => {
  const text = 'Fees will stay the same this year, Kessel said.\n\nAccording to Oberg, the figures were revised twice.\n\nThe ferry runs every hour, according to Mara Kessel.';
  assert.deepEqual(findQuotes(article(text, [kessel, oberg])).map(brief), [
    ['Mara Kessel', 'indirect', 'say', 'Fees will stay the same this year'],
    ['Tomas Oberg', 'indirect', 'according to', 'the figures were revised twice'],
    ['Mara Kessel', 'indirect', 'according to', 'The ferry runs every hour'],
  ]);
  const sourced = findQuotes(article('Oberg said the ferry will run daily, according to the harbour office.', [oberg]));
  assert.deepEqual(sourced.map(brief), [['Tomas Oberg', 'indirect', 'say', 'the ferry will run daily']], 'a source named after a reported clause is not part of it');
});

test('a bare content clause after "said"; a participle ("adding that") keeps the main speaker', () => {
  const text = 'Tomas Oberg said the tunnel needs new lights, adding that the work would take a week.';
  assert.deepEqual(findQuotes(article(text, [oberg])).map(brief), [
    ['Tomas Oberg', 'indirect', 'say', 'the tunnel needs new lights'],
    ['Tomas Oberg', 'indirect', 'add', 'the work would take a week'],
  ]);
});

test('findSpeakers gives the speakers of findQuotes in its order, the headline\'s first, groups and names not among the entities included', () => {
  const text = 'Mara Kessel met Tomas Oberg.\n\n“The plan is ready,” she said. The two sides said that talks would go on.\n\nThe Harbour Authority added that fees would not change.';
  const found = article(text, [kessel, oberg, authority], 'Kessel says: "The port is open"');
  const speakers = findQuotes(found).map(({ speaker, speakerType }) => ({ speaker, speakerType }));
  assert.deepEqual(findSpeakers(found), speakers);
  // The headline's Kessel is no mention of the entity here (the article's mentions are all in its text).
  assert.deepEqual(speakers.map((q) => q.speaker), [null, 'Mara Kessel', null, 'Harbour Authority of Velm']);
});

test('findSpeakers counts a quotation standing alone after its cue, and no content of fewer than three words, as findQuotes does', () => {
  const text = 'Kessel said: “Yes.” Oberg said it: fine. Ärzte in Velm said: no. Mara Kessel told Oberg: “No,” “never.” Dr. Oberg said that the ships were late. Ünal St. Kessel said, “Wait.”';
  const found = article(text, [kessel, oberg]);
  assert.deepEqual(findQuotes(found).map(brief), [
    ['Mara Kessel', 'direct', 'say', 'Yes.'],
    ['Mara Kessel', 'direct', 'tell', 'No,'],
    ['Tomas Oberg', 'indirect', 'say', 'the ships were late'],
    ['Mara Kessel', 'direct', 'say', 'Wait.'],
  ]);
  assert.deepEqual(findSpeakers(found), findQuotes(found).map(({ speaker, speakerType }) => ({ speaker, speakerType })));
});

test('a word lower-cased to more characters ("İ") leaves the words after it read at their places', () => {
  const text = 'İzmir and İstanbul sent ships. "The harbour is full," Mara Kessel said. Kessel told reporters that the cranes were old.';
  assert.deepEqual(findQuotes(article(text, [kessel])).map(brief), [
    ['Mara Kessel', 'direct', 'say', 'The harbour is full,'],
    ['Mara Kessel', 'indirect', 'tell', 'the cranes were old'],
  ]);
});

test('the subject of a sentence with no speech cue is what a later pronoun points back to, unless a common word or a third clause leads to it', () => {
  const text = 'Mara Kessel opened the meeting. On Monday, Tomas Oberg inspected the cranes. He said that the cranes were old. The report by Mara Kessel was read aloud. He added that repairs would start soon. Mara Kessel spoke next. In the port, on Tuesday, Tomas Oberg looked at the ships. She said that the ships were new.';
  assert.deepEqual(findQuotes(article(text, [kessel, oberg])).map((q) => [q.speaker, q.speakerText, q.verb]), [
    ['Tomas Oberg', 'He', 'say'],
    ['Tomas Oberg', 'He', 'add'],
    ['Mara Kessel', 'She', 'say'],
  ]);
});

test('speech verbs that begin or end with a letter outside ASCII', () => {
  const russian: [string, EntityType, string[]] = ['Мара Кессель', 'person', ['Мара Кессель']];
  assert.deepEqual(findQuotes(article('Мара Кессель сказала: «Мост откроется в мае».', [russian])).map(brief), [['Мара Кессель', 'direct', 'сказать', 'Мост откроется в мае']]);
  assert.deepEqual(findQuotes(article('Mara Kessel a déclaré que le pont ouvrira en mai.', [kessel])).map(brief), [['Mara Kessel', 'indirect', 'déclarer', 'le pont ouvrira en mai']]);
});

test('a sentence of many words, and texts read one after another, give the quotations each gives alone', () => {
  // Longer than the first arrays of a sentence's tokens, with a cue at its start and one at its end.
  const clause = Array.from({ length: 90 }, (_, i) => `word${i}`).join(' ');
  const long = article(`Tomas Oberg said on Tuesday that the plan covers ${clause}. The harbour plan covers ${clause}, Mara Kessel said.`, [oberg, kessel]);
  const short = article('"The bridge will open in May," Tomas Oberg said.', [oberg]);
  const alone = [findQuotes(long), findQuotes(short)];
  assert.deepEqual(alone.map((quotes) => quotes.map((q) => q.speaker)), [['Tomas Oberg', 'Mara Kessel'], ['Tomas Oberg']]);
  assert.deepEqual(alone[0]!.map((q) => [q.text.slice(0, 20), q.text.slice(-6)]), [['the plan covers word', 'word89'], ['The harbour plan cov', 'word89']]);
  assert.deepEqual([findQuotes(short), findQuotes(long), findQuotes(short)], [alone[1], alone[0], alone[1]]);
});

test('a pronoun points back to the latest subject when the mentions come unordered, few or many', () => {
  for (const pairs of [3, 40]) {
    // Oberg's mentions all come before Kessel's in the entity list: they are sorted by offset before use.
    const text = `${'Tomas Oberg spoke first. Mara Kessel spoke next. '.repeat(pairs)}Mara Kessel left. Tomas Oberg stayed.\n\nHe said that the port will open in May.`;
    assert.deepEqual(findSpeakers(article(text, [oberg, kessel])), [{ speaker: 'Tomas Oberg', speakerType: 'person' }], `${pairs * 2 + 2} mentions`);
  }
});

test('a group of speakers is kept as text with no speaker', () => {
  const [q] = findQuotes(article('The two sides agreed that the talks should continue in April.', []));
  assert.deepEqual([q!.speaker, q!.speakerType, q!.speakerText, q!.text], [null, null, 'The two sides', 'the talks should continue in April']);
  const [named] = findQuotes(article('Kessel and Oberg said that the bridge was safe.', [kessel, oberg]));
  assert.equal(named!.speaker, null, 'two named speakers together are a group');
});

test('no quotation without a speech cue: scare quotes, and speech words used as nouns', () => {
  assert.deepEqual(findQuotes(article('The plan was called "ambitious" in the summary.', [])), []);
  assert.deepEqual(findQuotes(article('The annual report was published on Monday with new figures.', [])), []);
  assert.deepEqual(findQuotes(article('The states of the region signed a treaty on water rights in 1998.', [])), []);
});

test('a quotation in the headline has field "title" and offsets into the title', () => {
  const quotes = findQuotes(article('The port reopened.', [kessel], 'Kessel: "The port is open again"'));
  assert.equal(quotes.length, 0, 'a colon alone is no speech verb');
  const said = findQuotes(article('The port reopened.', [], '"The port is open again," says harbour chief'));
  assert.deepEqual(said.map((q) => [q.field, q.text, q.start]), [['title', 'The port is open again,', 1]]);
});

test('speakers over many quotations: quotations, articles, dates and the entities their quotations mention', () => {
  const counter = new SpeakerCounter();
  const text = 'Mara Kessel said Tomas Oberg would lead the project. "Oberg has the experience," Kessel said.';
  counter.add(findQuotes(article(text, [kessel, oberg])));
  counter.add(findQuotes({ ...article('Kessel said that the budget was approved.', [kessel]), id: 'y', published: '2024-05-02' }));
  const [row] = counter.rows();
  assert.deepEqual(row, { speaker: 'Mara Kessel', type: 'person', quotes: 3, articles: 2, first: '2024-03-01', last: '2024-05-02', mentioned: ['Tomas Oberg'] });
});

test('entities and timelines count each entity\'s quotations, given with the article or found from its text', () => {
  const text = 'Mara Kessel said the bridge will open in May next year. Tomas Oberg was there. "The plan is ready," Kessel said.';
  const found = article(text, [kessel, oberg]);
  const entities = new EntityCounter();
  entities.add(found);
  entities.add({ ...found, id: 'y', quotes: findQuotes(found) });
  const rows = new Map(entities.rows().map((r) => [r.name, r.quotes]));
  assert.deepEqual([rows.get('Mara Kessel'), rows.get('Tomas Oberg')], [4, 0]);
  const timeline = new TimelineCounter(['Kessel'], 'month', true);
  timeline.add(found);
  timeline.add({ ...found, published: '2024-05-02' });
  assert.deepEqual(timeline.result().results[0]!.timeline!.series.map((p) => [p.period, p.quotes]), [['2024-03', 2], ['2024-04', 0], ['2024-05', 2]]);
  const withoutQuotes = new TimelineCounter(['Kessel'], 'month');
  withoutQuotes.add(found);
  assert.equal(withoutQuotes.result().results[0]!.timeline!.series[0]!.quotes, undefined, 'no quotes field unless asked for');
});

test('wordEnd reads the words the regex it replaces matches, on random strings of letters, marks, digits, joiners, surrogates and punctuation', () => {
  const regex = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|[,:;]/uy;
  // Letters (ASCII, accented, Cyrillic, CJK, one outside the BMP), a combining mark, digits (one Arabic-Indic), joiners, clause
  // punctuation, others, a lone high and a lone low surrogate, and a pair that is no letter (an emoji).
  const pieces = ['a', 'Z', 'é', 'Ж', '中', '\u{1D400}', '\u0301', '7', '\u0663', "'", '’', '-', ',', ':', ';', ' ', '.', '"', '\uD835', '\uDC00', '\u{1F600}'];
  let seed = 15;
  // Math.imul: a product in doubles loses its low bits, and the sequence falls into a short cycle.
  const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
  for (let round = 0; round < 20000; round++) {
    const text = Array.from({ length: 1 + random(12) }, () => pieces[random(pieces.length)]).join('');
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Not inside a surrogate pair: words are never read from there.
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
      regex.lastIndex = i;
      const expected = regex.test(text) ? regex.lastIndex : -1;
      assert.equal(wordEnd(text, i), expected, `${JSON.stringify(text)} at ${i}`);
    }
  }
});
