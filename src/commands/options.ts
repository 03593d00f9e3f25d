// Options shared by the commands that read documents, and turning them into pipeline settings.
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_BYTES, formatBytes } from '../io/read.js';
import type { UserGazetteer } from '../ner/gazetteer.js';
import type { PipelineOptions, Stage } from '../pipeline.js';
import type { DocumentOptions } from './documents.js';
import { positiveInt, sizeOption } from './command.js';
import { defaultCachePath } from '../run/cache.js';
import { defaultJobs } from '../run/pool.js';
import { parseDateBound, type DateRange } from '../aggregate/filters.js';
import { ENTITY_TYPES, type Article } from '../types.js';
import { Deduplicator } from '../aggregate/dedup.js';

/** Seconds a document may take by default: ordinary pages take milliseconds. */
const DOCUMENT_TIMEOUT = 120;

export function addInputOptions(command: Command): void {
  command
    .option('--raw', 'inputs are article text already: no boilerplate removal')
    .option('--all-articles', 'emit every article of a page, not only the main one')
    .option('--no-templates', "judge each page on its own, without first learning the lines its site's pages share")
    .addOption(new Option('--max-size <size>', 'skip files larger than this (e.g. 50M)').argParser(sizeOption).default(DEFAULT_MAX_BYTES, formatBytes(DEFAULT_MAX_BYTES)))
    .option('--timeout <seconds>', 'skip a document that takes longer than this (its worker thread is stopped; with --jobs 1, checked after extraction and after each article)', positiveInt('--timeout'), DOCUMENT_TIMEOUT)
    .option('--max-memory <MB>', 'heap each worker thread may use: a document that needs more is skipped (default: V8\'s limit)', positiveInt('--max-memory'))
    .option('-j, --jobs <n>', `worker threads (default: one per core, here ${defaultJobs()})`, positiveInt('--jobs'))
    .option('--cache [dir]', `keep each document's results between runs (default dir: ${defaultCachePath()})`);
}

export function addNerOptions(command: Command): void {
  command
    .option('--metonymy', 'count capitals used for governments ("Moscow said") as their country')
    .option('--gazetteer <file>', 'JSON file of your own entities and aliases (see README)')
    .option('--no-tagger', 'lists and rules only, without the statistical tagger (faster, finds fewer unknown names)');
}

export function addDateOptions(command: Command): void {
  command
    .option('--since <date>', 'only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)', dateBound('--since'))
    .option('--until <date>', 'only articles published on or before this date', dateBound('--until'));
}

function dateBound(name: string) {
  return (value: string) => {
    const bound = parseDateBound(value);
    if (!bound) throw new UsageError(`${name} takes YYYY, YYYY-MM or YYYY-MM-DD, not '${value}'`);
    return bound;
  };
}

export function dateRange(options: Record<string, unknown>): DateRange {
  return { since: options.since as string | undefined, until: options.until as string | undefined };
}

export function documentOptions(options: Record<string, unknown>, stage: Stage, reuseEntities = false): DocumentOptions {
  const pipeline: PipelineOptions = {
    stage,
    raw: options.raw === true,
    allArticles: options.allArticles === true,
    reuseEntities,
    ner: { metonymy: options.metonymy === true, tagger: options.tagger !== false, gazetteer: options.gazetteer ? readGazetteer(options.gazetteer as string) : undefined },
  };
  const cache = options.cache === true ? defaultCachePath() : (options.cache as string | undefined);
  const templates = options.templates !== false && !pipeline.raw;
  return { read: { maxBytes: options.maxSize as number }, pipeline, jobs: (options.jobs as number | undefined) || defaultJobs(), cachePath: cache, templates, timeoutSeconds: options.timeout as number | undefined, heapLimitMb: options.maxMemory as number | undefined };
}

/** Documents for commands that only count entities: records without their bodies, unless --dedup compares them. */
export function countingOptions(options: Record<string, unknown>): DocumentOptions {
  return { ...documentOptions(options, 'ner', true), countsOnly: options.dedup !== true };
}

/** A user gazetteer: `{ "entities": [{ "name", "type", "aliases": [], "country"? }] }`. Bad files are usage errors. */
export function readGazetteer(file: string): UserGazetteer {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--gazetteer ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const entities = (value as UserGazetteer)?.entities;
  if (!Array.isArray(entities)) throw new UsageError(`--gazetteer ${file}: expected {"entities": [{"name": ..., "type": ..., "aliases": [...]}]}`);
  for (const [i, e] of entities.entries()) {
    if (typeof e?.name !== 'string' || !ENTITY_TYPES.includes(e.type)) {
      throw new UsageError(`--gazetteer ${file}: entity ${i + 1} needs a "name" and a "type" (${ENTITY_TYPES.join(', ')})`);
    }
    if (e.aliases !== undefined && !(Array.isArray(e.aliases) && e.aliases.every((a: unknown) => typeof a === 'string'))) {
      throw new UsageError(`--gazetteer ${file}: entity ${i + 1} ("${e.name}"): "aliases" must be a list of strings`);
    }
  }
  return { entities };
}

export function addDedupOption(command: Command): void {
  command.option('--dedup', 'count near-duplicate articles (one story reposted or lightly edited) once');
}

/** Whether a record repeats an article already counted, and a note of how many did. */
export interface DedupFilter {
  duplicate(record: Article): boolean;
  notes(): string[];
}

/** With --dedup, a filter of near-duplicates (see `mine dedup`); without, one that lets everything through. */
export function dedupFilter(options: Record<string, unknown>): DedupFilter {
  if (options.dedup !== true) return { duplicate: () => false, notes: () => [] };
  const deduplicator = new Deduplicator();
  return {
    duplicate: (record) => deduplicator.seen(record),
    notes: () => [`${deduplicator.duplicates} near-duplicate article(s) not counted (--dedup)`],
  };
}
