// Runs jobs (src/run/jobs.ts) on several cores: a small pool of worker threads, each job sent to the least busy one.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, JobRunner, JobSettings } from './jobs.js';

/** What goes between the threads: a job or its outcome, under the id the pool gave it. */
export type WorkerMessage = { id: number; job: Job } | { close: true };
export type WorkerReply =
  | { id: number; result: JobResult; error?: undefined }
  | { id: number; error: string; result?: undefined }
  /** The last message of a worker asked to close: what went wrong with the cache, if anything. */
  | { closed: true; cacheProblem?: string };

/** The error of a job whose worker was ended by Pool.interrupt. */
export const INTERRUPTED = 'interrupted';

/** Default number of workers: the cores there are, at most 8. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
}

interface Waiting {
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Waiting>;
  cacheProblem?: string;
}

/** Runs jobs on `jobs` threads (1: in this thread). `run` resolves to the job's result or rejects with its error. */
export class Pool {
  private readonly slots: Array<Slot | undefined> = [];
  /** The runner of --jobs 1; jobs.js (the whole pipeline) is imported only then, or in the workers. */
  private local?: Promise<JobRunner>;
  private nextId = 0;

  constructor(private readonly settings: JobSettings, private readonly jobs: number) {}

  run(job: Job): Promise<JobResult> {
    if (this.jobs <= 1) {
      this.local ??= import('./jobs.js').then(({ JobRunner }) => new JobRunner(this.settings));
      return this.local.then((runner) => runner.run(job));
    }
    const id = this.nextId++;
    const slot = this.leastBusy();
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job } satisfies WorkerMessage);
    });
  }

  /** The slot with the fewest jobs waiting (documents differ in size, so taking turns would leave one idle). */
  private leastBusy(): Slot {
    let best: Slot | undefined;
    for (let i = 0; i < this.jobs; i++) {
      const slot = this.slots[i] ?? this.start(i);
      if (!best || slot.pending.size < best.pending.size) best = slot;
      if (slot.pending.size === 0) break;
    }
    return best!;
  }

  private start(i: number): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: this.settings });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      if ('closed' in reply) {
        slot.cacheProblem = reply.cacheProblem;
        return;
      }
      const waiting = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    // A worker that died (out of memory, a crash) fails the jobs it held and is replaced for the next ones.
    worker.on('error', (error) => {
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
      if (this.slots[i] === slot) this.slots[i] = undefined;
    });
    this.slots[i] = slot;
    return slot;
  }

  /**
   * Stops the workers; with a cache, lets each finish its jobs and writes first. Resolves to what went wrong
   * with the cache in any thread, if anything.
   */
  async close(): Promise<string | undefined> {
    const problems = [await (await this.local)?.close()];
    await Promise.all(
      this.slots.map((slot) => {
        if (!slot) return undefined;
        if (!this.settings.cachePath) return slot.worker.terminate();
        const exited = new Promise((resolve) => slot.worker.once('exit', resolve));
        slot.worker.postMessage({ close: true } satisfies WorkerMessage);
        return exited.then(() => problems.push(slot.cacheProblem));
      }),
    );
    return problems.find((p) => p !== undefined);
  }

  /** Ends the workers now (Ctrl-C), whatever they are doing: their jobs fail with INTERRUPTED. */
  async interrupt(): Promise<void> {
    await Promise.all(
      this.slots.map((slot, i) => {
        if (!slot) return undefined;
        this.slots[i] = undefined;
        for (const waiting of slot.pending.values()) waiting.reject(new Error(INTERRUPTED));
        slot.pending.clear();
        return slot.worker.terminate();
      }),
    );
  }
}
