// Entities found in the samples against their hand-made expectations (test/fixtures/samples/*.json).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cleanArticle } from '../../src/clean/index.js';
import { extractArticles } from '../../src/extract/index.js';
import { findEntities } from '../../src/ner/index.js';
import { FIXTURES, SAMPLES } from '../helpers.js';

interface Expected {
  file: string;
  entities: Record<string, { core: string[]; optional: string[] }>;
}

const TYPES = ['person', 'country', 'org', 'place'] as const;

/** Micro precision and recall per type over all samples; distinct entities per article, as the shared scorer counts them. */
function score() {
  const tally = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: [] as string[], fn: [] as string[] }]));
  for (const f of fs.readdirSync(path.join(FIXTURES, 'samples'))) {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'samples', f), 'utf8')) as Expected;
    const content = fs.readFileSync(path.join(SAMPLES, expected.file), 'utf8');
    const article = cleanArticle(extractArticles({ file: expected.file, content, format: 'text' })[0]!);
    const found = findEntities(article);
    for (const type of TYPES) {
      const { core, optional } = expected.entities[type] ?? { core: [], optional: [] };
      const names = new Set(found.filter((e) => e.type === type).map((e) => e.name));
      for (const name of names) {
        if (core.includes(name)) tally[type]!.tp++;
        else if (!optional.includes(name)) tally[type]!.fp.push(`${f.slice(0, 3)}:${name}`);
      }
      for (const name of core) if (!names.has(name)) tally[type]!.fn.push(`${f.slice(0, 3)}:${name}`);
    }
  }
  return tally;
}

test('people, countries, organisations and places of the samples, under canonical names', () => {
  const tally = score();
  let tp = 0, fp = 0, fn = 0;
  for (const type of TYPES) {
    const t = tally[type]!;
    tp += t.tp; fp += t.fp.length; fn += t.fn.length;
    const precision = t.tp / (t.tp + t.fp.length), recall = t.tp / (t.tp + t.fn.length);
    assert.ok(precision >= 0.9 && recall >= 0.9, `${type}: P ${precision.toFixed(2)} R ${recall.toFixed(2)}\n  false: ${t.fp.join(', ')}\n  missed: ${t.fn.join(', ')}`);
  }
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  if (process.env.MINE_TEST_VERBOSE) console.log(JSON.stringify(tally, null, 1), f1);
  assert.ok(f1 >= 0.95, `micro F1 ${f1.toFixed(3)}`);
});
