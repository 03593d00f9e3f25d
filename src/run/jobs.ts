// What a worker thread (or the main thread, with --jobs 1) does for one input: read it, look it up in the
// cache, run the per-document pipeline. Reading happens here, not in the main thread, so that the main
// thread is left with walking folders and aggregating.
import { longLineHashes } from '../extract/templates.js';
import { readFile } from '../io/read.js';
import { keepsEntities, laterStages, processPage, type PipelineOptions } from '../pipeline.js';
import { findQuotes, findSpeakers } from '../aggregate/quotes.js';
import { toneOf } from '../aggregate/tone.js';
import { hasEntities, type MineRecord, type Page } from '../types.js';
import { DocumentCache, lmdbError } from './cache.js';
import { packedMap } from '../text/packed.js';

export type Job =
  /** The long-line hashes of text dumps, for the template pass (several files a job: each takes little time). */
  | { kind: 'hashes'; files: string[] }
  /** A page file, read here, with the hashes of its site's template lines (not only those on the page). */
  | { kind: 'file'; file: string; templates?: number[] }
  /** A page read elsewhere (stdin, or a .json file that held no records). */
  | { kind: 'page'; page: Page }
  | { kind: 'record'; record: MineRecord };

export type JobResult =
  /** Per file: its hashes, or null when it is not a readable text dump. */
  | { kind: 'hashes'; hashes: Array<number[] | null> }
  /**
   * `key`: the cache key of a page's records, when caching. `bytes`: the input's size in characters.
   * `cacheProblem`: what went wrong with the cache in this thread (the records are right all the same).
   */
  | { kind: 'records'; records: MineRecord[]; bytes: number; key?: string; cacheProblem?: string }
  | { kind: 'skipped'; reason: string; detail: string };

/** Everything a thread needs to run jobs; plain data, so it can be handed to a worker. */
export interface JobSettings {
  pipeline: PipelineOptions;
  maxBytes: number;
  cachePath?: string;
  /**
   * Records come back without their body (`text`, `paragraphs` empty) and without mention offsets: for
   * commands that only count entities, it spares copying them between threads.
   */
  countsOnly?: boolean;
  /**
   * Seconds a document may take: past them it is skipped as "too slow" and the run goes on. On worker threads the
   * pool stops the worker and starts another; on this thread alone (--jobs 1) it is checked between stages (a
   * stage already running is not stopped). Either way it counts the document's own steps, not its batch's.
   */
  timeoutSeconds?: number;
  /**
   * Records with entities come back with their quotations (`quotes`, src/aggregate/quotes.ts), found in this thread;
   * 'speakers': only who speaks in each (what counting them takes, a small part of the bytes).
   */
  quotes?: boolean | 'speakers';
  /** Records with entities come back with their tone (`tone`, src/aggregate/tone.ts), found in this thread. */
  tone?: boolean;
  /** Heap a worker thread may use, in MB: a document that needs more is skipped as "out of memory". */
  heapLimitMb?: number;
}

/** A job's outcome: its result, or the error it failed with. */
export type Outcome = { result: JobResult; error?: undefined } | { error: Error; result?: undefined };

/**
 * Called before each step of a batch's work on one of its jobs: its place in the batch and the ms spent on it so far
 * (a worker tells the pool's clock, which times each document on its own).
 */
export type StepHook = (at: number, spentMs: number) => void;

/**
 * Documents of a batch that run together one stage at a time (see runBatch): as many as hold this many characters
 * of input, as they hold their records until their last stage (the callers hand over at most BATCH_DOCUMENTS).
 */
const BATCH_CHARS = 4 << 20;

/** A job of a batch on its way through the stages. */
interface InProgress {
  /** Its place in the batch. */
  at: number;
  /** What its time budget counts: the ms spent on it, not on the others of its batch. */
  spentMs: number;
  /** Where it goes next. */
  next: 'extract' | 'later' | 'finish';
  /** The page of a page job (its records are named after it). */
  page?: Page;
  /** Its records as far as they have come. */
  records: MineRecord[];
  /** The size of its input in characters. */
  bytes: number;
  key?: string;
  /** Its records came from the cache. */
  cached?: boolean;
  done?: Outcome;
}

/** A thread's state for running jobs: the settings and the thread's own handle on the cache. */
export class JobRunner {
  private readonly cache?: DocumentCache;
  private openProblem?: string;

  constructor(private readonly settings: JobSettings) {
    try {
      if (settings.cachePath) this.cache = DocumentCache.attach(settings.cachePath, settings.pipeline);
    } catch (error) {
      this.openProblem = `${lmdbError(error)}; going on without it`;
    }
  }

  /** What went wrong with the cache in this thread, if anything. */
  get cacheProblem(): string | undefined {
    return this.openProblem ?? this.cache?.problem;
  }

  run(job: Job): JobResult {
    const [outcome] = this.runBatch([job]);
    if (outcome!.error) throw outcome!.error;
    return outcome!.result;
  }

  /**
   * The outcomes of `jobs`, in order, each what running it alone gives. Their documents go through each stage
   * together (all extracted, then all cleaned, then all tagged...): a stage's tables (tagger weights, gazetteer
   * tries) then stay in the CPU caches from one document to the next. A job that fails or runs past the time
   * budget (checked between stages) costs only its own outcome.
   */
  runBatch(jobs: Job[], onStep?: StepHook): Outcome[] {
    const outcomes: Outcome[] = [];
    let group: InProgress[] = [];
    let chars = 0;
    jobs.forEach((job, at) => {
      const doc: InProgress = { at, spentMs: 0, next: 'finish', records: [], bytes: 0 };
      this.step(doc, onStep, () => this.open(job, doc));
      if (doc.done) outcomes[at] = doc.done;
      else {
        group.push(doc);
        chars += doc.bytes;
      }
      if (chars >= BATCH_CHARS || at === jobs.length - 1) {
        for (const done of this.stages(group, onStep)) outcomes[done.at] = done.done!;
        group = [];
        chars = 0;
      }
    });
    return outcomes;
  }

  /** Waits for the cache's writes; resolves to what went wrong with the cache in this thread, if anything. */
  async close(): Promise<string | undefined> {
    await this.cache?.close();
    return this.cacheProblem;
  }

  /** One step of the work on a job, timed; an error, or the time budget spent before it, is the job's outcome. */
  private step(doc: InProgress, onStep: StepHook | undefined, work: () => void): void {
    if (doc.done) return;
    const { timeoutSeconds } = this.settings;
    if (timeoutSeconds !== undefined && doc.spentMs > timeoutSeconds * 1000) {
      doc.done = { result: { kind: 'skipped', reason: 'too slow', detail: `took over ${timeoutSeconds} s (--timeout)` } };
      return;
    }
    onStep?.(doc.at, doc.spentMs);
    const started = Date.now();
    try {
      work();
    } catch (error) {
      doc.done = { error: error as Error };
    }
    doc.spentMs += Date.now() - started;
  }

  /** The group's documents through the stages, one stage at a time. */
  private stages(group: InProgress[], onStep: StepHook | undefined): InProgress[] {
    const { pipeline } = this.settings;
    for (const doc of group) {
      if (doc.next !== 'extract') continue;
      this.step(doc, onStep, () => {
        doc.records = processPage(doc.page!, { ...pipeline, stage: 'extract' });
        doc.next = 'later';
      });
    }
    for (const stage of laterStages(pipeline)) {
      for (const doc of group) if (doc.next === 'later') this.step(doc, onStep, () => (doc.records = packedMap(doc.records, stage)));
    }
    for (const doc of group) this.step(doc, onStep, () => this.finish(doc));
    return group;
  }

  /** Reads the job's input and looks it up in the cache; a job with nothing to process is done here. */
  private open(job: Job, doc: InProgress): void {
    switch (job.kind) {
      case 'hashes':
        doc.done = {
          result: {
            kind: 'hashes',
            hashes: job.files.map((file) => {
              const input = this.read(file);
              return input.kind === 'page' && input.page.format === 'text' ? longLineHashes(input.page.content) : null;
            }),
          },
        };
        return;
      case 'file': {
        const input = this.read(job.file);
        if (input.kind === 'skip') {
          doc.done = { result: { kind: 'skipped', reason: input.error.reason, detail: input.error.detail } };
          return;
        }
        if (input.kind !== 'page') throw new Error('records in a page file'); // readFile gives records only for record files
        if (job.templates?.length && input.page.format === 'text') input.page.templates = this.cache ? onPage(input.page.content, job.templates) : job.templates;
        return this.lookUp(doc, keyContent(input.page), input.page);
      }
      case 'page':
        return this.lookUp(doc, keyContent(job.page), job.page);
      case 'record':
        doc.records = [job.record];
        doc.next = keepsEntities(job.record, this.settings.pipeline) ? 'finish' : 'later';
        return this.lookUp(doc, JSON.stringify(job.record));
    }
  }

  /** Takes the records from the cache when it has them; otherwise a page is to be extracted. */
  private lookUp(doc: InProgress, content: string, page?: Page): void {
    doc.bytes = content.length;
    doc.page = page;
    doc.key = this.cache?.key(content, page?.mtime, page?.templates);
    if (page) doc.next = 'extract';
    if (!doc.key) return;
    const counted = this.settings.countsOnly ? this.cache!.getCounts(doc.key, this.settings) : undefined;
    if (counted) return this.done(doc, counted);
    const stored = this.cache!.get(doc.key);
    if (!stored) return;
    doc.records = stored;
    doc.cached = true;
    doc.next = 'finish';
  }

  /** What the run adds to the records (quotations, tone), and what is kept of them, stored in the cache. */
  private finish(doc: InProgress): void {
    const { countsOnly, quotes, tone } = this.settings;
    let records = doc.records;
    if (doc.key && !doc.cached) this.cache!.put(doc.key, records);
    if (quotes) records = packedMap(records, (r) => (hasEntities(r) ? { ...r, quotes: quotes === 'speakers' ? findSpeakers(r) : findQuotes(r) } : r));
    if (tone) records = packedMap(records, (r) => (hasEntities(r) ? { ...r, tone: toneOf(r) } : r));
    if (countsOnly) {
      records = packedMap(records, withoutBody);
      if (doc.key) this.cache!.putCounts(doc.key, this.settings, records);
    }
    this.done(doc, records);
  }

  /** The job's result: a page's records are named after the page, and its cache key goes back (runs are recorded from pages). */
  private done(doc: InProgress, records: MineRecord[]): void {
    const { page } = doc;
    // Cached records keep the path they were first read under; this copy of the page may live elsewhere.
    if (page) records = packedMap(records, (r) => (r.file === page.file ? r : { ...r, file: page.file }));
    doc.done = { result: { kind: 'records', records, bytes: doc.bytes, key: page ? doc.key : undefined, cacheProblem: this.cacheProblem } };
  }

  private read(file: string) {
    return readFile(file, { maxBytes: this.settings.maxBytes }).next().value!;
  }
}

/** What a page's cache key covers: its content, and what its input said of it besides (url, crawl date, export columns). */
function keyContent(page: Page): string {
  const besides = [page.url, page.crawled, page.given];
  return besides.some((v) => v !== undefined) ? `${JSON.stringify(besides)}\0${page.content}` : page.content;
}

/** The site's template hashes that are on this page: what its cache key holds, so a site's new template lines do not invalidate its other pages. */
function onPage(content: string, templates: number[]): number[] {
  const site = new Set(templates);
  return longLineHashes(content).filter((h) => site.has(h));
}

function withoutBody(record: MineRecord): MineRecord {
  const slim = { ...record, text: '', paragraphs: [] };
  return hasEntities(slim) ? { ...slim, entities: packedMap(slim.entities, (e) => ({ ...e, mentions: [] })) } : slim;
}
