// What every command starts from: the records of its inputs, brought to the stage it needs, on all cores,
// from the cache when it has them; problems reported, never thrown.
import { InputError } from '../errors.js';
import { readInputs, type Input, type ReadOptions } from '../io/read.js';
import type { PipelineOptions } from '../pipeline.js';
import { DocumentCache } from '../run/cache.js';
import { Pool } from '../run/pool.js';
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
}

interface InFlight {
  file: string;
  bytes: number;
  records: Promise<MineRecord[]>;
}

/**
 * The records of all inputs, in input order. Documents are processed concurrently with a bounded number in
 * flight, so memory stays flat however large the corpus. A document that fails is reported and skipped.
 */
export async function* documents(paths: string[], options: DocumentOptions, reporter: Reporter): AsyncGenerator<MineRecord> {
  const pool = new Pool(options.pipeline, options.jobs);
  const cache = options.cachePath ? DocumentCache.open(options.cachePath, options.pipeline) : undefined;
  const window = Math.max(1, options.jobs * 8);
  const queue: InFlight[] = [];
  const settle = async function* (item: InFlight): AsyncGenerator<MineRecord> {
    try {
      const records = await item.records;
      reporter.processed(item.file, records.length, item.bytes);
      yield* records;
    } catch (error) {
      reporter.skipped(new InputError(item.file, 'failed', `could not be processed: ${(error as Error).message}`));
    }
  };
  try {
    for await (const input of readInputs(paths, options.read)) {
      if (reporter.interrupted) break;
      if (input.kind === 'skip') {
        reporter.skipped(input.error);
        continue;
      }
      queue.push(submit(input, pool, cache));
      while (queue.length >= window) yield* settle(queue.shift()!);
    }
    while (queue.length) yield* settle(queue.shift()!);
  } finally {
    await pool.close();
    await cache?.close();
  }
}

function submit(input: Exclude<Input, { kind: 'skip' }>, pool: Pool, cache?: DocumentCache): InFlight {
  const file = input.kind === 'page' ? input.page.file : input.file;
  const content = input.kind === 'page' ? input.page.content : JSON.stringify(input.record);
  const bytes = content.length;
  const key = cache?.key(content, input.kind === 'page' ? input.page.mtime : undefined);
  const cached = key ? cache!.get(key) : undefined;
  if (cached) return { file, bytes, records: Promise.resolve(cached.map((r) => ({ ...r, file: input.kind === 'page' ? file : r.file }))) };
  const records = pool.run(input.kind === 'page' ? { page: input.page } : { record: input.record });
  // Failures are reported when the document's turn comes; until then the rejection is expected, not unhandled.
  records.then((r) => key && cache!.put(key, r), () => undefined);
  return { file, bytes, records };
}
