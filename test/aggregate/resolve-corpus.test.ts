// Resolution across a corpus: variants of one person's name over several articles are one row; two people sharing a surname stay two.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntityCounter } from '../../src/aggregate/entities.js';
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
