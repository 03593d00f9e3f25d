// The timeline chart: one bar per period with its number, bar heights proportional to the numbers, text escaped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timelineSvg, type TimelineChart } from '../../../src/render/chart/timeline-svg.js';
import { seriesColors, TYPE_COLORS } from '../../../src/render/chart/style.js';
import { assertWellFormed, elements } from './svg-elements.js';

const PERIODS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

function chart(extra: Partial<TimelineChart> = {}): TimelineChart {
  return { title: 'Example Person: documents per month', periods: PERIODS, series: [{ name: 'Example Person', type: 'person', values: [3, 0, 7, 12, 5, 1] }], measure: 'documents', by: 'month', ...extra };
}

test('one entity: a bar per period carrying its period and value, height proportional to the value', () => {
  const svg = timelineSvg(chart());
  assertWellFormed(svg);
  const bars = elements(svg, 'rect').filter((e) => e.attributes['data-value'] !== undefined);
  assert.deepEqual(bars.map((b) => b.attributes['data-period']), PERIODS);
  assert.deepEqual(bars.map((b) => Number(b.attributes['data-value'])), [3, 0, 7, 12, 5, 1]);
  const perUnit = Number(bars[3]!.attributes.height) / 12;
  for (const bar of bars) assert.ok(Math.abs(Number(bar.attributes.height) - Number(bar.attributes['data-value']) * perUnit) <= 0.5, JSON.stringify(bar.attributes));
  // All bars stand on one baseline, left to right in period order.
  assert.equal(new Set(bars.map((b) => Number(b.attributes.y) + Number(b.attributes.height))).size, 1);
  const xs = bars.map((b) => Number(b.attributes.x));
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  assert.match(svg, new RegExp(`<g data-series="Example Person" data-type="person" fill="${TYPE_COLORS.person}">`));
});

test('the y axis reaches the highest value with round ticks; period labels are on the x axis', () => {
  const svg = timelineSvg(chart());
  const labels = elements(svg, 'text').map((t) => t.content);
  assert.ok(['0', '5', '10', '15'].every((tick) => labels.includes(tick)), labels.join(' '));
  for (const period of PERIODS) assert.ok(labels.includes(period), period);
  assert.ok(labels.includes('documents') && labels.includes('month'));
});

test('several entities: a line each, a dot per period with its value, distinct colours even for one type', () => {
  const series = [
    { name: 'First Person', type: 'person', values: [0.5, 0.25, 0, 0, 0.1, 0.2] },
    { name: 'Second Person', type: 'person', values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  ];
  const svg = timelineSvg(chart({ series, measure: 'share of articles', percent: true }));
  assertWellFormed(svg);
  assert.equal(elements(svg, 'polyline').length, 2);
  const dots = elements(svg, 'circle').filter((e) => e.attributes['data-value'] !== undefined);
  assert.deepEqual(dots.map((d) => Number(d.attributes['data-value'])), series.flatMap((s) => s.values));
  const colors = elements(svg, 'polyline').map((p) => p.attributes.stroke);
  assert.deepEqual(colors, seriesColors(['person', 'person']));
  assert.notEqual(colors[0], colors[1]);
  assert.ok(elements(svg, 'text').some((t) => t.content === '50%'), 'percentage ticks');
});

test('names and title are escaped', () => {
  const svg = timelineSvg(chart({ title: 'A & B <C>', series: [{ name: 'Smith & "Jones" <Ltd>', type: 'org', values: [1, 2, 3, 4, 5, 6] }] }));
  assertWellFormed(svg);
  assert.ok(elements(svg, 'text').some((t) => t.content === 'A & B <C>'));
  assert.ok(elements(svg, 'g').some((g) => g.attributes['data-series'] === 'Smith & "Jones" <Ltd>'));
});

test('an empty series and many periods still give a chart with a bar per period and labels that do not crowd', () => {
  const periods = Array.from({ length: 365 }, (_, i) => `day-${String(i).padStart(3, '0')}`);
  const svg = timelineSvg(chart({ periods, series: [{ name: 'Quiet', type: 'place', values: periods.map(() => 0) }] }));
  assertWellFormed(svg);
  assert.equal(elements(svg, 'rect').filter((e) => e.attributes['data-value'] === '0').length, 365);
  const shown = elements(svg, 'text').filter((t) => t.content.startsWith('day-'));
  assert.ok(shown.length > 3 && shown.length < 20, `${shown.length} period labels`);
});
