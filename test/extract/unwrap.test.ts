// Hard-wrapped dumps (a text browser's 80 columns) read as if each paragraph were one line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';
import { fromTextBrowser } from '../../src/extract/unwrap.js';
import { SAMPLES, wrapAt } from '../helpers.js';

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));

test('a dump wrapped at 80 or 120 columns gives the same article as the unwrapped dump', () => {
  for (const file of samples) {
    const content = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
    const [article] = extractArticles({ file, content, format: 'text' });
    for (const width of [80, 120]) {
      const [fromWrapped] = extractArticles({ file, content: wrapAt(content, width), format: 'text' });
      assert.deepEqual(fromWrapped!.paragraphs, article!.paragraphs, `${file} at ${width}`);
      assert.equal(fromWrapped!.title, article!.title, `${file} at ${width}`);
      assert.equal(fromWrapped!.published, article!.published, `${file} at ${width}`);
    }
  }
});

test('a dump that is not wrapped is left as it is', () => {
  for (const file of samples) {
    const content = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
    assert.equal(fromTextBrowser(content), content, file);
  }
});

test('list items, short lines and blank lines are kept apart when a page is unwrapped', () => {
  const paragraph = 'The council heard from the mayor, who said that the plan for the parks would help the families of the city and the schools of the old town.';
  const page = wrapAt([paragraph, '', '  • Parks budget approved by the council', '  • Bike lanes', 'Home', 'World', '', paragraph, '', paragraph].join('\n'), 60);
  assert.ok(page.split('\n').length > 12);
  assert.equal(fromTextBrowser(page), [paragraph, '', '  • Parks budget approved by the council', '  • Bike lanes', 'Home', 'World', '', paragraph, '', paragraph].join('\n'));
});

test("lynx's link numbers and its list of link addresses are not part of the page", () => {
  const paragraph = 'The council heard from [3]the mayor, who said that the plan for the parks would help the families of the city.';
  const page = [paragraph, '', paragraph, '', 'References', '', '   Visible links:', '   1. https://courier.example/', '   2. https://courier.example/parks', '   3. https://courier.example/mayor'].join('\n');
  const expected = paragraph.replace('[3]', '');
  assert.equal(fromTextBrowser(page).trimEnd(), [expected, '', expected].join('\n'));
  // Without the list, bracketed numbers are the page's own ("[1]" footnotes) and stay.
  assert.equal(fromTextBrowser([paragraph, '', paragraph].join('\n')), [paragraph, '', paragraph].join('\n'));
});

test('a page is unwrapped whatever its line breaks (\\n, \\r\\n, \\r) and whichever lower-case letters its cut lines start with', () => {
  // Each word starts in lower case, so that every cut line does: Latin with accents, Cyrillic, and a letter past the
  // Basic Multilingual Plane (U+1D41A, a lower-case letter written as two code units).
  for (const word of ['été', 'жизнь', '\u{1D41A}bc']) {
    const paragraph = Array.from({ length: 80 }, () => word).join(' ');
    const page = wrapAt([paragraph, '', paragraph].join('\n'), 60);
    assert.ok(page.split('\n').length > 8, word);
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      assert.equal(fromTextBrowser(page.replaceAll('\n', lineBreak)), [paragraph, '', paragraph].join('\n'), `${word} ${JSON.stringify(lineBreak)}`);
    }
  }
});
