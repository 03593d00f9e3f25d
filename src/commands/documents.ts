// What every command starts from: the records of its inputs, brought to the stage it needs; problems reported, never thrown.
import { InputError } from '../errors.js';
import { readInputs, type ReadOptions } from '../io/read.js';
import { processPage, processRecord, type PipelineOptions } from '../pipeline.js';
import type { MineRecord } from '../types.js';

/** Hears about inputs that were skipped and documents that failed; the cli prints and counts them. */
export interface Reporter {
  skipped(error: InputError): void;
  /** An input was read and turned into records. */
  processed(file: string, records: number): void;
}

export interface DocumentOptions {
  read: ReadOptions;
  pipeline: PipelineOptions;
}

/** The records of all inputs, in input order. A document that fails in a stage is reported and skipped. */
export async function* documents(paths: string[], options: DocumentOptions, reporter: Reporter): AsyncGenerator<MineRecord> {
  for await (const input of readInputs(paths, options.read)) {
    if (input.kind === 'skip') {
      reporter.skipped(input.error);
      continue;
    }
    const file = input.kind === 'page' ? input.page.file : input.file;
    let records: MineRecord[];
    try {
      records = input.kind === 'page' ? processPage(input.page, options.pipeline) : [processRecord(input.record, options.pipeline)];
    } catch (error) {
      reporter.skipped(new InputError(file, 'failed', `could not be processed: ${(error as Error).message}`));
      continue;
    }
    reporter.processed(file, records.length);
    yield* records;
  }
}
