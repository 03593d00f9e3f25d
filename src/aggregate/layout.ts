// Positions for a network chart: ForceAtlas2 (graphology's implementation), from fixed starting points, so one graph is always drawn the same.
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import noverlapModule from 'graphology-layout-noverlap';

// CommonJS modules typed as if they had an ES default export: at run time each import is the function itself.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;
const noverlap = noverlapModule as unknown as typeof noverlapModule.default;

export interface LayoutNode {
  id: string;
  /** Larger nodes (e.g. more documents) start nearer the centre. */
  size: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  /** Attraction: an edge of weight 2 pulls its ends together twice as hard as one of weight 1. */
  weight: number;
}

/** ForceAtlas2 steps: enough for a few hundred nodes to settle; fixed, so the result does not depend on time. */
export const LAYOUT_ITERATIONS = 400;

/**
 * Pull towards the centre, in ForceAtlas2's strong-gravity mode. graphology infers 0.05, under which small groups
 * linked to nothing else drift to the chart's edges and squeeze the main one; 0.3 keeps them near it, while the
 * groups within the main one stay apart.
 */
const GRAVITY = 0.3;

/** The golden angle: successive points of a sunflower spiral never line up, so starting points are spread evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Node positions scaled into the unit square [0, 1] x [0, 1] (aspect kept, centred), connected nodes near each other.
 * Deterministic: nodes start on a sunflower spiral, largest first at the centre (ties by id), then take
 * LAYOUT_ITERATIONS steps of ForceAtlas2 with the settings graphology infers for the graph's size (but GRAVITY).
 * Edges between unknown nodes, and self-loops, are ignored; edges given twice add their weights.
 */
export function layoutNetwork(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, { x: number; y: number }> {
  const graph = new UndirectedGraph();
  const order = [...nodes].sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  order.forEach((node, i) => {
    const radius = Math.sqrt(i + 0.5);
    graph.mergeNode(node.id, { x: radius * Math.cos(i * GOLDEN_ANGLE), y: radius * Math.sin(i * GOLDEN_ANGLE) });
  });
  for (const { source, target, weight } of edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    graph.updateEdge(source, target, (attributes) => ({ weight: ((attributes.weight as number | undefined) ?? 0) + weight }));
  }
  const positions = graph.order > 1 ? forceAtlas2(graph, { iterations: LAYOUT_ITERATIONS, getEdgeWeight: 'weight', settings: { ...forceAtlas2.inferSettings(graph), gravity: GRAVITY } }) : {};
  return fitUnitSquare(order.map((n) => [n.id, positions[n.id] ?? { x: 0, y: 0 }] as const));
}

/** Points moved and scaled uniformly to fit [0, 1] x [0, 1], centred on the axis with the smaller extent. */
function fitUnitSquare(points: ReadonlyArray<readonly [string, { x: number; y: number }]>): Map<string, { x: number; y: number }> {
  const xs = points.map(([, p]) => p.x);
  const ys = points.map(([, p]) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const extent = Math.max(maxX - minX, maxY - minY);
  const scale = extent > 0 ? 1 / extent : 0;
  const offsetX = (1 - (maxX - minX) * scale) / 2;
  const offsetY = (1 - (maxY - minY) * scale) / 2;
  return new Map(points.map(([id, p]) => [id, { x: offsetX + (p.x - minX) * scale, y: offsetY + (p.y - minY) * scale }]));
}

/** Noverlap steps at most: it stops earlier once no two circles overlap. */
const SEPARATE_ITERATIONS = 200;

/**
 * Points (in any unit, e.g. pixels) moved apart, as little as it takes, until circles of the given radii no longer
 * overlap and keep `gap` between them: graphology's Noverlap. Deterministic; points without a radius count as 0.
 */
export function separateCircles(points: ReadonlyMap<string, { x: number; y: number }>, radii: ReadonlyMap<string, number>, gap: number): Map<string, { x: number; y: number }> {
  const graph = new UndirectedGraph();
  for (const [id, { x, y }] of points) graph.addNode(id, { x, y, size: radii.get(id) ?? 0 });
  if (graph.order < 2) return new Map(points);
  const moved = noverlap(graph, { maxIterations: SEPARATE_ITERATIONS, settings: { margin: gap, ratio: 1, expansion: 1.05, speed: 3 } });
  return new Map([...points.keys()].map((id) => [id, { x: moved[id]!.x, y: moved[id]!.y }]));
}
