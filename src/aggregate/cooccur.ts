// Which entities are mentioned together: pairs sharing an article (or a sentence), with how strongly they are associated.
import { nameKey } from '../ner/resolve.js';
import { nameMatcher } from './filters.js';
import type { EntityType, NerArticle } from '../types.js';
import { entityKey } from './entities.js';
import { CorpusPeople, type ApartLine } from './resolve-corpus.js';

export const WINDOWS = ['document', 'sentence'] as const;
export type Window = (typeof WINDOWS)[number];

/**
 * Two entities seen together. `documents`: articles where they share a unit (the article, or a sentence).
 * `mentions`: over those units, the sum of the smaller of the two mention counts in each unit.
 * `pmi` = log2(N * documents / (docs(a) * docs(b))) with N the articles counted; `npmi` = pmi / -log2(documents / N),
 * from -1 to 1 (1 when both are in every article). Both rounded to 4 decimals.
 */
export interface Pair {
  a: string;
  b: string;
  aType: EntityType;
  bType: EntityType;
  documents: number;
  mentions: number;
  pmi: number;
  npmi: number;
}

/** An entity at one end of a pair, with its totals over all articles counted. */
export interface Node {
  name: string;
  type: EntityType;
  documents: number;
  mentions: number;
}

export interface CooccurFilter {
  /** Only pairs with this entity (canonical name or any alias seen, case-insensitive). */
  entity?: string;
  minDocs?: number;
  /** Only pairs whose two ends both have one of these types. */
  types?: readonly EntityType[];
  top?: number;
}

export interface Cooccurrence {
  /** Sorted by documents, then npmi, then names. */
  pairs: Pair[];
  /** The entities at the ends of `pairs`, each once, most documents first. */
  nodes: Node[];
  /** Articles counted (N of the PMI). */
  articles: number;
  /** Pairs that passed the filters before `top` cut them. */
  total: number;
  /** With an entity filter: the entity it chose, or null when none matched. */
  entity?: { name: string; type: EntityType } | null;
  /** Articles in which only the pairs of the UNIT_ENTITIES most mentioned entities of a unit were counted. */
  cutArticles: number;
  /** What any pair's documents may be short by, once the pair table was full (0: exact). */
  missed: number;
}

interface Tally {
  names: Map<string, number>;
  type: EntityType;
  documents: number;
  mentions: number;
  /** Lower-cased aliases and their name keys, for the entity filter. */
  aliases: Set<string>;
}

interface PairTally {
  documents: number;
  mentions: number;
  /** How many documents the count may miss: the pair may have been dropped from a full table before (see prune). */
  missed: number;
}

/** In a unit (article or sentence) naming more entities, only pairs among its this many most mentioned are counted. */
export const UNIT_ENTITIES = 100;
/** Pairs held by default before the rarest are dropped (about 100 MB). */
export const MAX_PAIRS = 1_000_000;

/** One line of `mine cooccur --partial`: the counter's state, for `--merge`. */
export type CooccurPartial =
  | { partial: 'cooccur'; window: Window; articles: number; cutArticles: number; missed: number }
  | { entity: string; type: EntityType; names: Record<string, number>; documents: number; mentions: number; aliases: string[] }
  | { pair: [string, string]; documents: number; mentions: number; missed: number }
  | ApartLine;

/**
 * Streaming counter. Memory is bounded: a unit naming more than UNIT_ENTITIES entities counts the pairs of its
 * UNIT_ENTITIES most mentioned only, and when `maxPairs` pairs are held the rarest are dropped (lossy counting), so
 * a pair's count may then be short by at most `missed` documents, which the result reports.
 */
export class CooccurrenceCounter {
  private readonly tallies = new Map<string, Tally>();
  /** Entity keys by number, and numbers by key: pairs are keyed by the two numbers, cheaper than strings. */
  private readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly pairs = new Map<number, PairTally>();
  private articles = 0;
  /** Articles that named more than UNIT_ENTITIES entities in one unit. */
  private cutArticles = 0;
  /** The most documents a dropped pair had: what any count may be short by. */
  private missed = 0;
  private readonly people = new CorpusPeople();

  constructor(private readonly window: Window = 'document', private readonly maxPairs = MAX_PAIRS) {}

  add(article: NerArticle): void {
    this.articles++;
    this.people.add(article.entities);
    for (const e of article.entities) {
      const t = this.tally(entityKey(e.type, e.name), e.type);
      t.names.set(e.name, (t.names.get(e.name) ?? 0) + 1);
      t.mentions += e.count;
      for (const alias of e.aliases) t.aliases.add(alias.toLowerCase()).add(nameKey(alias));
    }
    // One entity can come twice in an article under spellings of one key: its document counts once.
    for (const k of new Set(article.entities.map((e) => entityKey(e.type, e.name)))) this.tallies.get(k)!.documents++;

    const shared = new Map<number, number>();
    let cut = false;
    for (const unit of units(article, this.window)) {
      let entries = [...unit.entries()];
      if (entries.length > UNIT_ENTITIES) {
        cut = true;
        entries = entries.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, UNIT_ENTITIES);
      }
      const ends = entries.map(([k, mentions]) => [this.ids.get(k)!, mentions] as const).sort((x, y) => x[0] - y[0]);
      for (let i = 0; i < ends.length; i++) {
        for (let j = i + 1; j < ends.length; j++) {
          const pair = pairKey(ends[i]![0], ends[j]![0]);
          shared.set(pair, (shared.get(pair) ?? 0) + Math.min(ends[i]![1], ends[j]![1]));
        }
      }
    }
    if (cut) this.cutArticles++;
    for (const [pair, mentions] of shared) this.count(pair, 1, mentions, 0);
  }

  /** The state to merge elsewhere (`--partial`): a header line, every entity, then every pair. */
  *partial(): Generator<CooccurPartial> {
    yield { partial: 'cooccur', window: this.window, articles: this.articles, cutArticles: this.cutArticles, missed: this.missed };
    for (const [entity, t] of this.tallies) {
      yield { entity, type: t.type, names: Object.fromEntries(t.names), documents: t.documents, mentions: t.mentions, aliases: [...t.aliases] };
    }
    for (const [pair, p] of this.pairs) yield { pair: this.ends(pair), documents: p.documents, mentions: p.mentions, missed: p.missed };
    yield* this.people.partial();
  }

  /** Adds a line of another counter's partial state; the header's window must be this counter's. */
  addPartial(line: CooccurPartial): void {
    if ('apart' in line) return this.people.addApart(line);
    if ('entity' in line && line.type === 'person') for (const [name, n] of Object.entries(line.names)) this.people.addName(name, n);
    this.addCounts(line);
  }

  /** Adds a header's, an entity's or a pair's counts (of a partial, or of this counter replayed under resolved names). */
  private addCounts(line: Exclude<CooccurPartial, ApartLine>): void {
    if ('partial' in line) {
      if (line.window !== this.window) throw new Error(`a partial count by ${line.window}, not by ${this.window} (--window)`);
      this.articles += line.articles;
      this.cutArticles += line.cutArticles;
      this.missed += line.missed;
    } else if ('entity' in line) {
      const t = this.tally(line.entity, line.type);
      for (const [name, n] of Object.entries(line.names)) t.names.set(name, (t.names.get(name) ?? 0) + n);
      t.documents += line.documents;
      t.mentions += line.mentions;
      for (const a of line.aliases) t.aliases.add(a);
    } else if ('pair' in line) {
      const [a, b] = line.pair.map((k) => this.ids.get(k)) as [number | undefined, number | undefined];
      if (a === undefined || b === undefined) throw new Error(`a pair of entities not listed before it: ${line.pair.join(', ')}`);
      this.count(pairKey(Math.min(a, b), Math.max(a, b)), line.documents, line.mentions, line.missed);
    } else throw new Error('not a line of mine cooccur --partial');
  }

  private tally(key: string, type: EntityType): Tally {
    let t = this.tallies.get(key);
    if (!t) {
      t = { names: new Map(), type, documents: 0, mentions: 0, aliases: new Set() };
      this.tallies.set(key, t);
      this.ids.set(key, this.keys.length);
      this.keys.push(key);
    }
    return t;
  }

  /** Adds to a pair's counts; `missed`: what the added count may be short by (a partial's own dropped pairs). */
  private count(pair: number, documents: number, mentions: number, missed: number): void {
    const p = this.pairs.get(pair);
    if (p) {
      p.documents += documents;
      p.mentions += mentions;
      p.missed += missed;
      return;
    }
    if (this.pairs.size >= this.maxPairs) this.prune();
    // The pair may have been dropped before with up to the floor's count.
    this.pairs.set(pair, { documents, mentions, missed: missed + this.missed });
  }

  /**
   * Lossy counting (Manku and Motwani): drops the pairs that may have been seen in at most `missed` documents, the
   * floor raised until at least half the table goes. A dropped pair that comes back starts again with the floor as
   * what it may have missed, so no count is ever short by more than the floor.
   */
  private prune(): void {
    const atMost = [...this.pairs.values()].map((p) => p.documents + p.missed).sort((a, b) => a - b);
    this.missed = Math.max(this.missed, atMost[Math.floor(atMost.length / 2)]!);
    for (const [pair, p] of this.pairs) if (p.documents + p.missed <= this.missed) this.pairs.delete(pair);
  }

  private ends(pair: number): [string, string] {
    return [this.keys[Math.floor(pair / PAIR_BASE)]!, this.keys[pair % PAIR_BASE]!];
  }

  result(filter: CooccurFilter = {}): Cooccurrence {
    return this.resolved().unresolvedResult(filter);
  }

  /**
   * A counter of the same articles with each person's name variants counted as one entity (resolve-corpus.ts),
   * which still answers to a variant's name. Names that share an article are never merged, so no pair or entity
   * counts an article twice.
   */
  private resolved(): CooccurrenceCounter {
    const resolve = this.people.resolver();
    if (!resolve) return this;
    const merged = new CooccurrenceCounter(this.window, this.maxPairs);
    const keys = new Map<string, string>();
    for (const line of this.partial()) {
      if ('apart' in line) continue;
      if ('entity' in line && line.type === 'person') {
        // The spellings of one name key all resolve to one name.
        const spellings = Object.keys(line.names);
        const name = resolve(spellings[0]!);
        const entity = entityKey(line.type, name);
        keys.set(line.entity, entity);
        const aliases = [...line.aliases, ...spellings.flatMap((s) => [s.toLowerCase(), nameKey(s)])];
        merged.addCounts({ ...line, entity, names: { [name]: Object.values(line.names).reduce((a, b) => a + b, 0) }, aliases });
      } else if ('pair' in line) merged.addCounts({ ...line, pair: line.pair.map((k) => keys.get(k) ?? k) as [string, string] });
      else merged.addCounts(line);
    }
    return merged;
  }

  private unresolvedResult(filter: CooccurFilter): Cooccurrence {
    // undefined: no entity filter; null: the filter matched nothing, so no pair passes.
    const chosen = filter.entity === undefined ? undefined : (this.find(filter.entity) ?? null);
    const n = this.articles;
    let pairs: Array<Pair & { keys: [string, string] }> = [];
    let missed = this.missed;
    for (const [pair, p] of this.pairs) {
      missed = Math.max(missed, p.missed);
      const [ka, kb] = this.ends(pair);
      if (chosen !== undefined && ka !== chosen && kb !== chosen) continue;
      if (p.documents < (filter.minDocs ?? 1)) continue;
      const ta = this.tallies.get(ka)!;
      const tb = this.tallies.get(kb)!;
      if (filter.types && !(filter.types.includes(ta.type) && filter.types.includes(tb.type))) continue;
      const pmi = Math.log2((n * p.documents) / (ta.documents * tb.documents));
      const selfInformation = -Math.log2(p.documents / n);
      const npmi = selfInformation === 0 ? 1 : pmi / selfInformation;
      const [first, second] = compareEnds(ka, kb, this.tallies) <= 0 ? [ka, kb] : [kb, ka];
      const t1 = this.tallies.get(first)!;
      const t2 = this.tallies.get(second)!;
      pairs.push({ a: displayName(t1), b: displayName(t2), aType: t1.type, bType: t2.type, documents: p.documents, mentions: p.mentions, pmi: round(pmi), npmi: round(npmi), keys: [first, second] });
    }
    pairs.sort((x, y) => y.documents - x.documents || y.npmi - x.npmi || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    const total = pairs.length;
    if (filter.top !== undefined) pairs = pairs.slice(0, filter.top);
    const nodeKeys = new Set(pairs.flatMap((p) => p.keys));
    const nodes = [...nodeKeys]
      .map((k) => this.tallies.get(k)!)
      .map((t) => ({ name: displayName(t), type: t.type, documents: t.documents, mentions: t.mentions }))
      .sort((x, y) => y.documents - x.documents || x.name.localeCompare(y.name) || x.type.localeCompare(y.type));
    const result: Cooccurrence = { pairs: pairs.map(({ keys: _, ...pair }) => pair), nodes, articles: n, total, cutArticles: this.cutArticles, missed };
    if (filter.entity !== undefined) {
      const t = chosen ? this.tallies.get(chosen) : undefined;
      result.entity = t ? { name: displayName(t), type: t.type } : null;
    }
    return result;
  }

  /** The key of the entity a query names, as timeline picks it: the canonical name wins over an alias, then most documents. */
  private find(query: string): string | undefined {
    const lower = query.trim().toLowerCase();
    const key = nameKey(query.trim());
    const answers = nameMatcher(query);
    let best: { key: string; exact: boolean; documents: number } | undefined;
    for (const [k, t] of this.tallies) {
      const exact = [...t.names.keys()].some(answers);
      if (!exact && !t.aliases.has(lower) && !t.aliases.has(key)) continue;
      if (!best || Number(exact) - Number(best.exact) > 0 || (exact === best.exact && t.documents > best.documents)) best = { key: k, exact, documents: t.documents };
    }
    return best?.key;
  }
}

/** Entity numbers below this fit two to a pair key, exactly, in a double. */
const PAIR_BASE = 2 ** 26;

/** The key of the pair of entity numbers `low` < `high`. */
function pairKey(low: number, high: number): number {
  return low * PAIR_BASE + high;
}

/**
 * The units of an article in which entities count as together, each as entity key -> mentions in it.
 * By document: the whole article. By sentence: the title, then each sentence of the body.
 */
function units(article: NerArticle, window: Window): Array<Map<string, number>> {
  if (window === 'document') {
    const unit = new Map<string, number>();
    for (const e of article.entities) {
      const k = entityKey(e.type, e.name);
      unit.set(k, (unit.get(k) ?? 0) + e.count);
    }
    return [unit];
  }
  const ends = sentenceEnds(article.text);
  const byUnit = new Map<number, Map<string, number>>();
  for (const e of article.entities) {
    const k = entityKey(e.type, e.name);
    for (const m of e.mentions) {
      // The title is unit -1; body sentence i is unit i (the first whose end lies after the mention's start).
      const index = m.field === 'title' ? -1 : firstAfter(ends, m.start);
      const unit = byUnit.get(index) ?? new Map<string, number>();
      unit.set(k, (unit.get(k) ?? 0) + 1);
      byUnit.set(index, unit);
    }
  }
  return [...byUnit.values()];
}

/**
 * End offsets of the sentences of `text`: a sentence ends at a line break, or at . ! or ? (and any closing quotes or
 * brackets) followed by white space, except after a lone capital letter, so that "U.S." and initials do not end one.
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/\n+|(?<!(?:^|[^\p{L}])\p{Lu})[.!?]+["')\]]*(?=\s)/gu)) ends.push(m.index + m[0].length);
  ends.push(text.length + 1);
  return ends;
}

/** The index of the first of the ascending `ends` greater than `offset` (binary search: a page can have 100,000 sentences). */
export function firstAfter(ends: number[], offset: number): number {
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ends[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The most seen spelling of an entity's name. */
function displayName(t: Tally): string {
  return [...t.names.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** Orders the two ends of a pair: by name, then by type when two entities share a name. */
function compareEnds(ka: string, kb: string, tallies: Map<string, Tally>): number {
  const a = tallies.get(ka)!;
  const b = tallies.get(kb)!;
  return displayName(a).localeCompare(displayName(b)) || a.type.localeCompare(b.type);
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
