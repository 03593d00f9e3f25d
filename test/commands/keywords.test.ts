// mine keywords end to end on the samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedMine } from '../helpers.js';

/** The samples' entities are found once for the whole file. */
const mine = cachedMine();

interface Keyword { term: string; words: number; documents: number; count: number; score: number; subsetCount?: number; restCount?: number; g2?: number; logRatio?: number }

test('keywords: TF-IDF over the samples, best first, phrases included, terms in at least --min-docs articles', () => {
  const r = mine(['keywords', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const all = JSON.parse(r.stdout) as Keyword[];
  assert.equal(all.length, 30, 'default --top 30');
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.score >= all[i]!.score);
  assert.ok(all.every((k) => k.documents >= 2 && k.words === k.term.split(' ').length && k.score > 0));
  assert.ok(all.every((k) => !/^\d+$/.test(k.term) && !['the', 'said', 'and'].includes(k.term)), 'no stop words or numbers');
  const many = JSON.parse(mine(['keywords', '--json', '--top', '200', '--min-docs', '3', 'samples']).stdout) as Keyword[];
  assert.ok(many.some((k) => k.words > 1), 'phrases are among them');
  assert.ok(many.every((k) => k.documents >= 3));
  const words = JSON.parse(mine(['keywords', '--json', '--ngrams', '1', 'samples']).stdout) as Keyword[];
  assert.ok(words.length > 0 && words.every((k) => k.words === 1));
  assert.match(mine(['keywords', '--csv', '--top', '3', 'samples']).stdout, /^term,words,documents,count,score\n([^,\n]+,\d,\d+,\d+,[\d.]+\n){3}$/);
});

test('keywords --entity: keyness of its articles against the rest (G2 and log ratio, both positive)', () => {
  const r = mine(['keywords', '--json', '--entity', 'Wang Yi', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const keyed = JSON.parse(r.stdout) as Keyword[];
  assert.ok(keyed.length > 0 && keyed.every((k) => k.g2! > 0 && k.logRatio! > 0 && k.subsetCount! > 0 && k.subsetCount! + k.restCount! === k.count));
  for (let i = 1; i < keyed.length; i++) assert.ok(keyed[i - 1]!.g2! >= keyed[i]!.g2!);
  assert.ok(keyed.slice(0, 5).some((k) => k.term.includes('wang')));
  assert.match(r.stderr, /article\(s\) in the subset, compared with the other \d+/);
  const csv = mine(['keywords', '--csv', '--since', '2025', 'samples']).stdout;
  assert.match(csv, /^term,words,documents,count,score,subsetCount,restCount,g2,logRatio\n/);
  assert.match(mine(['keywords', '--since', '2000', 'samples']).stderr, /no rest to compare/);
});

test('keywords --help names the measures', () => {
  const help = mine(['keywords', '--help']).stdout;
  assert.match(help, /TF-IDF/);
  assert.match(help, /log-likelihood G2/);
  assert.match(help, /log ratio/);
});
