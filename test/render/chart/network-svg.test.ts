// The network chart: a circle per entity and a line per pair, carrying their numbers; sizes follow the counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node, Pair } from '../../../src/aggregate/cooccur.js';
import { NETWORK_LABELS, networkSvg } from '../../../src/render/chart/network-svg.js';
import { TYPE_COLORS } from '../../../src/render/chart/style.js';
import type { EntityType } from '../../../src/types.js';
import { assertWellFormed, elements } from './svg-elements.js';

function node(name: string, type: EntityType, documents: number): Node {
  return { name, type, documents, mentions: documents * 2 };
}

function pair(a: Node, b: Node, documents: number): Pair {
  return { a: a.name, b: b.name, aType: a.type, bType: b.type, documents, mentions: documents, pmi: 0, npmi: 0 };
}

const ALPHA = node('Alpha Person', 'person', 9);
const BETA = node('Beta Land', 'country', 6);
const GAMMA = node('Gamma & Sons <Group>', 'org', 3);
const DELTA = node('Delta Town', 'place', 1);
const NODES = [ALPHA, BETA, GAMMA, DELTA];
const PAIRS = [pair(ALPHA, BETA, 5), pair(ALPHA, GAMMA, 2), pair(BETA, DELTA, 1)];

test('a circle per entity with its type colour and documents, larger for more documents', () => {
  const svg = networkSvg({ title: 'Made-up network', nodes: NODES, pairs: PAIRS });
  assertWellFormed(svg);
  const circles = elements(svg, 'circle').filter((c) => c.attributes['data-node'] !== undefined);
  assert.deepEqual(circles.map((c) => c.attributes['data-node']).sort(), NODES.map((n) => n.name).sort());
  for (const c of circles) {
    const n = NODES.find((x) => x.name === c.attributes['data-node'])!;
    assert.equal(c.attributes['data-type'], n.type);
    assert.equal(Number(c.attributes['data-documents']), n.documents);
    assert.equal(c.attributes.fill, TYPE_COLORS[n.type]);
  }
  const radius = (name: string) => Number(circles.find((c) => c.attributes['data-node'] === name)!.attributes.r);
  assert.ok(radius(ALPHA.name) > radius(BETA.name) && radius(BETA.name) > radius(GAMMA.name) && radius(GAMMA.name) > radius(DELTA.name));
  // Area grows with documents.
  assert.ok(Math.abs(radius(ALPHA.name) ** 2 / radius(BETA.name) ** 2 - 9 / 6) < 0.35);
});

test('a line per pair between its two circles, wider for more shared articles', () => {
  const svg = networkSvg({ title: 'Made-up network', nodes: NODES, pairs: PAIRS });
  const circles = new Map(elements(svg, 'circle').filter((c) => c.attributes['data-node']).map((c) => [c.attributes['data-node']!, c.attributes]));
  const lines = elements(svg, 'line').filter((l) => l.attributes['data-a'] !== undefined);
  assert.equal(lines.length, PAIRS.length);
  for (const l of lines) {
    const [a, b] = [circles.get(l.attributes['data-a']!)!, circles.get(l.attributes['data-b']!)!];
    assert.deepEqual([l.attributes.x1, l.attributes.y1, l.attributes.x2, l.attributes.y2], [a.cx, a.cy, b.cx, b.cy]);
  }
  const width = (documents: number) => Number(lines.find((l) => l.attributes['data-documents'] === String(documents))!.attributes['stroke-width']);
  assert.ok(width(5) > width(2) && width(2) > width(1));
});

test('every node inside the chart; names escaped; a legend of the types present', () => {
  const svg = networkSvg({ title: 'A <b> & c', nodes: NODES, pairs: PAIRS, width: 500, height: 400 });
  assertWellFormed(svg);
  for (const c of elements(svg, 'circle').filter((e) => e.attributes['data-node'])) {
    const [x, y, r] = ['cx', 'cy', 'r'].map((k) => Number(c.attributes[k]));
    assert.ok(x! - r! >= 0 && x! + r! <= 500 && y! - r! >= 0 && y! + r! <= 400, JSON.stringify(c.attributes));
  }
  const texts = elements(svg, 'text').map((t) => t.content);
  assert.ok(texts.includes('Gamma & Sons <Group>') && texts.includes('A <b> & c'));
  for (const type of ['person', 'country', 'org', 'place']) assert.ok(texts.includes(type), type);
});

test(`only entities among the ${NETWORK_LABELS} with most documents are named, where a label covers no circle`, () => {
  const many = Array.from({ length: NETWORK_LABELS + 10 }, (_, i) => node(`Entity ${i}`, 'org', i + 1));
  const pairs = many.slice(1).map((n, i) => pair(many[i]!, n, 1));
  const svg = networkSvg({ title: 'Chain', nodes: many, pairs });
  const labels = elements(svg, 'text').filter((t) => t.content.startsWith('Entity '));
  const top = new Set(many.slice(-NETWORK_LABELS).map((n) => n.name));
  assert.ok(labels.every((t) => top.has(t.content)), labels.map((t) => t.content).join(', '));
  assert.ok(labels.length >= NETWORK_LABELS / 2, `${labels.length} named`);
  assert.ok(labels.some((t) => t.content === `Entity ${many.length - 1}`), 'the largest is named');
  // No label's box (estimated at 0.6 em a character) reaches into a circle.
  const circles = elements(svg, 'circle').filter((c) => c.attributes['data-node']).map((c) => ['cx', 'cy', 'r'].map((k) => Number(c.attributes[k])) as [number, number, number]);
  for (const label of labels) {
    const [x, y, w] = [Number(label.attributes.x), Number(label.attributes.y), label.content.length * 12 * 0.6];
    const left = label.attributes['text-anchor'] === 'end' ? x - w : label.attributes['text-anchor'] === 'middle' ? x - w / 2 : x;
    for (const [cx, cy, r] of circles) {
      const dx = cx - Math.max(left, Math.min(cx, left + w));
      const dy = cy - Math.max(y - 10, Math.min(cy, y + 2));
      assert.ok(Math.hypot(dx, dy) >= r, `${label.content} over a circle`);
    }
  }
});
