import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mine } from '../helpers.js';

test('keywords: TF-IDF over the samples, and keyness of the articles about one entity', () => {
  const all = JSON.parse(mine(['keywords', '--json', '--top', '10', 'samples']).stdout) as Array<{ term: string; score: number }>;
  assert.equal(all.length, 10);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.score >= all[i]!.score);
  const r = mine(['keywords', '--json', '--entity', 'Wang Yi', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const keyed = JSON.parse(r.stdout) as Array<{ term: string; g2: number; subsetCount: number }>;
  assert.ok(keyed.length > 0 && keyed.every((k) => k.g2 > 0 && k.subsetCount > 0));
  assert.ok(keyed.slice(0, 5).some((k) => k.term.includes('wang')));
  assert.match(mine(['keywords', '--csv', '--top', '3', 'samples']).stdout, /^term,documents,count,tf-idf\n/);
});
