// The data a report page holds (made by report.ts, read by the page's script): types only, so that the page's
// script compiles with the browser's types and nothing else of mine.
import type { EntityType } from '../types.js';

/** One article: ISO date or "", index in `sites`, index in `languages`, then entity ids (into `entities`) and mention counts, flat. */
export type ReportArticle = [date: string, site: number, language: number, entities: number[]];
/** A concordance line: the article's index, left context, the mention, right context. */
export type ReportLine = [article: number, left: string, match: string, right: string];
/** Name, index in ENTITY_TYPES, quotations with it as speaker, other names seen for it. */
export type ReportEntity = [name: string, type: number, quotes: number, aliases: string[]];

export interface ReportData {
  types: readonly EntityType[];
  sites: string[];
  languages: string[];
  entities: ReportEntity[];
  /** Entities found but not listed (past REPORT_ENTITIES). */
  unlisted: number;
  articles: ReportArticle[];
  /** Title, input file and URL of the articles that concordance lines point to, by article index. */
  sources: Record<number, { title: string | null; file: string; url?: string }>;
  /** Concordance lines by entity id. */
  kwic: Record<number, ReportLine[]>;
  /** Keywords of the corpus (TF-IDF), and of each detailed entity's articles against the rest (keyness G2). */
  keywords: { corpus: Array<[term: string, score: number, documents: number]>; entities: Record<number, Array<[term: string, g2: number, documents: number]>> };
  /** Network nodes (entity ids) and their positions in the unit square, laid out with the articles each pair shares. */
  network: { nodes: number[]; positions: Array<[x: number, y: number]> };
}
