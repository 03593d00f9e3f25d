// Co-occurrence counts and PMI on hand-built articles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CooccurrenceCounter, sentenceEnds, type Pair, type Window } from '../../src/aggregate/cooccur.js';
import type { Entity, EntityType, Mention, NerArticle } from '../../src/types.js';

interface Spec {
  name: string;
  type: EntityType;
  /** Surface forms to look for in the title and text (default: the name). */
  forms?: string[];
}

const LAVROV: Spec = { name: 'Sergey Lavrov', type: 'person', forms: ['Sergey Lavrov', 'Lavrov'] };
const RUSSIA: Spec = { name: 'Russia', type: 'country' };
const CHINA: Spec = { name: 'China', type: 'country' };
const WANG: Spec = { name: 'Wang Yi', type: 'person' };
const RUBIO: Spec = { name: 'Marco Rubio', type: 'person', forms: ['Rubio'] };

let ids = 0;

/** An article whose entities are every occurrence of their forms in `title` and `text`. */
function article(text: string, specs: Spec[], extra: Partial<NerArticle> = {}): NerArticle {
  const title = extra.title ?? null;
  const entities: Entity[] = [];
  for (const spec of specs) {
    const mentions: Mention[] = [];
    const aliases = new Set<string>();
    for (const [field, source] of [['title', title ?? ''], ['text', text]] as const) {
      // Longest forms first, so "Sergey Lavrov" is not also counted as "Lavrov".
      const taken: Array<[number, number]> = [];
      for (const form of [...(spec.forms ?? [spec.name])].sort((a, b) => b.length - a.length)) {
        for (let at = source.indexOf(form); at !== -1; at = source.indexOf(form, at + 1)) {
          if (taken.some(([start, end]) => at < end && at + form.length > start)) continue;
          taken.push([at, at + form.length]);
          aliases.add(form);
          mentions.push({ start: at, end: at + form.length, kind: 'name', ...(field === 'title' ? { field: 'title' as const } : {}) });
        }
      }
    }
    if (mentions.length) entities.push({ name: spec.name, type: spec.type, count: mentions.length, aliases: [...aliases], mentions });
  }
  return { id: String(++ids), file: 'x.txt', title, published: null, author: null, source: null, site: null, tags: [], paragraphs: text.split('\n\n'), text, words: 0, entities, ...extra };
}

function counter(articles: NerArticle[], window: Window = 'document'): CooccurrenceCounter {
  const c = new CooccurrenceCounter(window);
  for (const a of articles) c.add(a);
  return c;
}

const pairNames = (pairs: Pair[]) => pairs.map((p) => `${p.a} + ${p.b}`);

const CORPUS = () => [
  article('Lavrov spoke of Russia and China. Lavrov again.', [LAVROV, RUSSIA, CHINA]),
  article('Sergey Lavrov said Russia, Russia, Russia.', [LAVROV, RUSSIA]),
  article('China alone.', [CHINA]),
  article('Russia and China and China.', [RUSSIA, CHINA]),
];

test('document window: documents, mentions (sum of the smaller counts) and PMI over documents', () => {
  const result = counter(CORPUS()).result();
  assert.equal(result.articles, 4);
  assert.deepEqual(
    result.pairs.map((p) => [p.a, p.aType, p.b, p.bType, p.documents, p.mentions]),
    [
      ['Russia', 'country', 'Sergey Lavrov', 'person', 2, 2], // min(2,1) + min(1,3)
      ['China', 'country', 'Russia', 'country', 2, 2], // min(1,1) + min(2,1)
      ['China', 'country', 'Sergey Lavrov', 'person', 1, 1],
    ],
  );
  // N = 4; docs: Lavrov 2, Russia 3, China 3.
  const [lavrovRussia, chinaRussia, chinaLavrov] = result.pairs;
  assert.equal(lavrovRussia!.pmi, round(Math.log2((4 * 2) / (2 * 3))));
  assert.equal(lavrovRussia!.npmi, round(Math.log2(4 / 3) / 1));
  assert.equal(chinaRussia!.pmi, round(Math.log2(8 / 9)));
  assert.equal(chinaLavrov!.pmi, round(Math.log2(4 / 6)));
  assert.equal(chinaLavrov!.npmi, round(Math.log2(4 / 6) / 2));
});

test('two entities in every article: PMI 0 and npmi 1; never apart but rare: npmi 1 too', () => {
  const always = counter([article('Russia and China.', [RUSSIA, CHINA]), article('China and Russia.', [RUSSIA, CHINA])]).result();
  assert.deepEqual(always.pairs.map((p) => [p.pmi, p.npmi]), [[0, 1]]);
  const rare = counter([article('Russia and China.', [RUSSIA, CHINA]), article('Nothing.', []), article('Nothing.', []), article('Nothing.', [])]).result();
  assert.deepEqual(rare.pairs.map((p) => [p.pmi, p.npmi]), [[2, 1]]);
});

test('nodes: each entity at an end of a pair once, with its totals over all articles', () => {
  const result = counter(CORPUS()).result();
  assert.deepEqual(result.nodes, [
    { name: 'China', type: 'country', documents: 3, mentions: 4 },
    { name: 'Russia', type: 'country', documents: 3, mentions: 5 },
    { name: 'Sergey Lavrov', type: 'person', documents: 2, mentions: 3 },
  ]);
  assert.deepEqual(counter(CORPUS()).result({ minDocs: 2, types: ['country'] }).nodes.map((n) => n.name), ['China', 'Russia']);
});

test('sentence window: only entities in one sentence; the title is a sentence of its own; "U.S." ends none', () => {
  const a = article('Lavrov met Wang Yi in China. Russia said little.\n\nLavrov met U.S. envoy Rubio. Wang Yi flew home!', [LAVROV, WANG, CHINA, RUSSIA, RUBIO], {
    title: 'Wang Yi and Russia',
  });
  const bySentence = counter([a], 'sentence').result();
  assert.deepEqual(pairNames(bySentence.pairs).sort(), ['China + Sergey Lavrov', 'China + Wang Yi', 'Marco Rubio + Sergey Lavrov', 'Russia + Wang Yi', 'Sergey Lavrov + Wang Yi']);
  // Lavrov and Wang Yi share only the first sentence: one mention each there.
  assert.equal(bySentence.pairs.find((p) => p.a === 'Sergey Lavrov' && p.b === 'Wang Yi')!.mentions, 1);
  const byDocument = counter([a]).result();
  assert.equal(byDocument.pairs.length, 10);
  assert.equal(byDocument.pairs.find((p) => p.a === 'Sergey Lavrov' && p.b === 'Wang Yi')!.mentions, 2);
});

test('sentence window counts an article once per pair however many sentences they share', () => {
  const a = article('Lavrov and Russia. Lavrov and Russia again. Russia.', [LAVROV, RUSSIA]);
  assert.deepEqual(counter([a], 'sentence').result().pairs.map((p) => [p.documents, p.mentions]), [[1, 2]]);
});

test('sentenceEnds: at sentence punctuation before a space and at line breaks, not after initials', () => {
  const text = 'One. Two? "Three!" Four\nFive with J. R. Smith and the U.S. team. Six';
  let previous = 0;
  const sentences = sentenceEnds(text).map((end) => {
    const s = text.slice(previous, end).trim();
    previous = end;
    return s;
  });
  assert.deepEqual(sentences, ['One.', 'Two?', '"Three!"', 'Four', 'Five with J. R. Smith and the U.S. team.', 'Six']);
});

test('entity filter: by canonical name or alias, case-insensitive; no match gives no pairs', () => {
  const c = counter(CORPUS());
  const byAlias = c.result({ entity: 'LAVROV' });
  assert.deepEqual(byAlias.entity, { name: 'Sergey Lavrov', type: 'person' });
  assert.deepEqual(pairNames(byAlias.pairs), ['Russia + Sergey Lavrov', 'China + Sergey Lavrov']);
  assert.deepEqual(pairNames(c.result({ entity: 'china' }).pairs), ['China + Russia', 'China + Sergey Lavrov']);
  const none = c.result({ entity: 'Nobody' });
  assert.equal(none.entity, null);
  assert.deepEqual(none.pairs, []);
  assert.deepEqual(none.nodes, []);
});

test('minDocs, types and top filter the pairs; total counts them before top', () => {
  const c = counter(CORPUS());
  assert.deepEqual(pairNames(c.result({ minDocs: 2 }).pairs), ['Russia + Sergey Lavrov', 'China + Russia']);
  assert.deepEqual(pairNames(c.result({ types: ['country'] }).pairs), ['China + Russia']);
  assert.deepEqual(pairNames(c.result({ types: ['country', 'person'] }).pairs).length, 3);
  const top = c.result({ top: 1 });
  assert.deepEqual(pairNames(top.pairs), ['Russia + Sergey Lavrov']);
  assert.equal(top.total, 3);
  assert.deepEqual(top.nodes.map((n) => n.name), ['Russia', 'Sergey Lavrov']);
});

test('an entity listed twice in one article (two spellings of one name) counts one document', () => {
  const twice = article('Sergei Lavrov and Sergey Lavrov in Russia.', [RUSSIA]);
  twice.entities.push(
    { name: 'Sergey Lavrov', type: 'person', count: 1, aliases: ['Sergey Lavrov'], mentions: [{ start: 18, end: 31, kind: 'name' }] },
    { name: 'Sergei Lavrov', type: 'person', count: 1, aliases: ['Sergei Lavrov'], mentions: [{ start: 0, end: 13, kind: 'name' }] },
  );
  const result = counter([twice, article('Sergey Lavrov in Russia.', [LAVROV, RUSSIA])]).result();
  // First article: min(2, 1); second: min(1, 1).
  assert.deepEqual(result.pairs.map((p) => [p.a, p.b, p.documents, p.mentions]), [['Russia', 'Sergey Lavrov', 2, 2]]);
  assert.deepEqual(result.nodes.find((n) => n.type === 'person'), { name: 'Sergey Lavrov', type: 'person', documents: 2, mentions: 3 });
});

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
