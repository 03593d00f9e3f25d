// mine cooccur, end to end on the samples: rows, filters, and the graph files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, tempDir } from '../helpers.js';

/** The samples' entities are found once for the whole file. */
const mine = cachedMine();

interface PairRow { a: string; b: string; aType: string; bType: string; documents: number; mentions: number; pmi: number; npmi: number }
interface EntityRow { name: string; type: string; documents: number }

function pairs(args: string[]): PairRow[] {
  const r = mine(['cooccur', '--json', ...args]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as PairRow[];
}

interface XmlElement { name: string; attributes: Map<string, string>; text: string }

/**
 * A small well-formedness check (no XML library is installed): one root, every tag closed in order, attributes quoted
 * and not repeated, no raw "<" or stray "&" in text or attribute values. Returns the elements in document order.
 */
function parseXml(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let roots = 0;
  let at = 0;
  if (xml.startsWith('<?xml')) at = xml.indexOf('?>') + 2;
  const checkText = (text: string, where: string) => {
    assert.ok(!text.includes('<'), `raw < in ${where}`);
    for (const amp of text.split('&').slice(1)) assert.match(amp, /^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/, `stray & in ${where}`);
  };
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const text = xml.slice(at, lt === -1 ? xml.length : lt);
    if (open.length === 0) assert.equal(text.trim(), '', 'text outside the root element');
    checkText(text, 'text');
    if (open.length) open[open.length - 1]!.text += text;
    if (lt === -1) break;
    // The tag ends at the first ">" outside a quoted attribute value.
    let end = lt + 1;
    let quote: string | null = null;
    for (; end < xml.length; end++) {
      const c = xml[end]!;
      if (quote) quote = c === quote ? null : quote;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    assert.ok(end < xml.length, 'unterminated tag');
    const tag = xml.slice(lt + 1, end);
    at = end + 1;
    if (tag.startsWith('/')) {
      assert.equal(tag.slice(1).trim(), open.pop()?.name, 'closing tag does not match');
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^[A-Za-z_][\w.:-]*/.exec(body)?.[0];
    assert.ok(name, `bad tag <${tag}>`);
    const attributes = new Map<string, string>();
    let rest = body.slice(name.length);
    while (rest.trim()) {
      const m = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
      assert.ok(m, `bad attributes in <${tag}>`);
      assert.ok(!attributes.has(m[1]!), `repeated attribute ${m[1]}`);
      const value = m[3] ?? m[4]!;
      checkText(value, `attribute ${m[1]}`);
      attributes.set(m[1]!, value);
      rest = rest.slice(m[0].length);
    }
    if (open.length === 0) roots++;
    const element = { name, attributes, text: '' };
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  assert.equal(open.length, 0, `unclosed <${open.at(-1)?.name}>`);
  assert.equal(roots, 1, 'one root element');
  return elements;
}

test('the XML check rejects what is not well formed', () => {
  assert.doesNotThrow(() => parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b/>text &lt;</a>\n'));
  for (const bad of ['<a><b></a></b>', '<a>', '<a x=1/>', '<a x="1" x="2"/>', '<a>R&D</a>', '<a/><b/>', '<a x="<"/>']) {
    assert.throws(() => parseXml(bad), assert.AssertionError, bad);
  }
});

test('cooccur --json: pairs of at least 2 shared articles, names in order, PMI from the document counts', () => {
  const rows = pairs(['samples']);
  assert.ok(rows.length > 50, `only ${rows.length} pairs`);
  const articles = (JSON.parse(mine(['ner', '--json', 'samples']).stdout) as unknown[]).length;
  const entities = JSON.parse(mine(['entities', '--json', 'samples']).stdout) as EntityRow[];
  const documents = (name: string, type: string) => entities.find((e) => e.name === name && e.type === type)!.documents;
  for (const p of rows) {
    assert.ok(p.documents >= 2);
    assert.ok(p.a.localeCompare(p.b) <= 0, `${p.a} before ${p.b}`);
    assert.ok(p.mentions >= p.documents);
    const pmi = Math.log2((articles * p.documents) / (documents(p.a, p.aType) * documents(p.b, p.bType)));
    assert.ok(Math.abs(p.pmi - pmi) < 1e-4, `${p.a} + ${p.b}: pmi ${p.pmi}, expected ${pmi}`);
    assert.ok(p.npmi >= -1 && p.npmi <= 1);
  }
  for (let i = 1; i < rows.length; i++) {
    const [x, y] = [rows[i - 1]!, rows[i]!];
    assert.ok(x.documents > y.documents || (x.documents === y.documents && x.npmi >= y.npmi), `row ${i} out of order`);
  }
  assert.ok(rows.some((p) => p.a === 'Russia' && p.b === 'Sergey Lavrov'));
  assert.equal(pairs(['--min-docs', '1', 'samples']).length > rows.length, true);
});

test('cooccur table: the first 50 pairs, npmi with 2 decimals, a note of how many there are', () => {
  const rows = pairs(['samples']);
  const r = mine(['cooccur', '--table', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('│'));
  assert.match(lines[0]!, /^│ a\s+│ b\s+│ documents │ mentions │\s+npmi │$/);
  assert.equal(lines.length - 1, 50);
  const first = rows[0]!;
  assert.match(lines[1]!, new RegExp(`^│ ${first.a}\\s+│ ${first.b}\\s+│\\s+${first.documents} │\\s+${first.mentions} │\\s+${first.npmi.toFixed(2)} │$`));
  assert.match(r.stderr, new RegExp(`50 of ${rows.length} pairs shown`));
  assert.match(mine(['cooccur', '--help']).stdout, /PMI: log2 of how much more often the two share an article than chance/);
});

test('cooccur --csv and --ndjson give the same pairs as --json', () => {
  const rows = pairs(['samples']);
  const csv = mine(['cooccur', '--csv', 'samples']).stdout.trim().split('\n');
  assert.equal(csv[0], 'a,b,aType,bType,documents,mentions,pmi,npmi');
  assert.equal(csv.length - 1, rows.length);
  const { a, b, aType, bType, documents, mentions, pmi, npmi } = rows[0]!;
  assert.equal(csv[1], [a, b, aType, bType, documents, mentions, pmi, npmi].join(','));
  const ndjson = mine(['cooccur', '--ndjson', 'samples']).stdout.trim().split('\n').map((l) => JSON.parse(l) as PairRow);
  assert.deepEqual(ndjson, rows);
});

test('cooccur --entity "Sergey Lavrov": only his pairs; by alias too; a note when nothing matches', () => {
  const rows = pairs(['--entity', 'Sergey Lavrov', 'samples']);
  assert.ok(rows.length >= 5);
  for (const p of rows) assert.ok(p.a === 'Sergey Lavrov' || p.b === 'Sergey Lavrov', `${p.a} + ${p.b}`);
  assert.deepEqual(pairs(['--entity', 'lavrov', 'samples']), rows);
  const none = mine(['cooccur', '--json', '--entity', 'Nobody At All', 'samples']);
  assert.equal(none.stdout.trim(), '[]');
  assert.match(none.stderr, /no entity called 'Nobody At All'/);
});

test('cooccur --window sentence finds fewer shared articles than the whole article', () => {
  const byDocument = pairs(['--entity', 'Sergey Lavrov', '--min-docs', '1', 'samples']);
  const bySentence = pairs(['--entity', 'Sergey Lavrov', '--min-docs', '1', '--window', 'sentence', 'samples']);
  assert.ok(bySentence.length > 0 && bySentence.length < byDocument.length);
  for (const p of bySentence) {
    const whole = byDocument.find((q) => q.a === p.a && q.b === p.b)!;
    assert.ok(p.documents <= whole.documents && p.mentions <= whole.mentions, `${p.a} + ${p.b}`);
  }
});

test('cooccur --type, --top, --site and dates filter the pairs', () => {
  for (const p of pairs(['--type', 'person,country', 'samples'])) {
    assert.ok(['person', 'country'].includes(p.aType) && ['person', 'country'].includes(p.bType));
  }
  assert.deepEqual(pairs(['--top', '3', 'samples']), pairs(['samples']).slice(0, 3));
  const site = mine(['cooccur', '--json', '--site', 'the northgate LEDGER', '--min-docs', '1', 'samples']);
  assert.match(site.stderr, /5 article\(s\) counted/);
  assert.ok((JSON.parse(site.stdout) as PairRow[]).length > 0);
  assert.match(mine(['cooccur', '--json', '--since', '2024', '--until', '2024-06', 'samples']).stderr, /2 article\(s\) counted/);
  assert.equal(mine(['cooccur', '--type', 'city', 'samples']).status, 2);
  assert.equal(mine(['cooccur', '--window', 'paragraph', 'samples']).status, 2);
});

/** Checks a graph's node and edge lists against the JSON pairs: one node per entity at an edge's end, one edge per pair. */
function checkGraph(nodeIds: string[], edges: Array<[string, string]>, rows: PairRow[]): void {
  assert.equal(new Set(nodeIds).size, nodeIds.length, 'a node listed twice');
  assert.deepEqual([...nodeIds].sort(), [...new Set(edges.flat())].sort());
  assert.deepEqual(edges, rows.map((p) => [p.a, p.b]));
}

test('cooccur --format gexf: well-formed GEXF 1.3, one node per entity in the edges, weights = documents', () => {
  const rows = pairs(['samples']);
  const r = mine(['cooccur', '--format', 'gexf', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const elements = parseXml(r.stdout);
  assert.equal(elements[0]!.name, 'gexf');
  assert.equal(elements[0]!.attributes.get('version'), '1.3');
  const edges = elements.filter((e) => e.name === 'edge');
  checkGraph(elements.filter((e) => e.name === 'node').map((e) => e.attributes.get('id')!), edges.map((e) => [e.attributes.get('source')!, e.attributes.get('target')!]), rows);
  assert.deepEqual(edges.map((e) => Number(e.attributes.get('weight'))), rows.map((p) => p.documents));
});

test('cooccur --format graphml: well-formed, keys declared, one node per entity in the edges', () => {
  const rows = pairs(['samples']);
  const elements = parseXml(mine(['cooccur', '--format', 'graphml', 'samples']).stdout);
  assert.equal(elements[0]!.name, 'graphml');
  const keys = elements.filter((e) => e.name === 'key').map((e) => `${e.attributes.get('for')}:${e.attributes.get('attr.name')}`);
  for (const key of ['node:type', 'node:documents', 'node:mentions', 'edge:weight']) assert.ok(keys.includes(key), key);
  checkGraph(elements.filter((e) => e.name === 'node').map((e) => e.attributes.get('id')!), elements.filter((e) => e.name === 'edge').map((e) => [e.attributes.get('source')!, e.attributes.get('target')!]), rows);
  const weights = elements.filter((e) => e.name === 'data' && e.attributes.get('key') === 'weight').map((e) => Number(e.text));
  assert.deepEqual(weights, rows.map((p) => p.documents));
});

test('cooccur --format dot and csv: one edge per pair', () => {
  const rows = pairs(['samples']);
  const dot = mine(['cooccur', '--format', 'dot', 'samples']).stdout;
  assert.ok(dot.startsWith('graph '));
  assert.ok(dot.trimEnd().endsWith('}'));
  const edgeLines = dot.split('\n').filter((l) => l.includes(' -- '));
  assert.deepEqual(edgeLines.map((l) => /^ {2}"([^"]+)" -- "([^"]+)" \[weight=(\d+),/.exec(l)!.slice(1)), rows.map((p) => [p.a, p.b, String(p.documents)]));
  const csv = mine(['cooccur', '--format', 'csv', 'samples']).stdout.trim().split('\n');
  assert.equal(csv[0], 'source,target,weight,source_type,target_type,mentions,pmi,npmi');
  assert.equal(csv.length - 1, rows.length);
  assert.equal(mine(['cooccur', '--format', 'gexf', '--json', 'samples']).status, 2);
  assert.equal(mine(['cooccur', '--format', 'xml', 'samples']).status, 2);
});

test('graph files escape names: XML entities in GEXF and GraphML, backslash-quotes in DOT', () => {
  const dir = tempDir();
  const gazetteer = path.join(dir, 'gazetteer.json');
  fs.writeFileSync(gazetteer, JSON.stringify({ entities: [{ name: 'Smith & "Sons" <Ltd>', type: 'org', aliases: ['Smith & Sons'] }] }));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'Smith & Sons met Russia officials in Moscow on Monday.\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), 'Smith & Sons signed a deal with Russia.\n');
  const args = ['cooccur', '--raw', '--gazetteer', gazetteer, path.join(dir, 'a.txt'), path.join(dir, 'b.txt')];
  for (const format of ['gexf', 'graphml']) {
    const nodes = parseXml(mine([...args, '--format', format]).stdout).filter((e) => e.name === 'node');
    assert.ok(nodes.some((n) => n.attributes.get('id') === 'Smith &amp; &quot;Sons&quot; &lt;Ltd&gt;'), format);
  }
  assert.match(mine([...args, '--format', 'dot']).stdout, /^ {2}"Russia" -- "Smith & \\"Sons\\" <Ltd>" \[weight=2,/m);
});
