// mine report end to end: the page's data against the other commands, the output options, and the page itself in
// headless Chromium (Debian's chromium, driven by puppeteer-core; skipped, with a message, where it is not installed).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { ReportPage } from '../../src/render/report/page.js';
import { mineAsync, mineInProcess, SAMPLES, slowText, tempDir } from '../helpers.js';

const out = tempDir();
const reportFile = path.join(out, 'r.html');
const built = mineInProcess(['report', 'samples', '-o', reportFile]);

/** The data a report page holds. */
function pageData(html: string): ReportPage {
  return JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!) as ReportPage;
}

test('report: writes the file, says where on stderr, and holds no reference to anything outside it', () => {
  assert.equal(built.status, 0, built.stderr);
  assert.equal(built.stdout, '');
  assert.match(built.stderr, new RegExp(`report written to ${reportFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d.]+ KB, 13 articles\\)`));
  const html = fs.readFileSync(reportFile, 'utf8');
  assert.doesNotMatch(html, /<(script|link|img|iframe)[^>]+(src|href)=/i, 'no external script, style sheet, image or frame');
  assert.doesNotMatch(html, /@import|url\(\s*['"]?(https?:)?\/\//i, 'no style sheet or font fetched from the network');
});

test('report: per-entity articles and mentions in the page add up to what mine entities counts', () => {
  const page = pageData(fs.readFileSync(reportFile, 'utf8'));
  const entities = JSON.parse(mineInProcess(['entities', '--json', 'samples']).stdout) as Array<{ name: string; type: string; mentions: number; documents: number }>;
  const counted = page.data.entities.map(() => ({ mentions: 0, documents: 0 }));
  for (const [, , , ids] of page.data.articles) {
    for (let i = 0; i < ids.length; i += 2) {
      counted[ids[i]!]!.mentions += ids[i + 1]!;
      counted[ids[i]!]!.documents++;
    }
  }
  assert.equal(page.data.entities.length, entities.length);
  page.data.entities.forEach(([name, type], id) => {
    const row = entities.find((e) => e.name === name && e.type === page.data.types[type]);
    assert.ok(row, `${name} is a row of mine entities`);
    assert.deepEqual(counted[id], { mentions: row.mentions, documents: row.documents }, name);
  });
});

test("report: an entity's keywords are those of mine keywords --entity, and concordance links lead to the articles", () => {
  const page = pageData(fs.readFileSync(reportFile, 'utf8'));
  const id = page.data.entities.findIndex(([name]) => name === 'Wang Yi');
  const keyness = JSON.parse(mineInProcess(['keywords', '--json', '--top', '20', '--entity', 'Wang Yi', 'samples']).stdout) as Array<{ term: string; g2: number }>;
  assert.deepEqual(page.data.keywords.entities[id]!.map(([term, g2]) => [term, g2]), keyness.map((k) => [k.term, k.g2]));
  const lines = page.data.kwic[id]!;
  assert.ok(lines.length > 0);
  for (const [article, , match] of lines) {
    assert.match(match, /Wang|Yi/);
    assert.ok(fs.existsSync(path.join(out, decodeURIComponent(page.links[article]!))), `${page.links[article]} is the article's file, relative to the report`);
  }
});

test('report: a report written into the folder it reads is not read as an article on the next run', () => {
  const folder = path.join(tempDir(), 'pages');
  fs.cpSync(SAMPLES, folder, { recursive: true });
  for (let run = 0; run < 2; run++) {
    const r = mineInProcess(['report', folder, '-o', path.join(folder, 'report.html')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /, 13 articles\)/);
  }
});

test('report interrupted (Ctrl-C) leaves the file it would have replaced as it was', async () => {
  const dir = tempDir();
  const slow = path.join(dir, 'slow.ndjson');
  fs.writeFileSync(slow, JSON.stringify({ id: 'slow', title: 'A long text', text: slowText() }) + '\n');
  const target = path.join(dir, 'report.html');
  fs.writeFileSync(target, 'an earlier report');
  // The slow record takes minutes: three seconds in, the run is reading it.
  const run = await mineAsync(['report', '--jobs', '2', '-o', target, path.join(SAMPLES, '001-lavrov-wang-yi-phone-call.txt'), slow], {
    started: (child) => setTimeout(() => child.kill('SIGINT'), 3000),
    killAfterMs: 60_000,
  });
  assert.equal(run.status, 130, run.stderr);
  assert.match(run.stderr, /no report written: the run was interrupted/);
  assert.equal(fs.readFileSync(target, 'utf8'), 'an earlier report');
});

test('report -o -: the page on stdout; a folder as --output is a usage error', () => {
  const piped = mineInProcess(['report', '-q', '-o', '-', 'samples/001-lavrov-wang-yi-phone-call.txt']);
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(pageData(piped.stdout).data.articles.length, 1);
  const folder = mineInProcess(['report', '-o', out, 'samples']);
  assert.equal(folder.status, 2);
  assert.match(folder.stderr, /is a folder/);
});

/** Debian's Chromium, or the browser PUPPETEER_EXECUTABLE_PATH names. */
const chromium = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium'].find((file) => file && fs.existsSync(file));

describe('report in headless Chromium', { skip: chromium ? false : 'Chromium is not installed (apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH)' }, () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];
  const fileUrl = pathToFileURL(reportFile).href;

  before(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url === fileUrl || url.startsWith('data:')) void request.continue();
      else {
        outside.push(url);
        void request.abort();
      }
    });
    await page.goto(fileUrl);
    await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
  });

  after(async () => {
    await browser?.close();
  });

  const count = (selector: string) => page.$$eval(selector, (nodes) => nodes.length);
  const text = (selector: string) => page.$eval(selector, (node) => node.textContent ?? '');

  test('opens without console errors, and no request leaves the file', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
  });

  test('every chart has drawn its marks, and its numbers are in a table beside it', async () => {
    const months = await count('#timeline-table tbody tr');
    assert.ok(months > 1);
    assert.equal(await count('#timeline-chart circle.mark'), months * 5, 'one mark per month for each of the top five entities');
    assert.equal(await count('#timeline-legend .key'), 5);
    assert.ok((await count('#network-chart circle.node')) > 10);
    assert.equal(Math.min(100, await count('#network-chart line.edge')), await count('#network-table tbody tr'));
    assert.ok((await count('#sources-chart rect.mark')) > 0);
    assert.equal(await count('#keywords-chart rect.mark'), await count('#keywords-table tbody tr'));
    assert.ok((await count('#keywords-chart rect.mark')) > 0);
    assert.ok((await count('#kwic-table tbody tr')) > 0);
    assert.ok((await count('#entity-table tbody tr')) > 10);
  });

  test('choosing an entity updates the timeline, the keywords and the concordance', async () => {
    await page.$eval('#f-entity', (input) => {
      (input as unknown as { value: string }).value = 'Sergey Lavrov';
      input.dispatchEvent(new Event('change'));
    });
    assert.equal(await text('#timeline-legend'), 'Sergey Lavrov');
    const months = await count('#timeline-table tbody tr');
    assert.equal(await count('#timeline-chart circle.mark'), months);
    assert.match(await text('#kwic-what'), /^Sergey Lavrov: \d+ line\(s\)/);
    const matches = await page.$$eval('#kwic-table td.match', (cells) => cells.map((c) => c.textContent));
    assert.ok(matches.length > 0 && matches.every((m) => /Lavrov/.test(m ?? '')), matches.join(', '));
    assert.match(await text('#keywords-what'), /mentioning Sergey Lavrov/);
    assert.match(await text('#overview-figures'), /of 13 \(mentioning Sergey Lavrov\)/);
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mine-report-')), 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    process.stderr.write(`report screenshot: ${shot}\n`);
    await page.click('#f-clear');
    assert.equal(await count('#timeline-legend .key'), 5);
  });

  test("by week, an entity's timeline is mine timeline's: the same weeks, articles per week and articles mentioning it", async () => {
    const expected = JSON.parse(mineInProcess(['timeline', '--entity', 'Wang Yi', '--by', 'week', '--json', 'samples']).stdout) as { series: Array<{ period: string; documents: number; total: number }> };
    await page.select('#f-by', 'week');
    await page.$eval('#f-entity', (input) => {
      (input as unknown as { value: string }).value = 'Wang Yi';
      input.dispatchEvent(new Event('change'));
    });
    const rows = await page.$$eval('#timeline-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.children, (td) => (td as { textContent: string | null }).textContent)));
    assert.deepEqual(rows, expected.series.map((p) => [p.period, String(p.total), String(p.documents)]));
    await page.select('#f-by', 'month');
    await page.click('#f-clear');
  });

  test('the type filter and the date filter apply to the table, the network and the concordance', async () => {
    await page.$eval('#f-types input[value="1"]', (box) => (box as unknown as { click(): void }).click()); // country
    const types = await page.$$eval('#entity-table tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    assert.ok(types.length > 0 && !types.includes('country'));
    const fills = await page.$$eval('#network-chart circle.node', (nodes) => nodes.map((n) => n.getAttribute('fill')));
    assert.ok(fills.length > 0 && !fills.includes('#009E73'), 'no country node');
    await page.$eval('#f-types input[value="1"]', (box) => (box as unknown as { click(): void }).click());
    await page.$eval('#f-from', (input) => {
      (input as unknown as { value: string }).value = '2025-01-01';
      input.dispatchEvent(new Event('change'));
    });
    const dates = await page.$$eval('#kwic-table tbody td:first-child', (cells) => cells.map((c) => c.textContent ?? ''));
    assert.ok(dates.length > 0 && dates.every((d) => d >= '2025-01-01'), dates.join(' '));
    assert.ok((await page.$$eval('#timeline-table tbody td:first-child', (cells) => cells.map((c) => c.textContent ?? ''))).every((m) => m >= '2025-01'));
  });

  test('the entity table sorts by a column and finds a name by search', async () => {
    await page.click('#entity-table th:first-child button');
    const names = await page.$$eval('#entity-table tbody td:first-child', (cells) => cells.map((c) => c.textContent ?? ''));
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await page.type('#entity-search', 'lavrov');
    assert.deepEqual(await page.$$eval('#entity-table tbody td:first-child', (cells) => cells.map((c) => c.textContent)), ['Sergey Lavrov']);
  });
});
