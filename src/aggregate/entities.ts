// Entities over many articles: mentions, documents, first and last date, merged by type and name key.
import { nameKey } from '../ner/resolve.js';
import { CorpusPeople, mostSeen, type ApartLine } from './resolve-corpus.js';
import { widen } from './periods.js';
import { findSpeakers, type Quote } from './quotes.js';
import type { EntityType, NerArticle } from '../types.js';

export interface EntityRow {
  name: string;
  type: EntityType;
  mentions: number;
  documents: number;
  /** Earliest and latest publication date (ISO date) of the articles that mention it. */
  first: string | null;
  last: string | null;
  aliases: string[];
  /** Quotations with it as speaker (`mine quotes`). */
  quotes: number;
  /** Documents per spelling of the name: what makes partial counts mergeable exactly (`--merge`). */
  names: Record<string, number>;
}

interface Tally {
  names: Map<string, number>;
  type: EntityType;
  mentions: number;
  documents: number;
  first: string | null;
  last: string | null;
  aliases: Set<string>;
  quotes: number;
}

/** One line of `mine entities --partial`: a header, an entity's counts before resolution, or two names kept apart. */
export type EntitiesPartial = { partial: 'entities' } | EntityRow | ApartLine;

/** Who speaks in a quotation: all that counting quotations per entity takes (see JobSettings.quotes). */
export type QuoteSpeaker = Pick<Quote, 'speaker' | 'speakerType'>;

export function entityKey(type: string, name: string): string {
  return `${type}|${nameKey(name)}`;
}

/** Streaming counter: memory grows with the number of distinct entities, not with the corpus. */
export class EntityCounter {
  private readonly tallies = new Map<string, Tally>();
  /** The tally of each spelling seen, by type: spares building its key for every mention of it. */
  private readonly bySpelling = new Map<EntityType, Map<string, Tally>>();
  private readonly people = new CorpusPeople();

  /** An article, with the quotations of each entity: those found in the worker (JobSettings.quotes), or found here. */
  add(article: NerArticle & { quotes?: QuoteSpeaker[] }): void {
    this.people.add(article.entities);
    for (const q of article.quotes ?? findSpeakers(article)) if (q.speaker !== null && q.speakerType !== null) this.tally(q.speakerType, q.speaker).quotes++;
    const date = article.published ? article.published.slice(0, 10) : null;
    for (const e of article.entities) {
      const t = this.tally(e.type, e.name);
      t.names.set(e.name, (t.names.get(e.name) ?? 0) + 1);
      t.mentions += e.count;
      t.documents++;
      for (const a of e.aliases) t.aliases.add(a);
      widen(t, date);
    }
  }

  /**
   * The state to merge elsewhere (`--partial`): a header, every entity's row before resolution, then the pairs of
   * names a document kept apart, so that the merge resolves the whole corpus as one run does.
   */
  *partial(): Generator<EntitiesPartial> {
    yield { partial: 'entities' };
    yield* this.unresolvedRows();
    yield* this.people.partial();
  }

  /**
   * Adds a line of an earlier run: a row of `mine entities --partial` (exact) or `--json` (already resolved, and
   * without the names its documents kept apart), or a pair of names kept apart (`--partial`).
   */
  addPartial(line: EntitiesPartial): void {
    if ('partial' in line) return;
    if ('apart' in line) return this.people.addApart(line);
    if (line.type === 'person') for (const [name, n] of Object.entries(line.names ?? { [line.name]: line.documents })) this.people.addName(name, n);
    this.addRow(line);
  }

  private addRow(row: EntityRow): void {
    const t = this.tally(row.type, row.name);
    for (const [name, n] of Object.entries(row.names ?? { [row.name]: row.documents })) t.names.set(name, (t.names.get(name) ?? 0) + n);
    t.mentions += row.mentions;
    t.documents += row.documents;
    t.quotes += row.quotes ?? 0;
    for (const a of row.aliases) t.aliases.add(a);
    widen(t, row.first, row.last);
  }

  private tally(type: EntityType, name: string): Tally {
    let spellings = this.bySpelling.get(type);
    if (!spellings) this.bySpelling.set(type, (spellings = new Map()));
    let t = spellings.get(name);
    if (!t) {
      const k = entityKey(type, name);
      t = this.tallies.get(k);
      if (!t) {
        t = { names: new Map(), type, mentions: 0, documents: 0, first: null, last: null, aliases: new Set(), quotes: 0 };
        this.tallies.set(k, t);
      }
      spellings.set(name, t);
    }
    return t;
  }

  /** Rows sorted by mentions, then documents, then name; variants of one person's name merged into one row (resolve-corpus.ts). */
  rows(): EntityRow[] {
    const resolve = this.people.resolver();
    if (!resolve) return this.unresolvedRows();
    const merged = new EntityCounter();
    for (const row of this.unresolvedRows()) merged.addRow(row.type === 'person' ? { ...row, name: resolve(row.name) } : row);
    return merged.unresolvedRows((row) => (row.type === 'person' ? resolve(row.name) : row.name));
  }

  /** One row per tally, named `nameOf` it (by default its most seen spelling), sorted by mentions, then documents, then name. */
  private unresolvedRows(nameOf = (row: EntityRow) => row.name): EntityRow[] {
    return [...this.tallies.values()]
      .map((t) => {
        const row: EntityRow = {
          name: mostSeen(t.names),
          type: t.type,
          mentions: t.mentions,
          documents: t.documents,
          first: t.first,
          last: t.last,
          aliases: [...t.aliases].sort(),
          quotes: t.quotes,
          names: Object.fromEntries([...t.names.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
        };
        return { ...row, name: nameOf(row) };
      })
      .sort((a, b) => b.mentions - a.mentions || b.documents - a.documents || a.name.localeCompare(b.name));
  }
}
