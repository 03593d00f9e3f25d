#!/usr/bin/env node
// Trains the HTML prose-block model (src/extract/html-model.ts) on labelled pages and writes data/html-model.json.
//
//   npx tsc -p tsconfig.json
//   node scripts/train-html-model.mjs BENCH_DIR [--sets dev,readability,trafilatura] [--cv] [--out data/html-model.json]
//
// BENCH_DIR holds one folder per set with html/<id>.html[.gz] and gold/<id>.json: either the whole article body
// ({ articleBody }) or snippets that must and must not be in it ({ with: [], without: [] }). A block of the
// pruned page is labelled prose when most of its word trigrams are in the gold body, or when it holds a 'with'
// snippet; furniture when few are, or when it holds a 'without' snippet; otherwise it is left out.
// --cv prints, for each set, the extraction score of a model trained on the other sets, then 5-fold within
// each set, then the score of the model trained on all (scores computed here: shingle F1 as score.mjs, snippet
// F1 as run-snippets.mjs). Deterministic.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { collectBlocks } from '../dist/src/extract/html-blocks.js';
import { pruneBoilerplate } from '../dist/src/extract/html-clean.js';
import { childByTag, parseHtml } from '../dist/src/extract/html-dom.js';
import { blockFeatures, FEATURES, useHtmlModel } from '../dist/src/extract/html-model.js';
import { extractArticles } from '../dist/src/extract/index.js';
import { siteOf } from './site-of.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const benchDir = args[0];
if (!benchDir || benchDir.startsWith('--')) {
  console.error('usage: node scripts/train-html-model.mjs BENCH_DIR [--sets a,b,c] [--cv] [--out data/html-model.json]');
  process.exit(2);
}
const setNames = opt('--sets', 'dev,readability,trafilatura').split(',');
const out = opt('--out', 'data/html-model.json');
/** Blocks shorter than this never score as paragraphs (html-body.ts), so they are not learned from. */
const MIN_CHARS = 25;
const L2 = 1e-3;
const EPOCHS = 400;
const RATE = 0.5;

const norm = (s) => s.replace(/\s+/gu, ' ').trim();
const tokens = (s) => s.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
const trigrams = (t) => t.slice(2).map((_, i) => `${t[i]} ${t[i + 1]} ${t[i + 2]}`);

function readSet(name) {
  const dir = path.join(benchDir, name);
  return fs.readdirSync(path.join(dir, 'html')).sort().map((f) => {
    const id = f.replace(/\.html?(\.gz)?$/, '');
    const raw = fs.readFileSync(path.join(dir, 'html', f));
    const html = (f.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', `${id}.json`), 'utf8'));
    return { id, set: name, html, gold, site: pageSite(id, html, gold), examples: examplesOf(html, gold) };
  });
}

/** The site a page comes from (siteOf): of the gold's URL, else of the page's canonical link or og:url. */
function pageSite(id, html, gold) {
  return siteOf(gold.url ?? extractArticles({ file: `${id}.html`, content: html, format: 'html' })[0]?.url, id);
}

/** Labelled feature rows of a page's blocks, as the extractor sees them after pruning. */
function examplesOf(html, gold) {
  const root = parseHtml(html);
  const body = childByTag(root, 'body') ?? root;
  pruneBoilerplate(body, { strict: true });
  const blocks = collectBlocks(body);
  const goldGrams = gold.articleBody !== undefined ? new Set(trigrams(tokens(gold.articleBody))) : null;
  const examples = [];
  for (const [i, block] of blocks.entries()) {
    if (block.chars < MIN_CHARS) continue;
    const label = goldGrams ? labelByBody(block.text, goldGrams) : labelBySnippets(block.text, gold);
    if (label !== null) examples.push({ x: blockFeatures(blocks, i), y: label });
  }
  return examples;
}

function labelByBody(text, goldGrams) {
  const grams = trigrams(tokens(text));
  if (grams.length === 0) return null;
  const found = grams.filter((g) => goldGrams.has(g)).length / grams.length;
  return found >= 0.7 ? 1 : found <= 0.3 ? 0 : null;
}

function labelBySnippets(text, gold) {
  const holds = (s) => text.includes(norm(s)) || (text.length >= MIN_CHARS && norm(s).includes(text));
  if (gold.with.some(holds)) return 1;
  if (gold.without.some(holds)) return 0;
  return null;
}

/** L2-regularised logistic regression by full-batch gradient descent on standardised features. */
function train(pages) {
  const rows = pages.flatMap((p) => p.examples);
  const k = FEATURES.length;
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((n, r) => n + r.x[j], 0) / rows.length);
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((n, r) => n + (r.x[j] - m) ** 2, 0) / rows.length) || 1);
  const xs = rows.map((r) => r.x.map((v, j) => (v - mean[j]) / scale[j]));
  // Both classes weigh the same in the loss, however many blocks of each there are.
  const positives = rows.filter((r) => r.y === 1).length;
  const classWeight = [rows.length / (2 * (rows.length - positives)), rows.length / (2 * positives)];
  const weights = new Array(k).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad = new Array(k).fill(0);
    let gradBias = 0;
    for (const [n, x] of xs.entries()) {
      let z = bias;
      for (let j = 0; j < k; j++) z += weights[j] * x[j];
      const error = (1 / (1 + Math.exp(-z)) - rows[n].y) * classWeight[rows[n].y];
      for (let j = 0; j < k; j++) grad[j] += error * x[j];
      gradBias += error;
    }
    for (let j = 0; j < k; j++) weights[j] -= RATE * (grad[j] / rows.length + L2 * weights[j]);
    bias -= (RATE * gradBias) / rows.length;
  }
  const round = (v) => Math.round(v * 1e4) / 1e4;
  return { features: FEATURES, mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias) };
}

/** The extraction score of the current model on pages: shingle F1 for body gold, snippet F1 for snippet gold. */
function score(pages) {
  const bodies = pages.map((p) => {
    const [article] = extractArticles({ file: `${p.id}.html`, content: p.html, format: 'html' });
    return { page: p, body: article.paragraphs.join('\n') };
  });
  return pages[0].gold.articleBody !== undefined ? shingleF1(bodies) : snippetF1(bodies);
}

function shingleF1(bodies) {
  const shingles = (text) => {
    const t = tokens(text);
    const grams = t.length < 4 ? (t.length ? [t.join(' ')] : []) : t.slice(3).map((_, i) => t.slice(i, i + 4).join(' '));
    const counts = new Map();
    for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
    return counts;
  };
  const precisions = [];
  const recalls = [];
  for (const { page, body } of bodies) {
    const gold = shingles(page.gold.articleBody);
    const pred = shingles(body);
    let tp = 0, fp = 0, fn = 0;
    for (const [g, c] of pred) { const t = gold.get(g) ?? 0; tp += Math.min(c, t); fp += Math.max(0, c - t); }
    for (const [g, c] of gold) fn += Math.max(0, c - (pred.get(g) ?? 0));
    if (tp + fp > 0) precisions.push(tp / (tp + fp));
    if (tp + fn > 0) recalls.push(tp / (tp + fn));
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const P = mean(precisions);
  const R = mean(recalls);
  return (2 * P * R) / (P + R || 1);
}

function snippetF1(bodies) {
  let tp = 0, fp = 0, fn = 0;
  for (const { page, body } of bodies) {
    const text = norm(body);
    const w = page.gold.with.filter((s) => text.includes(norm(s))).length;
    tp += w;
    fn += page.gold.with.length - w;
    fp += page.gold.without.filter((s) => text.includes(norm(s))).length;
  }
  return (2 * tp) / (2 * tp + fp + fn || 1);
}

const sets = Object.fromEntries(setNames.map((name) => [name, readSet(name)]));
const all = Object.values(sets).flat();
const counts = (pages) => { const e = pages.flatMap((p) => p.examples); return `${e.length} blocks, ${e.filter((r) => r.y).length} prose`; };
console.error(`read ${all.length} pages: ${counts(all)}`);

if (args.includes('--cv')) {
  const f = (x) => x.toFixed(3);
  for (const name of setNames) {
    useHtmlModel(train(all.filter((p) => p.set !== name)));
    console.log(`trained on the other sets, scored on ${name}: ${f(score(sets[name]))}`);
  }
  const FOLDS = 5;
  for (const name of setNames) {
    // Folds in a fixed order of the page ids; each fold's pages are scored by a model trained without them.
    let weighted = 0;
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = sets[name].filter((_, i) => i % FOLDS === fold);
      useHtmlModel(train(all.filter((p) => !held.includes(p))));
      weighted += score(held) * held.length;
    }
    console.log(`${FOLDS}-fold within ${name} (other sets always in training), mean of fold scores: ${f(weighted / sets[name].length)}`);
  }
  // Folds of whole sites: each held fold's sites are left out of training in every set, so no site's template
  // teaches its own pages. Sites go to folds in a fixed order, each to the fold with the fewest pages so far.
  const sites = [...new Set(all.map((p) => p.site))].sort();
  const foldOfSite = new Map();
  const foldPages = new Array(FOLDS).fill(0);
  const pagesOf = new Map();
  for (const p of all) pagesOf.set(p.site, (pagesOf.get(p.site) ?? 0) + 1);
  for (const site of sites.sort((a, b) => pagesOf.get(b) - pagesOf.get(a) || (a < b ? -1 : 1))) {
    const fold = foldPages.indexOf(Math.min(...foldPages));
    foldOfSite.set(site, fold);
    foldPages[fold] += pagesOf.get(site);
  }
  const weighted = Object.fromEntries(setNames.map((name) => [name, 0]));
  for (let fold = 0; fold < FOLDS; fold++) {
    useHtmlModel(train(all.filter((p) => foldOfSite.get(p.site) !== fold)));
    for (const name of setNames) {
      const held = sets[name].filter((p) => foldOfSite.get(p.site) === fold);
      if (held.length) weighted[name] += score(held) * held.length;
    }
  }
  const shared = sites.filter((site) => pagesOf.get(site) > 1).length;
  for (const name of setNames) {
    console.log(`${FOLDS}-fold by site (${sites.length} sites, ${shared} with several pages) on ${name}, mean of fold scores: ${f(weighted[name] / sets[name].length)}`);
  }
  const model = train(all);
  useHtmlModel(model);
  for (const name of setNames) console.log(`trained on all, scored on ${name}: ${f(score(sets[name]))}`);
}

const model = train(all);
fs.writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.error(`wrote ${out}: ${FEATURES.map((name, j) => `${name} ${model.weights[j]}`).join(', ')}; bias ${model.bias}`);
