// Web archives: the samples as HTML responses in a WARC (plain and gzipped) give the samples' entities; other records are counted, not failed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, mineInProcess, SAMPLES, tempDir } from '../helpers.js';
import { htmlPage, warcFile, type ArticleFields, type WarcRecordSpec } from './warc-builder.js';

const articles = JSON.parse(mineInProcess(['extract', '--json', SAMPLES]).stdout) as ArticleFields[];
const entities = mineInProcess(['entities', '--json', SAMPLES]).stdout;
const dir = tempDir();

/** The samples as a crawl: warcinfo, then a request and an HTML response per article, and records that are no pages. */
function crawl(): WarcRecordSpec[] {
  const records: WarcRecordSpec[] = [{ type: 'warcinfo' }];
  articles.forEach((article, i) => {
    const url = `https://www.example.org/news/${i}`;
    records.push({ type: 'request', url }, { type: 'response', url, body: htmlPage(article) });
  });
  records.push(
    { type: 'response', url: 'https://www.example.org/logo.png', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    { type: 'response', url: 'https://www.example.org/old', status: 301 },
    { type: 'response', url: 'https://www.example.org/gone', status: 404, body: '<html><body>Not found</body></html>' },
    { type: 'metadata', url: 'https://www.example.org/news/0' },
  );
  return records;
}

test('a WARC and a WARC.gz of the samples as HTML responses give the samples\' entities, on one thread and on two', () => {
  fs.writeFileSync(path.join(dir, 'crawl.warc'), warcFile(crawl(), false));
  fs.writeFileSync(path.join(dir, 'crawl.warc.gz'), warcFile(crawl(), true));
  // A cache per thread count: the entities are found on one thread and on two, and the gzipped archive's pages are
  // the same pages (its run takes them from the cache, so it must decode them to the same content).
  const cached = { '1': cachedMine(), '2': cachedMine() };
  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    for (const jobs of ['1', '2'] as const) {
      const result = cached[jobs](['entities', '--json', '--jobs', jobs, path.join(dir, name)]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, entities, `${name} --jobs ${jobs}`);
      assert.match(result.stderr, new RegExp(`${articles.length} input\\(s\\) processed.*passed over: 1 WARC warcinfo, ${articles.length} WARC request, 1 WARC not HTML, 1 WARC redirect, 1 WARC 404 response, 1 WARC metadata`));
    }
  }
});

test('records carry the response\'s URL, its host as site, and the crawl date marked as such when the page gives none', () => {
  const undated = { ...articles[0]!, published: null };
  const file = path.join(dir, 'one.warc.gz');
  fs.writeFileSync(file, warcFile([{ type: 'response', url: 'https://www.example.net/a/1', date: '2024-03-05T10:15:00Z', body: htmlPage(undated) }, { type: 'response', url: 'https://www.example.net/a/2', body: htmlPage(articles[1]!) }], true));
  const [crawled, dated] = JSON.parse(mineInProcess(['extract', '--json', file]).stdout) as Array<{ url: string; site: string; published: string; publishedSource?: string }>;
  assert.deepEqual([crawled!.url, crawled!.site, crawled!.published, crawled!.publishedSource], ['https://www.example.net/a/1', 'example.net', '2024-03-05T10:15:00Z', 'crawl']);
  assert.deepEqual([dated!.published, dated!.publishedSource], [articles[1]!.published, undefined]);
});

test('the charset comes from the response headers, else from the page', () => {
  const text = 'Министры встретились в Москве в понедельник, чтобы обсудить торговлю и безопасность в регионе.';
  const page = (meta: string) => `<html><head>${meta}<title>Встреча</title></head><body><article><h1>Встреча</h1><p>${text}</p><p>${text}</p></article></body></html>`;
  const cp1251 = (s: string) => Buffer.from([...s].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
  const file = path.join(dir, 'charsets.warc');
  fs.writeFileSync(file, warcFile([
    { type: 'response', url: 'https://example.ru/1', contentType: 'text/html; charset=windows-1251', body: cp1251(page('')) },
    { type: 'response', url: 'https://example.ru/2', contentType: 'text/html', body: cp1251(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')) },
  ], false));
  const records = JSON.parse(mineInProcess(['extract', '--json', file]).stdout) as Array<{ paragraphs: string[] }>;
  assert.deepEqual(records.map((r) => r.paragraphs[0]), [text, text]);
});

test('a cut gzip and a file that is no WARC are skipped with one line each, after the pages before; the run goes on', () => {
  const whole = warcFile(crawl(), true);
  const cut = path.join(dir, 'cut.warc.gz');
  fs.writeFileSync(cut, whole.subarray(0, whole.length >> 1));
  const notWarc = path.join(dir, 'notes.warc');
  fs.writeFileSync(notWarc, 'Shopping list\nbread\n');
  const good = path.join(dir, 'crawl.warc.gz');
  fs.writeFileSync(good, whole);
  const result = mineInProcess(['extract', '--json', cut, notWarc, good]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /cut\.warc\.gz: not valid gzip \(unexpected end of file\); the pages before were read/);
  assert.match(result.stderr, /notes\.warc: not a readable WARC/);
  const records = JSON.parse(result.stdout) as unknown[];
  assert.ok(records.length > articles.length && records.length < 2 * articles.length, `${records.length} records`);
});

test('a folder walk reads web archives', () => {
  const folder = path.join(dir, 'walk');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'crawl.warc.gz'), warcFile(crawl(), true));
  const result = mineInProcess(['entities', '--json', folder]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, entities);
});
