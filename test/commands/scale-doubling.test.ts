// Linear time: each input doubled three times, time per byte (or per row) stays within a generous factor of the
// smallest run's in the same test. Relative, never absolute: the machine's speed does not matter, only the slope.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processPage } from '../../src/pipeline.js';
import { renderTable } from '../../src/render/table.js';

/** How much slower per unit a larger input may be than the smallest (quadratic work would be 8x at the largest). */
const FACTOR = 4;

/** Times `run` on each size (the smallest once more first, to warm up) and checks time per unit against the smallest's. */
function assertLinear(sizes: number[], make: (size: number) => { units: number; run: () => void }): void {
  make(sizes[0]!).run();
  const perUnit = sizes.map((size) => {
    const { units, run } = make(size);
    const start = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - start) / units;
  });
  for (const [i, cost] of perUnit.entries()) {
    assert.ok(cost <= perUnit[0]! * FACTOR, `size ${sizes[i]}: ${(cost / perUnit[0]!).toFixed(1)} times the smallest's time per unit`);
  }
}

const WORDS = 'the minister said talks with officials from several countries would continue next week in the capital'.split(' ');

function page(content: string) {
  return { units: content.length, run: () => processPage({ file: 'x.txt', format: 'text', content }, { stage: 'clean' }) };
}

test('extract and clean: one line of 0.6 to 5 MB', () => {
  assertLinear([625_000, 1_250_000, 2_500_000, 5_000_000], (bytes) => page(`A title\n\n${Array.from({ length: bytes / 6 }, (_, i) => WORDS[i % WORDS.length]).join(' ')}\n`));
});

test('extract and clean: 12,500 to 100,000 short lines', () => {
  assertLinear([12_500, 25_000, 50_000, 100_000], (lines) => page(`A title\n\n${Array.from({ length: lines }, (_, i) => `Item ${i} of the list`).join('\n')}\n`));
});

test('a table of 5,000 to 40,000 rows', () => {
  const columns = [
    { header: 'entity', value: (r: number) => `Person ${r.toString(36)}` },
    { header: 'mentions', value: (r: number) => r % 97, align: 'right' as const },
  ];
  assertLinear([5_000, 10_000, 20_000, 40_000], (rows) => {
    const data = Array.from({ length: rows }, (_, i) => i);
    return { units: rows, run: () => renderTable(columns, data, { color: false }) };
  });
});
