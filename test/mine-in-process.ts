// Runs several mine commands one after another in this one process, as `node bin/mine.js ARGS` would each: for tests
// that check many runs (in a terminal of some width, or many queries over one corpus) without starting Node and
// loading the models each time.
//
//   node dist/test/mine-in-process.js RUNS.json   RUNS.json: an array of argument lists; before each run's output,
//                                                 a line `@@ ARGS`; the runs' stderr is their own
//   node dist/test/mine-in-process.js --serve     runs each { args, input } (input: its stdin) sent over IPC and
//                                                 replies { status, stdout, stderr } (mineInProcess in test/helpers.ts)
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { main } from '../src/cli.js';

interface Run { args: string[]; input: string | Uint8Array }

const runsFile = process.argv[2]!;
// Every run installs its own stdout error handler (see src/io/stdout.ts).
process.stdout.setMaxListeners(0);

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

/** One run with its output captured. */
async function runCaptured({ args, input }: Run): Promise<{ status: number; stdout: string; stderr: string }> {
  // Each run reads its own stdin, as a spawned one given `input` would.
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(input)]), configurable: true });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await capture(process.stdout, stdout, () => capture(process.stderr, stderr, () => main(args)));
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

if (runsFile === '--serve') {
  // One run at a time: the test waits for each reply before it sends the next run. Ends with the test process.
  const failed = (error: Error) => ({ status: null, stdout: '', stderr: `mine-in-process: ${error.stack}` });
  process.on('message', (run: Run) => void runCaptured(run).catch(failed).then((result) => process.send!(result)));
  process.on('disconnect', () => process.exit(0));
} else {
  for (const args of JSON.parse(fs.readFileSync(runsFile, 'utf8')) as string[][]) {
    process.stdout.write(`@@ ${args.join(' ')}\n`);
    process.exitCode = await main(args);
  }
}
