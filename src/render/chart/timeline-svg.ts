// A timeline as an SVG chart: bars per period for one entity, lines for several, on one scale from zero.
import { escapeXml } from '../graph.js';
import { FONT_SIZE, GRID, INK, MARGIN, MUTED, seriesColors, TIMELINE_SIZE } from './style.js';
import { legend, niceTicks, px, svgDocument, text, textWidth } from './svg.js';

export interface TimelineChartSeries {
  name: string;
  type: string;
  /** One value per period, in the order of `periods`. */
  values: number[];
}

export interface TimelineChart {
  title: string;
  periods: string[];
  series: TimelineChartSeries[];
  /** What the values count, for the y axis: "documents", "share of articles"... */
  measure: string;
  /** The period's name, for the x axis: "month"... */
  by: string;
  /** Values are fractions, shown as percentages. */
  percent?: boolean;
  width?: number;
  height?: number;
}

/**
 * The SVG chart: one entity as bars, several as lines with a dot per period. Each bar and dot carries its
 * number (`data-value`, `data-period`, in its series' `<g data-series>`), so tools and tests can read them back.
 * Bar tops are rounded to whole pixels so they are crisp in a PNG.
 */
export function timelineSvg(chart: TimelineChart): string {
  const width = chart.width ?? TIMELINE_SIZE.width;
  const height = chart.height ?? TIMELINE_SIZE.height;
  const colors = seriesColors(chart.series.map((s) => s.type));
  const key = legend(chart.series.map((s, i) => ({ label: `${s.name} (${s.type})`, color: colors[i]!, shape: chart.series.length === 1 ? 'square' : 'line' })), 12, 38, width - 24);
  const top = MARGIN.top + key.height;
  const left = MARGIN.left;
  const plotWidth = Math.max(10, width - left - MARGIN.right);
  const baseline = Math.round(height - MARGIN.bottom);
  const plotHeight = Math.max(10, baseline - top);
  const peak = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const ticks = niceTicks(peak, 5, !chart.percent);
  const yMax = ticks[ticks.length - 1]!;
  const y = (value: number) => baseline - Math.round((value / yMax) * plotHeight);
  const band = plotWidth / Math.max(1, chart.periods.length);
  const centre = (i: number) => left + band * (i + 0.5);
  const label = (value: number) => (chart.percent ? `${px(value * 100)}%` : String(value));

  const body: string[] = [key.svg];
  body.push('<g data-axis="y">');
  for (const tick of ticks) {
    body.push(`<line x1="${left}" x2="${px(left + plotWidth)}" y1="${y(tick)}" y2="${y(tick)}" stroke="${GRID}"/>`);
    body.push(text(left - 6, y(tick) + 4, label(tick), { 'font-size': FONT_SIZE.tick, fill: MUTED, 'text-anchor': 'end' }));
  }
  body.push('</g>');
  body.push(text(16, top + plotHeight / 2, chart.measure, { 'font-size': FONT_SIZE.label, fill: INK, 'text-anchor': 'middle', transform: `rotate(-90 16 ${px(top + plotHeight / 2)})` }));

  chart.series.forEach((series, s) => {
    const attributes = `data-series="${escapeXml(series.name)}" data-type="${escapeXml(series.type)}"`;
    if (chart.series.length === 1) {
      const barWidth = Math.max(1, Math.round(band * 0.8));
      const bars = series.values.map((value, i) => {
        const x = Math.round(centre(i) - barWidth / 2);
        return `<rect data-period="${escapeXml(chart.periods[i]!)}" data-value="${value}" x="${x}" y="${y(value)}" width="${barWidth}" height="${baseline - y(value)}"/>`;
      });
      body.push(`<g ${attributes} fill="${colors[s]}">`, ...bars, '</g>');
    } else {
      const points = series.values.map((value, i) => `${px(centre(i))},${y(value)}`).join(' ');
      const dots = series.values.map((value, i) => `<circle data-period="${escapeXml(chart.periods[i]!)}" data-value="${value}" cx="${px(centre(i))}" cy="${y(value)}" r="3"/>`);
      body.push(`<g ${attributes} fill="${colors[s]}">`, `<polyline points="${points}" fill="none" stroke="${colors[s]}" stroke-width="2"/>`, ...dots, '</g>');
    }
  });

  // Period labels under the axis, every `step`-th one so that they do not overlap.
  const widest = Math.max(0, ...chart.periods.map((p) => textWidth(p, FONT_SIZE.tick)));
  const step = Math.max(1, Math.ceil((widest + 8) / band));
  // Half a pixel down: the axis fills the pixel row under the bars and leaves their last row unblended.
  body.push('<g data-axis="x">', `<line x1="${left}" x2="${px(left + plotWidth)}" y1="${baseline + 0.5}" y2="${baseline + 0.5}" stroke="${INK}"/>`);
  chart.periods.forEach((period, i) => {
    if (i % step === 0) body.push(text(centre(i), baseline + 16, period, { 'font-size': FONT_SIZE.tick, fill: MUTED, 'text-anchor': 'middle' }));
  });
  body.push('</g>');
  body.push(text(left + plotWidth / 2, baseline + 40, chart.by, { 'font-size': FONT_SIZE.label, fill: INK, 'text-anchor': 'middle' }));
  return svgDocument('timeline', width, height, chart.title, body);
}
