#!/usr/bin/env node
// Gates CI on the quality figures already won: runs the shared scorers (../shared, when present)
// and fails if any figure falls below its floor in bench/floors.json.
//
//   node bench/check-floors.mjs            check every floor
//   node bench/check-floors.mjs --print    print the figures without checking
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const floors = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'floors.json'), 'utf8'));
const printOnly = process.argv.includes('--print');

if (!fs.existsSync(shared)) {
  console.log('check-floors: ../shared is not here, so there is nothing to measure against; skipped.');
  process.exit(0);
}

const run = (script, args = []) => execFileSync(process.execPath, [path.join(shared, script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
const fraction = (text) => { const [a, b] = text.split('/').map(Number); return a / b; };

const measures = {
  seeds: () => {
    const r = JSON.parse(run('eval/score.mjs', ['--json']));
    const e = r.entities;
    return {
      bodyF1: r.extraction.bodyF1, titles: fraction(r.extraction.titles), dates: fraction(r.extraction.dates), tags: fraction(r.extraction.tags),
      entitiesF1: e.micro.F1, personF1: e.person.F1, countryF1: e.country.F1, orgF1: e.org.F1, mentionsF1: r.mentions.F1,
    };
  },
  quotes: () => {
    const r = JSON.parse(run('eval/score-quotes.mjs', ['--json']));
    return { foundF1: r.found.F1, attributedF1: r.attributed.F1, directRecall: r.directRecall };
  },
  extractionText: () => ({ f1: benchF1(run('bench/extraction/run-mine.mjs')) }),
  extractionHtml: () => ({ f1: benchF1(run('bench/extraction/run-mine.mjs', ['--html'])) }),
  readabilityText: () => ({ f1: benchF1(run('bench/extraction/run-mine.mjs', [path.join(shared, 'bench/extraction/readability')])) }),
  readabilityHtml: () => ({ f1: benchF1(run('bench/extraction/run-mine.mjs', [path.join(shared, 'bench/extraction/readability'), '--html'])) }),
  snippetsText: () => snippets(run('bench/extraction/run-snippets.mjs')),
  snippetsHtml: () => snippets(run('bench/extraction/run-snippets.mjs', ['--html'])),
  // The same dumps hard-wrapped at 80 columns, as `lynx -dump` prints pages.
  extractionTextWrapped: async () => {
    const { wrapAt } = await import('../dist/test/helpers.js'); // built by npm test
    const split = fs.mkdtempSync(path.join(os.tmpdir(), 'mine-wrapped-'));
    try {
      const dev = path.join(shared, 'bench', 'extraction', 'dev');
      fs.mkdirSync(path.join(split, 'dumps'));
      fs.symlinkSync(path.join(dev, 'gold'), path.join(split, 'gold'));
      for (const f of fs.readdirSync(path.join(dev, 'dumps'))) {
        fs.writeFileSync(path.join(split, 'dumps', f), wrapAt(fs.readFileSync(path.join(dev, 'dumps', f), 'utf8'), 80));
      }
      return { f1: benchF1(run('bench/extraction/run-mine.mjs', [split])) };
    } finally {
      fs.rmSync(split, { recursive: true, force: true });
    }
  },
  nerConll: () => {
    const lines = run('bench/ner/run-mine.mjs').split('\n');
    const exactF1 = (label) => Number(lines.find((l) => l.startsWith(label)).split('|')[1].trim().split(/\s+/)[2]);
    return { microF1: exactF1('micro'), orgF1: exactF1('ORG') };
  },
};

/** The F1 of the benchmark line "0.857 ± 0.026   0.873 ± ...". */
function benchF1(output) {
  const lines = output.split('\n');
  const header = lines.findIndex((l) => l.startsWith('F1'));
  return Number(lines[header + 1].trim().split(/\s+/)[0]);
}

/** Body F1 and title and date agreement from run-snippets.mjs ("snippets: F1=0.823 ...", "titles: 237/424 agree, ..."). */
function snippets(output) {
  const f1 = Number(output.match(/snippets: F1=([\d.]+)/)[1]);
  const [, titles, titleGold, dates, dateGold] = output.match(/titles: (\d+)\/(\d+) agree.*dates: (\d+)\/(\d+) agree/).map(Number);
  return { f1, titles: titles / titleGold, dates: dates / dateGold };
}

let failed = 0;
for (const [name, check] of Object.entries(floors)) {
  if (name.startsWith('_')) continue;
  const figures = await measures[name]();
  for (const [key, floor] of Object.entries(check)) {
    const value = figures[key];
    const ok = value >= floor;
    if (!ok) failed++;
    console.log(`${printOnly ? '' : ok ? 'ok   ' : 'BELOW'} ${name}.${key} = ${value}${printOnly ? '' : ` (floor ${floor})`}`);
  }
}
if (!printOnly && failed) {
  console.error(`check-floors: ${failed} figure(s) below their floor`);
  process.exit(1);
}
