// The per-document pipeline: page -> extract -> clean -> ner, and records from an earlier stage brought forward.
// Pure and synchronous per document, so it can run anywhere (main thread or a worker).
import { cleanArticle } from './clean/index.js';
import { extractArticles } from './extract/index.js';
import { tagArticle, type NerOptions } from './ner/index.js';
import { hasEntities, type MineRecord, type Page } from './types.js';

export type Stage = 'extract' | 'clean' | 'ner';

export interface PipelineOptions {
  /** The last stage to run. */
  stage: Stage;
  /** Inputs are article text already: no boilerplate removal. */
  raw?: boolean;
  /** Emit every article of a page, not only the main one. */
  allArticles?: boolean;
  /** Keep the entities of records that already have them (aggregate commands) instead of finding them again. */
  reuseEntities?: boolean;
  ner?: NerOptions;
}

/** A page through the stages up to `options.stage`. */
export function processPage(page: Page, options: PipelineOptions): MineRecord[] {
  return extractArticles(page, { raw: options.raw, allArticles: options.allArticles }).map((article) => forward(article, options));
}

/** A record read from NDJSON/JSON, brought up to `options.stage` (cleaning is idempotent, so it is simply redone). */
export function processRecord(record: MineRecord, options: PipelineOptions): MineRecord {
  if (options.reuseEntities && hasEntities(record)) return record;
  return forward(record, options);
}

function forward(record: MineRecord, options: PipelineOptions): MineRecord {
  if (options.stage === 'extract') return record;
  const { entities: _dropped, ...article } = record as MineRecord & { entities?: unknown };
  const cleaned = cleanArticle(article);
  return options.stage === 'ner' ? tagArticle(cleaned, options.ner ?? {}) : cleaned;
}
