#!/usr/bin/env node
// npm run bench: throughput and peak memory of each stage and the whole pipeline, beside compromise alone.
//
//   npm run bench [-- --size 20] [-- --from DIR] [-- --compromise-size 2]
//
// Builds a corpus of --size MB (default 20) by repeating the page dumps of --from (default samples/)
// with a distinct line added to each copy, then runs each command over it in a fresh process. The first
// rows are the extract stage alone on one thread, in memory (no reading, no output): extraction's own speed,
// over the corpus once while V8 compiles the hot code, then a second time, as in the steady state of a long run.
// compromise alone is run on a --compromise-size MB (default 2) slice of the same corpus, since it
// is about a hundred times slower; rates are per MB, so they compare.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const sizeMb = Number(opt('--size', '20'));
const compromiseMb = Number(opt('--compromise-size', '2'));
const from = path.resolve(opt('--from', path.join(root, 'samples')));

function buildCorpus(dir, megabytes) {
  fs.mkdirSync(dir, { recursive: true });
  const pages = fs.readdirSync(from).filter((f) => /\.(txt|html?)$/i.test(f)).map((f) => [f, fs.readFileSync(path.join(from, f), 'utf8')]);
  if (pages.length === 0) throw new Error(`no page dumps in ${from}`);
  let bytes = 0, files = 0;
  for (let copy = 0; bytes < megabytes * 1e6; copy++) {
    for (const [name, text] of pages) {
      const content = `${text}\n\nPage copy ${copy}\n`;
      fs.writeFileSync(path.join(dir, `${String(copy).padStart(5, '0')}-${name}`), content);
      bytes += Buffer.byteLength(content);
      files++;
      if (bytes >= megabytes * 1e6) break;
    }
  }
  return { bytes, files };
}

function measure(label, measureArgs, corpus) {
  const r = spawnSync(process.execPath, [path.join(root, 'bench', 'measure.mjs'), ...measureArgs], { cwd: root, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = (r.output?.[3] ?? '').trim();
  if (!line) throw new Error(`${label} failed: ${r.stderr}`);
  const { seconds, warmSeconds, maxRssKb } = JSON.parse(line);
  const row = (label, s) => ({ label, mbps: corpus.bytes / 1e6 / s, docs: corpus.files / s, rssMb: maxRssKb / 1024 });
  return warmSeconds === undefined ? [row(label, seconds)] : [row(`${label}, first pass`, seconds), row(`${label}, second pass`, warmSeconds)];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mine-bench-'));
try {
  const corpusDir = path.join(work, 'corpus');
  const corpus = buildCorpus(corpusDir, sizeMb);
  const small = buildCorpus(path.join(work, 'small'), compromiseMb);
  console.log(`corpus: ${corpus.files} page dumps, ${(corpus.bytes / 1e6).toFixed(1)} MB (from ${path.relative(process.cwd(), from) || '.'}); ${os.availableParallelism?.() ?? os.cpus().length} cores`);
  const rows = [
    ...measure('extract stage, one thread', ['extract-stage', corpusDir], corpus),
    ...measure('extract', ['mine', 'extract', '--ndjson', '-q', corpusDir], corpus),
    ...measure('extract + clean', ['mine', 'clean', '--ndjson', '-q', corpusDir], corpus),
    ...measure('extract + clean + ner', ['mine', 'ner', '--ndjson', '-q', corpusDir], corpus),
    ...measure('mine entities (all stages)', ['mine', 'entities', '--json', '-q', corpusDir], corpus),
    ...measure('mine entities, one thread', ['mine', 'entities', '--json', '-q', '--jobs', '1', corpusDir], corpus),
    ...measure('mine quotes (all stages)', ['mine', 'quotes', '--json', '-q', corpusDir], corpus),
    ...measure('mine tone (all stages)', ['mine', 'tone', '--json', '-q', corpusDir], corpus),
    ...measure('compromise alone', ['compromise', path.join(work, 'small')], small),
  ];
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${pad('run', 40)}${pad('MB/s', 10)}${pad('docs/s', 10)}peak RSS`);
  for (const r of rows) console.log(`${pad(r.label, 40)}${pad(r.mbps.toFixed(2), 10)}${pad(r.docs.toFixed(0), 10)}${r.rssMb.toFixed(0)} MB`);
  const entities = rows.find((r) => r.label.startsWith('mine entities (')), alone = rows.at(-1);
  console.log(`mine entities is ${(entities.mbps / alone.mbps).toFixed(1)} times compromise alone's throughput`);
  for (const command of ['quotes', 'tone']) {
    const row = rows.find((r) => r.label.startsWith(`mine ${command}`));
    console.log(`mine ${command} runs at ${(row.mbps / entities.mbps).toFixed(2)} of mine entities' throughput`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
