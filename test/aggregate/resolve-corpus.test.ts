// Resolution across a corpus: variants of one person's name over several articles are one row in every count; two people sharing a surname stay two.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CooccurrenceCounter } from '../../src/aggregate/cooccur.js';
import { EntityCounter } from '../../src/aggregate/entities.js';
import { Concordance, entityAnswers } from '../../src/aggregate/kwic.js';
import { SourceCounter } from '../../src/aggregate/sources.js';
import { TimelineCounter } from '../../src/aggregate/timeline.js';
import { ToneCounter } from '../../src/aggregate/tone.js';
import type { Entity, NerArticle } from '../../src/types.js';

function ner(id: string, published: string, people: Array<[string, number]>): NerArticle {
  const entities: Entity[] = people.map(([name, count]) => ({ name, type: 'person', count, aliases: [name], mentions: [] }));
  return { id, file: `${id}.txt`, title: null, published, author: null, source: null, site: null, tags: [], paragraphs: [], text: '', words: 0, entities };
}

test('a middle name, a shorter variant and a bare surname in other articles are one person', () => {
  const counter = new EntityCounter();
  counter.add(ner('a', '2026-01-02', [['Owen Dempsey', 2], ['Wang Yi', 1]]));
  counter.add(ner('b', '2026-01-05', [['Owen John Dempsey', 3], ['Wang Wenbin', 2]]));
  counter.add(ner('c', '2026-01-09', [['Dempsey', 1], ['Wang', 1]]));
  const rows = counter.rows().map((r) => `${r.name}:${r.mentions}/${r.documents} ${r.first}..${r.last}`);
  assert.deepEqual(rows, ['Owen John Dempsey:6/3 2026-01-02..2026-01-09', 'Wang Wenbin:2/1 2026-01-05..2026-01-05', 'Wang:1/1 2026-01-09..2026-01-09', 'Wang Yi:1/1 2026-01-02..2026-01-02']);
});

test('names one article keeps apart as two people never merge, so no article counts twice', () => {
  const counter = new EntityCounter();
  counter.add(ner('a', '2026-01-02', [['Mike Ford', 1], ['John Ford', 1]]));
  counter.add(ner('b', '2026-01-05', [['John M. Ford', 2]]));
  const rows = counter.rows();
  assert.ok(rows.every((r) => r.documents <= 2), rows.map((r) => `${r.name}:${r.documents}`).join(', '));
  assert.deepEqual(rows.map((r) => `${r.name}:${r.mentions}/${r.documents}`), ['John M. Ford:3/2', 'Mike Ford:1/1']);
});

/** An article whose text is the names, each mentioned once at its place in the text. */
function named(id: string, site: string, names: string[]): NerArticle {
  const text = names.join('. ');
  const entities: Entity[] = names.map((name) => {
    const start = text.indexOf(name);
    return { name, type: 'person', count: 1, aliases: [name], mentions: [{ start, end: start + name.length, kind: 'name' }] };
  });
  return { ...ner(id, '2026-01-02', []), site, text, entities };
}

const corpus = [
  named('a', 'one.example', ['Owen Dempsey', 'Wang Yi']),
  named('b', 'one.example', ['Owen John Dempsey']),
  named('c', 'two.example', ['Dempsey', 'Wang Yi']),
];

test('timeline, sources, co-occurrence and the concordance count one person under one name', () => {
  const timeline = new TimelineCounter(['Owen Dempsey'], 'month');
  const sources = new SourceCounter('site');
  const cooccur = new CooccurrenceCounter();
  const kwic = new Concordance('Owen Dempsey', 5);
  for (const article of corpus) {
    timeline.add(article);
    sources.add(article);
    cooccur.add(article);
    kwic.add(article);
  }
  const series = timeline.result().results[0]!.timeline!;
  assert.equal(series.entity.name, 'Owen John Dempsey');
  assert.equal(series.series.reduce((sum, p) => sum + p.documents, 0), 3);
  assert.deepEqual(sources.rows(1).map((r) => `${r.name} ${r.top.map((e) => `${e.name}:${e.documents}`)}`), ['one.example Owen John Dempsey:2', 'two.example Owen John Dempsey:1']);
  assert.deepEqual(cooccur.result().pairs.map((p) => `${p.a}+${p.b}:${p.documents}`), ['Owen John Dempsey+Wang Yi:2']);
  const hits = kwic.hits('order');
  assert.deepEqual(hits.map((h) => `${h.id}:${h.match}:${h.entity}`), ['a:Owen Dempsey:Owen John Dempsey', 'b:Owen John Dempsey:Owen John Dempsey', 'c:Dempsey:Owen John Dempsey']);
});

test("tone counts one person's articles and sentences under one name, which answers to a variant", () => {
  const tone = new ToneCounter();
  for (const article of corpus) tone.add(article);
  const people = tone.rows(() => true, 0).filter((r) => r.type === 'person');
  assert.deepEqual(people.map((r) => `${r.name}:${r.articles}/${r.units}`), ['Owen John Dempsey:3/3', 'Wang Yi:2/2']);
  const asked = tone.rows((e) => entityAnswers({ ...e, count: 0, mentions: [] }, 'Owen Dempsey'), 0).filter((r) => r.type !== null);
  assert.deepEqual(asked.map((r) => r.name), ['Owen John Dempsey']);
});

test('merged partial counts keep two names one article kept apart as two people', () => {
  const part = (articles: NerArticle[]) => {
    const counter = new TimelineCounter([], 'month');
    for (const a of articles) counter.add(a);
    return [...counter.partial()];
  };
  const merged = new TimelineCounter(['Mike Ford', 'John M. Ford'], 'month');
  for (const line of [...part([ner('a', '2026-01-02', [['Mike Ford', 1], ['John Ford', 1]])]), ...part([ner('b', '2026-01-05', [['John M. Ford', 2]])])]) merged.addPartial(line);
  assert.deepEqual(merged.result().results.map((r) => `${r.timeline!.entity.name}:${r.timeline!.series.reduce((sum, p) => sum + p.documents, 0)}`), ['Mike Ford:1', 'John M. Ford:2']);
});

test('co-occurrence and timeline still find a person by a variant name no mention was written as', () => {
  // The name a list gives ("Owen Dempsey") need not be among the surface forms of its mentions.
  const listed = (article: NerArticle): NerArticle => ({ ...article, entities: article.entities.map((e) => (e.name === 'Owen Dempsey' ? { ...e, aliases: ['O. Dempsey'] } : e)) });
  const cooccur = new CooccurrenceCounter();
  const timeline = new TimelineCounter(['Owen Dempsey'], 'month');
  for (const article of corpus.map(listed)) {
    cooccur.add(article);
    timeline.add(article);
  }
  assert.deepEqual(cooccur.result({ entity: 'Owen Dempsey' }).entity, { name: 'Owen John Dempsey', type: 'person' });
  assert.equal(timeline.result().results[0]!.timeline?.entity.name, 'Owen John Dempsey');
});
