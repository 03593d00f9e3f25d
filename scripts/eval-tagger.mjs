#!/usr/bin/env node
// Tags a CoNLL-2003 file (default: the dev set, eng.testa) with the shipped NER model and prints score.mjs's table.
//
//   npx tsc -p tsconfig.json
//   node scripts/eval-tagger.mjs [--gold PATH/eng.testa] [--scorer PATH/score.mjs] [--errors N]
//
// Documents and token offsets come from `score.mjs --export-docs`, so predictions index tokens exactly as the
// scorer does. Also reports model load time and tagging speed (tokens/s, one core, after loading).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { conllTokens } from '../dist/src/ner/train-tagger.js';
import { documentContext, loadTagger } from '../dist/src/ner/tagger.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const gold = opt('--gold', '/work/shared/bench/ner/eng.testa');
const scorer = opt('--scorer', path.join(path.dirname(gold), 'score.mjs'));
const errors = opt('--errors');

const docs = execFileSync('node', [scorer, '--export-docs', gold], { encoding: 'utf8', maxBuffer: 1 << 28 })
  .split('\n').filter(Boolean).map((line) => JSON.parse(line));
const t0 = performance.now();
const tagger = loadTagger();
const loadMs = performance.now() - t0;

const input = docs.map((d) => d.sentences.map(([s, e]) => ({ offset: s, tokens: conllTokens(d.tokens.slice(s, e)) })));
const tagAll = () => input.map((sentences) => {
  const context = documentContext(sentences.map((s) => s.tokens));
  return sentences.map((s) => tagger.tagSentence(s.tokens, context));
});
const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
let tagged = tagAll();
const rounds = 5;
const t1 = performance.now();
for (let r = 0; r < rounds; r++) tagged = tagAll();
const seconds = (performance.now() - t1) / 1000;

const lines = [];
tagged.forEach((sentences, doc) => sentences.forEach((spans, k) => {
  for (const s of spans) lines.push(JSON.stringify({ doc, start: input[doc][k].offset + s.start, end: input[doc][k].offset + s.end, type: s.type }));
}));
const pred = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ner-eval-')), 'pred.jsonl');
fs.writeFileSync(pred, lines.join('\n') + '\n');
process.stdout.write(execFileSync('node', [scorer, gold, pred, ...(errors ? ['--errors', errors] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 }));
console.log(`model load ${loadMs.toFixed(0)} ms; tagging ${Math.round((tokens * rounds) / seconds).toLocaleString('en')} tokens/s (${tokens} tokens x ${rounds}, document context included)`);
fs.rmSync(path.dirname(pred), { recursive: true });
