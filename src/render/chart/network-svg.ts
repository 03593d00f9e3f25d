// A co-occurrence network as an SVG chart: nodes coloured by type and sized by documents, edges as wide as the articles shared.
import { layoutNetwork, separateCircles } from '../../aggregate/layout.js';
import type { Node, Pair } from '../../aggregate/cooccur.js';
import { escapeXml } from '../graph.js';
import { BACKGROUND, EDGE_COLOR, FONT_SIZE, INK, MARGIN, NETWORK_SIZE, typeColor, TYPE_COLORS } from './style.js';
import { legend, note, px, svgDocument, text, textWidth } from './svg.js';

export interface NetworkChart {
  title: string;
  nodes: Node[];
  pairs: Pair[];
  width?: number;
  height?: number;
}

/** Radius of the node with the most documents, and of a node with none; areas in between grow with documents. */
const MAX_RADIUS = 22;
const MIN_RADIUS = 3;
/** Width of the edge sharing the most articles. */
const MAX_EDGE_WIDTH = 6;
/** Pixels kept between two circles. */
const NODE_GAP = 3;
/** Rounds of moving overlapping circles apart and fitting the result back into the plot. */
const SEPARATE_ROUNDS = 3;
/** Nodes named on the chart, most documents first: more would cover each other. */
export const NETWORK_LABELS = 20;

/**
 * The SVG chart, laid out by layoutNetwork. Each node is a `<circle data-node data-type data-documents>`, each
 * edge a `<line data-a data-b data-documents>`, so tools and tests can read the numbers back.
 */
export function networkSvg(chart: NetworkChart): string {
  const width = chart.width ?? NETWORK_SIZE.width;
  const height = chart.height ?? NETWORK_SIZE.height;
  const id = (name: string, type: string) => `${type}\u0000${name}`;
  const layout = layoutNetwork(
    chart.nodes.map((n) => ({ id: id(n.name, n.type), size: n.documents })),
    chart.pairs.map((p) => ({ source: id(p.a, p.aType), target: id(p.b, p.bType), weight: p.documents })),
  );
  const types = [...new Set(chart.nodes.map((n) => n.type))].sort((a, b) => typeOrder(a) - typeOrder(b));
  const key = legend(types.map((t) => ({ label: t, color: typeColor(t), shape: 'circle' })), 12, 38, width - 24);
  // Room for the largest circle, and on the right for part of a label.
  const top = MARGIN.top + key.height + MAX_RADIUS;
  const left = 12 + MAX_RADIUS;
  const plotWidth = Math.max(10, width - left - MAX_RADIUS - 60);
  const plotHeight = Math.max(10, height - top - MAX_RADIUS - 28);
  const maxDocuments = Math.max(1, ...chart.nodes.map((n) => n.documents));
  const radius = (documents: number) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(documents / maxDocuments);
  const radii = new Map(chart.nodes.map((n) => [id(n.name, n.type), radius(n.documents)]));
  const box = { left, top, width: plotWidth, height: plotHeight };
  let positions = new Map([...layout].map(([key, p]) => [key, { x: left + p.x * plotWidth, y: top + p.y * plotHeight }]));
  for (let round = 0; round < SEPARATE_ROUNDS; round++) positions = shrinkInto(separateCircles(positions, radii, NODE_GAP), box);
  // A last separation without shrinking, which could bring circles together again; the margins leave room for the little it moves them.
  positions = separateCircles(positions, radii, NODE_GAP);
  const at = (key: string) => positions.get(key)!;
  const maxShared = Math.max(1, ...chart.pairs.map((p) => p.documents));

  const body: string[] = [key.svg, `<g data-edges="" stroke="${EDGE_COLOR}" stroke-opacity="0.6" stroke-linecap="round">`];
  // Lightest edges first, so that the heavy ones are on top.
  for (const p of [...chart.pairs].reverse()) {
    const [a, b] = [at(id(p.a, p.aType)), at(id(p.b, p.bType))];
    const strokeWidth = 0.5 + (MAX_EDGE_WIDTH - 0.5) * (p.documents / maxShared);
    body.push(`<line data-a="${escapeXml(p.a)}" data-b="${escapeXml(p.b)}" data-documents="${p.documents}" x1="${px(a.x)}" y1="${px(a.y)}" x2="${px(b.x)}" y2="${px(b.y)}" stroke-width="${px(strokeWidth)}"/>`);
  }
  body.push('</g>', `<g data-nodes="" stroke="${BACKGROUND}" stroke-width="1">`);
  // Smallest first, so that a large node never hides a small one entirely.
  const bySize = [...chart.nodes].sort((a, b) => a.documents - b.documents);
  for (const n of bySize) {
    const { x, y } = at(id(n.name, n.type));
    body.push(`<circle data-node="${escapeXml(n.name)}" data-type="${escapeXml(n.type)}" data-documents="${n.documents}" cx="${px(x)}" cy="${px(y)}" r="${px(radius(n.documents))}" fill="${typeColor(n.type)}"/>`);
  }
  body.push('</g>', `<g data-labels="" font-size="${FONT_SIZE.label}" fill="${INK}" stroke="${BACKGROUND}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">`);
  const circles = chart.nodes.map((n) => ({ ...at(id(n.name, n.type)), r: radius(n.documents) }));
  const labels = placeLabels(
    bySize.slice(-NETWORK_LABELS).reverse().map((n) => ({ text: n.name, ...at(id(n.name, n.type)), r: radius(n.documents) })),
    circles,
    { left: 0, top: MARGIN.top + key.height, width, height: height - 24 - (MARGIN.top + key.height) },
  );
  for (const label of labels) body.push(text(label.x, label.y, label.text, label.anchor === 'start' ? {} : { 'text-anchor': label.anchor }));
  body.push('</g>');
  body.push(note(12, height - 10, 'circle area: documents; line width: articles shared'));
  return svgDocument('network', width, height, chart.title, body);
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Labels beside their circles, most important first: to the right, left, above or below, the first place that
 * covers no circle and no label already placed and stays inside `bounds`; a label with no such place is left out.
 * Returns where to write each label kept (baseline point and text anchor).
 */
function placeLabels(
  wanted: Array<{ text: string; x: number; y: number; r: number }>,
  circles: Array<{ x: number; y: number; r: number }>,
  bounds: Box,
): Array<{ text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }> {
  const size = FONT_SIZE.label;
  // The white halo around the letters, and a little air.
  const pad = 3;
  const taken: Box[] = [];
  const placed: Array<{ text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }> = [];
  for (const label of wanted) {
    const w = textWidth(label.text, size);
    const gap = label.r + pad + 1;
    const spots = [
      { x: label.x + gap, y: label.y, anchor: 'start' as const, box: { left: label.x + gap, top: label.y - size / 2, width: w, height: size } },
      { x: label.x - gap, y: label.y, anchor: 'end' as const, box: { left: label.x - gap - w, top: label.y - size / 2, width: w, height: size } },
      { x: label.x, y: label.y - gap - size / 2, anchor: 'middle' as const, box: { left: label.x - w / 2, top: label.y - gap - size, width: w, height: size } },
      { x: label.x, y: label.y + gap + size / 2, anchor: 'middle' as const, box: { left: label.x - w / 2, top: label.y + gap, width: w, height: size } },
    ];
    const spot = spots.find(({ box }) => {
      const padded = { left: box.left - pad, top: box.top - pad, width: box.width + 2 * pad, height: box.height + 2 * pad };
      return inside(padded, bounds) && !circles.some((c) => boxTouchesCircle(padded, c)) && !taken.some((t) => boxesOverlap(padded, t));
    });
    if (!spot) continue;
    taken.push(spot.box);
    placed.push({ text: label.text, x: spot.x, y: spot.y + size * 0.35, anchor: spot.anchor });
  }
  return placed;
}

function inside(box: Box, bounds: Box): boolean {
  return box.left >= bounds.left && box.top >= bounds.top && box.left + box.width <= bounds.left + bounds.width && box.top + box.height <= bounds.top + bounds.height;
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

function boxTouchesCircle(box: Box, c: { x: number; y: number; r: number }): boolean {
  const nearestX = Math.max(box.left, Math.min(c.x, box.left + box.width));
  const nearestY = Math.max(box.top, Math.min(c.y, box.top + box.height));
  return Math.hypot(c.x - nearestX, c.y - nearestY) < c.r;
}

/** Points scaled towards the box's corner, each axis on its own, when they spread beyond it; left as they are when they fit. */
function shrinkInto(points: Map<string, { x: number; y: number }>, box: { left: number; top: number; width: number; height: number }): Map<string, { x: number; y: number }> {
  const fit = (values: number[], start: number, length: number) => {
    const [min, max] = [Math.min(...values), Math.max(...values)];
    if (min >= start && max <= start + length) return (v: number) => v;
    const scale = max > min ? Math.min(1, length / (max - min)) : 0;
    const offset = start + (length - (max - min) * scale) / 2;
    return (v: number) => offset + (v - min) * scale;
  };
  const fx = fit([...points.values()].map((p) => p.x), box.left, box.width);
  const fy = fit([...points.values()].map((p) => p.y), box.top, box.height);
  return new Map([...points].map(([key, p]) => [key, { x: fx(p.x), y: fy(p.y) }]));
}

/** Types in the order of TYPE_COLORS, any other after them. */
function typeOrder(type: string): number {
  const i = Object.keys(TYPE_COLORS).indexOf(type);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
