#!/usr/bin/env node
// Trains the statistical NER tagger on CoNLL-2003 English and writes the shipped model.
//
//   npx tsc -p tsconfig.json
//   node scripts/train-tagger.mjs --train PATH/eng.train[,MORE.conll] [--dev PATH/eng.testa] [--epochs N] [--seeds S1,S2,..] [--prune P] --out data/ner-model.json
//
// --train takes comma-separated files; only the token and NER columns are used. With --dev, prints exact-span
// PER/ORG/LOC micro F1 on it after every epoch. With several --seeds, one model is trained per seed (shuffling
// the documents differently) and the shipped weights are their mean (mixModels), which depends less on one
// order. Settings are chosen with --train eng.train --dev eng.testa; the shipped model is then trained on both
// with them: --train eng.train,eng.testa --epochs 13 --seeds 1,2,3 --prune 800, which rewrites data/ner-model.json
// byte for byte (its dev figure is no longer a measure).
// --prune P drops weight rows whose largest int16 weight (of the mean, with several seeds) is below P (default 1)
// to keep the model small and fast.
// Deterministic for given seeds.
import fs from 'node:fs';
import { decodeModel, createTagger } from '../dist/src/ner/tagger.js';
import { encodeModel, evaluate, mixModels, readConll, trainTagger } from '../dist/src/ner/train-tagger.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const trainPath = opt('--train');
const out = opt('--out');
if (!trainPath || !out) {
  console.error('usage: node scripts/train-tagger.mjs --train eng.train [--dev eng.testa] [--epochs N] [--seeds S1,S2,..] [--prune P] --out data/ner-model.json');
  process.exit(2);
}
const devPath = opt('--dev');
const t0 = performance.now();
const train = trainPath.split(',').flatMap((file) => readConll(fs.readFileSync(file, 'utf8')));
const dev = devPath ? readConll(fs.readFileSync(devPath, 'utf8')) : undefined;
const pct = (x) => (100 * x).toFixed(2).padStart(6);
const printScores = (scores) => {
  const types = Object.entries(scores.types).map(([t, s]) => `${t} ${pct(s.f1)}`).join('  ');
  return `dev F1 ${pct(scores.micro.f1)}  (P ${pct(scores.micro.precision)} R ${pct(scores.micro.recall)})  ${types}`;
};
const seeds = opt('--seeds', '1').split(',').map(Number);
const models = seeds.map((seed) => {
  console.log(`seed ${seed}`);
  return decodeModel(trainTagger(train, {
    epochs: Number(opt('--epochs', '13')),
    seed,
    // With several seeds, the mean is pruned, not each model.
    prune: seeds.length > 1 ? 1 : Number(opt('--prune', '1')),
    dev,
    onEpoch(epoch, seconds, scores) {
      console.log(`epoch ${String(epoch).padStart(2)}  ${seconds.toFixed(1)}s${scores ? `  ${printScores(scores)}` : ''}`);
    },
  }));
});
const mixed = models.length > 1 ? mixModels(models, Number(opt('--prune', '1'))) : models[0];
if (dev && models.length > 1) console.log(`mean of ${models.length} models: ${printScores(evaluate(createTagger(mixed), dev))}`);
const model = encodeModel(mixed);
fs.writeFileSync(out, JSON.stringify(model));
console.log(`wrote ${out}: ${model.rows} feature rows, ${(fs.statSync(out).size / 1e6).toFixed(2)} MB, ${((performance.now() - t0) / 1000).toFixed(0)} s total`);
