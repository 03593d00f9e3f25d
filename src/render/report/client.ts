// Compiled by tsconfig.client.json, the one config with the browser's types.
// The report page's script, compiled with the rest and inlined in the page (html.ts): reads the data the page
// holds, applies the filters and draws every section as SVG and tables. No request leaves the page.
import type { ReportData } from '../../aggregate/report-data.js';
import type { ReportPage } from './page.js';
import { periodOf, periodsBetween, widen } from '../../aggregate/periods.js';
import { EDGE_COLOR, INK, MARGIN, MUTED, NETWORK_SIZE, SPARE_COLORS, TIMELINE_SIZE, TYPE_COLORS, seriesColors, typeColor } from '../chart/style.js';

type Article = ReportData['articles'][number];
interface State {
  entity: number | null;
  types: Set<number>;
  from: string;
  to: string;
  by: 'month' | 'week';
  measure: 'documents' | 'share';
  sort: { column: number; descending: boolean };
  search: string;
}

const SVG = 'http://www.w3.org/2000/svg';
const TIMELINE_SERIES = 5;
const SOURCE_SERIES = 6;
/** Rows of the entity table drawn at once. */
const TABLE_ROWS = 200;
/** Pairs in the network's numbers table: those sharing most articles. */
const NETWORK_TABLE_ROWS = 100;

const page = JSON.parse(document.getElementById('report-data')!.textContent!) as ReportPage;
const data = page.data;
const names = data.entities.map((e) => e[0]);
const state: State = { entity: null, types: new Set(data.types.map((_, i) => i)), from: '', to: '', by: 'month', measure: 'documents', sort: { column: 2, descending: true }, search: '' };

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const colorOf = (type: number) => typeColor(data.types[type]!);
/** Colours of the sites in the sources chart, in order. */
const PALETTE = [...Object.values(TYPE_COLORS), ...SPARE_COLORS];

/** An element with attributes and children (strings become text). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

function svgEl(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function table(headers: string[], rows: Array<Array<string | number | Node>>): HTMLTableElement {
  return el('table', {}, el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', typeof c === 'number' ? { class: 'num' } : {}, typeof c === 'number' ? format(c) : c))))));
}

function format(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(n < 1 ? 3 : 1);
}

/** Week labels by date, memoised: a corpus has far fewer dates than articles. */
const weeks = new Map<string, string>();
function periodLabel(date: string): string {
  if (state.by === 'month') return date.slice(0, 7);
  let week = weeks.get(date);
  if (week === undefined) weeks.set(date, (week = periodOf(date, 'week')));
  return week;
}

function mentions(article: Article, id: number): number {
  const e = article[3];
  for (let i = 0; i < e.length; i += 2) if (e[i] === id) return e[i + 1]!;
  return 0;
}

/** Articles in the date range (with a bound set, undated articles are out), and of those the chosen entity's. */
function selection(): { base: Article[]; subset: Article[] } {
  const base = state.from || state.to ? data.articles.filter((a) => a[0] !== '' && (!state.from || a[0] >= state.from) && (!state.to || a[0] <= state.to)) : data.articles;
  const subset = state.entity === null ? base : base.filter((a) => mentions(a, state.entity!) > 0);
  return { base, subset };
}

interface Tally {
  id: number;
  mentions: number;
  documents: number;
  first: string;
  last: string;
}

function tallies(articles: Article[]): Tally[] {
  const all: Tally[] = data.entities.map((_, id) => ({ id, mentions: 0, documents: 0, first: '', last: '' }));
  for (const [date, , , e] of articles) {
    for (let i = 0; i < e.length; i += 2) {
      const t = all[e[i]!]!;
      t.mentions += e[i + 1]!;
      t.documents++;
      widen(t, date);
    }
  }
  return all.filter((t) => t.documents > 0 && state.types.has(data.entities[t.id]![1]));
}

function choose(id: number | null): void {
  state.entity = id;
  byId<HTMLInputElement>('f-entity').value = id === null ? '' : names[id]!;
  draw();
}

function drawOverview(base: Article[], subset: Article[], entities: Tally[]): void {
  const dates = subset.map((a) => a[0]).filter(Boolean).sort();
  const count = (index: 1 | 2) => new Set(subset.map((a) => a[index])).size;
  const figures: Array<[string, string]> = [
    ['Articles', state.entity === null ? format(subset.length) : `${format(subset.length)} of ${format(base.length)} (mentioning ${names[state.entity]})`],
    ['Sites', format(count(1))],
    ['Languages', [...new Set(subset.map((a) => data.languages[a[2]]))].join(', ') || '–'],
    ['Date range', dates.length ? `${dates[0]} to ${dates[dates.length - 1]}` : 'no dates'],
    ['Undated articles', format(subset.filter((a) => !a[0]).length)],
    ['Entities', format(entities.length) + (data.unlisted ? ` (and ${format(data.unlisted)} rarer ones not in this page)` : '')],
    ['Inputs read', format(page.summary.inputs)],
  ];
  const skipped = page.summary.skipped.map(([reason, n]) => `${n} ${reason}`).join(', ');
  if (skipped) figures.push(['Inputs skipped', skipped]);
  if (page.summary.ignored.length) figures.push(['Files of other kinds', page.summary.ignored.map(([ext, n]) => `${ext} ${n}`).join(', ')]);
  byId('overview-figures').replaceChildren(...figures.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

const ENTITY_COLUMNS = ['entity', 'type', 'mentions', 'documents', 'quotes', 'first', 'last'];

function drawEntities(entities: Tally[]): void {
  const query = state.search.trim().toLowerCase();
  const shown = entities.filter((t) => !query || names[t.id]!.toLowerCase().includes(query) || data.entities[t.id]![3].some((a) => a.toLowerCase().includes(query)));
  const value = (t: Tally): string | number => [names[t.id]!, data.types[data.entities[t.id]![1]]!, t.mentions, t.documents, data.entities[t.id]![2], t.first, t.last][state.sort.column]!;
  const sign = state.sort.descending ? -1 : 1;
  shown.sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return (x < y ? -sign : x > y ? sign : 0) || b.mentions - a.mentions;
  });
  const head = el('tr', {}, ...ENTITY_COLUMNS.map((h, i) => {
    const sorted = state.sort.column === i;
    const button = el('button', { type: 'button' }, h + (sorted ? (state.sort.descending ? ' ▼' : ' ▲') : ''));
    button.addEventListener('click', () => {
      state.sort = { column: i, descending: sorted ? !state.sort.descending : i >= 2 && i <= 4 };
      draw();
    });
    return el('th', { scope: 'col', 'aria-sort': sorted ? (state.sort.descending ? 'descending' : 'ascending') : 'none' }, button);
  }));
  const rows = shown.slice(0, TABLE_ROWS).map((t) => {
    const [name, type, quotes] = data.entities[t.id]!;
    const link = el('button', { type: 'button', class: 'link' }, name);
    link.addEventListener('click', () => choose(t.id));
    const swatch = el('span', { class: 'swatch', style: `background:${colorOf(type)}` });
    return el('tr', t.id === state.entity ? { class: 'chosen' } : {}, el('td', {}, swatch, link), el('td', {}, data.types[type]!), ...[t.mentions, t.documents, quotes].map((n) => el('td', { class: 'num' }, format(n))), el('td', {}, t.first), el('td', {}, t.last));
  });
  byId('entity-table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  byId('entity-count').textContent = `${format(shown.length)} entities${shown.length > TABLE_ROWS ? `, the first ${TABLE_ROWS} shown (search for the others)` : ''}`;
}

/** Axes and a frame for a chart of `periods` on x and 0..max on y; returns the scales. */
function axes(chart: SVGSVGElement, periods: string[], max: number, percent: boolean): { x: (i: number) => number; y: (v: number) => number; band: number } {
  const [w, h] = [TIMELINE_SIZE.width, TIMELINE_SIZE.height];
  const m = MARGIN;
  chart.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const band = (w - m.left - m.right) / Math.max(1, periods.length);
  const x = (i: number) => m.left + band * (i + 0.5);
  const step = tickStep(max, percent);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v: number) => h - m.bottom - (v / top) * (h - m.top - m.bottom);
  for (let k = 0; k * step <= top + step / 2; k++) {
    const v = k * step;
    chart.append(svgEl('line', { x1: m.left, x2: w - m.right, y1: y(v), y2: y(v), class: 'grid' }));
    chart.append(svgEl('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, percent ? `${Math.round(v * 1000) / 10}%` : format(v)));
  }
  const every = Math.max(1, Math.ceil(periods.length / 10));
  periods.forEach((p, i) => {
    if (i % every === 0) chart.append(svgEl('text', { x: x(i), y: h - m.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, p));
  });
  return { x, y, band };
}

/** A round step (1, 2 or 5 times a power of ten) giving about four ticks up to `max`; whole numbers for counts. */
function tickStep(max: number, fraction: boolean): number {
  const rough = Math.max(max, fraction ? 0.01 : 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= rough)!;
  return fraction ? step : Math.max(1, Math.round(step));
}

function legend(target: HTMLElement, items: Array<[string, string]>): void {
  target.replaceChildren(...items.map(([label, color]) => el('span', { class: 'key' }, el('span', { class: 'swatch', style: `background:${color}` }), label)));
}

function datedPeriods(articles: Article[]): string[] {
  const dates = articles.map((a) => a[0]).filter(Boolean).sort();
  return dates.length ? periodsBetween(dates[0]!, dates[dates.length - 1]!, state.by) : [];
}

function drawTimeline(base: Article[], entities: Tally[]): void {
  const chart = byId('timeline-chart') as unknown as SVGSVGElement;
  chart.replaceChildren();
  const ids = state.entity !== null ? [state.entity] : [...entities].sort((a, b) => b.documents - a.documents).slice(0, TIMELINE_SERIES).map((t) => t.id);
  const periods = datedPeriods(base);
  const index = new Map(periods.map((p, i) => [p, i]));
  const totals = periods.map(() => 0);
  const series = ids.map(() => periods.map(() => 0));
  for (const a of base) {
    if (!a[0]) continue;
    const i = index.get(periodLabel(a[0]))!;
    totals[i]!++;
    ids.forEach((id, s) => {
      if (mentions(a, id) > 0) series[s]![i]!++;
    });
  }
  const share = state.measure === 'share';
  const values = series.map((s) => s.map((n, i) => (share ? (totals[i] ? n / totals[i]! : 0) : n)));
  const { x, y } = axes(chart, periods, Math.max(0, ...values.flat()), share);
  const colors = seriesColors(ids.map((id) => data.types[data.entities[id]![1]]!));
  values.forEach((points, s) => {
    chart.append(svgEl('polyline', { points: points.map((v, i) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: colors[s]!, 'stroke-width': 2, class: 'series' }));
    points.forEach((v, i) => {
      const mark = svgEl('circle', { cx: x(i), cy: y(v), r: 3, fill: colors[s]!, class: 'mark' });
      mark.append(svgEl('title', {}, `${names[ids[s]!]}, ${periods[i]}: ${share ? `${(v * 100).toFixed(1)}%` : v}`));
      chart.append(mark);
    });
  });
  chart.setAttribute('aria-label', `Articles mentioning ${ids.map((id) => names[id]).join(', ')} per ${state.by}`);
  legend(byId('timeline-legend'), ids.map((id, s) => [names[id]!, colors[s]!]));
  const cell = (v: number) => (share ? `${(v * 100).toFixed(1)}%` : v);
  byId('timeline-table').replaceChildren(table([state.by, 'all articles', ...ids.map((id) => names[id]!)], periods.map((p, i) => [p, totals[i]!, ...values.map((v) => cell(v[i]!))])));
  byId('timeline-empty').hidden = periods.length > 0;
}

function drawNetwork(subset: Article[]): void {
  const chart = byId('network-chart') as unknown as SVGSVGElement;
  chart.replaceChildren();
  const [w, h] = [NETWORK_SIZE.width, NETWORK_SIZE.height];
  const pad = 60;
  chart.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const nodes = data.network.nodes.map((id, i) => ({ id, position: data.network.positions[i]! })).filter((n) => state.types.has(data.entities[n.id]![1]));
  // Counted by the nodes' places in `nodes`: a pair is a cell of a K x K matrix.
  const slot = new Map(nodes.map((n, k) => [n.id, k]));
  const k = nodes.length;
  const documents = new Uint32Array(k);
  const shared = new Uint32Array(k * k);
  const present: number[] = [];
  for (const a of subset) {
    present.length = 0;
    for (let i = 0; i < a[3].length; i += 2) {
      const s = slot.get(a[3][i]!);
      if (s !== undefined) present.push(s);
    }
    for (let i = 0; i < present.length; i++) {
      documents[present[i]!]!++;
      for (let j = i + 1; j < present.length; j++) shared[Math.min(present[i]!, present[j]!) * k + Math.max(present[i]!, present[j]!)]!++;
    }
  }
  const at = nodes.map((n) => ({ x: pad + n.position[0] * (w - 2 * pad), y: pad / 2 + n.position[1] * (h - pad) }));
  const maxShared = Math.max(1, ...shared);
  const maxDocs = Math.max(1, ...documents);
  const edges: Array<[number, number, number]> = [];
  shared.forEach((n, cell) => n > 0 && edges.push([Math.floor(cell / k), cell % k, n]));
  edges.sort((p, q) => q[2] - p[2]);
  for (const [a, b, n] of edges) {
    chart.append(svgEl('line', { x1: at[a]!.x, y1: at[a]!.y, x2: at[b]!.x, y2: at[b]!.y, stroke: EDGE_COLOR, 'stroke-width': 0.5 + (4 * n) / maxShared, 'stroke-opacity': 0.6, class: 'edge' }));
  }
  for (const [s, { id }] of nodes.entries()) {
    const docs = documents[s]!;
    if (docs === 0) continue;
    const { x, y } = at[s]!;
    const circle = svgEl('circle', { cx: x, cy: y, r: 4 + 14 * Math.sqrt(docs / maxDocs), fill: colorOf(data.entities[id]![1]), stroke: id === state.entity ? INK : '#fff', 'stroke-width': id === state.entity ? 3 : 1, class: 'node', tabindex: 0, role: 'button' });
    circle.append(svgEl('title', {}, `${names[id]}: ${docs} articles`));
    const toggle = () => choose(id === state.entity ? null : id);
    circle.addEventListener('click', toggle);
    circle.addEventListener('keydown', (event) => (event as KeyboardEvent).key === 'Enter' && toggle());
    chart.append(circle, svgEl('text', { x, y: y - 8 - 14 * Math.sqrt(docs / maxDocs), 'text-anchor': 'middle', class: 'label' }, names[id]!));
  }
  legend(byId('network-legend'), data.types.map((t, i) => [t, colorOf(i)] as [string, string]).filter((_, i) => state.types.has(i)));
  byId('network-table').replaceChildren(table(['entity', 'entity', 'shared articles'], edges.slice(0, NETWORK_TABLE_ROWS).map(([a, b, n]) => [names[nodes[a]!.id]!, names[nodes[b]!.id]!, n])));
}

function drawSources(subset: Article[]): void {
  const chart = byId('sources-chart') as unknown as SVGSVGElement;
  chart.replaceChildren();
  const perSite = new Map<number, number>();
  for (const a of subset) perSite.set(a[1], (perSite.get(a[1]) ?? 0) + 1);
  const top = [...perSite].sort((p, q) => q[1] - p[1]).slice(0, SOURCE_SERIES).map(([site]) => site);
  const other = perSite.size > top.length;
  const labels = [...top.map((s) => data.sites[s]!), ...(other ? ['other sites'] : [])];
  const periods = datedPeriods(subset);
  const index = new Map(periods.map((p, i) => [p, i]));
  const counts = periods.map(() => labels.map(() => 0));
  for (const a of subset) {
    if (!a[0]) continue;
    const s = top.indexOf(a[1]);
    counts[index.get(periodLabel(a[0]))!]![s >= 0 ? s : top.length]!++;
  }
  const { x, y, band } = axes(chart, periods, Math.max(0, ...counts.map((c) => c.reduce((p, q) => p + q, 0))), false);
    counts.forEach((c, i) => {
    let below = 0;
    c.forEach((n, s) => {
      if (n === 0) return;
      const rect = svgEl('rect', { x: x(i) - band * 0.4, width: band * 0.8, y: y(below + n), height: y(below) - y(below + n), fill: s < top.length ? PALETTE[s % PALETTE.length]! : MUTED, class: 'mark' });
      rect.append(svgEl('title', {}, `${labels[s]}, ${periods[i]}: ${n}`));
      chart.append(rect);
      below += n;
    });
  });
  legend(byId('sources-legend'), labels.map((l, s) => [l, s < top.length ? PALETTE[s % PALETTE.length]! : MUTED]));
  byId('sources-table').replaceChildren(table([state.by, ...labels], periods.map((p, i) => [p, ...counts[i]!])));
  byId('sources-empty').hidden = periods.length > 0;
}

function drawKeywords(): void {
  const chart = byId('keywords-chart') as unknown as SVGSVGElement;
  chart.replaceChildren();
  const own = state.entity !== null ? data.keywords.entities[state.entity] : undefined;
  const list = own ?? data.keywords.corpus;
  byId('keywords-what').textContent = own
    ? `Words and phrases more frequent in the articles mentioning ${names[state.entity!]} than in the others (log-likelihood G2), over all dates.`
    : (state.entity !== null ? `Keywords are in this page for the ${Object.keys(data.keywords.entities).length} most mentioned entities only; these are the whole corpus's. ` : '') +
      'The most distinctive words and phrases of the corpus (TF-IDF), over all dates.';
  const [w, row] = [TIMELINE_SIZE.width, 20];
  const left = 220;
  const h = Math.max(1, list.length) * row + 20;
  chart.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const max = Math.max(1, ...list.map((k) => k[1]));
  const color = own ? colorOf(data.entities[state.entity!]![1]) : SPARE_COLORS[1];
  list.forEach(([term, score], i) => {
    chart.append(svgEl('text', { x: left - 8, y: 10 + i * row + 14, 'text-anchor': 'end', class: 'label' }, term));
    const bar = svgEl('rect', { x: left, y: 10 + i * row + 3, width: ((w - left - 60) * score) / max, height: row - 6, fill: color, class: 'mark' });
    bar.append(svgEl('title', {}, `${term}: ${score}`));
    chart.append(bar, svgEl('text', { x: left + ((w - left - 60) * score) / max + 6, y: 10 + i * row + 14, class: 'tick' }, format(score)));
  });
  byId('keywords-table').replaceChildren(table(['term', own ? 'G2' : 'TF-IDF', 'articles'], list.map(([term, score, docs]) => [term, score, docs])));
}

function drawKwic(base: Article[], entities: Tally[]): void {
  const inRange = new Set(base);
  const fallback = [...entities].sort((a, b) => b.mentions - a.mentions).find((t) => data.kwic[t.id]);
  const id = state.entity ?? (fallback ? fallback.id : null);
  const lines = id === null ? [] : (data.kwic[id] ?? []).filter((l) => inRange.has(data.articles[l[0]]!));
  byId('kwic-what').textContent =
    id === null ? 'No entity to show.'
    : !data.kwic[id] ? `Concordance lines are in this page for the ${Object.keys(data.kwic).length} most mentioned entities only: run mine kwic "${names[id]}" for ${names[id]}.`
    : `${names[id]}${state.entity === null ? ' (the most mentioned; choose an entity above for another)' : ''}: ${lines.length} line(s)${lines.length >= page.kwicLines ? `, the first ${page.kwicLines} of the corpus` : ''}.`;
  const rows = lines.map(([article, left, match, right]) => {
    const source = data.sources[article]!;
    const href = page.links[article];
    const cell = href ? el('a', { href }, source.title ?? source.file) : el('span', {}, source.title ?? source.file);
    return el('tr', {}, el('td', {}, data.articles[article]![0]), el('td', { class: 'left' }, left), el('td', { class: 'match' }, match), el('td', {}, right), el('td', { class: 'source' }, cell));
  });
  byId('kwic-table').replaceChildren(el('thead', {}, el('tr', {}, ...['date', 'left', 'mention', 'right', 'article'].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows));
}

function draw(): void {
  const { base, subset } = selection();
  const entities = tallies(subset);
  const all = subset === base ? entities : tallies(base);
  drawOverview(base, subset, entities);
  drawEntities(entities);
  drawTimeline(base, all);
  drawNetwork(subset);
  drawSources(subset);
  drawKeywords();
  drawKwic(base, all);
}

function listen(): void {
  byId('entity-names').replaceChildren(...names.map((n) => el('option', { value: n })));
  const entityInput = byId<HTMLInputElement>('f-entity');
  entityInput.addEventListener('change', () => {
    const wanted = entityInput.value.trim().toLowerCase();
    const id = names.findIndex((n) => n.toLowerCase() === wanted);
    choose(wanted === '' || id < 0 ? null : id);
  });
  byId('f-clear').addEventListener('click', () => choose(null));
  byId('f-types').replaceChildren(...data.types.map((t, i) => {
    const box = el('input', { type: 'checkbox', checked: '', value: i });
    box.addEventListener('change', () => {
      if (box.checked) state.types.add(i);
      else state.types.delete(i);
      draw();
    });
    return el('label', {}, box, el('span', { class: 'swatch', style: `background:${colorOf(i)}` }), t);
  }));
  for (const [id, key] of [['f-from', 'from'], ['f-to', 'to']] as const) {
    byId<HTMLInputElement>(id).addEventListener('change', (event) => {
      state[key] = (event.target as HTMLInputElement).value;
      draw();
    });
  }
  byId<HTMLSelectElement>('f-by').addEventListener('change', (event) => {
    state.by = (event.target as HTMLSelectElement).value as State['by'];
    draw();
  });
  byId<HTMLSelectElement>('f-measure').addEventListener('change', (event) => {
    state.measure = (event.target as HTMLSelectElement).value as State['measure'];
    draw();
  });
  byId<HTMLInputElement>('entity-search').addEventListener('input', (event) => {
    state.search = (event.target as HTMLInputElement).value;
    drawEntities(tallies(selection().subset));
  });
  // Printed, the numbers beside each chart are shown.
  window.addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

listen();
draw();
document.body.dataset.ready = 'true';
