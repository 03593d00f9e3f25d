// Runs one `mine` command in this process and reports its time and peak memory on fd 3 as JSON.
//   node bench/measure.mjs mine ARGS...      (stdout of the command is discarded by the caller)
//   node bench/measure.mjs compromise DIR    (compromise alone: people, places, organisations of each file)
//   node bench/measure.mjs extract-stage DIR (the extract stage alone on this thread, files read into memory first,
//                                             in two passes: `seconds` is the first's, `warmSeconds` the second's)
import fs from 'node:fs';
import path from 'node:path';

const [what, ...args] = process.argv.slice(2);
const since = (t) => Number(process.hrtime.bigint() - t) / 1e9;
const report = {};
let t0 = process.hrtime.bigint();
if (what === 'mine') {
  const { main } = await import('../dist/src/cli.js');
  process.exitCode = await main(args);
  report.seconds = since(t0);
} else if (what === 'extract-stage') {
  const { extractArticles } = await import('../dist/src/extract/index.js');
  const dir = args[0];
  const pages = fs.readdirSync(dir).map((f) => ({ file: f, content: fs.readFileSync(path.join(dir, f), 'utf8'), format: /\.html?$/i.test(f) ? 'html' : 'text' }));
  // The first pass runs while V8 still compiles the hot code (it takes several MB to settle); the second is the
  // steady state of a long run.
  t0 = process.hrtime.bigint();
  for (const page of pages) extractArticles(page);
  report.seconds = since(t0);
  t0 = process.hrtime.bigint();
  for (const page of pages) extractArticles(page);
  report.warmSeconds = since(t0);
} else {
  const { default: nlp } = await import('compromise');
  const dir = args[0];
  for (const f of fs.readdirSync(dir)) {
    const doc = nlp(fs.readFileSync(path.join(dir, f), 'utf8'));
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  }
  report.seconds = since(t0);
}
fs.writeSync(3, JSON.stringify({ ...report, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
