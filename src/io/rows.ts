// Reading result rows of an earlier run (a JSON array or NDJSON), e.g. partial counts to merge.
import fs from 'node:fs';
import { InputError } from '../errors.js';
import { describeFsError } from './find.js';

/** Each row of each file, in order; a file or line that cannot be read comes out as an InputError. */
export async function* readRows(files: string[]): AsyncGenerator<unknown | InputError> {
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? fs.readFileSync(0, 'utf8') : await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      yield new InputError(file, 'unreadable', describeFsError(error));
      continue;
    }
    if (text.trimStart().startsWith('[')) {
      try {
        yield* JSON.parse(text) as unknown[];
      } catch (error) {
        yield new InputError(file, 'bad record', `not valid JSON (${(error as Error).message})`);
      }
      continue;
    }
    for (const [i, line] of text.split('\n').entries()) {
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line) as unknown;
      } catch {
        yield new InputError(file, 'bad record', `line ${i + 1}: not valid JSON`);
      }
    }
  }
}
