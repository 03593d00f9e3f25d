// Statistical named-entity tagger: an averaged perceptron over hashed word features, decoded with Viterbi over valid BILOU sequences.
import { gunzipSync } from 'node:zlib';
import { loadData } from '../data.js';
import {
  BilouViterbi, CACHED_GROUPS, documentContext, ENTITY_TYPES, GROUP_ENDS, groupKeys, HISTORY_FEATURES, historyKeys, NUM_TAGS,
  packPairs, PAIRS, recordLabels, SentenceFeatures, spansOf, TAG_HISTORY_FEATURES, wordHistoryKeys, type DocumentContext,
} from './tagger-features.js';
import { hasBit, setBit } from '../text/bits.js';
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
  /**
   * Entity spans in one sentence; `doc` (from documentContext over the whole document) lends casing evidence from
   * other sentences and remembers the labels given so far: tag a document's sentences once each, in order.
   */
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

/** A tagger over in-memory weights (the shipped model, or one being trained), which it reads in place: keep them unchanged. */
export function createTagger(model: ModelWeights): Tagger {
  return new PerceptronTagger(model);
}

/** Adds the NUM_TAGS numbers of `row` from `from` to those of `scores` from `at`. */
type AddRow<Row> = (scores: Int32Array, at: number, row: Row, from: number) => void;

/**
 * An AddRow with its loop unrolled (one statement a tag), written out once the tag count is known: the tagger spends
 * much of its time adding weight rows, and unrolled it takes some 15% less time. Each caller gets its own, so that
 * each reads one kind of array.
 */
function unrolledAddRow<Row>(): AddRow<Row> {
  const body = Array.from({ length: NUM_TAGS }, (_, t) => `scores[at + ${t}] += row[from + ${t}];`).join('\n');
  return new Function('scores', 'at', 'row', 'from', body) as AddRow<Row>;
}

const addWeights = unrolledAddRow<Int16Array>();
const addCached = unrolledAddRow<Int32Array>();

const CACHE_SIZE = 1 << 14;
const CACHE_INTS = 2 + NUM_TAGS;
const HISTORY_CACHE_SIZE = 1 << 11;
/** About half the features looked up are not in the model; a 64 KB bitmap rules out most of those. */
const PRESENT_BITS = 19;

class PerceptronTagger implements Tagger {
  /**
   * Open-addressing table of the model's keys, two int32 a slot: the key (0 = empty), then where its weights start in
   * `weights`. Weights beside each key (a 5 MB table instead of 1 MB) looked up no faster, and cost 10 ms more to build.
   */
  private readonly slots: Int32Array;
  /** The model's weights, NUM_TAGS a row. */
  private readonly weights: Int16Array;
  private readonly mask: number;
  /** A bit per value of a key's top PRESENT_BITS bits, set for the model's keys: most keys it lacks skip the table. */
  private readonly present = new Int32Array(1 << (PRESENT_BITS - 5));
  private readonly features = new SentenceFeatures();
  /** The keys of one feature group, or the history keys, of one token. */
  private readonly keys = new Int32Array(Math.max(...GROUP_ENDS.map((end, g) => end - (g > 0 ? GROUP_ENDS[g - 1] : 0)), HISTORY_FEATURES));
  /** Summed weights of the history features that depend on the previous tag alone (transition scores), by previous tag. */
  private readonly transitions = new Int32Array(NUM_TAGS * NUM_TAGS);
  private readonly viterbi = new BilouViterbi();
  /** Cached history scores (see wordHistory): word and shape hash, 1 once filled, the PAIRS scores packed (packPairs). */
  private readonly historyWords = new Int32Array(HISTORY_CACHE_SIZE * 2);
  private readonly historyFilled = new Uint8Array(HISTORY_CACHE_SIZE);
  private readonly historyScores = new Int32Array(HISTORY_CACHE_SIZE * PAIRS);
  /** One token's history scores by (previous tag, tag), before packing. */
  private readonly pairScores = new Int32Array(NUM_TAGS * NUM_TAGS);
  /** NUM_TAGS scores per token of the current sentence. */
  private scores = new Int32Array(64 * NUM_TAGS);
  private tags = new Uint8Array(64);
  /** 1 for the tokens of the current sentence that are scored (see markMayBeInName), 0 for those left O. */
  private inName = new Uint8Array(64);
  /**
   * Direct-mapped cache of the summed weights of feature groups (CACHED_GROUPS), by two 32-bit hashes of their values:
   * CACHE_INTS a slot, the two hashes then the NUM_TAGS sums (side by side: one place in memory a lookup).
   */
  private readonly cache = new Int32Array(CACHE_SIZE * CACHE_INTS);

  constructor(model: ModelWeights) {
    let size = 1;
    while (size < model.keys.length * 1.5) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.weights = model.weights;
    this.mask = size - 1;
    for (let r = 0; r < model.keys.length; r++) {
      let s = model.keys[r] & this.mask;
      while (this.slots[s * 2] !== 0) s = (s + 1) & this.mask;
      this.slots[s * 2] = model.keys[r];
      this.slots[s * 2 + 1] = r * NUM_TAGS;
      const bit = model.keys[r] >>> (32 - PRESENT_BITS);
      setBit(this.present, bit);
    }
    for (let prev = 0; prev < NUM_TAGS; prev++) {
      historyKeys(0, 0, prev, this.keys);
      for (let f = 0; f < TAG_HISTORY_FEATURES; f++) this.add(this.keys[f], prev * NUM_TAGS, this.transitions);
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
    const { features, keys, scores, tags, inName } = this;
    const context = doc ?? documentContext([tokens]);
    features.read(tokens, context);
    markMayBeInName(tokens, features, inName);
    // Tag-independent scores of the tokens that may be in a name first; decoding then adds the history features.
    const uncached = GROUP_ENDS[CACHED_GROUPS] - GROUP_ENDS[CACHED_GROUPS - 1];
    for (let i = 0; i < n; i++) {
      if (inName[i] === 0) continue;
      const o = i * NUM_TAGS;
      scores.fill(0, o, o + NUM_TAGS);
      for (let g = 0; g < CACHED_GROUPS; g++) this.addGroup(g, features.groupValues(i, g), o);
      features.groupValues(i, CACHED_GROUPS);
      groupKeys(CACHED_GROUPS, features.values, keys, 0);
      for (let f = 0; f < uncached; f++) this.add(keys[f], o);
      this.add(features.labelHistoryKey(i), o);
    }
    // The other tokens are O, so a name must end before them.
    const { viterbi } = this;
    viterbi.start();
    for (let i = 0; i < n; i++) {
      if (inName[i] === 0) {
        viterbi.pushO();
        continue;
      }
      const slot = this.wordHistory(features.word(i), features.shortShape(i));
      viterbi.push(scores, i * NUM_TAGS, this.historyScores, slot * PAIRS);
    }
    viterbi.decode(tags);
    recordLabels(context, features, tags, n);
    return spansOf(tags, n).map((s) => ({ start: s.start, end: s.end, type: ENTITY_TYPES[s.type] }));
  }

  /**
   * The cache slot holding the history scores (transition and word-history) of a token with this word and shape
   * hash for every (previous tag, tag): words recur.
   */
  private wordHistory(word: number, shape: number): number {
    const slot = (Math.imul(word ^ Math.imul(shape, 0x27d4eb2f), 0x9e3779b1) >>> 0) % HISTORY_CACHE_SIZE;
    const { historyWords, historyFilled, pairScores, keys } = this;
    if (historyFilled[slot] === 1 && historyWords[slot * 2] === word && historyWords[slot * 2 + 1] === shape) return slot;
    historyFilled[slot] = 1;
    historyWords[slot * 2] = word;
    historyWords[slot * 2 + 1] = shape;
    pairScores.set(this.transitions);
    for (let prev = 0; prev < NUM_TAGS; prev++) {
      wordHistoryKeys(word, shape, prev, keys);
      for (let f = TAG_HISTORY_FEATURES; f < HISTORY_FEATURES; f++) this.add(keys[f], prev * NUM_TAGS, pairScores);
    }
    packPairs(pairScores, this.historyScores, slot * PAIRS);
    return slot;
  }

  /** Adds the summed weights of feature group g, whose `count` values the features hold, to the scores at `o`, through the cache. */
  private addGroup(g: number, count: number, o: number): void {
    const values = this.features.values;
    let h1 = 0x2545f491 ^ g;
    let h2 = 0x61c88647 + g;
    for (let v = 0; v < count; v++) {
      h1 = Math.imul(h1 ^ values[v], 0x9e3779b1);
      h1 ^= h1 >>> 15;
      h2 = Math.imul(h2 + values[v], 0x85ebca6b);
      h2 ^= h2 >>> 13;
    }
    const { cache, scores, keys } = this;
    const at = (h1 & (CACHE_SIZE - 1)) * CACHE_INTS;
    if (cache[at] !== h1 || cache[at + 1] !== h2) {
      cache[at] = h1;
      cache[at + 1] = h2;
      cache.fill(0, at + 2, at + 2 + NUM_TAGS);
      groupKeys(g, values, keys, 0);
      const size = GROUP_ENDS[g] - (g > 0 ? GROUP_ENDS[g - 1] : 0);
      for (let f = 0; f < size; f++) this.add(keys[f], at + 2, cache);
    }
    addCached(scores, o, cache, at + 2);
  }

  /** Adds the weights of feature `key` to `scores` (by default the sentence's) at offset `o`. */
  private add(key: number, o: number, scores = this.scores): void {
    const bit = key >>> (32 - PRESENT_BITS);
    if (!hasBit(this.present, bit)) return;
    const { slots, mask } = this;
    let s = key & mask;
    for (let k = slots[s * 2]; k !== key; k = slots[s * 2]) {
      if (k === 0) return;
      s = (s + 1) & mask;
    }
    addWeights(scores, o, this.weights, slots[s * 2 + 1]);
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
      || (capitalised(i - 1) && isNumberOrPossessive(tokens[i].text))
      || ((capitalised(i - 1) || capitalised(i - 2)) && (capitalised(i + 1) || capitalised(i + 2)));
    out[i] = mayBe ? 1 : 0;
  }
}

const NUMBER_OR_POSSESSIVE = /^(?:\p{N}|['’][sS]$)/u;

/** NUMBER_OR_POSSESSIVE.test(text), without the regex for a token starting with an ASCII letter (most of them). */
function isNumberOrPossessive(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return !(c >= 97 && c <= 122) && NUMBER_OR_POSSESSIVE.test(text);
}
