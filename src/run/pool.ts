// Runs the per-document pipeline on several cores: a small pool of worker threads, results kept in input order.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { processPage, processRecord, type PipelineOptions } from '../pipeline.js';
import type { MineRecord, Page } from '../types.js';

export interface Job {
  id: number;
  page?: Page;
  record?: MineRecord;
}

export type JobResult = { id: number; records: MineRecord[]; error?: undefined } | { id: number; error: string; records?: undefined };

/** Default number of workers: the cores there are, at most 8. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
}

/** Processes documents on `jobs` threads (1: in this thread). `run` resolves to the document's records or throws its error. */
export class Pool {
  private readonly workers: Array<Worker | undefined> = [];
  private readonly pending = new Map<number, { resolve: (r: MineRecord[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private turn = 0;

  constructor(private readonly options: PipelineOptions, private readonly jobs: number) {}

  run(job: Omit<Job, 'id'>): Promise<MineRecord[]> {
    if (this.jobs <= 1) {
      try {
        return Promise.resolve(job.page ? processPage(job.page, this.options) : [processRecord(job.record!, this.options)]);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const id = this.nextId++;
    const worker = this.worker(this.turn++ % this.jobs);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies Job);
    });
  }

  private worker(i: number): Worker {
    let worker = this.workers[i];
    if (!worker) {
      worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.options });
      worker.on('message', (result: JobResult) => {
        const waiting = this.pending.get(result.id);
        this.pending.delete(result.id);
        if (result.error !== undefined) waiting?.reject(new Error(result.error));
        else waiting?.resolve(result.records);
      });
      // A worker that died (out of memory, a crash) fails the documents it held and is replaced for the next ones.
      worker.on('error', (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
        if (this.workers[i] === worker) this.workers[i] = undefined;
      });
      this.workers[i] = worker;
    }
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w?.terminate()));
  }
}
