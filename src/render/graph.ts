// A co-occurrence graph as files for graph tools: GEXF 1.3 (Gephi), GraphML, DOT (Graphviz) and a CSV edge list.
import type { Node, Pair } from '../aggregate/cooccur.js';
import { csvLine } from './csv.js';

export interface Graph {
  nodes: Node[];
  pairs: Pair[];
}

export const GRAPH_FORMATS = ['gexf', 'graphml', 'dot', 'csv'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export function renderGraph(graph: Graph, format: GraphFormat): string {
  switch (format) {
    case 'gexf': return renderGexf(graph);
    case 'graphml': return renderGraphml(graph);
    case 'dot': return renderDot(graph);
    case 'csv': return renderEdgeCsv(graph);
  }
}

/** Node ids: the entity's name, or "name (type)" when entities of two types share the name. */
function nodeIds(nodes: Node[]): { node: (n: Node) => string; a: (p: Pair) => string; b: (p: Pair) => string } {
  const seen = new Map<string, number>();
  for (const n of nodes) seen.set(n.name, (seen.get(n.name) ?? 0) + 1);
  const id = (name: string, type: string) => ((seen.get(name) ?? 0) > 1 ? `${name} (${type})` : name);
  return { node: (n) => id(n.name, n.type), a: (p) => id(p.a, p.aType), b: (p) => id(p.b, p.bType) };
}

export function escapeXml(text: string): string {
  return text
    // Characters XML 1.0 does not allow at all, even escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function renderGexf({ nodes, pairs }: Graph): string {
  const ids = nodeIds(nodes);
  const attribute = (id: string, type: string) => `      <attribute id="${id}" title="${id}" type="${type}"/>`;
  const values = (entries: Array<[string, string | number]>) =>
    `<attvalues>${entries.map(([key, value]) => `<attvalue for="${key}" value="${escapeXml(String(value))}"/>`).join('')}</attvalues>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>mine cooccur</creator>',
    '    <description>Entities mentioned together; edge weight: articles shared</description>',
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    attribute('type', 'string'),
    attribute('documents', 'integer'),
    attribute('mentions', 'integer'),
    '    </attributes>',
    '    <attributes class="edge">',
    attribute('documents', 'integer'),
    attribute('mentions', 'integer'),
    attribute('pmi', 'double'),
    attribute('npmi', 'double'),
    '    </attributes>',
    '    <nodes>',
    ...nodes.map((n) => {
      const id = escapeXml(ids.node(n));
      return `      <node id="${id}" label="${escapeXml(n.name)}">${values([['type', n.type], ['documents', n.documents], ['mentions', n.mentions]])}</node>`;
    }),
    '    </nodes>',
    '    <edges>',
    ...pairs.map(
      (p, i) =>
        `      <edge id="${i}" source="${escapeXml(ids.a(p))}" target="${escapeXml(ids.b(p))}" weight="${p.documents}">` +
        `${values([['documents', p.documents], ['mentions', p.mentions], ['pmi', p.pmi], ['npmi', p.npmi]])}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

export function renderGraphml({ nodes, pairs }: Graph): string {
  const ids = nodeIds(nodes);
  const key = (id: string, on: 'node' | 'edge', name: string, type: string) => `  <key id="${id}" for="${on}" attr.name="${name}" attr.type="${type}"/>`;
  const data = (entries: Array<[string, string | number]>) => entries.map(([k, value]) => `<data key="${k}">${escapeXml(String(value))}</data>`).join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    key('label', 'node', 'label', 'string'),
    key('type', 'node', 'type', 'string'),
    key('documents', 'node', 'documents', 'int'),
    key('mentions', 'node', 'mentions', 'int'),
    key('weight', 'edge', 'weight', 'int'),
    key('edge_mentions', 'edge', 'mentions', 'int'),
    key('pmi', 'edge', 'pmi', 'double'),
    key('npmi', 'edge', 'npmi', 'double'),
    '  <graph id="cooccurrence" edgedefault="undirected">',
    ...nodes.map((n) => `    <node id="${escapeXml(ids.node(n))}">${data([['label', n.name], ['type', n.type], ['documents', n.documents], ['mentions', n.mentions]])}</node>`),
    ...pairs.map(
      (p) => `    <edge source="${escapeXml(ids.a(p))}" target="${escapeXml(ids.b(p))}">${data([['weight', p.documents], ['edge_mentions', p.mentions], ['pmi', p.pmi], ['npmi', p.npmi]])}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** A DOT quoted string: backslashes, quotes and line breaks escaped. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function renderDot({ nodes, pairs }: Graph): string {
  const ids = nodeIds(nodes);
  return [
    'graph cooccurrence {',
    ...nodes.map((n) => `  ${dotString(ids.node(n))} [label=${dotString(n.name)}, type=${dotString(n.type)}, documents=${n.documents}, mentions=${n.mentions}];`),
    ...pairs.map((p) => `  ${dotString(ids.a(p))} -- ${dotString(ids.b(p))} [weight=${p.documents}, mentions=${p.mentions}, pmi=${p.pmi}, npmi=${p.npmi}];`),
    '}',
    '',
  ].join('\n');
}

/** An edge list with Gephi's column names (source, target, weight), then the pair's other figures. */
export function renderEdgeCsv({ nodes, pairs }: Graph): string {
  const ids = nodeIds(nodes);
  return (
    csvLine(['source', 'target', 'weight', 'source_type', 'target_type', 'mentions', 'pmi', 'npmi']) +
    pairs.map((p) => csvLine([ids.a(p), ids.b(p), p.documents, p.aType, p.bType, p.mentions, p.pmi, p.npmi])).join('')
  );
}
