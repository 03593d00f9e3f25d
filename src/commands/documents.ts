// What every command starts from: the records of its inputs, brought to the stage it needs, on all cores,
// from the cache when it has them; problems reported, never thrown.
import fs from 'node:fs';
import { InputError } from '../errors.js';
import { findInputBatches, findInputs, fsPath } from '../io/find.js';
import type { ReadOptions } from '../io/read.js';
import type { PipelineOptions } from '../pipeline.js';
import { openCache, stampCache, type DocumentCache, type InputFile } from '../run/cache.js';
import type { Job, JobResult } from '../run/jobs.js';
import { defaultJobs, INTERRUPTED, Pool, REPLY_BATCH } from '../run/pool.js';
import type { TemplateIndex } from '../extract/templates.js';
import type { MineRecord } from '../types.js';

/** Hears about inputs that were skipped and documents that were processed; the cli prints and counts them. */
export interface Reporter {
  skipped(error: InputError): void;
  processed(file: string, records: number, bytes: number): void;
  /** A part of an input that holds no page and is no fault (a web archive's request record), by kind. */
  passed?(what: string): void;
  /** A problem that is not an input's (the cache's): one line for the user. */
  warn(message: string): void;
  /** A file a folder walk passed over, not being of a kind mine reads (.pdf, .md...). */
  ignored?(file: string): void;
  /** Aborted when the user asks to stop (Ctrl-C): no new inputs are taken and the documents in progress are dropped. */
  readonly interruption?: AbortSignal;
  /** What the run has counted of its inputs, for a command that shows it (mine report's overview). */
  readonly tally?: InputTally;
}

export interface InputTally {
  inputs: number;
  records: number;
  /** Inputs skipped, by reason. */
  skips: ReadonlyMap<string, number>;
  /** Files a folder walk passed over, by extension ('' for none). */
  ignoredByExtension: ReadonlyMap<string, number>;
}

export interface DocumentOptions {
  read: ReadOptions;
  pipeline: PipelineOptions;
  /** Worker threads (1: all in the main thread); undefined: see threadsFor. */
  jobs?: number;
  /** Folder of the document cache, when caching is on. */
  cachePath?: string;
  /** Read the inputs twice: first to learn each site's template lines (extraction of dumps only). */
  templates?: boolean;
  /** See JobSettings.countsOnly. */
  countsOnly?: boolean;
  /** See JobSettings.timeoutSeconds. */
  timeoutSeconds?: number;
  /** See JobSettings.quotes. */
  quotes?: boolean | 'speakers';
  /** See JobSettings.tone. */
  tone?: boolean;
  /** See JobSettings.heapLimitMb. */
  heapLimitMb?: number;
}

interface InFlight {
  file: string;
  result: Promise<JobResult>;
}

/**
 * The records of all inputs, in input order. Documents are read and processed on the worker threads with a
 * bounded number in flight, so memory stays flat however large the corpus. A document that fails is reported and skipped.
 */
export async function* documents(paths: string[], options: DocumentOptions, reporter: Reporter): AsyncGenerator<MineRecord> {
  const interrupted = () => reporter.interruption?.aborted === true;
  let cacheProblem: string | undefined;
  /** Warns of the first thing that goes wrong with the cache; the results never depend on it. */
  const cacheTrouble = (problem: string | undefined) => {
    if (problem === undefined || cacheProblem !== undefined) return;
    cacheProblem = problem;
    reporter.warn(`cache ${options.cachePath}: ${problem}`);
  };
  const opened = options.cachePath ? await openCache(options.cachePath, options.pipeline) : {};
  cacheTrouble(opened.problem);
  const cache = opened.cache;
  const inputs = cache ? await statFiles(paths) : undefined;
  const files = inputs?.files.map((f) => f.file);
  const extra = `${options.read.maxBytes}\0${options.templates === true}`;
  const run = inputs ? cache!.runKey(inputs.files, extra) : undefined;
  const recorded = run ? cache!.getRun(run) : undefined;
  // A counting run's records are also kept packed, for a rerun to read in a few values.
  const packed = run && options.countsOnly ? cache!.packedKey(files!, extra, options) : undefined;
  // A run is recorded only when no file may still change unseen (see statFiles).
  const recording = inputs?.settled === true;
  let packer: ReturnType<DocumentCache['packRun']> | undefined;
  // Documents taken from a recorded run; the rest (all, or from the first the cache no longer has) are processed.
  let fromRun = 0;
  if (recorded) {
    if (packed) {
      for (const records of fromPackedRun(files!, recorded, cache!, packed, run!, reporter)) {
        fromRun++;
        yield* records;
      }
      if (fromRun < files!.length && recording) packer = cache!.packRun(packed, run!, fromRun);
    }
    for (const records of fromRecordedRun(files!, fromRun, recorded, cache!, options, reporter)) {
      fromRun++;
      packer?.add(records);
      yield* records;
    }
    cacheTrouble(cache!.problem);
    if (fromRun === files!.length || interrupted()) {
      if (fromRun === files!.length) packer?.finish();
      await closeCache(cache!, cacheProblem === undefined);
      return;
    }
  } else if (packed && recording) packer = cache!.packRun(packed, run!, 0);
  // Document keys of this run, in order, to record it when every input was a page and was processed.
  const runDocuments: Array<[string, number]> | undefined = run ? (recorded ?? []).slice(0, fromRun) : undefined;
  let complete = true;
  // Loaded here: a run that the cache serves whole reads no input.
  const { listInputs } = await import('../io/read.js');
  const jobs = options.jobs ?? (await threadsFor(paths));
  const pool = new Pool({ pipeline: options.pipeline, maxBytes: options.read.maxBytes, cachePath: cache?.location, countsOnly: options.countsOnly, timeoutSeconds: options.timeoutSeconds, quotes: options.quotes, tone: options.tone, heapLimitMb: options.heapLimitMb }, jobs);
  const stop = () => void pool.interrupt();
  reporter.interruption?.addEventListener('abort', stop, { once: true });
  // Several batches a worker (see REPLY_BATCH): results are taken in input order, so a worker that gets ahead of
  // another goes on rather than wait for the other's batch. In this thread (--jobs 1), a few.
  const window = jobs > 1 ? jobs * 4 * REPLY_BATCH : 8;
  const settle = async function* ({ file, result }: InFlight): AsyncGenerator<MineRecord> {
    try {
      const done = await result;
      if (done.kind === 'skipped') {
        complete = false;
        packer = undefined;
        reporter.skipped(new InputError(file, done.reason, done.detail));
      } else if (done.kind === 'records') {
        cacheTrouble(done.cacheProblem);
        reporter.processed(file, done.records.length, done.bytes);
        if (done.key) runDocuments?.push([done.key, done.bytes]);
        else complete = false;
        // Packed before the consumer sees them (it may change them); a run that will not be recorded is not packed.
        if (complete) packer?.add(done.records);
        else packer = undefined;
        yield* done.records;
      }
    } catch (error) {
      complete = false;
      const message = (error as Error).message;
      reporter.skipped(message === INTERRUPTED ? new InputError(file, INTERRUPTED) : new InputError(file, 'failed', `could not be processed: ${message}`));
    }
  };
  const started = async function* (templates: TemplateIndex | undefined): AsyncGenerator<InFlight> {
    let skip = fromRun;
    for await (const input of listInputs(paths, { ...options.read, onIgnored: (file) => reporter.ignored?.(file) })) {
      if (interrupted()) {
        complete = false;
        return;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      if (input.kind === 'skip') {
        complete = false;
        reporter.skipped(input.error);
        continue;
      }
      if (input.kind === 'passed') {
        reporter.passed?.(input.what);
        continue;
      }
      let file: string;
      let job: Job;
      if (input.kind === 'file') {
        file = input.file;
        job = { kind: 'file', file, templates: templates?.templatesOf(file) };
      } else if (input.kind === 'page') {
        file = input.page.file;
        job = { kind: 'page', page: input.page };
        // A run is recorded as one document list per input file; a file of many pages is not one.
        if (input.part) complete = false;
      } else {
        file = input.file;
        job = { kind: 'record', record: input.record };
      }
      const result = pool.run(job);
      // Failures are reported when the document's turn comes; until then the rejection is expected, not unhandled.
      result.catch(() => undefined);
      yield { file, result };
    }
  };
  try {
    const templates = options.templates ? await learnTemplates(paths, pool, window) : undefined;
    for await (const inFlight of windowed(started(templates), window)) yield* settle(inFlight);
    if (run && recording && complete && !interrupted()) {
      packer?.finish();
      cache!.putRun(run, runDocuments!);
    }
  } finally {
    reporter.interruption?.removeEventListener('abort', stop);
    cacheTrouble(await pool.close());
    if (cache) {
      cacheTrouble(cache.problem);
      await closeCache(cache, cacheProblem === undefined && !interrupted());
    }
  }
}

/**
 * Hands a record to an aggregate's counter; a record it fails on is reported and skipped, so that one document never
 * costs the whole run (such a failure is a bug to fix, but the run goes on).
 */
export function countGuarded<R extends MineRecord>(record: R, count: (record: R) => void, reporter: Reporter): void {
  try {
    count(record);
  } catch (error) {
    reporter.skipped(new InputError(record.file, 'failed', `could not be counted: ${(error as Error).message}`));
  }
}

async function closeCache(cache: DocumentCache, clean: boolean): Promise<void> {
  await cache.close();
  stampCache(cache.location, clean && cache.problem === undefined);
}

/** Files hashed per job in the template pass. */
const HASH_BATCH = 64;

/**
 * The first pass: the long lines of every text dump, counted per site, hashed on the worker threads.
 * Unreadable inputs are reported by the second pass.
 */
async function learnTemplates(paths: string[], pool: Pool, window: number): Promise<TemplateIndex | undefined> {
  if (paths.length === 0 || paths.includes('-')) return undefined;
  const [{ TemplateIndex }, { isRecordFile }] = await Promise.all([import('../extract/templates.js'), import('../io/read.js')]);
  const index = new TemplateIndex();
  const started = async function* () {
    let files: string[] = [];
    const send = () => ({ files, result: pool.run({ kind: 'hashes', files }) });
    for await (const found of findInputs(paths)) {
      if (!('file' in found) || isRecordFile(found.file)) continue;
      files.push(found.file);
      if (files.length === HASH_BATCH) {
        yield send();
        files = [];
      }
    }
    if (files.length) yield send();
  };
  for await (const { files, result } of windowed(started(), window)) {
    const done = await result.catch(() => undefined);
    if (done?.kind === 'hashes') done.hashes.forEach((hashes, i) => hashes && index.add(files[i]!, hashes));
  }
  return index;
}

/**
 * The items of `started` (jobs sent to the pool as they are made), in order, each given out once `size` are waiting
 * or the input is over: the pool stays busy while the consumer waits on the oldest, and no more than `size` are in
 * flight, so memory stays flat however large the corpus.
 */
async function* windowed<T>(started: AsyncIterable<T>, size: number): AsyncGenerator<T> {
  const queue: T[] = [];
  for await (const item of started) {
    queue.push(item);
    if (queue.length >= size) yield queue.shift()!;
  }
  yield* queue;
}

/**
 * Below this much input, a run stays in the main thread: a worker loads the code and models again (about half a
 * second of CPU, measured on the samples: --jobs 2 took 0.45 s more CPU than --jobs 1), which is about what
 * processing this much takes.
 */
const SMALL_RUN_BYTES = 1 << 20;

/** The default threads: one per core, but the main thread alone when the inputs are files under SMALL_RUN_BYTES in all. */
async function threadsFor(paths: string[]): Promise<number> {
  let bytes = 0;
  for await (const found of findInputs(paths)) {
    if ('stdin' in found) return defaultJobs();
    if (!('file' in found)) continue;
    try {
      bytes += fs.statSync(fsPath(found.file)).size;
    } catch {
      continue; // reported when the file's turn comes
    }
    if (bytes >= SMALL_RUN_BYTES) return defaultJobs();
  }
  return 1;
}

/**
 * A file system keeps times in ticks (whole seconds on some, two on FAT; on Linux's own, the kernel's clock tick
 * of at most 10 ms), so two changes within one tick may leave the same times. A file changed less than two ticks
 * before the run looked at it may change again unseen: such a run is not recorded (git's "racily clean" files).
 */
const COARSE_TICK_MS = 2000;
const FINE_TICK_MS = 50;

/**
 * Every input file with its identity (size, times, inode), when the inputs are all files (no stdin, nothing
 * missing): a run's identity. `settled`: no file changed within its file system's tick before it was looked at.
 */
async function statFiles(paths: string[]): Promise<{ files: InputFile[]; settled: boolean } | undefined> {
  const files: InputFile[] = [];
  const started = Date.now();
  let settled = true;
  for await (const batch of findInputBatches(paths)) {
    for (const found of batch) {
      if (!('file' in found)) return undefined;
      try {
        const { size, mtimeMs, ctimeMs, ino } = fs.statSync(fsPath(found.file)); // sync: thousands of small awaits cost more than the stats
        files.push({ file: found.file, size, mtimeMs, ctimeMs, ino });
        // The change time moves with every write (and, unlike the modification time, is never set ahead); in whole
        // seconds, it is taken for a file system that keeps no finer times.
        if (started - ctimeMs < (ctimeMs % 1000 === 0 ? COARSE_TICK_MS : FINE_TICK_MS)) settled = false;
      } catch {
        return undefined;
      }
    }
  }
  return { files, settled };
}

/**
 * A recorded counting run's documents from its packed chunks, each document's records in order, from the first
 * on, as far as the chunks go (the caller takes the rest from fromRecordedRun). The chunks are keyed by these
 * paths, so their records name them as `file` already.
 */
function* fromPackedRun(files: string[], recorded: Array<[string, number]>, cache: DocumentCache, packed: string, run: string, reporter: Reporter): Generator<MineRecord[]> {
  let at = 0;
  for (let chunk = cache.getPacked(packed, run, at); chunk; chunk = cache.getPacked(packed, run, at)) {
    const start = at;
    for (const records of chunk) {
      if (reporter.interruption?.aborted || at >= files.length) return;
      reporter.processed(files[at]!, records.length, recorded[at]?.[1] ?? 0);
      at++;
      yield records;
    }
    if (at === start) return;
  }
}

/**
 * A run recorded over the same unchanged files: every document from `first` on from the cache, in order, none
 * read; it stops at the first the cache no longer has (or holds damaged), for the caller to process the rest.
 * Record files are not recorded runs, so these are pages, with their path as `file`. With `countsOnly`, the
 * records for counting (with what the run adds to them), when the cache has them.
 */
function* fromRecordedRun(files: string[], first: number, recorded: Array<[string, number]>, cache: DocumentCache, options: DocumentOptions, reporter: Reporter): Generator<MineRecord[]> {
  for (let i = first; i < files.length; i++) {
    if (reporter.interruption?.aborted) return;
    const [key, bytes] = recorded[i] ?? [];
    const records = typeof key === 'string' ? ((options.countsOnly ? cache.getCounts(key, options) : undefined) ?? cache.get(key)) : undefined;
    if (!Array.isArray(records)) return;
    reporter.processed(files[i]!, records.length, bytes!);
    // Parsed for this run alone, so given their path in place rather than copied.
    for (const r of records) r.file = files[i]!;
    yield records;
  }
}
