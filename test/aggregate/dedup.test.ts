import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Deduplicator, DuplicateFinder, signature, similarity } from '../../src/aggregate/dedup.js';
import type { Article } from '../../src/types.js';

/** Deterministic pseudo-random words (a small LCG), so texts are unrelated yet the same on every run. */
function words(seed: number, n: number): string[] {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(`w${(x >>> 8) % 2000}`);
  }
  return out;
}

function article(id: string, text: string): Article {
  return { id, file: `${id}.txt`, title: `Title ${id}`, published: '2024-05-01', author: null, source: null, site: 'Site', tags: [], paragraphs: [text], text, words: text.split(' ').length };
}

const base = words(1, 300);
/** `base` with three words replaced: a light edit. */
const edited = base.map((w, i) => ([50, 150, 250].includes(i) ? 'changed' : w));
/** `base` with its last 40% replaced: related but well below 0.8. */
const half = [...base.slice(0, 180), ...words(7, 120)];

test('signatures: null for texts under five words, equal for equal texts, case-insensitive', () => {
  assert.equal(signature('only four words here'), null);
  assert.ok(signature('now there are five words'));
  assert.deepEqual(signature(base.join(' ')), signature(base.join(' ').toUpperCase()));
  assert.equal(similarity(signature(base.join(' '))!, signature(edited.join(' '))!) > 0.8, true);
  assert.ok(similarity(signature(base.join(' '))!, signature(words(2, 300).join(' '))!) < 0.1);
});

test('signatures are seeded, not random: the same value in every process', () => {
  // A checksum of the signature, pinned: it changes only if the hash functions do.
  assert.equal(signature('the quick brown fox jumps')!.reduce((a, b) => (a + b) % 1_000_003, 0), 354821);
});

test('identical and lightly edited texts cluster; unrelated texts do not', () => {
  const finder = new DuplicateFinder();
  finder.add(article('a', base.join(' ')));
  finder.add(article('b', words(2, 300).join(' ')));
  finder.add(article('c', edited.join(' ')));
  finder.add(article('d', base.join(' ')));
  finder.add(article('e', words(3, 300).join(' ')));
  const clusters = finder.clusters();
  assert.equal(clusters.length, 1);
  assert.equal(clusters[0]!.id, 'a');
  assert.deepEqual(clusters[0]!.articles.map((a) => a.id), ['a', 'c', 'd']);
  assert.equal(clusters[0]!.size, 3);
  assert.ok(clusters[0]!.similarity! >= 0.8 && clusters[0]!.similarity! < 1);
  assert.deepEqual(clusters[0]!.articles[0], { id: 'a', file: 'a.txt', title: 'Title a', published: '2024-05-01', site: 'Site' });
  const all = finder.clusters(true);
  assert.equal(all.length, 3);
  assert.deepEqual(all.slice(1).map((c) => [c.id, c.size, c.similarity]), [['b', 1, null], ['e', 1, null]]);
});

test('the threshold is respected', () => {
  const estimate = similarity(signature(base.join(' '))!, signature(half.join(' '))!);
  assert.ok(estimate > 0.3 && estimate < 0.7, String(estimate));
  const clusterCount = (threshold: number) => {
    const finder = new DuplicateFinder({ threshold });
    finder.add(article('a', base.join(' ')));
    finder.add(article('h', half.join(' ')));
    return finder.clusters().length;
  };
  assert.equal(clusterCount(0.8), 0);
  assert.equal(clusterCount(0.3), 1);
  assert.equal(clusterCount(estimate), 1);
  assert.equal(clusterCount(estimate + 1 / 128), 0);
});

test('articles too short to shingle are never duplicates', () => {
  const finder = new DuplicateFinder();
  finder.add(article('a', 'too short'));
  finder.add(article('b', 'too short'));
  assert.deepEqual(finder.clusters(), []);
  const dedup = new Deduplicator();
  assert.equal(dedup.seen(article('a', 'too short')), false);
  assert.equal(dedup.seen(article('b', 'too short')), false);
});

test('clustering is deterministic', () => {
  const run = () => {
    const finder = new DuplicateFinder();
    for (let i = 0; i < 30; i++) finder.add(article(`x${i}`, (i % 3 === 0 ? edited : words(100 + i, 200)).join(' ')));
    finder.add(article('base', base.join(' ')));
    return finder.clusters(true);
  };
  const first = run();
  assert.deepEqual(run(), first);
  assert.equal(first[0]!.size, 11);
});

test('Deduplicator: seen() is true for near-duplicates of an accepted article, and counts them', () => {
  const dedup = new Deduplicator();
  assert.equal(dedup.seen(article('a', base.join(' '))), false);
  assert.equal(dedup.seen(article('b', edited.join(' '))), true);
  assert.equal(dedup.seen(article('c', words(2, 300).join(' '))), false);
  assert.equal(dedup.seen(article('d', base.join(' '))), true);
  assert.equal(dedup.seen(article('e', half.join(' '))), false);
  assert.equal(dedup.duplicates, 2);
  const loose = new Deduplicator({ threshold: 0.3 });
  loose.seen(article('a', base.join(' ')));
  assert.equal(loose.seen(article('e', half.join(' '))), true);
});
