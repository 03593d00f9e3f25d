// One entity's mentions and documents per period, with empty periods filled in.
import type { Entity, EntityType, NerArticle } from '../types.js';
import { entityKey } from './entities.js';
import { periodOf, periodsBetween, type Granularity } from './periods.js';
import { nameKey } from '../ner/resolve.js';

export interface TimelinePoint {
  period: string;
  mentions: number;
  documents: number;
}

export interface Timeline {
  entity: { name: string; type: EntityType };
  by: Granularity;
  series: TimelinePoint[];
  /** Articles that mention the entity but carry no date (not in any period). Additive field. */
  undated: number;
}

interface Match {
  name: string;
  type: EntityType;
  /** True when the query is the canonical name, not only an alias. */
  exact: boolean;
  documents: number;
  /** Articles that mention it but have no date, so are in no period. */
  undated: number;
  perPeriod: Map<string, TimelinePoint>;
}

/**
 * Streaming timeline of the entity called `query` (canonical name or any alias seen, case-insensitive).
 * When several entities answer to the query, the one named exactly wins, then the one in most documents.
 */
export class TimelineCounter {
  private readonly matches = new Map<string, Match>();
  private readonly query: string;
  private readonly queryKey: string;
  private firstDate: string | null = null;
  private lastDate: string | null = null;

  constructor(query: string, private readonly by: Granularity) {
    this.query = query.trim().toLowerCase();
    this.queryKey = nameKey(query.trim());
  }

  add(article: NerArticle): void {
    const date = article.published;
    if (date) {
      if (!this.firstDate || date < this.firstDate) this.firstDate = date;
      if (!this.lastDate || date > this.lastDate) this.lastDate = date;
    }
    for (const e of article.entities) {
      const exact = this.isExact(e);
      if (!exact && !e.aliases.some((a) => a.toLowerCase() === this.query || nameKey(a) === this.queryKey)) continue;
      const k = entityKey(e.type, e.name);
      let m = this.matches.get(k);
      if (!m) {
        m = { name: e.name, type: e.type, exact, documents: 0, undated: 0, perPeriod: new Map() };
        this.matches.set(k, m);
      }
      m.exact ||= exact;
      m.documents++;
      if (!date) {
        m.undated++;
        continue;
      }
      const period = periodOf(date, this.by);
      const point = m.perPeriod.get(period) ?? { period, mentions: 0, documents: 0 };
      point.mentions += e.count;
      point.documents++;
      m.perPeriod.set(period, point);
    }
  }

  private isExact(e: Entity): boolean {
    return e.name.toLowerCase() === this.query || nameKey(e.name) === this.queryKey;
  }

  /** The timeline over the corpus's date range (or `range` when given), or null when nothing matched. */
  result(range: { since?: string; until?: string } = {}): Timeline | null {
    const best = [...this.matches.values()].sort((a, b) => Number(b.exact) - Number(a.exact) || b.documents - a.documents)[0];
    if (!best) return null;
    const from = range.since ?? this.firstDate;
    const to = range.until ?? this.lastDate;
    const periods = from && to ? periodsBetween(padDate(from, 'start'), padDate(to, 'end'), this.by) : [];
    return {
      entity: { name: best.name, type: best.type },
      by: this.by,
      series: periods.map((period) => best.perPeriod.get(period) ?? { period, mentions: 0, documents: 0 }),
      undated: best.undated,
    };
  }

  /** Other entities the query also matched, for a hint on stderr. */
  others(chosen: Timeline): string[] {
    return [...this.matches.values()].filter((m) => m.name !== chosen.entity.name || m.type !== chosen.entity.type).map((m) => `${m.name} (${m.type})`);
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
