// Trains the published-date model of page dumps (data/date-model.json): a logistic model over the features of
// each date on a page (src/extract/dump-meta.ts, dateCandidates), labelled by whether it is the gold date.
//   npm run build && node scripts/train-dates.mjs SET_DIR... [--folds 5] [--dry-run]
// Each SET_DIR holds dumps/<id>.txt and gold/<id>.json with a `date` (YYYY-MM-DD...). Prints the agreement of
// k-fold cross-validation (pages split by a hash of their id), then writes the model trained on all pages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dateCandidates, DATE_FEATURES, headerLines } from '../dist/src/extract/dump-meta.js';
import { mainTitle, readDump } from '../dist/src/extract/text-dump.js';
import { folderTemplates } from './folder-templates.mjs';

const args = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); if (i < 0) return null; const [, value] = args.splice(i, 2); return value; };
const folds = Number(flag('--folds') ?? 5);
const dryRun = args.includes('--dry-run') && args.splice(args.indexOf('--dry-run'), 1);
if (args.length === 0) throw new Error('usage: node scripts/train-dates.mjs SET_DIR... [--folds 5] [--dry-run]');

/** Pages: their candidates' features and labels, as mine extract sees them in the set's folder. */
const pages = [];
for (const set of args) {
  const templates = folderTemplates(path.join(set, 'dumps'));
  for (const f of fs.readdirSync(path.join(set, 'gold')).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(set, 'gold', f), 'utf8'));
    const dump = path.join(set, 'dumps', f.replace(/\.json$/, '.txt'));
    if (!gold.date || !fs.existsSync(dump)) continue;
    // The main article and its title as extractFromDump finds them, so that the features are those it rates.
    const read = readDump({ file: dump, content: fs.readFileSync(dump, 'utf8'), templates: templates.templatesOf(dump) });
    if (!read) continue;
    const { content, lines, main } = read;
    const title = mainTitle(read, new Set())?.line ?? null;
    const candidates = dateCandidates(content, lines, main, headerLines(lines, main, title), title);
    const day = gold.date.slice(0, 10);
    pages.push({ id: f, candidates: candidates.map((c) => ({ x: c.features, y: c.date.iso.startsWith(day) ? 1 : 0 })) });
  }
}

const EPOCHS = Number(process.env.EPOCHS ?? 3000);
const dot = (w, x) => x.reduce((sum, v, k) => sum + v * w[k], 0);
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/** Logistic regression by gradient descent with an L2 penalty (not on the bias), features as they are. */
function train(trainPages) {
  const rows = trainPages.flatMap((p) => p.candidates);
  const w = new Array(DATE_FEATURES.length).fill(0);
  const rate = 0.5, l2 = 1e-3;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad = new Array(w.length).fill(0);
    for (const { x, y } of rows) {
      const err = sigmoid(dot(w, x)) - y;
      for (let k = 0; k < w.length; k++) grad[k] += err * x[k];
    }
    for (let k = 0; k < w.length; k++) w[k] -= rate * (grad[k] / rows.length + (k === 0 ? 0 : l2 * w[k]));
  }
  return w;
}

/** Per page, the best-rated candidate's score and whether it is right. */
function picks(w, testPages) {
  return testPages.map((p) => {
    let best = null;
    for (const c of p.candidates) { const z = dot(w, c.x); if (!best || z > best.z) best = { z, right: c.y === 1 }; }
    return best;
  });
}

/** The threshold (on the score) that keeps the most right dates less the wrong ones. */
function bestThreshold(chosen) {
  const sorted = chosen.filter(Boolean).sort((a, b) => b.z - a.z);
  let net = 0, best = 0, threshold = Infinity;
  for (const c of sorted) {
    net += c.right ? 1 : -1;
    if (net > best) [best, threshold] = [net, c.z];
  }
  return threshold;
}

const fold = (p) => crypto.createHash('sha256').update(p.id).digest()[0] % folds;
let right = 0, wrong = 0;
for (let k = 0; k < folds; k++) {
  const w = train(pages.filter((p) => fold(p) !== k));
  const threshold = bestThreshold(picks(w, pages.filter((p) => fold(p) !== k)));
  for (const c of picks(w, pages.filter((p) => fold(p) === k))) {
    if (c && c.z >= threshold) c.right ? right++ : wrong++;
  }
}
const reachable = pages.filter((p) => p.candidates.some((c) => c.y === 1)).length;
console.log(`${folds}-fold cross-validation: ${right}/${pages.length} pages with a gold date agree, ${wrong} wrong, ${pages.length - right - wrong} null (the gold date is among the candidates on ${reachable})`);

const weights = train(pages);
const threshold = bestThreshold(picks(weights, pages));
const round = (v) => Math.round(v * 1e4) / 1e4;
const model = {
  _about: `Published-date model of page dumps: logistic weights over DATE_FEATURES (src/extract/dump-meta.ts); trained by scripts/train-dates.mjs on ${pages.length} pages of ${args.map((a) => path.basename(a)).join(', ')}; ${folds}-fold CV: ${right} agree, ${wrong} wrong`,
  features: DATE_FEATURES,
  weights: weights.map(round),
  threshold: round(threshold),
};
if (!dryRun) fs.writeFileSync(new URL('../data/date-model.json', import.meta.url), JSON.stringify(model, null, 1) + '\n');
console.log(DATE_FEATURES.map((f, k) => `${f} ${round(weights[k])}`).join(', '), `threshold ${round(threshold)}`);
