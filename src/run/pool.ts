// Runs jobs (src/run/jobs.ts) on several cores: a small pool of worker threads, each job sent to the least busy one.
import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, JobRunner, JobSettings, Outcome } from './jobs.js';

/** What goes between the threads: a job or its outcome, under the id the pool gave it. */
export type WorkerMessage = { id: number; job: Job } | { close: true };
export type JobDone = { id: number; result: JobResult; error?: undefined } | { id: number; error: string; result?: undefined };
export type WorkerReply =
  /** Jobs done, in the order they were sent: a JSON array of JobDone. */
  | { done: string }
  /** The last message of a worker asked to close: what went wrong with the cache, if anything. */
  | { closed: true; cacheProblem?: string };

/**
 * What a worker starts from. `progress`, shared with the pool: the id of the job it is running (IDLE between
 * jobs) and when that job started, in ms since `epoch`; the pool's clock reads it, whatever the replies wait for.
 */
export interface WorkerSetup {
  settings: JobSettings;
  progress: Int32Array;
  epoch: number;
}
export const IDLE = -1;

/**
 * A worker sends the results it has done in one message, when it has REPLY_BATCH, when the first of them waited
 * REPLY_DELAY_MS, or when it has no more jobs: each message wakes this thread, which then takes a core from a worker.
 */
export const REPLY_BATCH = 8;
export const REPLY_DELAY_MS = 20;

/** At most this many jobs run together, one stage at a time (JobRunner.runBatch). */
export const BATCH_DOCUMENTS = 16;

/** The error of a job whose worker was ended by Pool.interrupt. */
export const INTERRUPTED = 'interrupted';

/**
 * A worker's young generation, in MB (V8's default): 12 MB cost a default `mine entities` run 12-13% more CPU in
 * collections for 49-79 MB less peak memory. Bounded either way; with HEAP_GROWING_PERCENT a long run's peak memory
 * hardly grows (README, Bounds).
 */
const YOUNG_GENERATION_MB = 48;
/**
 * How far V8 lets a heap grow past what was live at its last full collection, in percent (V8's default: up to 300).
 * The workers' live heap is small and steady, so a lazy limit only lets garbage pile up, the more the longer the run.
 */
const HEAP_GROWING_PERCENT = 20;

/** Default number of workers: the cores there are, at most 8. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
}

interface Waiting {
  job: Job;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent and not done, in order: the worker runs them one after the other. */
  pending: Map<number, Waiting>;
  /** See WorkerSetup. */
  progress: Int32Array;
  /** Stops the running job when it outlasts the time budget. */
  timer?: NodeJS.Timeout;
  cacheProblem?: string;
}

/** Runs jobs on `jobs` threads (1: in this thread). `run` resolves to the job's result or rejects with its error. */
export class Pool {
  private readonly slots: Array<Slot | undefined> = [];
  /** The runner of --jobs 1; jobs.js (the whole pipeline) is imported only then, or in the workers. */
  private local?: Promise<JobRunner>;
  private readonly queued: Waiting[] = [];
  private nextId = 0;
  private readonly epoch = Date.now();

  constructor(private readonly settings: JobSettings, private readonly jobs: number) {
    // A V8 flag, so it holds for every thread, this one too; set before the workers start.
    if (jobs > 1) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }

  run(job: Job): Promise<JobResult> {
    if (this.jobs > 1) return new Promise((resolve, reject) => this.send(this.leastBusy(), this.nextId++, { job, resolve, reject }));
    return new Promise((resolve, reject) => {
      // Jobs asked for in one turn of the event loop are run as batches (JobRunner.runBatch).
      if (this.queued.push({ job, resolve, reject }) === 1) setImmediate(() => void this.runQueued());
    });
  }

  /** The jobs queued for this thread (--jobs 1), run in batches. */
  private async runQueued(): Promise<void> {
    this.local ??= import('./jobs.js').then(({ JobRunner }) => new JobRunner(this.settings));
    const runner = await this.local.catch((error: Error) => error);
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, BATCH_DOCUMENTS);
      const outcomes: Outcome[] = runner instanceof Error ? batch.map(() => ({ error: runner })) : runner.runBatch(batch.map((w) => w.job));
      batch.forEach(({ resolve, reject }, i) => {
        const { result, error } = outcomes[i]!;
        if (error) reject(error);
        else resolve(result);
      });
    }
  }

  private send(slot: Slot, id: number, waiting: Waiting): void {
    slot.pending.set(id, waiting);
    slot.worker.postMessage({ id, job: waiting.job } satisfies WorkerMessage);
    this.watch(slot);
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
    // Workers are timed here, where a stuck one can be stopped.
    const { timeoutSeconds: _timedHere, ...settings } = this.settings;
    const progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)).fill(IDLE);
    const setup: WorkerSetup = { settings, progress, epoch: this.epoch };
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.settings.heapLimitMb } });
    const slot: Slot = { worker, pending: new Map(), progress };
    worker.on('message', (reply: WorkerReply) => {
      if ('closed' in reply) {
        slot.cacheProblem = reply.cacheProblem;
        return;
      }
      for (const done of JSON.parse(reply.done) as JobDone[]) {
        const waiting = slot.pending.get(done.id);
        slot.pending.delete(done.id);
        if (done.error !== undefined) waiting?.reject(new Error(done.error));
        else waiting?.resolve(done.result);
      }
    });
    // A worker that died (out of memory, a crash) fails the job it was running; it is replaced for the others.
    worker.on('error', (error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(i, slot, outOfMemory ? { reason: 'out of memory', detail: outOfMemoryDetail(this.settings.heapLimitMb) } : error);
    });
    worker.on('exit', () => this.replace(i, slot, new Error('its worker thread stopped')));
    this.slots[i] = slot;
    return slot;
  }

  /**
   * Times the jobs of the slot while it has any: the one running past the time budget (from its start in the
   * worker) has its worker stopped.
   */
  private watch(slot: Slot, afterMs?: number): void {
    const { timeoutSeconds } = this.settings;
    if (timeoutSeconds === undefined || (slot.timer && afterMs === undefined)) return;
    const budgetMs = timeoutSeconds * 1000;
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      const i = this.slots.indexOf(slot);
      if (i < 0 || slot.pending.size === 0) return;
      const running = Atomics.load(slot.progress, 0);
      const runMs = Date.now() - this.epoch - Atomics.load(slot.progress, 1);
      if (!slot.pending.has(running) || runMs < budgetMs) return this.watch(slot, slot.pending.has(running) ? budgetMs - runMs : budgetMs);
      void slot.worker.terminate();
      this.replace(i, slot, { reason: 'too slow', detail: `took over ${timeoutSeconds} s (--timeout); stopped` }, running);
    }, afterMs ?? budgetMs).unref();
  }

  /**
   * Gives up on a worker that is gone or stopped: the job it was running is skipped with `why` (or fails with it),
   * the others go to a new worker (those it had done, with their results not sent yet, are done again).
   * `runningId`: the job it was running, as it said (when unknown: the first not done).
   */
  private replace(i: number, slot: Slot, why: Error | { reason: string; detail: string }, runningId = Atomics.load(slot.progress, 0)): void {
    if (this.slots[i] !== slot) return;
    clearTimeout(slot.timer);
    this.slots[i] = undefined;
    const id = slot.pending.has(runningId) ? runningId : slot.pending.keys().next().value;
    const running = id === undefined ? undefined : slot.pending.get(id);
    if (!running) return;
    slot.pending.delete(id!);
    const others = [...slot.pending.values()];
    // A reply still on its way from the stopped worker finds nothing to settle.
    slot.pending.clear();
    if (why instanceof Error) running.reject(why);
    else running.resolve({ kind: 'skipped', ...why });
    const next = this.start(i);
    for (const job of others) this.send(next, this.nextId++, job);
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

function outOfMemoryDetail(heapLimitMb: number | undefined): string {
  return heapLimitMb === undefined ? 'ran out of memory' : `needed over ${heapLimitMb} MB (--max-memory)`;
}
