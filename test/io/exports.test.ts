// Exports with one article per row (CSV, TSV, JSON Lines, JSON arrays): the samples exported this way give the same entities as the samples.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, mineInProcess, SAMPLES, tempDir } from '../helpers.js';

interface Extracted { id: string; title: string | null; published: string | null; text: string }

const articles = JSON.parse(mineInProcess(['extract', '--json', SAMPLES]).stdout) as Extracted[];
const entities = mineInProcess(['entities', '--json', SAMPLES]).stdout;
const dir = tempDir();
/**
 * For the runs of one table in several forms: the cache key is the page each row makes, so a form that makes other
 * pages than the first is run in full, and one that makes the same pages takes their entities from the cache.
 */
const cached = cachedMine();

function csvCell(value: string | null, separator: string): string {
  return value === null ? '' : `"${value.replace(/"/g, '""')}"`.replace(/\t/g, separator === '\t' ? ' ' : '\t');
}

/** The samples' articles as a table with the given column names (null: left out) and separator. */
function table(names: { text: string; title: string; date: string }, separator: string): string {
  const header = [names.title, 'id', names.text, names.date].join(separator);
  const rows = articles.map((a) => [a.title, a.id, a.text, a.published].map((v) => csvCell(v, separator)).join(separator));
  return [header, ...rows].join('\r\n') + '\r\n';
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('CSV, TSV and semicolon exports of the samples under common column names give the samples\' entities', () => {
  const common = { text: 'body', title: 'Headline', date: 'publish_date' };
  for (const [name, separator] of [['common.csv', ','], ['common.tsv', '\t'], ['semicolons.csv', ';']] as const) {
    const result = cached(['entities', '--json', write(name, table(common, separator))]);
    assert.equal(result.status, 0, `${name}: ${result.stderr}`);
    assert.equal(result.stdout, entities, name);
  }
});

test('JSON Lines and a JSON array with their own column names give the samples\' entities with the field flags', () => {
  const rows = articles.map((a) => ({ story: a.text, heading: a.title, when: a.published, outlet: 'Example Wire' }));
  const flags = ['--text-field', 'story', '--title-field', 'heading', '--date-field', 'when', '--site-field', 'outlet'];
  for (const file of [write('own.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')), write('own.json', JSON.stringify(rows))]) {
    const result = cached(['entities', '--json', ...flags, file]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, entities, file);
    const without = mineInProcess(['entities', '--json', file]);
    assert.equal(without.status, 1, 'without --text-field no column holds the text');
    assert.match(without.stderr, /no text column/);
  }
  const records = JSON.parse(mineInProcess(['extract', '--json', ...flags, path.join(dir, 'own.jsonl')]).stdout) as Array<{ site: string; title: string }>;
  assert.deepEqual([...new Set(records.map((r) => r.site))], ['Example Wire']);
  assert.deepEqual(records.map((r) => r.title), articles.map((a) => a.title));
});

test('dates, URLs and sites are read from their columns; a URL gives the site when none is named', () => {
  const file = write('gdelt.jsonl', JSON.stringify({ content: articles[0]!.text, seendate: '20240305T101500Z', link: 'https://www.example.com/world/1' }) + '\n');
  const [record] = JSON.parse(mineInProcess(['extract', '--json', file]).stdout) as Array<{ published: string; url: string; site: string; publishedSource?: string }>;
  assert.equal(record!.published, '2024-03-05T10:15:00Z');
  assert.equal(record!.publishedSource, undefined);
  assert.equal(record!.url, 'https://www.example.com/world/1');
  assert.equal(record!.site, 'example.com');
});

test('a row without text is skipped with its row number and reason; the other rows go on; a named column that is missing is one skip', () => {
  const file = write('gaps.csv', `title,text\nFirst,"${articles[0]!.text.replace(/"/g, '""')}"\nSecond,\nThird,"${articles[1]!.text.replace(/"/g, '""')}"\n`);
  const result = mineInProcess(['extract', '--json', file]);
  assert.equal(result.status, 1);
  assert.equal((JSON.parse(result.stdout) as unknown[]).length, 2);
  assert.match(result.stderr, /gaps\.csv: row 2 \(line \d+\): no text in "text"/);
  assert.match(result.stderr, /2 input\(s\) processed, 2 record\(s\); 1 skipped \(1 no text\)/);
  const missing = mineInProcess(['extract', '--json', '--text-field', 'story', file]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /gaps\.csv: no column "story" \(--text-field\); its columns: title, text/);
});

test('--extract removes the boilerplate of rows that hold whole pages; without it the page text is kept whole', () => {
  const body = articles[0]!.text.split('\n\n').map((p) => `<p>${p}</p>`).join('');
  const page = `<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${articles[0]!.title}</h1>${body}</article><footer>Contact us</footer></body></html>`;
  const file = write('pages.jsonl', JSON.stringify({ html: page }) + '\n');
  const [extracted] = JSON.parse(mineInProcess(['extract', '--json', '--extract', '--text-field', 'html', file]).stdout) as Extracted[];
  assert.equal(extracted!.text, articles[0]!.text);
  assert.equal(extracted!.title, articles[0]!.title);
  const [raw] = JSON.parse(mineInProcess(['extract', '--json', '--text-field', 'html', file]).stdout) as Extracted[];
  assert.match(raw!.text, /<nav>/);
});
