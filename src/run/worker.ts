// Worker thread: runs the per-document pipeline on what the main thread sends, and sends the records back.
import { parentPort, workerData } from 'node:worker_threads';
import { processPage, processRecord, type PipelineOptions } from '../pipeline.js';
import type { Job, JobResult } from './pool.js';

const options = workerData as PipelineOptions;

parentPort!.on('message', (job: Job) => {
  let result: JobResult;
  try {
    const records = job.page ? processPage(job.page, options) : [processRecord(job.record!, options)];
    result = { id: job.id, records };
  } catch (error) {
    result = { id: job.id, error: (error as Error).message.split('\n')[0]! };
  }
  parentPort!.postMessage(result);
});
