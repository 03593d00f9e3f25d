// The team's sample dumps against their expected extraction (test/fixtures/samples/*.json).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';
import type { Article } from '../../src/types.js';
import { FIXTURES, SAMPLES } from '../helpers.js';

interface Expected {
  file: string;
  title: string;
  published: string | null;
  author?: string | null;
  source?: string | null;
  site?: string | null;
  tags: string[];
  paragraphs: string[];
  otherArticles?: Array<{ title: string; paragraphs: string[] }>;
}

const tokens = (text: string) => text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Bag-of-tokens F1 of two texts. */
function tokenF1(predicted: string, gold: string): number {
  const counts = new Map<string, number>();
  for (const t of tokens(gold)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const p = tokens(predicted);
  const g = tokens(gold);
  let hits = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      hits++;
      counts.set(t, n - 1);
    }
  }
  if (hits === 0) return 0;
  const precision = hits / p.length;
  const recall = hits / g.length;
  return (2 * precision * recall) / (precision + recall);
}

const dir = path.join(FIXTURES, 'samples');
const expectations: Expected[] = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Expected);

function extract(file: string, allArticles = false): Article[] {
  const full = path.join(SAMPLES, file);
  return extractArticles({ file: full, content: fs.readFileSync(full, 'utf8'), format: 'text' }, { allArticles });
}

test('there are samples to check', () => {
  assert.ok(expectations.length >= 10);
});

for (const want of expectations) {
  test(`sample ${want.file}`, () => {
    const [got] = extract(want.file);
    assert.ok(got);
    assert.equal(got.title, want.title, 'title');
    if (want.published === null) assert.equal(got.published, null, 'published');
    else assert.ok(got.published?.startsWith(want.published), `published: ${got.published} for ${want.published}`);
    assert.deepEqual(got.tags, want.tags, 'tags');
    for (const field of ['author', 'source', 'site'] as const) {
      if (want[field] !== undefined) assert.equal(got[field], want[field], field);
    }
    const f1 = tokenF1(got.paragraphs.join('\n'), want.paragraphs.join('\n'));
    assert.ok(f1 >= 0.95, `body token F1 ${f1.toFixed(3)}`);
    for (const p of got.paragraphs) {
      assert.notEqual(p, want.title, 'the title is not a body paragraph');
    }
  });

  if (want.otherArticles) {
    test(`sample ${want.file}: the glued-on articles come out as their own records`, () => {
      const all = extract(want.file, true);
      assert.equal(all.length, 1 + want.otherArticles!.length);
      assert.equal(all[0]!.title, want.title);
      for (const [i, other] of want.otherArticles!.entries()) {
        const got = all[i + 1]!;
        assert.equal(got.title, other.title);
        const f1 = tokenF1(got.paragraphs.join('\n'), other.paragraphs.join('\n'));
        assert.ok(f1 >= 0.95, `other article body token F1 ${f1.toFixed(3)}`);
      }
    });
  }
}
