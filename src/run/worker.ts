// Worker thread: runs the jobs the main thread sends (src/run/jobs.ts) and sends back their results.
import { parentPort, workerData } from 'node:worker_threads';
import { JobRunner } from './jobs.js';
import { IDLE, REPLY_BATCH, REPLY_DELAY_MS, type JobDone, type WorkerMessage, type WorkerReply, type WorkerSetup } from './pool.js';

const { settings, progress, epoch } = workerData as WorkerSetup;
const runner = new JobRunner(settings);
/** Results not sent yet, as JSON, and when the first of them was done. */
const outbox: string[] = [];
let outboxSince = 0;
let flushQueued = false;

/** Sends the results done (see REPLY_BATCH) as one JSON string: a string is copied between threads faster than objects are cloned. */
function flush(): void {
  flushQueued = false;
  if (outbox.length === 0) return;
  parentPort!.postMessage({ done: `[${outbox.join(',')}]` } satisfies WorkerReply);
  outbox.length = 0;
}

parentPort!.on('message', (message: WorkerMessage) => {
  if ('close' in message) {
    flush();
    void runner.close().then((cacheProblem) => {
      parentPort!.postMessage({ closed: true, cacheProblem } satisfies WorkerReply);
      parentPort!.close();
    });
    return;
  }
  // What the pool's clock reads: which job runs, since when.
  Atomics.store(progress, 1, Date.now() - epoch);
  Atomics.store(progress, 0, message.id);
  let done: JobDone;
  try {
    done = { id: message.id, result: runner.run(message.job) };
  } catch (error) {
    done = { id: message.id, error: (error as Error).message.split('\n')[0]! };
  }
  Atomics.store(progress, 0, IDLE);
  if (outbox.length === 0) outboxSince = Date.now();
  outbox.push(JSON.stringify(done));
  // Jobs already queued run before an immediate: their results go with this one.
  if (outbox.length >= REPLY_BATCH || Date.now() - outboxSince >= REPLY_DELAY_MS) flush();
  else if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
});
