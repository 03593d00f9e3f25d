// Worker thread: runs the jobs the main thread sends (src/run/jobs.ts) and sends back their results.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { JobRunner } from './jobs.js';
import { BATCH_DOCUMENTS, IDLE, REPLY_BATCH, REPLY_DELAY_MS, type JobDone, type WorkerMessage, type WorkerReply, type WorkerSetup } from './pool.js';

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

/** The jobs of a batch: the message just heard and those already waiting behind it, up to BATCH_DOCUMENTS or a close. */
function batchFrom(first: WorkerMessage): WorkerMessage[] {
  const batch = [first];
  while (batch.length < BATCH_DOCUMENTS && !('close' in batch.at(-1)!)) {
    const waiting = receiveMessageOnPort(parentPort!);
    if (!waiting) break;
    batch.push(waiting.message as WorkerMessage);
  }
  return batch;
}

function close(): void {
  flush();
  void runner.close().then((cacheProblem) => {
    parentPort!.postMessage({ closed: true, cacheProblem } satisfies WorkerReply);
    parentPort!.close();
  });
}

parentPort!.on('message', (message: WorkerMessage) => {
  const batch = batchFrom(message);
  const closing = 'close' in batch.at(-1)! ? batch.pop() : undefined;
  const jobs = batch as Array<Extract<WorkerMessage, { id: number }>>;
  if (jobs.length > 0) {
    // What the pool's clock reads: which job runs, since when (less the time it has had in earlier steps).
    const outcomes = runner.runBatch(
      jobs.map((m) => m.job),
      (at, spentMs) => {
        Atomics.store(progress, 1, Date.now() - epoch - spentMs);
        Atomics.store(progress, 0, jobs[at]!.id);
      },
    );
    Atomics.store(progress, 0, IDLE);
    if (outbox.length === 0) outboxSince = Date.now();
    jobs.forEach(({ id }, at) => {
      const { result, error } = outcomes[at]!;
      outbox.push(JSON.stringify((error ? { id, error: error.message.split('\n')[0]! } : { id, result }) satisfies JobDone));
    });
  }
  if (closing) return close();
  // Jobs already queued run before an immediate: their results go with this one.
  if (outbox.length >= REPLY_BATCH || Date.now() - outboxSince >= REPLY_DELAY_MS) flush();
  else if (!flushQueued) {
    flushQueued = true;
    setImmediate(flush);
  }
});
