// Trains the NER tagger's averaged perceptron on CoNLL-2003 text (seeded shuffling, so runs are reproducible) and scores it on a dev set.
import { gzipSync } from 'node:zlib';
import { createTagger, MODEL_FORMAT, type ModelFile, type ModelWeights, type Tagger } from './tagger.js';
import {
  BilouViterbi, documentContext, ENTITY_TYPES, HISTORY_FEATURES, historyKeys, labelHistoryKey, NUM_TAGS, packPairs, PAIRS, recordLabels, SentenceFeatures, STATIC_FEATURES, tagId,
  type DocumentContext,
} from './tagger-features.js';
import type { Token } from './tokenize.js';

/** A CoNLL document: sentences of tokens with gold entity spans (type = index into ENTITY_TYPES). */
export interface ConllDoc {
  sentences: { tokens: Token[]; spans: { start: number; end: number; type: number }[] }[];
}

/** Parses CoNLL-2003 text (`token POS chunk NER`, IOB1 or IOB2), keeping only the token and NER columns. */
export function readConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length) doc.sentences.push({ tokens: conllTokens(words), spans: iobSpans(tags) });
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
    } else if (cols[0] === '') flush();
    else {
      words.push(cols[0]);
      tags.push(cols[cols.length - 1]);
    }
  }
  flush();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

/** Tokens for pre-tokenised words, with offsets as if joined by single spaces. */
export function conllTokens(words: string[]): Token[] {
  let start = 0;
  return words.map((text) => {
    const token = { text, start, end: start + text.length };
    start = token.end + 1;
    return token;
  });
}

/** Entity spans from IOB1/IOB2 tags (conlleval chunk rules); types outside ENTITY_TYPES are ignored. */
function iobSpans(tags: string[]): { start: number; end: number; type: number }[] {
  const spans: { start: number; end: number; type: number }[] = [];
  let open: { start: number; end: number; type: number } | undefined;
  tags.forEach((tag, i) => {
    const [prefix, name] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    if (open && (prefix !== 'I' || ENTITY_TYPES[open.type] !== name)) {
      spans.push(open);
      open = undefined;
    }
    const type = (ENTITY_TYPES as readonly string[]).indexOf(name);
    if (prefix !== 'O' && type >= 0) {
      if (open) open.end = i + 1;
      else open = { start: i, end: i + 1, type };
    }
  });
  if (open) spans.push(open);
  return spans;
}

function bilou(n: number, spans: { start: number; end: number; type: number }[]): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = tagId(s.type, 3);
    else {
      tags[s.start] = tagId(s.type, 0);
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagId(s.type, 1);
      tags[s.end - 1] = tagId(s.type, 2);
    }
  }
  return tags;
}

export interface TrainOptions {
  epochs: number;
  seed?: number;
  /** Weight rows whose largest quantised weight is below this are dropped from the saved model. */
  prune?: number;
  dev?: ConllDoc[];
  /** Called after every epoch, with the dev scores when `dev` is given. */
  onEpoch?: (epoch: number, seconds: number, dev?: Scores) => void;
}

/** A training sentence: weight rows of its static features (STATIC_FEATURES per token, -1 = unseen), word and shape hashes, gold tags. */
interface Example {
  tokens: Token[];
  rows: Int32Array;
  words: Int32Array;
  shapes: Int32Array;
  gold: Uint8Array;
}

/** A training document: its sentences in order (a fresh context, with an empty label history, is made from `tokens` every epoch). */
interface DocExamples {
  sentences: Example[];
  tokens: Token[][];
}

/** Perceptron weights by feature key, with running sums for averaging (avg = w - u / step). */
class Weights {
  readonly ids = new Map<number, number>();
  readonly keys: number[] = [];
  w = new Float64Array(1 << 20);
  u = new Float64Array(1 << 20);

  /** Row of `key`, created when `create` is set (else -1 when unseen). */
  row(key: number, create: boolean): number {
    const id = this.ids.get(key);
    if (id !== undefined || !create) return id ?? -1;
    this.ids.set(key, this.keys.length);
    this.keys.push(key);
    if (this.keys.length * NUM_TAGS > this.w.length) {
      const w = new Float64Array(this.w.length * 2);
      const u = new Float64Array(this.u.length * 2);
      w.set(this.w);
      u.set(this.u);
      this.w = w;
      this.u = u;
    }
    return this.keys.length - 1;
  }

  /** Adds the weights of `row` (none when -1) to the NUM_TAGS scores at `at`. */
  add(row: number, scores: Float64Array, at: number): void {
    if (row < 0) return;
    for (let t = 0, o = row * NUM_TAGS; t < NUM_TAGS; t++, o++) scores[at + t] += this.w[o];
  }

  /** Adds `delta` to the weight of `tag` in the row of `key` (made if unseen). */
  update(key: number, tag: number, delta: number, step: number): void {
    const o = this.row(key, true) * NUM_TAGS + tag;
    this.w[o] += delta;
    this.u[o] += delta * step;
  }
}

/**
 * Structured perceptron (Collins 2002): each sentence is decoded with Viterbi as at inference, and where the best
 * path differs from the gold one, the features of the gold path gain and those of the predicted path lose.
 */
export function trainTagger(train: ConllDoc[], options: TrainOptions): ModelFile {
  const weights = new Weights();
  const docs = featurise(train, weights);
  const viterbi = new BilouViterbi();
  const pairs = new Float64Array(NUM_TAGS * NUM_TAGS);
  const packed = new Float64Array(PAIRS);
  const history = new Int32Array(HISTORY_FEATURES);
  let scores = new Float64Array(64 * NUM_TAGS);
  let labelKeys = new Int32Array(64);
  let guesses = new Uint8Array(64);
  const features = new SentenceFeatures();
  const random = mulberry32(options.seed ?? 1);
  const order = docs.map((_, i) => i);
  let step = 1;
  let model: ModelWeights = { keys: new Int32Array(0), weights: new Int16Array(0) };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const t0 = performance.now();
    shuffle(order, random);
    for (const index of order) {
      const context = documentContext(docs[index].tokens);
      for (const example of docs[index].sentences) step = trainSentence(example, context, step);
    }
    model = quantise(Int32Array.from(weights.keys), weights.w, weights.u, step, options.prune ?? 1);
    const seconds = (performance.now() - t0) / 1000;
    options.onEpoch?.(epoch, seconds, options.dev ? evaluate(createTagger(model), options.dev) : undefined);
  }
  return encodeModel(model);

  /** Decodes one sentence, updating the weights where it errs; returns the step count after it. */
  function trainSentence({ tokens, rows, words, shapes, gold }: Example, context: DocumentContext, step: number): number {
    const n = gold.length;
    if (guesses.length < n) {
      guesses = new Uint8Array(n * 2);
      labelKeys = new Int32Array(n * 2);
      scores = new Float64Array(n * 2 * NUM_TAGS);
    }
    scores.fill(0, 0, n * NUM_TAGS);
    for (let i = 0; i < n; i++) {
      for (let f = i * STATIC_FEATURES; f < (i + 1) * STATIC_FEATURES; f++) weights.add(rows[f], scores, i * NUM_TAGS);
      labelKeys[i] = labelHistoryKey(context, words[i]);
      weights.add(weights.row(labelKeys[i], false), scores, i * NUM_TAGS);
    }
    viterbi.start();
    for (let i = 0; i < n; i++) {
      pairs.fill(0);
      for (let prev = 0; prev < NUM_TAGS; prev++) {
        if (!viterbi.reachable(prev)) continue;
        historyKeys(words[i], shapes[i], prev, history);
        for (const key of history) weights.add(weights.row(key, false), pairs, prev * NUM_TAGS);
      }
      packPairs(pairs, packed, 0);
      viterbi.push(scores, i * NUM_TAGS, packed, 0);
    }
    viterbi.decode(guesses);
    for (let i = 0; i < n; i++) {
      const truth = gold[i];
      const guess = guesses[i];
      const truthBefore = i > 0 ? gold[i - 1] : 0;
      const guessBefore = i > 0 ? guesses[i - 1] : 0;
      if (truth === guess && truthBefore === guessBefore) continue;
      if (truth !== guess) {
        for (let f = i * STATIC_FEATURES; f < (i + 1) * STATIC_FEATURES; f++) {
          if (rows[f] < 0) continue;
          const key = weights.keys[rows[f]];
          weights.update(key, truth, 1, step);
          weights.update(key, guess, -1, step);
        }
        weights.update(labelKeys[i], truth, 1, step);
        weights.update(labelKeys[i], guess, -1, step);
      }
      historyKeys(words[i], shapes[i], truthBefore, history);
      for (const key of history) weights.update(key, truth, 1, step);
      historyKeys(words[i], shapes[i], guessBefore, history);
      for (const key of history) weights.update(key, guess, -1, step);
    }
    features.read(tokens, context);
    recordLabels(context, features, guesses, n);
    return step + n;
  }
}

/** Static feature rows of every training sentence, by document (a row for every key seen). */
function featurise(docs: ConllDoc[], weights: Weights): DocExamples[] {
  const features = new SentenceFeatures();
  return docs.map((doc) => {
    const examples: Example[] = [];
    const sentences = doc.sentences.map((s) => s.tokens);
    const context = documentContext(sentences);
    for (const { tokens, spans } of doc.sentences) {
      const n = tokens.length;
      features.compute(tokens, context);
      const rows = Int32Array.from(features.keys.subarray(0, n * STATIC_FEATURES), (k) => weights.row(k, true));
      const words = Int32Array.from({ length: n }, (_, i) => features.word(i));
      const shapes = Int32Array.from({ length: n }, (_, i) => features.shortShape(i));
      examples.push({ tokens, rows, words, shapes, gold: bilou(n, spans) });
    }
    return { sentences: examples, tokens: sentences };
  });
}

/** Averaged weights rounded to int16 (scaled so the largest is 32767), keeping rows with some weight >= `prune`, sorted by key. */
function quantise(keys: Int32Array, w: Float64Array, u: Float64Array, step: number, prune: number): ModelWeights {
  const avg = new Float64Array(keys.length * NUM_TAGS);
  let max = 0;
  for (let i = 0; i < avg.length; i++) {
    avg[i] = w[i] - u[i] / step;
    max = Math.max(max, Math.abs(avg[i]));
  }
  const scale = max > 0 ? 32767 / max : 1;
  const kept: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let big = 0;
    for (let t = 0; t < NUM_TAGS; t++) big = Math.max(big, Math.abs(Math.round(avg[r * NUM_TAGS + t] * scale)));
    if (big >= prune) kept.push(r);
  }
  kept.sort((a, b) => (keys[a] >>> 0) - (keys[b] >>> 0));
  const weights = new Int16Array(kept.length * NUM_TAGS);
  kept.forEach((r, j) => {
    for (let t = 0; t < NUM_TAGS; t++) weights[j * NUM_TAGS + t] = Math.round(avg[r * NUM_TAGS + t] * scale);
  });
  return { keys: Int32Array.from(kept, (r) => keys[r]), weights };
}

/** The model file: varint deltas of the sorted keys, then the int16 weights, gzipped and base64-encoded. */
export function encodeModel(model: ModelWeights): ModelFile {
  const bytes: number[] = [];
  let last = 0;
  for (const key of model.keys) {
    const k = key >>> 0;
    let v = k - last;
    last = k;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  const weights = new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
  const body = gzipSync(Buffer.concat([Uint8Array.from(bytes), weights]), { level: 9 });
  return { format: MODEL_FORMAT, rows: model.keys.length, model: body.toString('base64') };
}

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
}

/** Exact-span scores per type and micro-averaged over PER, ORG and LOC (MISC is not scored). */
export interface Scores {
  micro: TypeScore;
  types: Record<string, TypeScore>;
}

const SCORED = ['PER', 'ORG', 'LOC'];

export function evaluate(tagger: Tagger, docs: ConllDoc[]): Scores {
  const counts = new Map(SCORED.map((t) => [t, { tp: 0, gold: 0, predicted: 0 }]));
  for (const doc of docs) {
    const context = documentContext(doc.sentences.map((s) => s.tokens));
    for (const { tokens, spans } of doc.sentences) {
      const gold = new Set(spans.map((s) => `${s.start}:${s.end}:${ENTITY_TYPES[s.type]}`));
      for (const s of spans) {
        const c = counts.get(ENTITY_TYPES[s.type]);
        if (c) c.gold++;
      }
      for (const s of tagger.tagSentence(tokens, context)) {
        const c = counts.get(s.type);
        if (!c) continue;
        c.predicted++;
        if (gold.has(`${s.start}:${s.end}:${s.type}`)) c.tp++;
      }
    }
  }
  const score = (tp: number, gold: number, predicted: number): TypeScore => {
    const precision = predicted ? tp / predicted : 0;
    const recall = gold ? tp / gold : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted };
  };
  const all = [...counts.values()];
  const sum = (f: (c: { tp: number; gold: number; predicted: number }) => number) => all.reduce((a, c) => a + f(c), 0);
  return {
    micro: score(sum((c) => c.tp), sum((c) => c.gold), sum((c) => c.predicted)),
    types: Object.fromEntries([...counts].map(([t, c]) => [t, score(c.tp, c.gold, c.predicted)])),
  };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

/**
 * The mean of the weights of models trained in different orders (parameter mixing, McDonald et al. 2010): one
 * run's weights depend on its shuffling; their mean does less. A key a model lacks weighs 0 there; rows whose
 * largest mean weight is below `prune` are dropped.
 */
export function mixModels(models: ModelWeights[], prune = 1): ModelWeights {
  const sums = new Map<number, Float64Array>();
  for (const { keys, weights } of models) {
    keys.forEach((key, r) => {
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = new Float64Array(NUM_TAGS)));
      for (let t = 0; t < NUM_TAGS; t++) sum[t] += weights[r * NUM_TAGS + t];
    });
  }
  const kept = [...sums].filter(([, sum]) => sum.some((w) => Math.abs(Math.round(w / models.length)) >= prune)).sort((a, b) => (a[0] >>> 0) - (b[0] >>> 0));
  const weights = new Int16Array(kept.length * NUM_TAGS);
  kept.forEach(([, sum], j) => {
    for (let t = 0; t < NUM_TAGS; t++) weights[j * NUM_TAGS + t] = Math.round(sum[t] / models.length);
  });
  return { keys: Int32Array.from(kept, ([key]) => key), weights };
}
