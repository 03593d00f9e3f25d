// Runs several mine commands one after another in this one process, as `node bin/mine.js ARGS` would each: for tests
// that check many runs in one setting (a terminal of some width) without starting Node and loading the models each time.
//
//   node dist/test/mine-in-process.js RUNS.json
//
// RUNS.json: an array of argument lists. Before each run's output, a line `@@ ARGS`; the run's stderr is its own.
import fs from 'node:fs';
import { main } from '../src/cli.js';

const runs = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as string[][];
// Every run installs its own stdout error handler (see src/io/stdout.ts).
process.stdout.setMaxListeners(runs.length + 10);
for (const args of runs) {
  process.stdout.write(`@@ ${args.join(' ')}\n`);
  process.exitCode = await main(args);
}
