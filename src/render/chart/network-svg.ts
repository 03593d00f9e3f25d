// A co-occurrence network as an SVG chart: nodes coloured by type and sized by documents, edges as wide as the articles shared.
import { layoutNetwork } from '../../aggregate/layout.js';
import type { Node, Pair } from '../../aggregate/cooccur.js';
import { escapeXml } from '../graph.js';
import { BACKGROUND, EDGE_COLOR, FONT_SIZE, INK, MARGIN, NETWORK_SIZE, typeColor, TYPE_COLORS } from './style.js';
import { legend, note, px, svgDocument, text } from './svg.js';

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
  // Room for the largest circle, and on the right for a label.
  const top = MARGIN.top + key.height + MAX_RADIUS;
  const left = 12 + MAX_RADIUS;
  const plotWidth = Math.max(10, width - left - MAX_RADIUS - 120);
  const plotHeight = Math.max(10, height - top - MAX_RADIUS - 28);
  const at = (key: string) => {
    const p = layout.get(key)!;
    return { x: left + p.x * plotWidth, y: top + p.y * plotHeight };
  };
  const maxDocuments = Math.max(1, ...chart.nodes.map((n) => n.documents));
  const radius = (documents: number) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(documents / maxDocuments);
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
  for (const n of bySize.slice(-NETWORK_LABELS)) {
    const { x, y } = at(id(n.name, n.type));
    body.push(text(x + radius(n.documents) + 3, y + FONT_SIZE.label * 0.35, n.name));
  }
  body.push('</g>');
  body.push(note(12, height - 10, 'circle area: documents; line width: articles shared'));
  return svgDocument('network', width, height, chart.title, body);
}

/** Types in the order of TYPE_COLORS, any other after them. */
function typeOrder(type: string): number {
  const i = Object.keys(TYPE_COLORS).indexOf(type);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
