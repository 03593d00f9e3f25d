import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bar } from '../../src/render/bar.js';
import { colorWanted } from '../../src/render/color.js';
import { csvLine } from '../../src/render/csv.js';
import { renderTable } from '../../src/render/table.js';

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

test('bars scale to the largest value and never vanish for non-zero values', () => {
  assert.equal(bar(10, 10, 5), '█████');
  assert.equal(bar(0, 10, 5), '');
  assert.ok(bar(1, 1000, 5).length >= 1);
  assert.ok(bar(5, 10, 4).startsWith('██'));
});
