import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFromHtml } from '../../src/extract/html.js';
import { parseDocument } from '../../src/extract/html-parser.js';
import { parse, serialize } from 'parse5';

const PARAGRAPH = `<p>${'The committee met on Tuesday to discuss the budget, and its members voted to approve it. '.repeat(3)}</p>`;
const SIZES = [10_000, 20_000, 40_000, 80_000];
/** Time per byte may grow this much over the smallest run before the growth counts as worse than linear. */
const FACTOR = 4;

function nestedDivs(n: number): string {
  return `<html><body>${'<div>'.repeat(n)}${PARAGRAPH}${'</div>'.repeat(n)}</body></html>`;
}

function nestedTables(n: number): string {
  return `<html><body>${PARAGRAPH}${'<table><tr><td>'.repeat(n)}x${'</td></tr></table>'.repeat(n)}</body></html>`;
}

function manyAttributes(n: number): string {
  const attributes = Array.from({ length: n }, (_, i) => `data-a${i}="v${i}"`).join(' ');
  return `<html><body><div ${attributes}>${PARAGRAPH}</div></body></html>`;
}

/** Seconds per byte of extracting the page, the best of two runs. */
function timePerByte(content: string): number {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    const [article] = extractFromHtml({ file: 'scale.html', content, format: 'html' }, { allArticles: false });
    best = Math.min(best, performance.now() - start);
    assert.equal(article?.paragraphs.length, 1);
  }
  return best / content.length;
}

function assertLinear(makePage: (n: number) => string): void {
  timePerByte(makePage(1_000)); // warm up the compiler
  const perByte = SIZES.map((n) => timePerByte(makePage(n)));
  const smallest = perByte[0]!;
  for (const [i, t] of perByte.entries()) {
    assert.ok(t <= smallest * FACTOR, `${SIZES[i]}: ${(t / smallest).toFixed(1)}x the time per byte of ${SIZES[0]}`);
  }
}

test('extraction time grows linearly with the nesting depth, 10k to 80k nested divs', () => {
  assertLinear(nestedDivs);
});

test('extraction time grows linearly with the nesting of tables, 10k to 80k', () => {
  assertLinear(nestedTables);
});

test('extraction time grows linearly with the attributes of one element, 10k to 80k', () => {
  assertLinear(manyAttributes);
});

test('the linear-time parser builds the tree parse5 builds, misnested and duplicated markup included', () => {
  const pages = [
    '<p><b><i>x</p>y</b>z', '<a><div><a>x</a></div></a>', '<b>1<p>2</b>3</p>4<i><a>5<div>6</i>7</div>',
    '<table><tr><td><p>x<table><p>y', '<ul><li>a<li>b<div><li>c</ul>', '<p><button><p>x</button>y',
    '<svg><title><p>x</title></svg><p>y', '<p x=1 x=2 y=3 Y=4>z', '<template><p>x</template><p>y', nestedDivs(300),
    '<table><tr><td><b>x<table><tr><td>y</td></tr></table>z</b></td></tr></table>', '<td><td><b>x</td>y',
    '<table><tr><td><a>1<td><a>2</table><a>3', '<table><tr><td><table><tr><td><b>deep</table></table>after', nestedTables(300),
  ];
  for (const page of pages) assert.equal(serialize(parseDocument(page)), serialize(parse(page)), page);
});
