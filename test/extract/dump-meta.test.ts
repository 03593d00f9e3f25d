// Metadata of page dumps, on small made-up pages: the title is the headline, not a byline, a dateline or a quote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';

const BODY = ['the mayor', 'a council member', 'the parks director', 'a local teacher'].map(
  (who) => `The council heard from ${who}, who said that the plan for the parks would help the families of the city.`,
);

function title(...blocks: string[]): string | null {
  return extractArticles({ file: 'page.txt', content: blocks.join('\n\n'), format: 'text' })[0]!.title;
}

test('bylines with a date or a handle, datelines and pull quotes are not the title', () => {
  const headline = 'Council approves new budget for city parks';
  const nav = ['Home', 'World', 'Business', 'Sport'];
  assert.equal(title('The Daily Courier', ...nav, headline, 'Continental Press March 3, 2024, 9:02 AM', ...BODY), headline);
  assert.equal(title('The Daily Courier', ...nav, headline, 'Jane Roe, City Reporter @janeroe', ...BODY), headline);
  assert.equal(title('The Daily Courier', ...nav, headline, '10:15 GMT 3 March 2024 Updated', ...BODY), headline);
  assert.equal(title('The Daily Courier', ...nav, headline, '"We will plant a thousand new trees," the mayor said.', ...BODY), headline);
});

test('a page whose only headline-like lines are a byline and a quote has no title rather than a wrong one', () => {
  assert.equal(title('Continental Press March 3, 2024, 9:02 AM', '"We will plant a thousand new trees," the mayor said.', ...BODY), null);
});
