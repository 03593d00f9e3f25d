import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bar } from '../../src/render/bar.js';
import { colorWanted } from '../../src/render/color.js';
import { csvLine } from '../../src/render/csv.js';
import { LAYOUT_ROWS, renderTable } from '../../src/render/table.js';

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
