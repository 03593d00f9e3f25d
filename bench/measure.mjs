// Runs one `mine` command in this process and reports its time and peak memory on fd 3 as JSON.
//   node bench/measure.mjs mine ARGS...      (stdout of the command is discarded by the caller)
//   node bench/measure.mjs compromise DIR    (compromise alone: people, places, organisations of each file)
//   node bench/measure.mjs extract-stage DIR (the extract stage alone on this thread, files read into memory first)
import fs from 'node:fs';
import path from 'node:path';

const [what, ...args] = process.argv.slice(2);
let t0 = process.hrtime.bigint();
if (what === 'mine') {
  const { main } = await import('../dist/src/cli.js');
  process.exitCode = await main(args);
} else if (what === 'extract-stage') {
  const { extractArticles } = await import('../dist/src/extract/index.js');
  const dir = args[0];
  const pages = fs.readdirSync(dir).map((f) => ({ file: f, content: fs.readFileSync(path.join(dir, f), 'utf8'), format: /\.html?$/i.test(f) ? 'html' : 'text' }));
  // Warm-up over the first 2 MB (a corpus run's steady state), so the rate is not the compiler's.
  for (let i = 0, chars = 0; i < pages.length && chars < 2e6; i++) {
    extractArticles(pages[i]);
    chars += pages[i].content.length;
  }
  t0 = process.hrtime.bigint();
  for (const page of pages) extractArticles(page);
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
