// Articles per site or per source agency: how many, when, per month, and the entities each covers most.
import type { Article, EntityType, MineRecord } from '../types.js';
import { hasEntities } from '../types.js';
import { entityKey } from './entities.js';
import { periodOf, periodsBetween, widen, type DateSpan } from './periods.js';
import { CorpusPeople, type ApartLine } from './resolve-corpus.js';

export type SourceField = 'site' | 'source';
export const SOURCE_FIELDS: SourceField[] = ['site', 'source'];

/** The name of articles whose site or source is not known. */
export const UNKNOWN_SOURCE = '(unknown)';

export interface SourceRow {
  name: string;
  by: SourceField;
  articles: number;
  /** Earliest and latest publication date (ISO date) of its articles. */
  first: string | null;
  last: string | null;
  /** Articles per month over the whole corpus's range (the same months on every row). */
  months: Array<{ period: string; articles: number }>;
  /** The entities in most of its articles (ties: most mentioned, then by name). */
  top: Array<{ name: string; type: EntityType; documents: number; mentions: number }>;
}

/** A site or source, counted under its name in lower case ("Agencies" and "agencies" are one). */
interface Tally {
  /** Articles per spelling of the name: the commonest is shown. */
  forms: Map<string, number>;
  articles: number;
  first: string | null;
  last: string | null;
  perMonth: Map<string, number>;
  /** Documents and mentions per entity key, with the name it was first seen under. */
  entities: Map<string, { name: string; type: EntityType; documents: number; mentions: number }>;
}

/** One line of `mine sources --partial`: the counter's state, for `--merge`. */
export type SourcesPartial =
  | { partial: 'sources'; by: SourceField; first: string | null; last: string | null }
  | {
      name: string;
      /** Articles per spelling of the name (older partials: all under `name`). */
      forms?: Record<string, number>;
      articles: number;
      first: string | null;
      last: string | null;
      months: Record<string, number>;
      /** Key, name, type, documents and mentions (older partials: no mentions). */
      entities: Array<[string, string, EntityType, number, number?]>;
    }
  | ApartLine;

/** Streaming counter: memory grows with the number of sites (or sources) and their entities, not with the corpus. */
export class SourceCounter {
  private readonly tallies = new Map<string, Tally>();
  private readonly dates: DateSpan = { first: null, last: null };
  private readonly people = new CorpusPeople();

  constructor(private readonly by: SourceField = 'site') {}

  add(article: MineRecord): void {
    const name = nameOf(article, this.by);
    const t = this.tally(name);
    t.forms.set(name, (t.forms.get(name) ?? 0) + 1);
    t.articles++;
    const date = article.published?.slice(0, 10);
    if (date) {
      widen(t, date);
      widen(this.dates, date);
      const month = periodOf(date, 'month');
      t.perMonth.set(month, (t.perMonth.get(month) ?? 0) + 1);
    }
    if (!hasEntities(article)) return;
    this.people.add(article.entities);
    for (const e of article.entities) {
      const k = entityKey(e.type, e.name);
      const seen = t.entities.get(k) ?? { name: e.name, type: e.type, documents: 0, mentions: 0 };
      seen.documents++;
      seen.mentions += e.count;
      t.entities.set(k, seen);
    }
  }

  /** The state to merge elsewhere (`--partial`): a header line, then every site (or source). */
  *partial(): Generator<SourcesPartial> {
    yield { partial: 'sources', by: this.by, ...this.dates };
    for (const t of this.tallies.values()) {
      const entities = [...t.entities].map(([key, e]): [string, string, EntityType, number, number] => [key, e.name, e.type, e.documents, e.mentions]);
      yield { name: shownName(t), forms: Object.fromEntries(t.forms), articles: t.articles, first: t.first, last: t.last, months: Object.fromEntries(t.perMonth), entities };
    }
    yield* this.people.partial();
  }

  /** Adds a line of another counter's partial state (of the same --by), given in the order of the inputs. */
  addPartial(line: SourcesPartial): void {
    if ('apart' in line) return this.people.addApart(line);
    if ('entities' in line) for (const [, name, type, documents] of line.entities) if (type === 'person') this.people.addName(name, documents);
    this.addCounts(line);
  }

  /** Adds a header's or a site's counts (of a partial, or of this counter replayed under resolved names). */
  private addCounts(line: Exclude<SourcesPartial, ApartLine>): void {
    if ('partial' in line) {
      if (line.by !== this.by) throw new Error(`a partial count by ${line.by}, not by ${this.by} (--by)`);
      widen(this.dates, line.first, line.last);
    } else if ('articles' in line) {
      const t = this.tally(line.name);
      for (const [form, n] of Object.entries(line.forms ?? { [line.name]: line.articles })) t.forms.set(form, (t.forms.get(form) ?? 0) + n);
      t.articles += line.articles;
      widen(t, line.first, line.last);
      for (const [month, n] of Object.entries(line.months)) t.perMonth.set(month, (t.perMonth.get(month) ?? 0) + n);
      for (const [key, name, type, documents, mentions] of line.entities) {
        const seen = t.entities.get(key) ?? { name, type, documents: 0, mentions: 0 };
        seen.documents += documents;
        seen.mentions += mentions ?? 0;
        t.entities.set(key, seen);
      }
    } else throw new Error('not a line of mine sources --partial');
  }

  private tally(name: string): Tally {
    const key = name.toLowerCase();
    let t = this.tallies.get(key);
    if (!t) {
      t = { forms: new Map(), articles: 0, first: null, last: null, perMonth: new Map(), entities: new Map() };
      this.tallies.set(key, t);
    }
    return t;
  }

  /** Rows by articles (most first), then name; `top` entities per row. */
  rows(top = 3): SourceRow[] {
    return this.resolved().unresolvedRows(top);
  }

  /** A counter of the same articles with each person's name variants counted as one entity (resolve-corpus.ts). */
  private resolved(): SourceCounter {
    const resolve = this.people.resolver();
    if (!resolve) return this;
    const merged = new SourceCounter(this.by);
    for (const line of this.partial()) {
      if ('apart' in line) continue;
      if ('entities' in line) {
        const entities = line.entities.map(([key, name, type, documents, mentions]): [string, string, EntityType, number, number?] =>
          type === 'person' ? [entityKey(type, resolve(name)), resolve(name), type, documents, mentions] : [key, name, type, documents, mentions]);
        merged.addCounts({ ...line, entities });
      } else merged.addCounts(line);
    }
    return merged;
  }

  private unresolvedRows(top: number): SourceRow[] {
    const months = this.dates.first && this.dates.last ? periodsBetween(this.dates.first, this.dates.last, 'month') : [];
    return [...this.tallies.values()]
      .map((t) => ({
        name: shownName(t),
        by: this.by,
        articles: t.articles,
        first: t.first,
        last: t.last,
        months: months.map((period) => ({ period, articles: t.perMonth.get(period) ?? 0 })),
        top: [...t.entities.values()].sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, top),
      }))
      .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  }
}

/** The commonest spelling of a tally's name; among equals, the first in code-point order, so that every run agrees. */
function shownName(t: Tally): string {
  return [...t.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

function nameOf(article: Article, by: SourceField): string {
  return article[by]?.trim() || UNKNOWN_SOURCE;
}
