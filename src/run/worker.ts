// Worker thread: runs the jobs the main thread sends (src/run/jobs.ts) and sends back their results.
import { parentPort, workerData } from 'node:worker_threads';
import { JobRunner, type JobSettings } from './jobs.js';
import type { WorkerMessage, WorkerReply } from './pool.js';

const runner = new JobRunner(workerData as JobSettings);
parentPort!.postMessage({ ready: true } satisfies WorkerReply);

parentPort!.on('message', (message: WorkerMessage) => {
  if ('close' in message) {
    void runner.close().then((cacheProblem) => {
      parentPort!.postMessage({ closed: true, cacheProblem } satisfies WorkerReply);
      parentPort!.close();
    });
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { id: message.id, result: runner.run(message.job) };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message.split('\n')[0]! };
  }
  parentPort!.postMessage(reply);
});
