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
  if (keepsEntities(record, options)) return record;
  return forward(record, options);
}

/** Whether processRecord leaves the record as it is. */
export function keepsEntities(record: MineRecord, options: PipelineOptions): boolean {
  return options.reuseEntities === true && hasEntities(record);
}

/**
 * The stages after extraction up to `options.stage`, in order, each a function of one record: a batch of documents
 * can go through them one stage at a time (src/run/jobs.ts), which keeps each stage's tables in the CPU caches.
 */
export function laterStages(options: PipelineOptions): Array<(record: MineRecord) => MineRecord> {
  if (options.stage === 'extract') return [];
  const clean = (record: MineRecord): MineRecord => {
    const { entities: _dropped, ...article } = record as MineRecord & { entities?: unknown };
    return cleanArticle(article);
  };
  return options.stage === 'ner' ? [clean, (article) => tagArticle(article, options.ner ?? {})] : [clean];
}

function forward(record: MineRecord, options: PipelineOptions): MineRecord {
  return laterStages(options).reduce((r, stage) => stage(r), record);
}
