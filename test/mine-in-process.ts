// Runs several mine commands one after another in this one process, as `node bin/mine.js ARGS` would each: for tests
// that check many runs (in a terminal of some width, or many queries over one corpus) without starting Node and
// loading the models each time.
//
//   node dist/test/mine-in-process.js RUNS.json            before each run's output, a line `@@ ARGS`
//   node dist/test/mine-in-process.js RUNS.json RESULTS.json
//
// RUNS.json: an array of argument lists. With RESULTS.json, runs may also be { args, input } (input: the run's
// stdin), and each run's stdout, stderr and exit status are captured and written there as an array of
// { status, stdout, stderr } (mineBatch in test/helpers.ts); without it, the runs' stderr is their own.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { main } from '../src/cli.js';

const [runsFile, resultsFile] = process.argv.slice(2);
const runs = JSON.parse(fs.readFileSync(runsFile!, 'utf8')) as Array<string[] | { args: string[]; input: string }>;
// Every run installs its own stdout error handler (see src/io/stdout.ts).
process.stdout.setMaxListeners(runs.length + 10);

/** Sends what `stream` is given to `sink` instead, for the duration of `run`. */
async function capture<T>(stream: NodeJS.WriteStream, sink: string[], run: () => Promise<T>): Promise<T> {
  const write = stream.write;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
  try {
    return await run();
  } finally {
    stream.write = write;
  }
}

if (resultsFile) {
  const results = [];
  for (const run of runs) {
    const { args, input } = Array.isArray(run) ? { args: run, input: '' } : run;
    // Each run reads its own stdin, as a spawned one given `input` would.
    Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(input)]), configurable: true });
    const stdout: string[] = [];
    const stderr: string[] = [];
    const status = await capture(process.stdout, stdout, () => capture(process.stderr, stderr, () => main(args)));
    results.push({ status, stdout: stdout.join(''), stderr: stderr.join('') });
  }
  fs.writeFileSync(resultsFile, JSON.stringify(results));
  process.exitCode = 0; // the runs' statuses are in the results
} else {
  for (const args of runs as string[][]) {
    process.stdout.write(`@@ ${args.join(' ')}\n`);
    process.exitCode = await main(args);
  }
}
