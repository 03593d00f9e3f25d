// Pieces shared by the SVG charts: the document, text, axis ticks, the legend.
import { escapeXml } from '../graph.js';
import { BACKGROUND, FONT_SIZE, FONT_STACK, INK, MUTED } from './style.js';

/** A coordinate or length written with at most two decimals. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Width of a line of text, estimated: DejaVu Sans averages about 0.6 em per character in names and numbers. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.6;
}

/** `<text>` at (x, y); `attributes` are written as given (numbers and names only: text is escaped here). */
export function text(x: number, y: number, content: string, attributes: Record<string, string | number> = {}): string {
  const extra = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
  return `<text x="${px(x)}" y="${px(y)}"${extra}>${escapeXml(content)}</text>`;
}

/** The whole SVG file: size, font, a white background, the chart's kind for tests and tools (`data-chart`). */
export function svgDocument(kind: string, width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}" data-chart="${kind}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    text(12, 26, title, { 'font-size': FONT_SIZE.title, 'font-weight': 'bold', fill: INK }),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Round tick values from 0 to the first tick at or above `max`, about `count` of them, steps of 1, 2 or 5 times a
 * power of ten (whole numbers only when `whole`).
 */
export function niceTicks(max: number, count = 5, whole = false): number[] {
  const top = max > 0 ? max : 1;
  const rough = top / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  if (whole) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let i = 0; ticks.length === 0 || ticks[ticks.length - 1]! < top - step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

export interface LegendItem {
  label: string;
  color: string;
  shape: 'square' | 'circle' | 'line';
}

/** Legend items flowed left to right from (x, y), wrapping at `width`; returns the SVG and the height it takes. */
export function legend(items: LegendItem[], x: number, y: number, width: number): { svg: string; height: number } {
  const size = FONT_SIZE.legend;
  const lineHeight = size + 8;
  const parts: string[] = [];
  let [cx, cy] = [x, y];
  for (const item of items) {
    const itemWidth = 18 + textWidth(item.label, size) + 16;
    if (cx > x && cx + itemWidth > x + width) [cx, cy] = [x, cy + lineHeight];
    const mid = cy + size / 2;
    if (item.shape === 'circle') parts.push(`<circle cx="${px(cx + 6)}" cy="${px(mid)}" r="6" fill="${item.color}"/>`);
    else if (item.shape === 'line') parts.push(`<line x1="${px(cx)}" y1="${px(mid)}" x2="${px(cx + 12)}" y2="${px(mid)}" stroke="${item.color}" stroke-width="3"/>`);
    else parts.push(`<rect x="${px(cx)}" y="${px(mid - 6)}" width="12" height="12" fill="${item.color}"/>`);
    parts.push(text(cx + 18, mid + size * 0.35, item.label, { 'font-size': size, fill: INK }));
    cx += itemWidth;
  }
  return { svg: `<g data-legend="">${parts.join('')}</g>`, height: items.length ? cy - y + lineHeight : 0 };
}

/** A line of small grey text (a note under the chart). */
export function note(x: number, y: number, content: string): string {
  return text(x, y, content, { 'font-size': FONT_SIZE.tick, fill: MUTED });
}
