// mine sources, end to end on the samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedMine } from '../helpers.js';

/** The samples' entities are found once for the whole file. */
const mine = cachedMine();

interface SourceRow { name: string; by: string; articles: number; first: string | null; last: string | null; months: Array<{ period: string; articles: number }>; top: Array<{ name: string; type: string; documents: number }> }

test('sources --json: one row per site, articles adding up to the corpus, months over its whole range', () => {
  const r = mine(['sources', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as SourceRow[];
  assert.deepEqual(rows.map((row) => [row.name, row.by, row.articles]), [['Eastbridge News', 'site', 5], ['The Northgate Ledger', 'site', 5], ['(unknown)', 'site', 3]]);
  const eastbridge = rows[0]!;
  assert.equal(eastbridge.first, '2023-08-24');
  assert.equal(eastbridge.last, '2025-07-02');
  for (const row of rows) {
    assert.equal(row.months[0]!.period, '2023-08');
    assert.equal(row.months.at(-1)!.period, '2025-07');
    assert.equal(row.months.reduce((n, m) => n + m.articles, 0), row.articles);
    assert.equal(row.top.length, 3);
    for (let i = 1; i < row.top.length; i++) assert.ok(row.top[i - 1]!.documents >= row.top[i]!.documents);
  }
  assert.deepEqual({ ...eastbridge.top[0], mentions: undefined }, { name: 'China', type: 'country', documents: 4, mentions: undefined });
  assert.ok((eastbridge.top[0] as { mentions?: number }).mentions! >= 4);
});

test('sources --by source, --top and dates', () => {
  const bySource = JSON.parse(mine(['sources', '--json', '--by', 'source', '--top', '1', '--since', '2024', 'samples']).stdout) as SourceRow[];
  assert.deepEqual(bySource.map((row) => [row.name, row.by, row.articles]), [['(unknown)', 'source', 3], ['Agencies', 'source', 3], ['Continental Press', 'source', 3]]);
  for (const row of bySource) {
    assert.equal(row.top.length, 1);
    assert.ok(row.first! >= '2024-01-01');
  }
  assert.equal(mine(['sources', '--by', 'author', 'samples']).status, 2);
});

test('sources table: a sparkline per row; CSV has the top entities with types', () => {
  const table = mine(['sources', '--table', 'samples']).stdout;
  assert.match(table, /│ Eastbridge News\s+│\s+5 │ [▁▂▃▄▅▆▇█]{24} │ 2023-08-24 │ 2025-07-02 │ China \(4\)/);
  const csv = mine(['sources', '--csv', 'samples']).stdout.trim().split('\n');
  assert.equal(csv[0], 'name,by,articles,first,last,top');
  assert.match(csv[1]!, /^Eastbridge News,site,5,2023-08-24,2025-07-02,"China \(country, 4\); /);
});
