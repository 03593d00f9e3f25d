// Site templates: long lines that recur across a site's pages are boilerplate, unless they are most of the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';
import { lineHash, longLineHashes, TEMPLATE_PAGES, TemplateIndex } from '../../src/extract/templates.js';
import { mineInProcess, SAMPLES, tempDir } from '../helpers.js';

const NOTICE = 'The views expressed in this article are those of the author alone and do not reflect the position of this website.';

/** A sample dump with the notice put in after its first long paragraph. */
function withNotice(sample: string): string {
  const lines = fs.readFileSync(path.join(SAMPLES, sample), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.split(' ').length > 25);
  lines.splice(at + 1, 0, '', NOTICE, '');
  return lines.join('\n');
}

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).slice(0, 4);

test('the index counts pages per folder and names the lines in enough of them', () => {
  const index = new TemplateIndex();
  const notice = lineHash(NOTICE);
  for (let i = 0; i < TEMPLATE_PAGES - 1; i++) index.add(`site/p${i}.txt`, [notice, i]);
  assert.deepEqual(index.templatesOf('site/p0.txt'), []);
  index.add('site/last.txt', [notice]);
  assert.deepEqual(index.templatesOf('site/p0.txt'), [notice]);
  index.add('other/p0.txt', [notice]);
  assert.deepEqual(index.templatesOf('other/p0.txt'), [], 'another folder is another site');
  assert.ok(longLineHashes(`Short menu line\n${NOTICE}\n${NOTICE}`).length === 1, 'one hash per distinct long line');
});

test('long lines end at CR LF, CR or LF, and lines of fewer words give no hash', () => {
  const other = 'Sign up for our newsletter to get the best of the week in your inbox every Friday.';
  const hashes = [lineHash(NOTICE), lineHash(other)];
  assert.deepEqual(longLineHashes(`${NOTICE}\r\n${other}`), hashes);
  assert.deepEqual(longLineHashes(`${NOTICE}\r${other}\n`), hashes);
  const eight = 'One two three four five six seven eight';
  assert.deepEqual(longLineHashes(`Home\n\n${NOTICE}\r\n\r\n${eight}\n${other}`), [lineHash(NOTICE), lineHash(eight), lineHash(other)]);
  assert.deepEqual(longLineHashes('Read the latest news from the world'), [], 'fewer than eight words');
});

test('a template line leaves the body; a page that is mostly template keeps its text', () => {
  const content = withNotice(samples[0]!);
  const page = { file: 'a.txt', content, format: 'text' as const };
  assert.ok(extractArticles(page)[0]!.text.includes(NOTICE));
  assert.ok(!extractArticles({ ...page, templates: [lineHash(NOTICE)] })[0]!.text.includes(NOTICE));
  const everything = longLineHashes(content);
  const copy = extractArticles({ ...page, templates: everything })[0]!;
  assert.deepEqual(copy.paragraphs, extractArticles(page)[0]!.paragraphs, 'the same article printed several times is not a template');
});

test("each page is judged by its own template hashes, when the last page's were others of as many or the same in another array", () => {
  const content = withNotice(samples[0]!);
  const page = { file: 'a.txt', content, format: 'text' as const };
  const hasNotice = (templates: number[]) => extractArticles({ ...page, templates })[0]!.text.includes(NOTICE);
  const site = [lineHash('Some other long line of the site'), lineHash(NOTICE)];
  assert.ok(!hasNotice(site));
  assert.ok(hasNotice([site[0]!, lineHash('Yet another long line of the site')]));
  assert.ok(!hasNotice(site.slice()));
  assert.ok(hasNotice([site[0]!]));
});

test('mine extract learns the template of a folder of pages, and --no-templates turns it off', () => {
  const dir = tempDir();
  for (const sample of samples) fs.writeFileSync(path.join(dir, sample), withNotice(sample));
  const bodies = (args: string[]) => (JSON.parse(mineInProcess(['extract', '--json', ...args, dir]).stdout) as Array<{ text: string }>).map((r) => r.text);
  assert.equal(bodies([]).filter((t) => t.includes(NOTICE)).length, 0);
  assert.equal(bodies(['--no-templates']).filter((t) => t.includes(NOTICE)).length, samples.length);
});

test('a line hashes the same raw, trimmed, bulleted or with other quotes and dashes; other words differ', () => {
  const h = lineHash('The site’s “views” — not ours');
  assert.equal(lineHash('  • the sites "views" - NOT ours  '), h);
  assert.notEqual(lineHash('The site’s “views” — not yours'), h);
  assert.equal(lineHash('Ünïcode Straße'), lineHash('ünïcode straße'));
});
