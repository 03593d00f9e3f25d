// Partial counts of aggregate commands (`--partial`), printed by one run per partition of a corpus and added up by
// `--merge`: the map and reduce steps of a distributed run.
import { InputError } from '../errors.js';
import { readRows } from '../io/rows.js';
import type { Reporter } from './documents.js';

/** The lines of a counter's state as NDJSON. */
export function partialText(lines: Iterable<unknown>): string {
  let text = '';
  for (const line of lines) text += JSON.stringify(line) + '\n';
  return text;
}

/** Hands every line of the partial files to `add`; a file that is not a partial of this command is reported and skipped. */
export async function mergePartials(paths: string[], add: (line: Record<string, unknown>) => void, reporter: Reporter): Promise<void> {
  for await (const line of readRows(paths)) {
    if (line instanceof InputError) reporter.skipped(line);
    else if (typeof line !== 'object' || line === null) reporter.skipped(new InputError(paths.join(' '), 'bad record', `not a line of a --partial output: ${JSON.stringify(line).slice(0, 60)}`));
    else {
      try {
        add(line as Record<string, unknown>);
      } catch (error) {
        reporter.skipped(new InputError(paths.join(' '), 'bad record', (error as Error).message));
      }
    }
  }
}
