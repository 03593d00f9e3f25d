// What `mine report` puts in its page, gathered in one pass: per article its date, site, language and entities,
// the entity table, concordance lines and keywords of the top entities, and the co-occurrence network's nodes and edges.
import { EntityCounter, entityKey } from './entities.js';
import { KeywordCounter, keynessOf, termsOf, type Keyword } from './keywords.js';
import { mentionHits } from './kwic.js';
import { layoutNetwork } from './layout.js';
import { CorpusPeople } from './resolve-corpus.js';
import { UNKNOWN_SOURCE } from './sources.js';
import type { Quote } from './quotes.js';
import { ENTITY_TYPES, type Entity, type EntityType, type NerArticle } from '../types.js';
import type { ReportArticle, ReportData, ReportLine } from './report-data.js';

/** Entities listed in the page (most mentioned first); articles refer to these only, which bounds the page's size. */
const REPORT_ENTITIES = 2000;
/** Entities whose concordance lines and keywords are in the page (most mentioned first). */
const DETAILED_ENTITIES = 30;
/** Concordance lines kept per entity, in corpus order. */
export const KWIC_LINES = 60;
/** Characters of context on each side of a concordance line. */
const KWIC_WIDTH = 40;
/** Nodes of the co-occurrence network (the entities in most articles). */
const NETWORK_NODES = 40;
/** Keywords per list; terms in fewer articles than KEYWORD_MIN_DOCS are left out (as `mine keywords` does). */
const KEYWORDS = 20;
const KEYWORD_MIN_DOCS = 2;
/** Longest phrase counted as a keyword, in words. */
const KEYWORD_WORDS = 3;
/**
 * Concordance lines held while reading: past this, only the lines of the entities in most articles so far
 * (DETAILED_ENTITIES x 4) are kept and the others stop collecting, so memory stays bounded on a large corpus.
 */
const KWIC_HELD = 100_000;


interface RawEntity {
  name: string;
  type: EntityType;
  documents: number;
  lines: ReportLine[];
  /** No longer collecting concordance lines (see KWIC_HELD). */
  closed: boolean;
}

/** Collects a report's data article by article; memory grows with the articles (a few numbers each) and their vocabulary. */
export class ReportCollector {
  private readonly counter = new EntityCounter();
  private readonly people = new CorpusPeople();
  private readonly keywords = new KeywordCounter(KEYWORD_WORDS);
  /** Entities as named in the articles, before a person's name variants are resolved over the corpus. */
  private readonly raw: RawEntity[] = [];
  private readonly rawIds = new Map<string, number>();
  private readonly articles: Array<{ date: string; site: number; language: number; entities: number[]; terms: Uint32Array; title: string | null; file: string; url?: string }> = [];
  private readonly sites = new Map<string, number>();
  private readonly siteNames: string[] = [];
  private readonly languages = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private linesHeld = 0;

  add(article: NerArticle & { quotes?: Quote[] }): void {
    const index = this.articles.length;
    this.counter.add(article);
    this.people.add(article.entities);
    const entities: number[] = [];
    const collecting: Entity[] = [];
    for (const e of article.entities) {
      const id = this.rawId(e);
      const raw = this.raw[id]!;
      raw.documents++;
      entities.push(id, e.count);
      if (!raw.closed && raw.lines.length < KWIC_LINES) collecting.push(e);
    }
    for (const hit of mentionHits(article, collecting, KWIC_WIDTH)) {
      const raw = this.raw[this.rawIds.get(entityKey(hit.type!, hit.entity!))!]!;
      if (raw.lines.length >= KWIC_LINES) continue;
      raw.lines.push([index, hit.left, hit.match, hit.right]);
      this.linesHeld++;
    }
    if (this.linesHeld > KWIC_HELD) this.keepLinesOfTheMostSeen();
    const terms = termsOf(article.text, KEYWORD_WORDS, article.language);
    this.keywords.addTerms(terms);
    const termPairs = new Uint32Array(terms.size * 2);
    let i = 0;
    for (const [term, n] of terms) {
      termPairs[i++] = this.termId(term);
      termPairs[i++] = n;
    }
    this.articles.push({
      date: article.published?.slice(0, 10) ?? '',
      site: this.siteIndex(article.site?.trim() || UNKNOWN_SOURCE),
      language: this.languageIndex(article.language ?? 'und'),
      entities,
      terms: termPairs,
      title: article.title,
      file: article.file,
      ...(article.url ? { url: article.url } : {}),
    });
  }

  result(): ReportData {
    const rows = this.counter.rows();
    const listed = rows.slice(0, REPORT_ENTITIES);
    const idOfKey = new Map(listed.map((row, id) => [entityKey(row.type, row.name), id]));
    const resolve = this.people.resolver();
    // Raw entity -> listed id (or -1): a person's variants meet under the name the entity table gives them.
    const listedId = this.raw.map((e) => idOfKey.get(entityKey(e.type, e.type === 'person' && resolve ? resolve(e.name) : e.name)) ?? -1);
    const articles = this.articles.map((a): ReportArticle => [a.date, a.site, a.language, mergeIds(a.entities, listedId)]);
    const detailed = listed.slice(0, DETAILED_ENTITIES).map((_, id) => id);
    const kwic: Record<number, ReportLine[]> = {};
    this.raw.forEach((e, rawId) => {
      const id = listedId[rawId]!;
      if (id >= 0 && id < DETAILED_ENTITIES && e.lines.length) (kwic[id] ??= []).push(...e.lines);
    });
    const sources: ReportData['sources'] = {};
    for (const [id, lines] of Object.entries(kwic)) {
      kwic[Number(id)] = lines.sort((p, q) => p[0] - q[0]).slice(0, KWIC_LINES);
      for (const [index] of kwic[Number(id)]!) {
        const { title, file, url } = this.articles[index]!;
        sources[index] = { title, file, ...(url ? { url } : {}) };
      }
    }
    return {
      types: ENTITY_TYPES,
      sites: this.siteNames,
      languages: [...this.languages.keys()],
      entities: listed.map((row) => [row.name, ENTITY_TYPES.indexOf(row.type), row.quotes, row.aliases.filter((a) => a !== row.name)]),
      unlisted: rows.length - listed.length,
      articles,
      sources,
      kwic,
      keywords: {
        corpus: this.keywords.tfidf(KEYWORD_MIN_DOCS, KEYWORDS).map((k) => [k.term, k.score, k.documents]),
        entities: Object.fromEntries(detailed.map((id) => [id, this.keynessOfEntity(id, articles).map((k) => [k.term, k.score, k.documents])])),
      },
      network: network(articles, listed.length),
    };
  }

  /** Keywords of the articles mentioning an entity against the other articles (as `mine keywords --entity`). */
  private keynessOfEntity(id: number, articles: ReportArticle[]): Keyword[] {
    const inSubset = new Float64Array(this.termNames.length);
    let subsetDocuments = 0;
    articles.forEach((a, index) => {
      if (!hasId(a[3], id)) return;
      subsetDocuments++;
      const terms = this.articles[index]!.terms;
      for (let i = 0; i < terms.length; i += 2) inSubset[terms[i]!]! += terms[i + 1]!;
    });
    if (subsetDocuments === 0 || subsetDocuments === articles.length) return [];
    let subsetWords = 0;
    const counts: Array<{ term: string; count: number; documents: number; subsetCount: number }> = [];
    this.termNames.forEach((term, t) => {
      if (inSubset[t] === 0) return;
      if (!term.includes(' ')) subsetWords += inSubset[t]!;
      const { count, documents } = this.keywords.countsOf(term)!;
      counts.push({ term, count, documents, subsetCount: inSubset[t]! });
    });
    return keynessOf(counts, subsetWords, this.keywords.words - subsetWords, KEYWORD_MIN_DOCS, KEYWORDS);
  }

  /** Stops collecting concordance lines for all but the entities in most articles so far, and drops their lines. */
  private keepLinesOfTheMostSeen(): void {
    const kept = new Set([...this.raw].sort((a, b) => b.documents - a.documents).slice(0, DETAILED_ENTITIES * 4));
    this.linesHeld = 0;
    for (const e of this.raw) {
      if (kept.has(e)) this.linesHeld += e.lines.length;
      else {
        e.closed = true;
        e.lines = [];
      }
    }
  }

  private rawId(e: Entity): number {
    return indexIn(this.rawIds, this.raw, entityKey(e.type, e.name), () => ({ name: e.name, type: e.type, documents: 0, lines: [], closed: false }));
  }

  private termId(term: string): number {
    return indexIn(this.termIds, this.termNames, term, () => term);
  }

  private siteIndex(site: string): number {
    return indexIn(this.sites, this.siteNames, site.toLowerCase(), () => site);
  }

  private languageIndex(language: string): number {
    if (!this.languages.has(language)) this.languages.set(language, this.languages.size);
    return this.languages.get(language)!;
  }
}

/** The index in `list` of the item under `key` in `ids`; a new key gets a new item, made by `make`, at the end. */
function indexIn<T>(ids: Map<string, number>, list: T[], key: string, make: () => T): number {
  let index = ids.get(key);
  if (index === undefined) {
    index = list.push(make()) - 1;
    ids.set(key, index);
  }
  return index;
}

/** An article's raw entity ids and counts as listed ids and counts, those of one entity added up, unlisted ones left out. */
function mergeIds(raw: number[], listedId: number[]): number[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < raw.length; i += 2) {
    const id = listedId[raw[i]!]!;
    if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + raw[i + 1]!);
  }
  return [...counts].sort((a, b) => a[0] - b[0]).flat();
}

function hasId(entities: number[], id: number): boolean {
  for (let i = 0; i < entities.length; i += 2) if (entities[i] === id) return true;
  return false;
}

/** The NETWORK_NODES entities in most articles, laid out by the articles each pair of them shares (ForceAtlas2). */
function network(articles: ReportArticle[], listed: number): ReportData['network'] {
  const documents = new Array<number>(listed).fill(0);
  for (const [, , , entities] of articles) for (let i = 0; i < entities.length; i += 2) documents[entities[i]!]!++;
  const nodes = documents.map((n, id) => [id, n] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, NETWORK_NODES).map(([id]) => id);
  const isNode = new Set(nodes);
  const shared = new Map<string, number>();
  for (const [, , , entities] of articles) {
    const present = entities.filter((id, i) => i % 2 === 0 && isNode.has(id));
    for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) shared.set(`${present[i]} ${present[j]}`, (shared.get(`${present[i]} ${present[j]}`) ?? 0) + 1);
  }
  const edges = [...shared].map(([pair, weight]) => {
    const [source, target] = pair.split(' ') as [string, string];
    return { source, target, weight };
  });
  const at = layoutNetwork(nodes.map((id) => ({ id: String(id), size: documents[id]! })), edges);
  return { nodes, positions: nodes.map((id) => [round(at.get(String(id))!.x), round(at.get(String(id))!.y)]) };
}

/** Positions to three decimals: a thousandth of the chart is under a pixel. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
