// Which entities are mentioned together: pairs sharing an article (or a sentence), with how strongly they are associated.
import { nameKey } from '../ner/resolve.js';
import { nameMatcher } from './filters.js';
import type { EntityType, NerArticle } from '../types.js';
import { entityKey } from './entities.js';

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
}

/** Streaming counter: memory grows with the distinct entities and pairs, not with the corpus. */
export class CooccurrenceCounter {
  private readonly tallies = new Map<string, Tally>();
  private readonly pairs = new Map<string, PairTally>();
  private articles = 0;

  constructor(private readonly window: Window = 'document') {}

  add(article: NerArticle): void {
    this.articles++;
    for (const e of article.entities) {
      const k = entityKey(e.type, e.name);
      let t = this.tallies.get(k);
      if (!t) {
        t = { names: new Map(), type: e.type, documents: 0, mentions: 0, aliases: new Set() };
        this.tallies.set(k, t);
      }
      t.names.set(e.name, (t.names.get(e.name) ?? 0) + 1);
      t.mentions += e.count;
      for (const alias of e.aliases) t.aliases.add(alias.toLowerCase()).add(nameKey(alias));
    }
    // One entity can come twice in an article under spellings of one key: its document counts once.
    for (const k of new Set(article.entities.map((e) => entityKey(e.type, e.name)))) this.tallies.get(k)!.documents++;

    const shared = new Map<string, number>();
    for (const unit of units(article, this.window)) {
      const keys = [...unit.keys()].sort();
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          const pair = `${keys[i]}\n${keys[j]}`;
          shared.set(pair, (shared.get(pair) ?? 0) + Math.min(unit.get(keys[i]!)!, unit.get(keys[j]!)!));
        }
      }
    }
    for (const [pair, mentions] of shared) {
      const p = this.pairs.get(pair) ?? { documents: 0, mentions: 0 };
      p.documents++;
      p.mentions += mentions;
      this.pairs.set(pair, p);
    }
  }

  result(filter: CooccurFilter = {}): Cooccurrence {
    // undefined: no entity filter; null: the filter matched nothing, so no pair passes.
    const chosen = filter.entity === undefined ? undefined : (this.find(filter.entity) ?? null);
    const n = this.articles;
    let pairs: Array<Pair & { keys: [string, string] }> = [];
    for (const [pair, p] of this.pairs) {
      const [ka, kb] = pair.split('\n') as [string, string];
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
    const result: Cooccurrence = { pairs: pairs.map(({ keys: _, ...pair }) => pair), nodes, articles: n, total };
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
      const index = m.field === 'title' ? -1 : ends.findIndex((end) => m.start < end);
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
