// What every command starts from: the records of its inputs, brought to the stage it needs, on all cores,
// from the cache when it has them; problems reported, never thrown.
import fs from 'node:fs';
import { InputError } from '../errors.js';
import { findInputs } from '../io/find.js';
import { readAhead } from '../io/ahead.js';
import { readInputs, type Input, type ReadOptions } from '../io/read.js';
import type { PipelineOptions } from '../pipeline.js';
import { DocumentCache } from '../run/cache.js';
import { Pool } from '../run/pool.js';
import { longLineHashes, TemplateIndex } from '../extract/templates.js';
import type { MineRecord } from '../types.js';

/** Hears about inputs that were skipped and documents that were processed; the cli prints and counts them. */
export interface Reporter {
  skipped(error: InputError): void;
  processed(file: string, records: number, bytes: number): void;
  /** True once the user asked to stop (Ctrl-C): no new inputs are taken. */
  readonly interrupted?: boolean;
}

export interface DocumentOptions {
  read: ReadOptions;
  pipeline: PipelineOptions;
  /** Worker threads (1: all in the main thread). */
  jobs: number;
  /** Folder of the document cache, when caching is on. */
  cachePath?: string;
  /** Read the inputs twice: first to learn each site's template lines (extraction of dumps only). */
  templates?: boolean;
}

/** Files read ahead of the one being processed. */
const READ_AHEAD = 8;

interface InFlight {
  file: string;
  bytes: number;
  records: Promise<MineRecord[]>;
  /** Cache key of a page's records. */
  key?: string;
}

/**
 * The records of all inputs, in input order. Documents are processed concurrently with a bounded number in
 * flight, so memory stays flat however large the corpus. A document that fails is reported and skipped.
 */
export async function* documents(paths: string[], options: DocumentOptions, reporter: Reporter): AsyncGenerator<MineRecord> {
  const pool = new Pool(options.pipeline, options.jobs);
  const cache = options.cachePath ? DocumentCache.open(options.cachePath, options.pipeline) : undefined;
  const inputFiles = cache ? await statFiles(paths) : undefined;
  const run = inputFiles ? cache!.runKey(inputFiles, `${options.read.maxBytes}\0${options.templates === true}`) : undefined;
  const recorded = run ? cache!.getRun(run) : undefined;
  if (recorded) {
    yield* fromRecordedRun(inputFiles!.map((f) => f.file), recorded, cache!, reporter);
    await cache!.close();
    return;
  }
  // Document keys of this run, in order, to record it when every input was a page and was processed.
  const runDocuments: Array<[string, number]> | undefined = run ? [] : undefined;
  let complete = true;
  const templates = options.templates ? await learnTemplates(paths, options.read) : undefined;
  const window = Math.max(1, options.jobs * 8);
  const queue: InFlight[] = [];
  const settle = async function* (item: InFlight): AsyncGenerator<MineRecord> {
    try {
      const records = await item.records;
      reporter.processed(item.file, records.length, item.bytes);
      if (item.key) runDocuments?.push([item.key, item.bytes]);
      else complete = false;
      yield* records;
    } catch (error) {
      complete = false;
      reporter.skipped(new InputError(item.file, 'failed', `could not be processed: ${(error as Error).message}`));
    }
  };
  try {
    for await (const input of readAhead(readInputs(paths, options.read), READ_AHEAD)) {
      if (reporter.interrupted) {
        complete = false;
        break;
      }
      if (input.kind === 'skip') {
        complete = false;
        reporter.skipped(input.error);
        continue;
      }
      if (templates && input.kind === 'page' && input.page.format === 'text') input.page.templates = templates.templatesOf(input.page.file);
      queue.push(submit(input, pool, cache));
      while (queue.length >= window) yield* settle(queue.shift()!);
    }
    while (queue.length) yield* settle(queue.shift()!);
    if (run && complete && !reporter.interrupted) cache!.putRun(run, runDocuments!);
  } finally {
    await pool.close();
    await cache?.close();
  }
}

/** The first pass: the long lines of every text dump, counted per site. Unreadable inputs are reported by the second. */
async function learnTemplates(paths: string[], read: ReadOptions): Promise<TemplateIndex | undefined> {
  if (paths.length === 0 || paths.includes('-')) return undefined;
  const index = new TemplateIndex();
  for await (const input of readAhead(readInputs(paths, read), READ_AHEAD)) {
    if (input.kind === 'page' && input.page.format === 'text') index.add(input.page.file, longLineHashes(input.page.content));
  }
  return index;
}

function submit(input: Exclude<Input, { kind: 'skip' }>, pool: Pool, cache?: DocumentCache): InFlight {
  const file = input.kind === 'page' ? input.page.file : input.file;
  const content = input.kind === 'page' ? input.page.content : JSON.stringify(input.record);
  const bytes = content.length;
  const key = input.kind === 'page' ? cache?.key(content, input.page.mtime, input.page.templates) : cache?.key(content);
  const cached = key ? cache!.get(key) : undefined;
  const pageKey = input.kind === 'page' ? key : undefined;
  if (cached) return { file, bytes, key: pageKey, records: Promise.resolve(cached.map((r) => ({ ...r, file: input.kind === 'page' ? file : r.file }))) };
  const records = pool.run(input.kind === 'page' ? { page: input.page } : { record: input.record });
  // Failures are reported when the document's turn comes; until then the rejection is expected, not unhandled.
  records.then((r) => key && cache!.put(key, r), () => undefined);
  return { file, bytes, key: pageKey, records };
}

/** Every input file with its size and time, when the inputs are all files (no stdin, nothing missing): a run's identity. */
async function statFiles(paths: string[]): Promise<Array<{ file: string; size: number; mtimeMs: number }> | undefined> {
  const files: Array<{ file: string; size: number; mtimeMs: number }> = [];
  for await (const found of findInputs(paths)) {
    if (!('file' in found)) return undefined;
    try {
      const stat = await fs.promises.stat(found.file);
      files.push({ file: found.file, size: stat.size, mtimeMs: stat.mtimeMs });
    } catch {
      return undefined;
    }
  }
  return files;
}

/**
 * A run recorded over the same unchanged files: every document from the cache, in order, none read.
 * Record files are not recorded runs, so these are pages, with their path as `file`.
 */
async function* fromRecordedRun(files: string[], recorded: Array<[string, number]>, cache: DocumentCache, reporter: Reporter): AsyncGenerator<MineRecord> {
  for (const [i, file] of files.entries()) {
    if (reporter.interrupted) return;
    const [key, bytes] = recorded[i] ?? [];
    const records = key ? cache.get(key) : undefined;
    if (!records) throw new Error('the document cache changed during the run; run again without --cache');
    reporter.processed(file, records.length, bytes!);
    for (const r of records) yield { ...r, file };
  }
}
