// Runs one `mine` command in this process and reports its time and peak memory on fd 3 as JSON.
//   node bench/measure.mjs mine ARGS...      (stdout of the command is discarded by the caller)
//   node bench/measure.mjs compromise DIR    (compromise alone: people, places, organisations of each file)
import fs from 'node:fs';
import path from 'node:path';

const [what, ...args] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
if (what === 'mine') {
  const { main } = await import('../dist/src/cli.js');
  process.exitCode = await main(args);
} else {
  const { default: nlp } = await import('compromise');
  const dir = args[0];
  for (const f of fs.readdirSync(dir)) {
    const doc = nlp(fs.readFileSync(path.join(dir, f), 'utf8'));
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
fs.writeSync(3, JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
