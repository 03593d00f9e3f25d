// The report's collector on made-up articles: name variants meet, concordance lines are capped, subsets are keyed right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KWIC_LINES, ReportCollector } from '../../src/aggregate/report.js';
import type { Entity, NerArticle } from '../../src/types.js';

/** An article whose text names each entity once per occurrence of its name, offsets found in the text. */
function article(n: number, text: string, names: Array<[string, Entity['type']]>, published: string | null = `2024-0${(n % 9) + 1}-15`): NerArticle {
  const entities = names.map(([name, type]): Entity => {
    const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index!, end: m.index! + name.length, kind: 'name' as const }));
    return { name, type, count: mentions.length, aliases: [name], mentions };
  });
  return { id: `a${n}`, file: `pages/${n}.txt`, title: `Article ${n}`, published, author: null, source: null, site: n % 2 ? 'North Desk' : 'south desk', tags: [], paragraphs: [text], text, words: text.split(' ').length, entities };
}

test("a person's name variants in different articles are one entity of the page, with their articles and mentions added up", () => {
  const collector = new ReportCollector();
  collector.add(article(1, 'Owen John Dempsey met the harbour board. Owen John Dempsey spoke.', [['Owen John Dempsey', 'person']]));
  collector.add(article(2, 'Owen Dempsey visited Lisbon.', [['Owen Dempsey', 'person'], ['Lisbon', 'place']]));
  const data = collector.result();
  const people = data.entities.filter(([, type]) => data.types[type] === 'person');
  assert.deepEqual(people.map(([name]) => name), ['Owen John Dempsey']);
  const id = data.entities.findIndex(([name]) => name === 'Owen John Dempsey');
  assert.deepEqual(data.articles.map(([, , , ids]) => ids.filter((_, i) => i % 2 === 0).includes(id)), [true, true]);
  assert.equal(data.articles.reduce((sum, [, , , ids]) => sum + (ids[ids.indexOf(id) + 1] ?? 0), 0), 3);
  assert.deepEqual(data.kwic[id]!.map(([index, , match]) => [index, match]), [[0, 'Owen John Dempsey'], [0, 'Owen John Dempsey'], [1, 'Owen Dempsey']]);
  assert.deepEqual(data.sites, ['North Desk', 'south desk']);
});

test('concordance lines are capped per entity, in corpus order, and each points to an article whose source is given', () => {
  const collector = new ReportCollector();
  for (let n = 0; n < 40; n++) collector.add(article(n, 'The harbour board met. Lisbon and Porto talked; Lisbon agreed.', [['Lisbon', 'place'], ['Porto', 'place']]));
  const data = collector.result();
  const lisbon = data.entities.findIndex(([name]) => name === 'Lisbon');
  const lines = data.kwic[lisbon]!;
  assert.equal(lines.length, KWIC_LINES);
  assert.deepEqual(lines.map(([index]) => index), [...lines.map(([index]) => index)].sort((a, b) => a - b));
  for (const [index, left, match, right] of lines) {
    assert.equal(match, 'Lisbon');
    assert.ok(left.length <= 40 && right.length <= 40);
    assert.equal(data.sources[index]!.file, `pages/${index}.txt`);
  }
});

test("an entity's keywords are the words of its articles, not of the others", () => {
  const collector = new ReportCollector();
  for (let n = 0; n < 6; n++) collector.add(article(n, 'Lisbon opened the new tram depot. The tram depot has room for forty trams.', [['Lisbon', 'place']]));
  for (let n = 6; n < 12; n++) collector.add(article(n, 'Porto counted the ferry passengers. Ferry passengers were many this spring.', [['Porto', 'place']]));
  const data = collector.result();
  const terms = (name: string) => data.keywords.entities[data.entities.findIndex(([n]) => n === name)]!.map(([term]) => term);
  assert.ok(terms('Lisbon').includes('tram depot') && !terms('Lisbon').some((t) => t.includes('ferry')));
  assert.ok(terms('Porto').some((t) => t.includes('ferry')) && !terms('Porto').some((t) => t.includes('tram')));
  assert.equal(data.network.nodes.length, data.network.positions.length);
  assert.ok(data.network.positions.flat().every((v) => v >= 0 && v <= 1));
});
