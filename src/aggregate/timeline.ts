// Entities' mentions and documents per period, with empty periods filled in, and each period's share of all articles.
import type { Entity, EntityType, NerArticle } from '../types.js';
import { findQuotes } from './quotes.js';
import { entityKey, type QuoteSpeaker } from './entities.js';
import { periodOf, periodsBetween, widen, type DateSpan, type Granularity } from './periods.js';
import { nameMatcher } from './filters.js';
import { CorpusPeople, type ApartLine } from './resolve-corpus.js';

export interface TimelinePoint {
  period: string;
  mentions: number;
  documents: number;
  /** All articles dated in this period, mentioning the entity or not. Additive field. */
  total: number;
  /** documents / total (0 for a period without articles); only when asked for. Additive field. */
  share?: number;
  /** Quotations with the entity as speaker (`mine quotes`); only when asked for. Additive field. */
  quotes?: number;
}

/** One entity's series. */
export interface EntityTimeline {
  entity: { name: string; type: EntityType };
  series: TimelinePoint[];
  /** Articles that mention the entity but carry no date (not in any period). Additive field. */
  undated: number;
}

/** What one --entity query found: its timeline (null when nothing answered to it) and other entities it also matched. */
export interface QueryResult {
  query: string;
  timeline: EntityTimeline | null;
  others: string[];
}

export interface Timelines {
  by: Granularity;
  /** One per query, in the order given. */
  results: QueryResult[];
  /** All articles read per period, over the same periods as every series. */
  totals: Array<{ period: string; articles: number }>;
}

interface Counts {
  name: string;
  type: EntityType;
  /** Every surface form seen for it in the corpus: a query may name it by an alias another article used. */
  aliases: Set<string>;
  documents: number;
  /** Articles that mention it but have no date, so are in no period. */
  undated: number;
  perPeriod: Map<string, PeriodCounts>;
}

interface PeriodCounts {
  mentions: number;
  documents: number;
  quotes?: number;
}

/** One line of `mine timeline --partial`: the counter's state, for `--merge`. */
export type TimelinePartial =
  | { partial: 'timeline'; by: Granularity; first: string | null; last: string | null; totals: Record<string, number> }
  | { entity: string; name: string; type: EntityType; aliases: string[]; documents: number; undated: number; periods: Record<string, PeriodCounts> }
  | ApartLine;

/** The entities answering to a query (canonical name or any alias seen, case-insensitive): the one named exactly first, then by documents. */
function matchesOf(query: string, entities: Iterable<Counts>): Array<Counts & { exact: boolean }> {
  const answers = nameMatcher(query);
  const found: Array<Counts & { exact: boolean }> = [];
  for (const e of entities) {
    const exact = answers(e.name);
    if (exact || [...e.aliases].some(answers)) found.push({ ...e, exact });
  }
  return found.sort((a, b) => Number(b.exact) - Number(a.exact) || b.documents - a.documents);
}

/**
 * Streaming timelines of the entities called `queries`, and the number of articles per period so that each
 * series can be read as a share of all coverage. When several entities answer to a query, the one named
 * exactly wins, then the one in most documents.
 */
export class TimelineCounter {
  /** Every entity's counts: which one a query means is only known once all articles are read. */
  private readonly entities = new Map<string, Counts>();
  private readonly totals = new Map<string, number>();
  private readonly dates: DateSpan = { first: null, last: null };
  private readonly people = new CorpusPeople();

  /** `quotes`: count each entity's quotations too (given with the article, see JobSettings.quotes, or found here). */
  constructor(private readonly queries: string[], private readonly by: Granularity, private readonly quotes = false) {}

  /** Counts the article in its period's total, and for every query whose entity it mentions. */
  add(article: NerArticle & { quotes?: QuoteSpeaker[] }): void {
    const date = article.published;
    let period: string | null = null;
    if (date) {
      widen(this.dates, date);
      period = periodOf(date, this.by);
      this.totals.set(period, (this.totals.get(period) ?? 0) + 1);
    }
    this.people.add(article.entities);
    const quotes = new Map<string, number>();
    if (this.quotes) for (const q of article.quotes ?? findQuotes(article)) if (q.speaker !== null) quotes.set(entityKey(q.speakerType!, q.speaker), (quotes.get(entityKey(q.speakerType!, q.speaker)) ?? 0) + 1);
    for (const e of article.entities) this.count(e, period, quotes.get(entityKey(e.type, e.name)) ?? 0);
  }

  /** The state to merge elsewhere (`--partial`): a header line, then every entity. */
  *partial(): Generator<TimelinePartial> {
    yield { partial: 'timeline', by: this.by, ...this.dates, totals: Object.fromEntries(this.totals) };
    for (const [entity, c] of this.entities) {
      yield { entity, name: c.name, type: c.type, aliases: [...c.aliases], documents: c.documents, undated: c.undated, periods: Object.fromEntries(c.perPeriod) };
    }
    yield* this.people.partial();
  }

  /** Adds a line of another counter's partial state (of the same --by), given in the order of the inputs. */
  addPartial(line: TimelinePartial): void {
    if ('apart' in line) return this.people.addApart(line);
    if ('entity' in line && line.type === 'person') this.people.addName(line.name, line.documents);
    this.addCounts(line);
  }

  /** Adds a header's or an entity's counts (of a partial, or of this counter replayed under resolved names). */
  private addCounts(line: Exclude<TimelinePartial, ApartLine>): void {
    if ('partial' in line) {
      if (line.by !== this.by) throw new Error(`a partial count by ${line.by}, not by ${this.by} (--by)`);
      widen(this.dates, line.first, line.last);
      for (const [period, n] of Object.entries(line.totals)) this.totals.set(period, (this.totals.get(period) ?? 0) + n);
    } else if ('entity' in line) {
      const c = this.counts(line.entity, line.name, line.type, line.aliases);
      c.documents += line.documents;
      c.undated += line.undated;
      for (const [period, p] of Object.entries(line.periods)) {
        const point = c.perPeriod.get(period) ?? { mentions: 0, documents: 0 };
        point.mentions += p.mentions;
        point.documents += p.documents;
        if (p.quotes) point.quotes = (point.quotes ?? 0) + p.quotes;
        c.perPeriod.set(period, point);
      }
    } else throw new Error('not a line of mine timeline --partial');
  }

  /** An entity's counts, made under the first name it is seen with. */
  private counts(key: string, name: string, type: EntityType, aliases: string[]): Counts {
    let c = this.entities.get(key);
    if (!c) this.entities.set(key, (c = { name, type, aliases: new Set(), documents: 0, undated: 0, perPeriod: new Map() }));
    for (const a of aliases) c.aliases.add(a);
    return c;
  }

  private count(e: Entity, period: string | null, quotes: number): void {
    const c = this.counts(entityKey(e.type, e.name), e.name, e.type, e.aliases);
    c.documents++;
    if (period === null) {
      c.undated++;
      return;
    }
    const point = c.perPeriod.get(period) ?? { mentions: 0, documents: 0 };
    point.mentions += e.count;
    point.documents++;
    if (quotes) point.quotes = (point.quotes ?? 0) + quotes;
    c.perPeriod.set(period, point);
  }

  /**
   * Every query's series over the same periods: the corpus's date range (which holds every entity's), or
   * `range` when given. `share` adds each point's share of the period's articles.
   */
  result(range: { since?: string; until?: string } = {}, options: { share?: boolean } = {}): Timelines {
    return this.resolved().unresolvedResult(range, options);
  }

  /**
   * A counter of the same articles with each person's name variants counted as one entity (resolve-corpus.ts),
   * which still answers to a variant's name.
   */
  private resolved(): TimelineCounter {
    const resolve = this.people.resolver();
    if (!resolve) return this;
    const merged = new TimelineCounter(this.queries, this.by, this.quotes);
    for (const line of this.partial()) {
      if ('apart' in line) continue;
      if ('entity' in line && line.type === 'person') {
        const name = resolve(line.name);
        merged.addCounts({ ...line, entity: entityKey(line.type, name), name, aliases: [...line.aliases, line.name] });
      } else merged.addCounts(line);
    }
    return merged;
  }

  private unresolvedResult(range: { since?: string; until?: string }, options: { share?: boolean }): Timelines {
    const from = range.since ?? this.dates.first;
    const to = range.until ?? this.dates.last;
    const periods = from && to ? periodsBetween(padDate(from, 'start'), padDate(to, 'end'), this.by) : [];
    const totals = periods.map((period) => ({ period, articles: this.totals.get(period) ?? 0 }));
    const results = this.queries.map((query): QueryResult => {
      const [best, ...others] = matchesOf(query, this.entities.values());
      const timeline = best && {
        entity: { name: best.name, type: best.type },
        series: totals.map(({ period, articles }) => {
          const { quotes, ...counts } = best.perPeriod.get(period) ?? { mentions: 0, documents: 0 };
          const point: TimelinePoint = { period, ...counts, total: articles };
          if (this.quotes) point.quotes = quotes ?? 0;
          if (options.share) point.share = articles === 0 ? 0 : counts.documents / articles;
          return point;
        }),
        undated: best.undated,
      };
      return { query, timeline: timeline ?? null, others: others.map((m) => `${m.name} (${m.type})`) };
    });
    return { by: this.by, results, totals };
  }
}

/** "2023" -> "2023-01-01" or "2023-12-31"; "2023-02" -> first or last day of February. */
function padDate(bound: string, side: 'start' | 'end'): string {
  if (bound.length >= 10) return bound.slice(0, 10);
  if (bound.length === 4) return side === 'start' ? `${bound}-01-01` : `${bound}-12-31`;
  if (side === 'start') return `${bound}-01`;
  const [y, m] = bound.split('-').map(Number);
  return `${bound}-${String(new Date(Date.UTC(y!, m!, 0)).getUTCDate()).padStart(2, '0')}`;
}
