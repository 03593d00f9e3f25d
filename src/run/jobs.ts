// What a worker thread (or the main thread, with --jobs 1) does for one input: read it, look it up in the
// cache, run the per-document pipeline. Reading happens here, not in the main thread, so that the main
// thread is left with walking folders and aggregating.
import { longLineHashes } from '../extract/templates.js';
import { readFile } from '../io/read.js';
import { processPage, processRecord, type PipelineOptions } from '../pipeline.js';
import { findQuotes } from '../aggregate/quotes.js';
import type { QuoteSpeaker } from '../aggregate/entities.js';
import { toneOf } from '../aggregate/tone.js';
import { hasEntities, type MineRecord, type Page } from '../types.js';
import { DocumentCache, lmdbError } from './cache.js';

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
   * pool stops the worker and starts another; on this thread alone (--jobs 1) it is checked between stages and
   * articles (a stage already running is not stopped).
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

/** Thrown when a document runs past its time budget. */
class TooSlow extends Error {}

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
    switch (job.kind) {
      case 'hashes':
        return {
          kind: 'hashes',
          hashes: job.files.map((file) => {
            const input = this.read(file);
            return input.kind === 'page' && input.page.format === 'text' ? longLineHashes(input.page.content) : null;
          }),
        };
      case 'file': {
        const input = this.read(job.file);
        if (input.kind === 'skip') return { kind: 'skipped', reason: input.error.reason, detail: input.error.detail };
        if (input.kind !== 'page') throw new Error('records in a page file'); // readFile gives records only for record files
        if (job.templates?.length && input.page.format === 'text') input.page.templates = this.cache ? onPage(input.page.content, job.templates) : job.templates;
        return this.page(input.page);
      }
      case 'page':
        return this.page(job.page);
      case 'record':
        return this.cached(JSON.stringify(job.record), undefined, () => [processRecord(job.record, this.settings.pipeline)], false);
    }
  }

  /** A page through the pipeline, checking the time budget after extraction and after each article. */
  private process(page: Page): MineRecord[] {
    const { pipeline, timeoutSeconds } = this.settings;
    if (timeoutSeconds === undefined) return processPage(page, pipeline);
    const deadline = Date.now() + timeoutSeconds * 1000;
    const inTime = <T>(value: T): T => {
      if (Date.now() > deadline) throw new TooSlow(`took over ${timeoutSeconds} s (--timeout)`);
      return value;
    };
    return inTime(processPage(page, { ...pipeline, stage: 'extract' })).map((article) => inTime(processRecord(article, pipeline)));
  }

  /** Waits for the cache's writes; resolves to what went wrong with the cache in this thread, if anything. */
  async close(): Promise<string | undefined> {
    await this.cache?.close();
    return this.cacheProblem;
  }

  private read(file: string) {
    return readFile(file, { maxBytes: this.settings.maxBytes }).next().value!;
  }

  private page(page: Page): JobResult {
    let result: JobResult;
    try {
      result = this.cached(keyContent(page), page, () => this.process(page), true);
    } catch (error) {
      if (error instanceof TooSlow) return { kind: 'skipped', reason: 'too slow', detail: error.message };
      throw error;
    }
    // Cached records keep the path they were first read under; this copy of the page may live elsewhere.
    if (result.kind === 'records') result.records = result.records.map((r) => (r.file === page.file ? r : { ...r, file: page.file }));
    return result;
  }

  /** The records from the cache, or computed and stored; `key` is returned for pages only (runs are recorded from pages). */
  private cached(content: string, page: Page | undefined, compute: () => MineRecord[], returnKey: boolean): JobResult {
    const key = this.cache?.key(content, page?.mtime, page?.templates);
    const { countsOnly, quotes, tone } = this.settings;
    let records = key && countsOnly ? this.cache!.getCounts(key, this.settings) : undefined;
    if (!records) {
      records = key ? this.cache!.get(key) : undefined;
      if (!records) {
        records = compute();
        if (key) this.cache!.put(key, records);
      }
      if (quotes) records = records.map((r) => (hasEntities(r) ? { ...r, quotes: quotes === 'speakers' ? findQuotes(r).map(speakerOf) : findQuotes(r) } : r));
      if (tone) records = records.map((r) => (hasEntities(r) ? { ...r, tone: toneOf(r) } : r));
      if (countsOnly) {
        records = records.map(withoutBody);
        if (key) this.cache!.putCounts(key, this.settings, records);
      }
    }
    return { kind: 'records', records, bytes: content.length, key: returnKey ? key : undefined, cacheProblem: this.cacheProblem };
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

function speakerOf({ speaker, speakerType }: QuoteSpeaker): QuoteSpeaker {
  return { speaker, speakerType };
}

function withoutBody(record: MineRecord): MineRecord {
  const slim = { ...record, text: '', paragraphs: [] };
  return hasEntities(slim) ? { ...slim, entities: slim.entities.map((e) => ({ ...e, mentions: [] })) } : slim;
}
