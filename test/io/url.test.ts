// The url field: a page's canonical link or og:url, the address it was fetched from, and the site's fallback to the URL's host.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';
import type { Page } from '../../src/types.js';

const BODY = '<article><h1>Council approves park budget</h1>'
  + '<p>The council voted on Tuesday to spend more on the parks of the city, after a long debate in the old town hall.</p>'
  + '<p>Members said the money would pay for new trees, benches and paths in the three largest parks of the city.</p></article>';

function page(head: string, extra: Partial<Page> = {}): Page {
  return { file: 'page.html', format: 'html', content: `<!doctype html><html><head>${head}</head><body>${BODY}</body></html>`, ...extra };
}

test('the canonical link gives the url, and its host the site when the page names none', () => {
  const [article] = extractArticles(page('<link rel="canonical" href="https://www.example.org/city/park-budget">'));
  assert.equal(article!.url, 'https://www.example.org/city/park-budget');
  assert.equal(article!.site, 'example.org');
});

test('og:url is used without a canonical link; a relative or non-web link is no url', () => {
  assert.equal(extractArticles(page('<meta property="og:url" content="http://news.example.net/a/1">'))[0]!.url, 'http://news.example.net/a/1');
  const relative = extractArticles(page('<link rel="canonical" href="/city/park-budget"><meta property="og:url" content="javascript:void(0)">'))[0]!;
  assert.equal(relative.url, undefined);
  assert.equal('url' in relative, false);
  assert.equal(relative.site, null);
});

test('a named site stays; the address the page was fetched from wins over its canonical link', () => {
  const fetched = page('<meta property="og:site_name" content="City Paper"><link rel="canonical" href="https://example.org/other">', { url: 'https://example.org/city/park-budget' });
  const [article] = extractArticles(fetched);
  assert.equal(article!.url, 'https://example.org/city/park-budget');
  assert.equal(article!.site, 'City Paper');
});

test('a crawl date fills an unknown publication date and is marked as such; a page date is kept', () => {
  const crawled = extractArticles(page('', { crawled: '2024-03-05T10:00:00Z' }))[0]!;
  assert.equal(crawled.published, '2024-03-05T10:00:00Z');
  assert.equal(crawled.publishedSource, 'crawl');
  const dated = extractArticles(page('<meta property="article:published_time" content="2024-03-01T08:00:00+01:00">', { crawled: '2024-03-05T10:00:00Z' }))[0]!;
  assert.equal(dated.published, '2024-03-01T08:00:00+01:00');
  assert.equal(dated.publishedSource, undefined);
});
