// Network layout on made-up graphs: deterministic, finite, inside the unit square, connected nodes drawn close.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutNetwork, separateCircles, type LayoutEdge, type LayoutNode } from '../../src/aggregate/layout.js';

/** Two groups of five nodes, every pair inside a group linked, and one link between the groups. */
function twoGroups(): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const groups = [['a1', 'a2', 'a3', 'a4', 'a5'], ['b1', 'b2', 'b3', 'b4', 'b5']];
  const nodes = groups.flat().map((id, i) => ({ id, size: 1 + (i % 3) }));
  const edges: LayoutEdge[] = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) edges.push({ source: group[i]!, target: group[j]!, weight: 1 + ((i + j) % 2) });
  }
  edges.push({ source: 'a1', target: 'b1', weight: 1 });
  return { nodes, edges };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

test('the same graph is laid out the same every time', () => {
  const { nodes, edges } = twoGroups();
  assert.deepEqual(layoutNetwork(nodes, edges), layoutNetwork(nodes, edges));
});

test('every node gets finite coordinates inside the unit square', () => {
  const { nodes, edges } = twoGroups();
  const positions = layoutNetwork(nodes, edges);
  assert.deepEqual([...positions.keys()].sort(), nodes.map((n) => n.id).sort());
  for (const { x, y } of positions.values()) {
    assert.ok(Number.isFinite(x) && Number.isFinite(y));
    assert.ok(x >= 0 && x <= 1 && y >= 0 && y <= 1, `${x}, ${y}`);
  }
});

test('linked nodes are closer than unlinked ones, and each group stays together', () => {
  const { nodes, edges } = twoGroups();
  const positions = layoutNetwork(nodes, edges);
  const linked = new Set(edges.map((e) => `${e.source} ${e.target}`));
  const near: number[] = [];
  const far: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i]!.id, nodes[j]!.id];
      (linked.has(`${a} ${b}`) || linked.has(`${b} ${a}`) ? near : far).push(distance(positions.get(a)!, positions.get(b)!));
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(mean(near) < mean(far) / 2, `linked ${mean(near)}, unlinked ${mean(far)}`);
  // Every node is nearer its own group's centre than the other group's.
  const centre = (prefix: string) => {
    const points = nodes.filter((n) => n.id.startsWith(prefix)).map((n) => positions.get(n.id)!);
    return { x: mean(points.map((p) => p.x)), y: mean(points.map((p) => p.y)) };
  };
  const [ca, cb] = [centre('a'), centre('b')];
  for (const n of nodes) {
    const [own, other] = n.id.startsWith('a') ? [ca, cb] : [cb, ca];
    assert.ok(distance(positions.get(n.id)!, own) < distance(positions.get(n.id)!, other), n.id);
  }
});

test('a heavier edge pulls its ends closer than a light one', () => {
  const nodes = ['hub', 'heavy', 'light', 'x', 'y'].map((id) => ({ id, size: 1 }));
  const edges = [
    { source: 'hub', target: 'heavy', weight: 20 },
    { source: 'hub', target: 'light', weight: 1 },
    { source: 'hub', target: 'x', weight: 1 },
    { source: 'x', target: 'y', weight: 1 },
  ];
  const p = layoutNetwork(nodes, edges);
  assert.ok(distance(p.get('hub')!, p.get('heavy')!) < distance(p.get('hub')!, p.get('light')!));
});

test('a single node sits in the middle; edges to unknown nodes and self-loops are ignored', () => {
  assert.deepEqual([...layoutNetwork([{ id: 'only', size: 1 }], [{ source: 'only', target: 'only', weight: 1 }, { source: 'only', target: 'ghost', weight: 3 }])], [['only', { x: 0.5, y: 0.5 }]]);
  assert.equal(layoutNetwork([], []).size, 0);
});

test('separateCircles moves overlapping circles apart, keeping the gap, and leaves the same input the same', () => {
  const points = new Map([['a', { x: 100, y: 100 }], ['b', { x: 104, y: 101 }], ['c', { x: 98, y: 108 }], ['far', { x: 400, y: 400 }]]);
  const radii = new Map([['a', 10], ['b', 8], ['c', 5], ['far', 5]]);
  const moved = separateCircles(points, radii, 2);
  assert.deepEqual(moved, separateCircles(points, radii, 2));
  const ids = [...points.keys()];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i]!, ids[j]!];
      assert.ok(distance(moved.get(a)!, moved.get(b)!) >= radii.get(a)! + radii.get(b)! + 2 - 0.5, `${a} ${b}`);
    }
  }
  // A circle far from the others stays about where it was.
  assert.ok(distance(moved.get('far')!, points.get('far')!) < 1);
});

test('small groups linked to nothing else stay near the main one instead of squeezing it into a corner', () => {
  const main = Array.from({ length: 12 }, (_, i) => `m${i}`);
  const nodes = [...main, 'p1', 'p2', 'q1', 'q2'].map((id) => ({ id, size: 1 }));
  const edges: LayoutEdge[] = [{ source: 'p1', target: 'p2', weight: 1 }, { source: 'q1', target: 'q2', weight: 1 }];
  for (let i = 0; i < main.length; i++) for (let j = i + 1; j < main.length; j++) if ((i * j) % 3 !== 1) edges.push({ source: main[i]!, target: main[j]!, weight: 1 });
  const positions = layoutNetwork(nodes, edges);
  const span = (axis: 'x' | 'y') => Math.max(...main.map((id) => positions.get(id)![axis])) - Math.min(...main.map((id) => positions.get(id)![axis]));
  // The main group spans over half the drawing (0.55 here; 0.31 under graphology's default gravity).
  assert.ok(Math.max(span('x'), span('y')) > 0.45, `${span('x')}, ${span('y')}`);
});
