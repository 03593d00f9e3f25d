// Statistical named-entity tagger: an averaged perceptron over hashed word features, decoded greedily left to right with BILOU constraints.
import { gunzipSync } from 'node:zlib';
import { loadData } from '../data.js';
import { ALLOWED, CACHED_GROUPS, ENTITY_TYPES, HISTORY_FEATURES, historyKeys, MAY_END, NUM_TAGS, SentenceFeatures, STATIC_FEATURES, spansOf, documentContext, type DocumentContext } from './tagger-features.js';
import type { Token } from './tokenize.js';

export { documentContext, type DocumentContext };

export type TagType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** Token indices within the sentence, end exclusive. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: TagType;
}

export interface Tagger {
  /** Entity spans in one sentence; `doc` (from documentContext over the whole document) lends casing evidence from other sentences. */
  tagSentence(tokens: Token[], doc?: DocumentContext): TaggedSpan[];
}

/** The shipped model file in data/: JSON holding the base64 of the gzipped binary weights. */
export const MODEL_FILE = 'ner-model.json';
export const MODEL_FORMAT = 'mine-ner-perceptron/1';

export interface ModelFile {
  format: string;
  rows: number;
  /** base64(gzip(varint deltas of the sorted feature keys, then rows * NUM_TAGS little-endian int16 weights)). */
  model: string;
}

/** Feature keys (sorted as unsigned) and their weight rows (NUM_TAGS int16 each). */
export interface ModelWeights {
  keys: Int32Array;
  weights: Int16Array;
}

let cached: Tagger | undefined;

/** Loads the shipped model once (cached). */
export function loadTagger(): Tagger {
  cached ??= createTagger(decodeModel(loadData<ModelFile>(MODEL_FILE)));
  return cached;
}

export function decodeModel(file: ModelFile): ModelWeights {
  if (file.format !== MODEL_FORMAT) throw new Error(`unsupported NER model format: ${file.format}`);
  const bytes = gunzipSync(Buffer.from(file.model, 'base64'));
  const keys = new Int32Array(file.rows);
  let p = 0;
  let last = 0;
  for (let r = 0; r < file.rows; r++) {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    last += v;
    keys[r] = last | 0;
  }
  const weights = new Int16Array(file.rows * NUM_TAGS);
  new Uint8Array(weights.buffer).set(bytes.subarray(p, p + weights.byteLength));
  return { keys, weights };
}

/** A tagger over in-memory weights (the shipped model, or one being trained). */
export function createTagger(model: ModelWeights): Tagger {
  return new PerceptronTagger(model);
}

const CACHE_SIZE = 1 << 13;

class PerceptronTagger implements Tagger {
  /** Open-addressing table of (key, offset of the key's row in `weights`) pairs; key 0 = empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** NUM_TAGS weights per model row. */
  private readonly weights: Int16Array;
  private readonly features = new SentenceFeatures();
  private readonly history = new Int32Array(HISTORY_FEATURES);
  /** NUM_TAGS scores per token of the current sentence. */
  private scores = new Int32Array(64 * NUM_TAGS);
  private tags = new Uint8Array(64);
  /** 1 for the tokens of the current sentence that are scored (see markMayBeInName), 0 for those left O. */
  private inName = new Uint8Array(64);
  /** Direct-mapped cache of the summed weights of feature groups (CACHED_GROUPS), by two 32-bit hashes of their keys. */
  private readonly cacheKeys = new Int32Array(CACHE_SIZE * 2);
  private readonly cacheScores = new Int32Array(CACHE_SIZE * NUM_TAGS);

  constructor(model: ModelWeights) {
    let size = 1;
    while (size < model.keys.length * 1.5) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    this.weights = model.weights;
    for (let r = 0; r < model.keys.length; r++) {
      let s = model.keys[r] & this.mask;
      while (this.table[s * 2] !== 0) s = (s + 1) & this.mask;
      this.table[s * 2] = model.keys[r];
      this.table[s * 2 + 1] = r * NUM_TAGS;
    }
  }

  tagSentence(tokens: Token[], doc?: DocumentContext): TaggedSpan[] {
    const n = tokens.length;
    if (n === 0) return [];
    if (this.tags.length < n) {
      this.tags = new Uint8Array(n * 2);
      this.inName = new Uint8Array(n * 2);
      this.scores = new Int32Array(n * 2 * NUM_TAGS);
    }
    const { features, history, scores, tags, inName } = this;
    features.read(tokens, doc ?? documentContext([tokens]));
    markMayBeInName(tokens, features, inName);
    // Tag-independent scores of the tokens that may be in a name first; greedy decoding then adds the history features.
    const keys = features.keys;
    for (let i = 0; i < n; i++) {
      if (inName[i] === 0) continue;
      features.writeKeys(i);
      scores.fill(0, i * NUM_TAGS, (i + 1) * NUM_TAGS);
      const o = i * STATIC_FEATURES;
      let f = o;
      for (const end of CACHED_GROUPS) {
        this.addGroup(keys, f, o + end, i * NUM_TAGS);
        f = o + end;
      }
      for (; f < o + STATIC_FEATURES; f++) this.add(keys[f], i * NUM_TAGS);
    }
    // The other tokens are O, so a name must end before them as it must at the end of the sentence.
    let prev1 = 0;
    let prev2 = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      if (inName[i] !== 0) {
        const o = i * NUM_TAGS;
        historyKeys(features.word(i), features.shortShape(i), prev1, prev2, history);
        for (let f = 0; f < HISTORY_FEATURES; f++) this.add(history[f], o);
        const mustEnd = i === n - 1 || inName[i + 1] === 0;
        const base = prev1 * NUM_TAGS;
        best = -1;
        let bestScore = 0;
        for (let t = 0; t < NUM_TAGS; t++) {
          if (ALLOWED[base + t] === 0 || (mustEnd && MAY_END[t] === 0)) continue;
          if (best < 0 || scores[o + t] > bestScore) {
            best = t;
            bestScore = scores[o + t];
          }
        }
      }
      tags[i] = best;
      prev2 = prev1;
      prev1 = best;
    }
    return spansOf(tags, n).map((s) => ({ start: s.start, end: s.end, type: ENTITY_TYPES[s.type] }));
  }

  /** Adds the summed weights of the features keys[from .. to) to the scores at `o`, through the cache. */
  private addGroup(keys: Int32Array, from: number, to: number, o: number): void {
    let h1 = 0x2545f491;
    let h2 = 0x61c88647;
    for (let f = from; f < to; f++) {
      h1 = Math.imul(h1 ^ keys[f], 0x9e3779b1);
      h1 ^= h1 >>> 15;
      h2 = Math.imul(h2 + keys[f], 0x85ebca6b);
      h2 ^= h2 >>> 13;
    }
    const { cacheKeys, cacheScores, scores } = this;
    const slot = h1 & (CACHE_SIZE - 1);
    if (cacheKeys[slot * 2] !== h1 || cacheKeys[slot * 2 + 1] !== h2) {
      cacheKeys[slot * 2] = h1;
      cacheKeys[slot * 2 + 1] = h2;
      cacheScores.fill(0, slot * NUM_TAGS, (slot + 1) * NUM_TAGS);
      for (let f = from; f < to; f++) this.add(keys[f], slot * NUM_TAGS, cacheScores);
    }
    for (let t = 0, c = slot * NUM_TAGS; t < NUM_TAGS; t++) scores[o + t] += cacheScores[c + t];
  }

  /** Adds the weights of feature `key` to `scores` (by default the sentence's) at offset `o`. */
  private add(key: number, o: number, scores = this.scores): void {
    const { table, mask } = this;
    let s = (key & mask) * 2;
    for (let k = table[s]; k !== key; k = table[s]) {
      if (k === 0) return;
      s = (s + 2) & (mask * 2 + 1);
    }
    const weights = this.weights;
    for (let t = 0, w = table[s + 1]; t < NUM_TAGS; t++) scores[o + t] += weights[w + t];
  }
}

/**
 * Marks the tokens that may be part of a name; the tagger scores only those and leaves the rest O
 * (it almost never tags others, and they are most of the text): tokens with a capital letter, numbers
 * and a possessive right after one ("Euro 96", "Lord 's"), and any token with a capitalised token at
 * most two away on both sides ("Bank of China", "Lula da Silva").
 */
function markMayBeInName(tokens: Token[], features: SentenceFeatures, out: Uint8Array): void {
  const n = tokens.length;
  const capitalised = (i: number) => i >= 0 && i < n && features.capitalised(i);
  for (let i = 0; i < n; i++) {
    const mayBe = capitalised(i)
      || (capitalised(i - 1) && NUMBER_OR_POSSESSIVE.test(tokens[i].text))
      || ((capitalised(i - 1) || capitalised(i - 2)) && (capitalised(i + 1) || capitalised(i + 2)));
    out[i] = mayBe ? 1 : 0;
  }
}

const NUMBER_OR_POSSESSIVE = /^(?:\p{N}|['’][sS]$)/u;
