import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectBlocks } from '../../src/extract/html-blocks.js';
import { childByTag, parseHtml } from '../../src/extract/html-dom.js';
import { blockFeatures, FEATURES, proseProbability } from '../../src/extract/html-model.js';
import { loadData } from '../../src/data.js';

function blocksOf(html: string) {
  const root = parseHtml(html);
  return collectBlocks(childByTag(root, 'body') ?? root);
}

const PAGE = `<html><body>
  <ul class="menu"><li><a href="/a">World news and analysis</a></li><li><a href="/b">Business and markets today</a></li></ul>
  <div class="article-body">
    <p>The regional council approved the new harbour budget on Tuesday, after a debate that lasted most of the afternoon.</p>
    <p>Members said the money would pay for repairs to the sea wall, a new ferry ramp, and two more years of dredging.</p>
  </div>
  <div class="links"><a href="/c">Sign up for the weekly newsletter here</a></div>
</body></html>`;

test('the shipped model weighs the features html-model.ts computes, in the same order', () => {
  const model = loadData<{ features: string[]; weights: number[]; mean: number[]; scale: number[] }>('html-model.json');
  assert.deepEqual(model.features, FEATURES);
  assert.equal(model.weights.length, FEATURES.length);
  const blocks = blocksOf(PAGE);
  assert.equal(blockFeatures(blocks, 0).length, FEATURES.length);
});

test('a paragraph of sentences reads more like prose than a menu link or a sign-up link', () => {
  const blocks = blocksOf(PAGE);
  const probability = (start: string) => proseProbability(blocks, blocks.findIndex((b) => b.text.startsWith(start)));
  const paragraph = probability('The regional council');
  assert.ok(paragraph > 0.5, `paragraph ${paragraph}`);
  assert.ok(paragraph > probability('World news'));
  assert.ok(paragraph > probability('Sign up'));
});
