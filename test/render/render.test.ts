import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bar } from '../../src/render/bar.js';
import { colorWanted } from '../../src/render/color.js';
import { csvLine } from '../../src/render/csv.js';
import { cutTo, LAYOUT_ROWS, renderTable } from '../../src/render/table.js';
import { renderTsv } from '../../src/render/tsv.js';

test('CSV quotes only what needs quoting', () => {
  assert.equal(csvLine(['a', 'b,c', 'say "hi"', null, 3]), 'a,"b,c","say ""hi""",,3\n');
});

test('colour only on a terminal and never with NO_COLOR', () => {
  assert.equal(colorWanted({ isTTY: true }, {}), true);
  assert.equal(colorWanted({ isTTY: false }, {}), false);
  assert.equal(colorWanted({ isTTY: true }, { NO_COLOR: '1' }), false);
});

test('tables carry no escape codes when colour is off', () => {
  const out = renderTable([{ header: 'name', value: (r: { n: string }) => r.n, style: (t) => `\u001b[31m${t}\u001b[39m` }], [{ n: 'Lavrov' }], { color: false });
  assert.match(out, /Lavrov/);
  assert.doesNotMatch(out, /\u001b\[/);
});

test('long tables are laid out in one pass in the same shape as cli-table3 lays out short ones', () => {
  type Row = { name: string; n: number };
  const columns = [
    { header: 'entity', value: (r: Row) => r.name },
    { header: 'mentions', value: (r: Row) => r.n, align: 'right' as const },
  ];
  const names = ['Lavrov', '王毅', 'Zoë 🙂', 'e\u0301te'];
  const rows: Row[] = Array.from({ length: LAYOUT_ROWS + 1 }, (_, i) => ({ name: names[i % names.length]!, n: i }));
  const long = renderTable(columns, rows, { color: false }).split('\n');
  const short = renderTable(columns, rows.slice(0, LAYOUT_ROWS), { color: false }).split('\n');
  // Same borders, header and rows: only the last data row differs.
  assert.deepEqual(long.slice(0, LAYOUT_ROWS + 2), short.slice(0, LAYOUT_ROWS + 2));
  assert.equal(long.at(-2), short.at(-2));
  assert.match(long.at(-3)!, new RegExp(`${LAYOUT_ROWS} │$`));
});

test('bars scale to the largest value and never vanish for non-zero values', () => {
  assert.equal(bar(10, 10, 5), '█████');
  assert.equal(bar(0, 10, 5), '');
  assert.ok(bar(1, 1000, 5).length >= 1);
  assert.ok(bar(5, 10, 4).startsWith('██'));
});

test('a table given a width fits it in both layouts, cutting text before numbers and paths in the middle', () => {
  type Row = { file: string; title: string; n: number };
  const columns = [
    { header: 'file', value: (r: Row) => r.file, cut: 'middle' as const },
    { header: 'title', value: (r: Row) => r.title },
    { header: 'mentions', value: (r: Row) => r.n, align: 'right' as const },
  ];
  const row = (i: number): Row => ({ file: `corpus/dumps/2023/week-${i}/page-${i}.txt`, title: `${'A long headline about a meeting '.repeat(3)}${i}`, n: i });
  for (const count of [3, LAYOUT_ROWS + 1]) {
    const rows = Array.from({ length: count }, (_, i) => row(i));
    for (const width of [40, 60, 80]) {
      const lines = renderTable(columns, rows, { color: false, width }).trimEnd().split('\n');
      assert.ok(lines.every((l) => [...l].length <= width), `${count} rows at ${width}`);
      assert.equal(lines.length, count + 3);
    }
    const table = renderTable(columns, rows, { color: false, width: 80 });
    assert.match(table, /…23\/week-2\/page-2\.txt │/);
    assert.match(table, /│ {8}2 │/, 'the number column whole');
  }
});

test('cutTo keeps a path\'s file name whole when it fits, and wide characters count double', () => {
  assert.equal(cutTo('corpus/dumps/2023/page-0412.txt', 24, 'middle'), 'corpus/…23/page-0412.txt');
  assert.equal(cutTo('corpus/dumps/2023/page-0412.txt', 16, 'middle'), 'c…/page-0412.txt');
  assert.equal(cutTo('short.txt', 24, 'middle'), 'short.txt');
  assert.equal(cutTo('王毅王毅王毅', 7), '王毅王…');
});

test('tab-separated lines escape tabs and line breaks and cut nothing', () => {
  const columns = [{ header: 'a', value: (r: { a: string }) => r.a }, { header: 'n', value: () => 1 }];
  assert.equal(renderTsv(columns, [{ a: 'x\ty\nz' }, { a: 'y'.repeat(300) }]), `a\tn\nx\\ty\\nz\t1\n${'y'.repeat(300)}\t1\n`);
});

test('--color always and never override the terminal and the environment', () => {
  assert.equal(colorWanted({ isTTY: false }, {}, 'always'), true);
  assert.equal(colorWanted({ isTTY: true }, { FORCE_COLOR: '1' }, 'never'), false);
  assert.equal(colorWanted({ isTTY: true }, { TERM: 'dumb' }), false);
});
