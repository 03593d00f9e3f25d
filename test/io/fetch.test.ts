// Web pages fetched from a local server the test starts: the same records as the saved pages, a message for each fault,
// robots.txt obeyed, at most two requests at a time per host, and a rerun with --cache that makes no request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { readInputs } from '../../src/io/read.js';
import { mineAsync, mineInProcess, SAMPLES, tempDir } from '../helpers.js';
import { htmlPage, type ArticleFields } from './warc-builder.js';

const articles = JSON.parse(mineInProcess(['extract', '--json', SAMPLES]).stdout) as ArticleFields[];
const pages = articles.map(htmlPage);
const dir = tempDir();

/** What the server saw: requests by path, user agents, and the most requests it was answering at once. */
const seen = { paths: [] as string[], agents: new Set<string>(), running: 0, mostAtOnce: 0 };
let flakyCalls = 0;
let base = '';
let server: http.Server;

function answer(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = request.url ?? '/';
  const page = /^\/news\/(\d+)\.html$/.exec(url);
  if (url === '/robots.txt') return void response.end('User-agent: *\nDisallow: /private/\n');
  if (page && pages[Number(page[1])]) {
    const body = Buffer.from(pages[Number(page[1])]!);
    // Odd pages brotli, even ones gzip, when the client takes them.
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const [encoding, encoded] = Number(page[1]) % 2 && accepts.includes('br') ? ['br', zlib.brotliCompressSync(body)] : accepts.includes('gzip') ? ['gzip', zlib.gzipSync(body)] : [undefined, body];
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(encoding ? { 'content-encoding': encoding } : {}) });
    // Held a moment, so that requests overlap if the client sends them together.
    return void setTimeout(() => response.end(encoded), 30);
  }
  if (url.startsWith('/moved/')) return void response.writeHead(301, { location: `/news/${url.slice(7)}.html` }).end();
  if (url === '/slow') return void setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 3000);
  if (url === '/flaky') return void (flakyCalls++ === 0 ? response.writeHead(503).end() : response.writeHead(200, { 'content-type': 'text/html' }).end(pages[0]));
  if (url === '/image.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50]));
  response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
}

before(async () => {
  server = http.createServer((request, response) => {
    seen.paths.push(request.url ?? '');
    seen.agents.add(String(request.headers['user-agent']));
    seen.mostAtOnce = Math.max(seen.mostAtOnce, ++seen.running);
    response.on('close', () => seen.running--);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => server.close());

const FAST = ['--fetch-delay', '0', '--fetch-timeout', '1'];
const withoutPlace = (records: Array<Record<string, unknown>>) => records.map(({ file: _f, url: _u, site: _s, id: _i, ...rest }) => rest);

test('a URL list gives the same records and entities as the saved pages, fetched at most two at a time, as mine', async () => {
  const saved = path.join(dir, 'saved');
  fs.mkdirSync(saved);
  pages.forEach((page, i) => fs.writeFileSync(path.join(saved, `${String(i).padStart(3, '0')}.html`), page));
  const list = path.join(dir, 'urls.txt');
  fs.writeFileSync(list, `# the samples\n${pages.map((_, i) => `${base}/news/${i}.html`).join('\n')}\n`);
  seen.paths.length = 0;
  const fetched = await mineAsync(['extract', '--json', ...FAST, '--urls', list]);
  assert.equal(fetched.status, 0, fetched.stderr);
  const records = JSON.parse(fetched.stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(withoutPlace(records), withoutPlace(JSON.parse(mineInProcess(['extract', '--json', saved]).stdout)));
  assert.deepEqual(records.map((r) => r.url), pages.map((_, i) => `${base}/news/${i}.html`));
  assert.equal(records[0]!.site, '127.0.0.1');
  assert.deepEqual(seen.paths.filter((p) => p === '/robots.txt'), ['/robots.txt'], 'robots.txt is asked once per host');
  assert.ok(seen.mostAtOnce <= 2, `${seen.mostAtOnce} requests at once`);
  assert.deepEqual([...seen.agents].map((a) => a.split('/')[0]), ['mine']);
  const entities = await mineAsync(['entities', '--json', ...FAST, '--urls', list]);
  assert.equal(entities.stdout, mineInProcess(['entities', '--json', SAMPLES]).stdout);
});

test('each fault gets its one-line message and a count in the summary; a redirect and a retried 503 are fetched', async () => {
  const list = path.join(dir, 'faults.txt');
  fs.writeFileSync(list, ['/moved/1', '/missing', '/private/report.html', '/slow', '/flaky', '/image.png'].map((p) => base + p).join('\n') + '\nnot a url\n');
  const result = await mineAsync(['extract', '--json', ...FAST, '--urls', list]);
  assert.equal(result.status, 1);
  const records = JSON.parse(result.stdout) as Array<{ url: string; title: string }>;
  assert.deepEqual(records.map((r) => r.url), [`${base}/news/1.html`, `${base}/flaky`]);
  assert.deepEqual(records.map((r) => r.title), [articles[1]!.title, articles[0]!.title]);
  for (const message of [/faults\.txt: line 7: not a web address/, /\/missing: HTTP 404 Not Found/, /\/private\/report\.html: disallowed by robots\.txt/, /\/slow: no answer in 1 s \(after 3 tries\)/, /\/image\.png: not a page \(image\/png\)/]) {
    assert.match(result.stderr, message);
  }
  assert.match(result.stderr, /2 input\(s\) processed, 2 record\(s\); 5 skipped \(1 bad url, 1 http error, 1 robots\.txt, 1 timeout, 1 not a page\)/);
});

test('URL arguments are fetched; with --cache a rerun gives the same output and makes no request', async () => {
  const cache = path.join(dir, 'cache');
  const args = ['extract', '--json', ...FAST, '--cache', cache, `${base}/news/2.html`, `${base}/moved/3`, `${base}/missing`];
  const first = await mineAsync(args);
  assert.equal(first.status, 1);
  assert.equal((JSON.parse(first.stdout) as unknown[]).length, 2);
  seen.paths.length = 0;
  const second = await mineAsync(args);
  assert.deepEqual(seen.paths, []);
  assert.equal(second.stdout, first.stdout);
  assert.equal(second.stderr, first.stderr);
});

test('a URL list on stdin is fetched', async () => {
  const stdin = Readable.from([Buffer.from(`${base}/news/4.html\n${base}/news/5.html\n`)]);
  const inputs = [];
  for await (const input of readInputs(['-'], { maxBytes: 1 << 20, stdin, fetch: { delaySeconds: 0, timeoutSeconds: 5 } })) inputs.push(input);
  assert.deepEqual(inputs.map((i) => (i.kind === 'page' ? i.page.content : i.kind)), [pages[4], pages[5]]);
});
