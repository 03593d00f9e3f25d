// The PNG charts mine writes, decoded and measured against the numbers in the SVG of the same chart: bar heights
// in pixels, and the count of node blobs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { svgToPng } from '../../../src/render/chart/png.js';
import { TYPE_COLORS } from '../../../src/render/chart/style.js';
import { timelineSvg } from '../../../src/render/chart/timeline-svg.js';
import { mineInProcess, ROOT, tempDir } from '../../helpers.js';
import { elements, type SvgElement } from './svg-elements.js';

const TEMP = tempDir();

/** Runs mine with stdout going to a file, as `mine ... > file` does; returns the exit status. */
function mineToFile(args: string[], file: string): number | null {
  const fd = fs.openSync(file, 'w');
  try {
    return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'mine.js'), ...args], { stdio: ['ignore', fd, 'pipe'], cwd: ROOT }).status;
  } finally {
    fs.closeSync(fd);
  }
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Whether the pixel at (x, y) is `color`, give or take anti-aliasing's rounding. */
function isColor(png: PNG, x: number, y: number, [r, g, b]: [number, number, number]): boolean {
  const i = (y * png.width + x) * 4;
  return Math.abs(png.data[i]! - r) <= 6 && Math.abs(png.data[i + 1]! - g) <= 6 && Math.abs(png.data[i + 2]! - b) <= 6;
}

/** Pixels of the bar's colour straight up from the baseline, in the bar's middle column. */
function barPixels(png: PNG, bar: SvgElement, color: string): number {
  const x = Math.floor(Number(bar.attributes.x) + Number(bar.attributes.width) / 2);
  let y = Number(bar.attributes.y) + Number(bar.attributes.height) - 1;
  let count = 0;
  while (y >= 0 && isColor(png, x, y, rgb(color))) [count, y] = [count + 1, y - 1];
  return count;
}

/** Checks each bar of the PNG against the SVG: its pixel height is the SVG's, and proportional to its number. */
function checkBars(svg: string, png: PNG): Array<{ value: number; expected: number; measured: number }> {
  const series = elements(svg, 'g').find((g) => g.attributes['data-series'] !== undefined)!;
  const bars = elements(svg, 'rect').filter((e) => e.attributes['data-value'] !== undefined);
  const values = bars.map((b) => Number(b.attributes['data-value']));
  const peak = Math.max(...values);
  const tallest = Number(bars[values.indexOf(peak)]!.attributes.height);
  return bars.map((bar, i) => {
    const measured = barPixels(png, bar, series.attributes.fill!);
    const expected = (values[i]! / peak) * tallest;
    assert.ok(Math.abs(measured - Number(bar.attributes.height)) <= 1, `bar ${bar.attributes['data-period']}: ${measured} px drawn, SVG says ${bar.attributes.height}`);
    assert.ok(Math.abs(measured - expected) <= 2, `bar ${bar.attributes['data-period']}: ${measured} px for ${values[i]}, expected ${expected.toFixed(1)}`);
    return { value: values[i]!, expected, measured };
  });
}

test('made-up timeline: the PNG bars are as high as the SVG says, in proportion to the numbers', async () => {
  const svg = timelineSvg({ title: 'Made-up', periods: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], series: [{ name: 'Example', type: 'org', values: [3, 0, 7, 12, 5, 1, 11] }], measure: 'documents', by: 'month' });
  const png = PNG.sync.read(Buffer.from(await svgToPng(svg)));
  assert.deepEqual([png.width, png.height], [800, 420]);
  const bars = checkBars(svg, png);
  assert.equal(bars.find((b) => b.value === 0)!.measured, 0);
  assert.ok(bars.find((b) => b.value === 12)!.measured > 200, 'the tallest bar takes most of the plot');
});

test('mine timeline --format png on the samples: one bar per month, heights match the SVG and the JSON counts', () => {
  const args = ['timeline', '--entity', 'China', '--by', 'month', 'samples'];
  const svg = mineInProcess([...args, '--format', 'svg']).stdout;
  const file = path.join(TEMP, 'timeline.png');
  assert.equal(mineToFile([...args, '--format', 'png', '--width', '900', '--height', '450'], file), 0);
  const png = PNG.sync.read(fs.readFileSync(file));
  assert.deepEqual([png.width, png.height], [900, 450]);
  const json = JSON.parse(mineInProcess([...args, '--json']).stdout) as { series: Array<{ period: string; documents: number }> };
  const bars = elements(svg, 'rect').filter((e) => e.attributes['data-value'] !== undefined);
  assert.deepEqual(bars.map((b) => [b.attributes['data-period'], Number(b.attributes['data-value'])]), json.series.map((p) => [p.period, p.documents]));
  // The PNG is 900 x 450, the SVG 800 x 420: its own SVG is the one to measure against.
  const sized = mineInProcess([...args, '--format', 'svg', '--width', '900', '--height', '450']).stdout;
  const measured = checkBars(sized, png);
  assert.ok(measured.some((b) => b.value > 0 && b.measured > 0));
});

/** Connected blobs (4-neighbours) of pixels of any of `colors`, each colour apart, of at least `minPixels`. */
function blobs(png: PNG, colors: string[], minPixels: number): number {
  const seen = new Uint8Array(png.width * png.height);
  let count = 0;
  for (const color of colors.map(rgb)) {
    seen.fill(0);
    for (let start = 0; start < seen.length; start++) {
      if (seen[start] || !isColor(png, start % png.width, Math.floor(start / png.width), color)) continue;
      let size = 0;
      const stack = [start];
      seen[start] = 1;
      while (stack.length) {
        const p = stack.pop()!;
        size++;
        const [x, y] = [p % png.width, Math.floor(p / png.width)];
        for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]] as const) {
          const q = ny * png.width + nx;
          if (nx >= 0 && ny >= 0 && nx < png.width && ny < png.height && !seen[q] && isColor(png, nx, ny, color)) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
      if (size >= minPixels) count++;
    }
  }
  return count;
}

/** Circles of one colour that overlap are one blob: the number of such groups among the SVG's circles. */
function circleGroups(circles: SvgElement[]): number {
  const parent = circles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const at = circles.map((c) => ['cx', 'cy', 'r'].map((k) => Number(c.attributes[k])) as [number, number, number]);
  for (let i = 0; i < circles.length; i++) {
    for (let j = i + 1; j < circles.length; j++) {
      const [[x1, y1, r1], [x2, y2, r2]] = [at[i]!, at[j]!];
      if (circles[i]!.attributes.fill === circles[j]!.attributes.fill && Math.hypot(x1 - x2, y1 - y2) < r1 + r2) parent[find(i)] = find(j);
    }
  }
  return new Set(circles.map((_, i) => find(i))).size;
}

test('mine cooccur --format png on the samples: as many node blobs as the SVG has nodes (and legend dots)', () => {
  const args = ['cooccur', '--min-docs', '2', '--top', '80', 'samples'];
  const svg = mineInProcess([...args, '--format', 'svg']).stdout;
  const file = path.join(TEMP, 'network.png');
  assert.equal(mineToFile([...args, '--format', 'png'], file), 0);
  const png = PNG.sync.read(fs.readFileSync(file));
  const nodes = elements(svg, 'circle').filter((c) => c.attributes['data-node'] !== undefined);
  const nodeCount = new Set(JSON.parse(mineInProcess([...args, '--json']).stdout).flatMap((p: { a: string; b: string }) => [p.a, p.b])).size;
  assert.equal(nodes.length, nodeCount);
  const legendDots = elements(svg, 'circle').filter((c) => c.attributes['data-node'] === undefined);
  const expected = circleGroups([...nodes, ...legendDots]);
  // The smallest node (radius 3) is about 28 pixels; anti-aliased specks and label halo cuts are smaller.
  assert.equal(blobs(png, Object.values(TYPE_COLORS), 12), expected, `${nodes.length} nodes, ${legendDots.length} legend dots`);
});
