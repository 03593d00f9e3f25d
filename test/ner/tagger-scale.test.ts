// NER with the tagger on one long line of initials and names (no line breaks, so one long sentence) takes time linear in its length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/ner/index.js';
import type { Article } from '../../src/types.js';

function article(text: string): Article {
  return { id: 'long-line', file: 'long-line.txt', title: null, published: null, author: null, source: null, site: null, tags: [], paragraphs: [text], text, words: 0 };
}

/** About `bytes` characters of initials and names separated by commas, on a single line. */
function longLine(bytes: number): string {
  const unit = 'A. B. C. D. E. Lavrov, Wang, Moscow, ';
  return unit.repeat(Math.ceil(bytes / unit.length));
}

test('time per byte stays flat as one long line doubles from 50 to 400 KB', () => {
  findEntities(article(longLine(10_000))); // loads the model and lists
  const perByte: number[] = [];
  for (const kb of [50, 100, 200, 400]) {
    const text = longLine(kb * 1000);
    const t0 = performance.now();
    const entities = findEntities(article(text));
    perByte.push((performance.now() - t0) / text.length);
    assert.ok(entities.some((e) => e.name === 'Moscow'), `Moscow found at ${kb} KB`);
  }
  const smallest = perByte[0]!;
  for (const [k, t] of perByte.entries()) assert.ok(t < smallest * 4, `run ${k}: ${t.toExponential(2)} ms/byte vs ${smallest.toExponential(2)} at 50 KB`);
});
