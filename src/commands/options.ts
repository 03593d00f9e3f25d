// Options shared by the commands that read documents, and turning them into pipeline settings.
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { ReadOptions } from '../io/read.js';
import { DEFAULT_MAX_BYTES, formatBytes } from '../io/sizes.js';
import { ROLES, type ExportOptions } from '../io/exports.js';
import type { UserGazetteer } from '../ner/gazetteer.js';
import type { PipelineOptions, Stage } from '../pipeline.js';
import type { DocumentOptions } from './documents.js';
import { positiveInt, sizeOption } from './command.js';
import { defaultCachePath, FETCHED_FOLDER } from '../run/cache.js';
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
    .option('-j, --jobs <n>', `worker threads (default: one per core, here ${defaultJobs()}; none, all in one thread, under 1 MB of input)`, positiveInt('--jobs'))
    .option('--cache [dir]', `keep each document's results between runs (default dir: ${defaultCachePath()})`)
    .option('--text-field <name>', 'the column of exports (CSV, TSV, JSON Lines, JSON) that holds the text (default: text, body, content or maintext)')
    .option('--title-field <name>', "exports' title column (default: title or headline)")
    .option('--date-field <name>', "exports' date column (default: publish_date, date, published or seendate)")
    .option('--url-field <name>', "exports' URL column (default: url or link)")
    .option('--site-field <name>', "exports' site column (default: media_name, domain or source)")
    .option('--extract', "exports' rows are whole pages: remove their boilerplate too")
    .option('--urls <file>', 'fetch the web pages listed in this file, one URL a line (also: URLs as arguments, or a list on stdin with -)')
    .option('--fetch-delay <seconds>', 'seconds between two requests to one host (robots.txt may ask for more)', seconds('--fetch-delay'), 1)
    .option('--fetch-timeout <seconds>', 'seconds a request may take before it is tried again (3 tries)', seconds('--fetch-timeout'), 30);
}

function seconds(name: string) {
  return (value: string): number => {
    if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(`${name} takes a number of seconds, not '${value}'`);
    return Number(value);
  };
}

/** The export columns named on the command line. */
function exportFields(options: Record<string, unknown>): ExportOptions['fields'] {
  const fields: ExportOptions['fields'] = {};
  for (const role of ROLES) {
    const name = options[`${role}Field`];
    if (typeof name === 'string') fields[role] = name;
  }
  return fields;
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
    if (bound.length === 10 && !isCalendarDay(bound)) throw new UsageError(`${name} ${value}: no such day`);
    return bound;
  };
}

/** Whether a YYYY-MM-DD is a day of the calendar (not 2023-02-30). */
function isCalendarDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** The --since and --until range; one that ends before it starts is a usage error (it could only match nothing). */
export function dateRange(options: Record<string, unknown>): DateRange {
  const since = options.since as string | undefined;
  const until = options.until as string | undefined;
  // Bounds of different precision compare on what both give: --since 2024 --until 2024-03 is a range.
  const common = Math.min(since?.length ?? 0, until?.length ?? 0);
  if (since && until && since.slice(0, common) > until.slice(0, common)) throw new UsageError(`--since ${since} is later than --until ${until}`);
  return { since, until };
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
  const read: ReadOptions = {
    maxBytes: options.maxSize as number,
    exports: { fields: exportFields(options), extract: options.extract === true },
    fetch: { delaySeconds: options.fetchDelay as number, timeoutSeconds: options.fetchTimeout as number, cacheDir: cache && path.join(cache, FETCHED_FOLDER) },
    urlFile: options.urls as string | undefined,
  };
  return { read, pipeline, jobs: options.jobs as number | undefined, cachePath: cache, templates, timeoutSeconds: options.timeout as number | undefined, heapLimitMb: options.maxMemory as number | undefined };
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
