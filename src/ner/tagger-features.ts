// Features of the statistical NER tagger (hashed to 32-bit keys, no strings per token), its BILOU tag set and document context; shared by training and inference.
import { loadGazetteer, type GazMatch } from './gazetteer.js';
import type { Token } from './tokenize.js';
import { grown, sized } from '../text/packed.js';
import { isFirstName } from './name-classes.js';

/** Entity types in tag-id order. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Tag ids: 0 = O; for type k, 1 + 4k + part with part 0 = B(egin), 1 = I(nside), 2 = L(ast), 3 = U(nit). */
export const NUM_TAGS = 1 + 4 * ENTITY_TYPES.length;

/** ALLOWED[prev * NUM_TAGS + tag] is 1 when `tag` may follow `prev` (a sentence starts after O). */
export const ALLOWED = buildAllowed();

/** The tags ALLOWED before each tag: PREVS[PREV_START[tag]] up to PREVS[PREV_START[tag + 1]] (the decoder visits only those). */
const PREVS = Uint8Array.from(
  Array.from({ length: NUM_TAGS * NUM_TAGS }, (_, k) => k).filter((k) => ALLOWED[k] === 1).sort((a, b) => a % NUM_TAGS - b % NUM_TAGS || a - b),
  (k) => Math.floor(k / NUM_TAGS),
);
const PREV_START = Uint16Array.from({ length: NUM_TAGS + 1 }, (_, tag) => ALLOWED.filter((ok, k) => ok === 1 && k % NUM_TAGS < tag).length);

/** The number of ALLOWED (previous tag, tag) pairs: the pair scores the decoder reads per token, in PREVS order. */
export const PAIRS = PREVS.length;

/**
 * Writes the scores of the ALLOWED pairs of `full` (NUM_TAGS * NUM_TAGS, by previous tag then tag) to `out` from `at`
 * in the order BilouViterbi.push reads them: one token's pair scores side by side, not spread over all pairs.
 */
export function packPairs(full: ArrayLike<number>, out: Int32Array | Float64Array, at: number): void {
  for (let tag = 0; tag < NUM_TAGS; tag++) {
    for (let k = PREV_START[tag]; k < PREV_START[tag + 1]; k++) out[at + k] = full[PREVS[k] * NUM_TAGS + tag];
  }
}

/** Tags a sentence may end on (O, L-x, U-x). */
export const MAY_END = Uint8Array.from({ length: NUM_TAGS }, (_, t) => (t === 0 || partOf(t) >= 2 ? 1 : 0));

export function tagId(type: number, part: number): number {
  return 1 + 4 * type + part;
}

function partOf(tag: number): number {
  return (tag - 1) & 3;
}

function buildAllowed(): Uint8Array {
  const allowed = new Uint8Array(NUM_TAGS * NUM_TAGS);
  for (let prev = 0; prev < NUM_TAGS; prev++) {
    const open = prev !== 0 && partOf(prev) < 2;
    for (let tag = 0; tag < NUM_TAGS; tag++) {
      const continues = tag !== 0 && partOf(tag) === 1 || tag !== 0 && partOf(tag) === 2;
      const ok = open ? continues && (tag - 1) >> 2 === (prev - 1) >> 2 : !continues;
      allowed[prev * NUM_TAGS + tag] = ok ? 1 : 0;
    }
  }
  return allowed;
}

/** Entity spans (token indices, end exclusive; type = index into ENTITY_TYPES) read off a valid BILOU tag sequence. */
export function spansOf(tags: ArrayLike<number>, n: number): { start: number; end: number; type: number }[] {
  const spans: { start: number; end: number; type: number }[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === 0) continue;
    const part = partOf(t);
    if (part === 0 || part === 3) start = i;
    if (part >= 2 && start >= 0) {
      spans.push({ start, end: i + 1, type: (t - 1) >> 2 });
      start = -1;
    }
  }
  return spans;
}

/**
 * Document-level casing evidence: for each lower-cased word (by hash), how often it appears capitalised
 * mid-sentence and how often lower-cased, outside ALL-CAPS headlines. Lets headline and sentence-initial
 * words borrow the casing they have elsewhere in the document.
 */
export interface DocumentContext {
  /** The document's distinct words, with their casing counts, longest capitalised runs and label history. */
  readonly words: DocumentWords;
  /** The values of the document's words, read once for all: lower-case hash, short shape, casing class, list match and word id (SCAN_VALUES a token). */
  readonly scans: Int32Array;
  /** Where the values of each sentence's first token are in `scans`. */
  readonly scanAt: ReadonlyMap<Token[], number>;
  /**
   * By token (the index of its first scan value / SCAN_VALUES), the longest known name of the shipped lists starting there,
   * as listMatches looked it up: only at capitalised words outside headlines and outside a longer match (undefined elsewhere).
   */
  readonly listMatches: (GazMatch | null | undefined)[];
}

/** Values per token in DocumentContext.scans. */
const SCAN_VALUES = 5;

const LOWER_UNIT = 0x10000;

export function documentContext(sentences: Token[][]): DocumentContext {
  let count = 0;
  for (const tokens of sentences) count += tokens.length;
  // One allocation for the scans and the word table (each costs more than the rest of a short document's context).
  const buffer = new Int32Array(count * SCAN_VALUES + DocumentWords.ints(count));
  const scans = buffer.subarray(0, count * SCAN_VALUES);
  const words = new DocumentWords(count, buffer.subarray(count * SCAN_VALUES));
  const listMatches = scanSentences(sentences, words, scans);
  const { casing, runFirst, runLast, runLength } = words;
  const scanAt = new Map<Token[], number>();
  const counted = scratchFlags(words.count);
  let countedWords = 0;
  let countedSlots = LOST_COUNT_SLOTS;
  let at = 0;
  for (const tokens of sentences) {
    const n = tokens.length;
    scanAt.set(tokens, at);
    const o = at;
    at += n * SCAN_VALUES;
    const caps = scratchCaps(n);
    for (let i = 0; i < n; i++) caps[i] = scans[o + i * SCAN_VALUES + 2];
    if (isHeadline(caps, n)) continue;
    for (let i = 0; i < n; i++) {
      const add = casingCount(caps[i], i, false);
      if (add === 0) continue;
      const id = scans[o + i * SCAN_VALUES + 4];
      // The count added as the table of the trained model's casing counts doubled was lost (see LOST_COUNT_SLOTS).
      const lost = countedWords * 2 >= countedSlots;
      if (lost) countedSlots *= 2;
      if (counted[id] === 0) {
        counted[id] = 1;
        countedWords++;
      }
      if (!lost) casing[id] += add;
    }
    for (let start = 0, end = 0; start < n; start = end + 1) {
      end = start;
      while (end < n && caps[end] >= CAP_INITIAL) end++;
      if (end - start < 2) continue;
      const first = scans[o + start * SCAN_VALUES];
      const last = scans[o + (end - 1) * SCAN_VALUES];
      for (let i = start; i < end; i++) {
        const id = scans[o + i * SCAN_VALUES + 4];
        if (runLength[id] >= end - start) continue;
        runFirst[id] = first;
        runLast[id] = last;
        runLength[id] = end - start;
      }
    }
  }
  return { words, scans, scanAt, listMatches };
}

const LABEL_BITS = 6;
const LABEL_MAX = (1 << LABEL_BITS) - 1;

/** The entity type (1 + index into ENTITY_TYPES) of a tag, 0 for O. */
function labelOf(tag: number): number {
  return tag === 0 ? 0 : 1 + ((tag - 1) >> 2);
}

/** Adds the labels of the tagged sentence's capitalised tokens (`tags` from the tagger) to the document's label history. */
export function recordLabels(doc: DocumentContext, features: SentenceFeatures, tags: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) {
    if (!features.capitalised(i)) continue;
    const { labels } = doc.words;
    const id = features.wordId(i);
    if (((labels[id] >>> (LABEL_BITS * labelOf(tags[i]))) & LABEL_MAX) < LABEL_MAX) labels[id] += 1 << (LABEL_BITS * labelOf(tags[i]));
  }
}

/** The keys labelHistoryKey returns: for (most frequent label, whether others occurred), then for a word not seen yet. */
const LABEL_KEYS = Int32Array.from({ length: 2 * (ENTITY_TYPES.length + 1) + 1 }, (_, k) => (k < 2 * (ENTITY_TYPES.length + 1) ? key(54, k >> 1, k & 1) : key(54, 7)));

/** Feature key of the labels `word` had earlier in the document: the most frequent one and whether others occurred. */
export function labelHistoryKey(doc: DocumentContext, word: number): number {
  const id = doc.words.find(word);
  return labelKey(id < 0 ? 0 : doc.words.labels[id]);
}

/** The labelHistoryKey of a word's label counts. */
function labelKey(counts: number): number {
  if (counts === 0) return LABEL_KEYS[LABEL_KEYS.length - 1];
  let best = 0;
  let kinds = 0;
  for (let label = 0; label <= ENTITY_TYPES.length; label++) {
    const c = (counts >>> (LABEL_BITS * label)) & LABEL_MAX;
    if (c > 0) kinds++;
    if (c > ((counts >>> (LABEL_BITS * best)) & LABEL_MAX)) best = label;
  }
  return LABEL_KEYS[best * 2 + (kinds > 1 ? 1 : 0)];
}

/** Writes the SCAN_VALUES of each token of the sentences to `scans`, one after the other (word ids from `words`); returns the list matches looked up for them. */
function scanSentences(sentences: Token[][], words: DocumentWords, scans: Int32Array): (GazMatch | null | undefined)[] {
  let count = 0;
  for (const tokens of sentences) count += tokens.length;
  const matches = new Array<GazMatch | null | undefined>(count);
  let at = 0;
  for (const tokens of sentences) {
    const n = tokens.length;
    const caps = scratchCaps(n);
    for (let i = 0; i < n; i++) {
      word.scan(tokens[i].text);
      scans[at + i * SCAN_VALUES] = word.lower;
      scans[at + i * SCAN_VALUES + 1] = word.shortShape;
      scans[at + i * SCAN_VALUES + 2] = caps[i] = word.cap;
      scans[at + i * SCAN_VALUES + 4] = words.id(word.lower);
    }
    listMatches(tokens, caps, scans, matches, at);
    at += n * SCAN_VALUES;
  }
  return matches;
}

let caps = new Uint8Array(64);
let flags = new Uint8Array(256);

/**
 * The shipped model learned from casing counts kept in a hash table of this many slots, doubled when half full,
 * whose doubling lost the count being added at that moment (it added to the array it replaced). The counts are
 * kept as they were, so that features and tags stay those the model was trained with; counting them all is a
 * model change (retrain).
 */
const LOST_COUNT_SLOTS = 256;

/** `n` zero flags, in a buffer reused from document to document. */
function scratchFlags(n: number): Uint8Array {
  flags = sized(flags, n);
  flags.fill(0, 0, n);
  return flags;
}

/** A buffer for the casing classes of a sentence of n tokens, reused (each allocation of a typed array costs more than its use here). */
function scratchCaps(n: number): Uint8Array {
  return (caps = sized(caps, n));
}

/** The list match listMatches looked up at token j of a sentence, or undefined where it did not look. */
export function listMatchAt(doc: DocumentContext, tokens: Token[], j: number): GazMatch | null | undefined {
  const at = doc.scanAt.get(tokens);
  return at === undefined ? undefined : doc.listMatches[at / SCAN_VALUES + j];
}

/** Kinds of known names in the shipped lists, as list-match features tell them apart. */
const LIST_KINDS = ['person', 'country', 'org', 'place', 'demonym', 'ambiguous'];

/**
 * Writes each token's place in the longest known names of the shipped lists, left to right (0 outside any;
 * else 1 + 4 * kind + BILOU part; a capitalised first name outside them, a name of kind LIST_KINDS.length), to the 4th
 * scan value of the sentence's tokens from `at`, and the matches it looked up outside headlines to `matches` (for
 * findCandidates, which asks again).
 */
function listMatches(tokens: Token[], caps: Uint8Array, scans: Int32Array, matches: (GazMatch | null | undefined)[], at: number): void {
  const n = tokens.length;
  const headline = isHeadline(caps, n);
  const lists = loadGazetteer();
  for (let i = 0; i < n;) {
    const match = caps[i] >= CAP_INITIAL ? lists.matchAt(tokens, i, headline) : null;
    if (caps[i] >= CAP_INITIAL && !headline) matches[at / SCAN_VALUES + i] = match;
    if (!match) {
      // A capitalised first name no list has a name for ("Myles"), as a name of its own kind.
      if (caps[i] >= CAP_INITIAL && isFirstName(tokens[i]!.text)) scans[at + i * SCAN_VALUES + 3] = 1 + 4 * LIST_KINDS.length + 3;
      i++;
      continue;
    }
    const { entry } = match;
    const kind = LIST_KINDS.indexOf(entry.ambiguous ? 'ambiguous' : entry.kind === 'demonym' ? 'demonym' : entry.type);
    for (let j = i; j < match.end; j++) {
      const part = match.end - i === 1 ? 3 : j === i ? 0 : j === match.end - 1 ? 2 : 1;
      scans[at + j * SCAN_VALUES + 3] = 1 + 4 * kind + part;
    }
    i = match.end;
  }
}

/** Slots of the DocumentWords table for `capacity` words: at most half full. */
function tableSlots(capacity: number): number {
  let slots = 16;
  while (slots < capacity * 2) slots *= 2;
  return slots;
}

/**
 * The distinct words of a document (lower-case hashes), numbered from 0 as first met, and what the document
 * context keeps per word, in typed arrays indexed by word id (a Map would box most 32-bit keys).
 */
export class DocumentWords {
  /** Capitalised-mid-sentence count + lower-cased count * LOWER_UNIT. */
  casing: Int32Array;
  /** The first and last words (hashes) and the length of the longest capitalised run the word is in, 0 for none ("Toyota" -> "Toyota Motor Corp"). */
  runFirst: Int32Array;
  runLast: Int32Array;
  runLength: Int32Array;
  /**
   * How often the tagger has so far labelled the word's capitalised occurrences O and each entity type (LABEL_BITS
   * a count, O first): filled as sentences are tagged in document order (recordLabels), so a name keeps the type it had earlier.
   */
  labels: Int32Array;
  /** Open addressing (linear probing) of (word, id + 1) pairs; id + 1 = 0 for a free slot (any word may be 0). */
  private table: Int32Array;
  private size = 0;

  /** The Int32Array length that DocumentWords of `capacity` words take. */
  static ints(capacity: number): number {
    return tableSlots(capacity) * 2 + capacity * 5;
  }

  /**
   * `capacity`: the number of distinct words expected (at most the document's tokens); more are taken too.
   * `all`: where to keep them, of DocumentWords.ints(capacity) zeros.
   */
  constructor(capacity: number, all = new Int32Array(DocumentWords.ints(capacity))) {
    const slots = tableSlots(capacity);
    this.table = all.subarray(0, slots * 2);
    const values = (k: number) => all.subarray(slots * 2 + capacity * k, slots * 2 + capacity * (k + 1));
    this.casing = values(0);
    this.runFirst = values(1);
    this.runLast = values(2);
    this.runLength = values(3);
    this.labels = values(4);
  }

  /** The id of `word`, numbered next if new. */
  id(word: number): number {
    let s = this.slot(word);
    if (this.table[s + 1] !== 0) return this.table[s + 1] - 1;
    if (this.size === this.casing.length) this.growValues();
    if ((this.size + 1) * 4 > this.table.length) {
      this.growTable();
      s = this.slot(word);
    }
    this.table[s] = word;
    this.table[s + 1] = ++this.size;
    return this.size - 1;
  }

  /** The number of distinct words (ids from 0 to count - 1). */
  get count(): number {
    return this.size;
  }

  /** The id of `word`, or -1 when the document does not have it. */
  find(word: number): number {
    return this.table[this.slot(word) + 1] - 1;
  }

  /** Where `word` is in the table, or the free slot where it would go. */
  private slot(word: number): number {
    const { table } = this;
    const mask = table.length - 2;
    let s = (fmix(word) * 2) & mask;
    while (table[s + 1] !== 0 && table[s] !== word) s = (s + 2) & mask;
    return s;
  }

  private growTable(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      const t = this.slot(old[s]);
      this.table[t] = old[s];
      this.table[t + 1] = old[s + 1];
    }
  }

  private growValues(): void {
    this.casing = grown(this.casing, 16);
    this.runFirst = grown(this.runFirst, 16);
    this.runLast = grown(this.runLast, 16);
    this.runLength = grown(this.runLength, 16);
    this.labels = grown(this.labels, 16);
  }
}

/** The contribution to the document casing counts of a token of casing class `cap` at position i. */
function casingCount(cap: number, i: number, headline: boolean): number {
  if (headline) return 0;
  if (cap === CAP_LOWER) return LOWER_UNIT;
  return (cap === CAP_INITIAL || cap === CAP_ALL) && i > 0 ? 1 : 0;
}

/** A sentence (of n tokens of casing classes `caps`) whose letters are all upper-case: CoNLL headlines and datelines. */
function isHeadline(caps: ArrayLike<number>, n: number): boolean {
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = caps[i];
    if (c === CAP_LOWER || c === CAP_INITIAL || c === CAP_MIXED) return false;
    if (c !== CAP_NONE) letters++;
  }
  return letters > 0;
}

// ---- hashing ----

const FNV_BASIS = 0x811c9dc5;

function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Feature key for template `t` with values a, b, c: a non-zero signed 32-bit hash (small integers stay unboxed). */
function key(t: number, a: number, b = 0, c = 0): number {
  let h = fmix(Math.imul(t + 1, 0x9e3779b1) ^ a);
  h = fmix(h ^ b);
  h = fmix((h + c) | 0);
  return h === 0 ? 1 : h;
}

/** lowerCode and charClass of the non-ASCII UTF-16 code units met so far (0: not yet); quotes and dashes are frequent. */
const lowerCodes = new Uint16Array(0x10000);
const charClasses = new Uint16Array(0x10000);

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (lowerCodes[c] === 0) lowerCodes[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return lowerCodes[c];
}

/** Character j of `text` lower-cased, with American -iz- spelt the British way (CoNLL is Reuters UK: "Organization" reads as "organisation"). */
function foldedCode(text: string, j: number): number {
  return foldIz(j > 0 ? lowerCode(text.charCodeAt(j - 1)) : 0, lowerCode(text.charCodeAt(j)));
}

/** Lower-cased `code` after lower-cased `prev`, a z after an i read as s (see foldedCode). */
function foldIz(prev: number, code: number): number {
  return code === 122 && prev === 105 ? 115 : code;
}

const UPPER = 88; // 'X'
const LOWER = 120; // 'x'
const DIGIT = 100; // 'd'

function charClass(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return UPPER;
    if (c >= 97 && c <= 122) return LOWER;
    if (c >= 48 && c <= 57) return DIGIT;
    return c;
  }
  if (charClasses[c] === 0) charClasses[c] = nonAsciiClass(c);
  return charClasses[c];
}

function nonAsciiClass(c: number): number {
  const s = String.fromCharCode(c);
  if (s.toLowerCase() !== s) return UPPER;
  if (s.toUpperCase() !== s) return LOWER;
  return /\p{L}/u.test(s) ? LOWER : /\p{N}/u.test(s) ? DIGIT : c;
}

const CAP_NONE = 0; // no letters
const CAP_LOWER = 1; // starts lower-case
const CAP_INITIAL = 2; // Xxxx
const CAP_ALL = 3; // XXXX, X.
const CAP_MIXED = 4; // iPhone, McDONALD-like mixtures not covered above

/** The values of a word that its own and its neighbours' features use, from one pass over its characters. */
class WordScan {
  /** Hash of the word lower-cased (see foldedCode). */
  lower = 0;
  /** Hash of its shape with runs of a character class written once ("Xx", "d,d"). */
  shortShape = 0;
  /** Its CAP_ class. */
  cap = CAP_NONE;

  scan(text: string): void {
    let lower = FNV_BASIS;
    let shortShape = FNV_BASIS;
    let prevClass = -1;
    let first = 0;
    let upperLetters = 0;
    let lowerLetters = 0;
    let prevCode = 0;
    for (let j = 0; j < text.length; j++) {
      // foldedCode and charClass from one read of the character (the previous one's lower case kept, not read again).
      const c = text.charCodeAt(j);
      const code = lowerCode(c);
      lower = fnv(lower, foldIz(prevCode, code));
      prevCode = code;
      const k = charClass(c);
      if (k !== prevClass) shortShape = fnv(shortShape, k);
      prevClass = k;
      if (k !== UPPER && k !== LOWER) continue;
      if (first === 0) first = k;
      if (k === UPPER) upperLetters++;
      else lowerLetters++;
    }
    this.lower = lower;
    this.shortShape = shortShape;
    this.cap = first === 0 ? CAP_NONE
      : lowerLetters === 0 ? CAP_ALL
      : first === LOWER ? (upperLetters === 0 ? CAP_LOWER : CAP_MIXED)
      : CAP_INITIAL;
  }
}

const word = new WordScan();

// ---- per-sentence feature extraction ----

/** Static (tag-independent) features per token. */
export const STATIC_FEATURES = 44;
/**
 * Ends of the groups of a token's static features ([0, 6), [6, 14), ... [34, 44)). Every group but the last
 * takes few distinct values together (the word's own features repeat with the word), so inference caches
 * their summed weights by the values they are computed from. The order of the keys is free: the model knows
 * them by template.
 */
export const GROUP_ENDS = [6, 14, 16, 28, 31, 34, STATIC_FEATURES];
/** The groups whose weights inference caches: all but the last. */
export const CACHED_GROUPS = GROUP_ENDS.length - 1;
/** The most values a group's keys are computed from. */
const MAX_GROUP_VALUES = 14;
/** Features that depend on the previous tag; the first TAG_HISTORY_FEATURES of them on nothing else (the learned transition scores). */
export const HISTORY_FEATURES = 3;
export const TAG_HISTORY_FEATURES = 1;

/** Writes the HISTORY_FEATURES keys of a token (its word and shape hashes) given the previous tag. */
export function historyKeys(word: number, shape: number, prev: number, out: Int32Array): void {
  out[0] = key(50, prev);
  wordHistoryKeys(word, shape, prev, out);
}

/** Writes the history keys that involve the token itself (from TAG_HISTORY_FEATURES on). */
export function wordHistoryKeys(word: number, shape: number, prev: number, out: Int32Array): void {
  out[1] = key(52, prev, word);
  out[2] = key(53, prev, shape);
}

/** One step of Viterbi decoding: for each tag, the best previous tag (into `back` at `row`) and the path's score (into `next`). */
type ViterbiStep = (best: Float64Array, next: Float64Array, back: Uint8Array, row: number, emit: ArrayLike<number>, at: number, pairs: ArrayLike<number>, pairsAt: number) => void;

/**
 * The ViterbiStep for each tag over its ALLOWED previous tags, written out with the tags and pair offsets as constants
 * (one statement a pair, in the order of a loop over PREVS: of equal scores the first wins): the tagger takes this step
 * at every token that may be in a name, and unrolled it tags some 5-9% faster.
 */
function unrolledViterbiStep(): ViterbiStep {
  const lines = ['let top, from, s;'];
  for (let tag = 0; tag < NUM_TAGS; tag++) {
    lines.push('top = -Infinity; from = 0;');
    for (let k = PREV_START[tag]; k < PREV_START[tag + 1]; k++) lines.push(`s = best[${PREVS[k]}] + pairs[pairsAt + ${k}]; if (s > top) { top = s; from = ${PREVS[k]}; }`);
    lines.push(`next[${tag}] = top + emit[at + ${tag}]; back[row + ${tag}] = from;`);
  }
  return new Function('best', 'next', 'back', 'row', 'emit', 'at', 'pairs', 'pairsAt', lines.join('\n')) as ViterbiStep;
}

const viterbiStep = unrolledViterbiStep();

/**
 * First-order Viterbi decoding over valid BILOU sequences, fed one token at a time: the best-scoring tags of a
 * sentence that starts after O, follows ALLOWED and ends on a tag in MAY_END. Time and memory linear in its length.
 */
export class BilouViterbi {
  /** Best score of the tokens so far ending on each tag (-Infinity: unreachable). */
  private best = new Float64Array(NUM_TAGS);
  private next = new Float64Array(NUM_TAGS);
  /** The previous tag on the best path to each tag of each token. */
  private back = new Uint8Array(64 * NUM_TAGS);
  private n = 0;
  /** Whether only O is reachable so far: at the sentence's start and after a forced O (pushO). */
  private onlyO = true;

  start(): void {
    this.n = 0;
    this.best.fill(-Infinity);
    this.best[0] = 0;
    this.onlyO = true;
  }

  /** Whether a path of the tokens so far ends on `tag` (scores after an unreachable tag are not read). */
  reachable(tag: number): boolean {
    return this.best[tag] !== -Infinity;
  }

  /**
   * The next token, scored emit[at + tag] for each tag plus, for each tag after each previous tag, the score of
   * that pair (transition and history scores) from `pairs` at pairsAt, packed by packPairs.
   */
  push(emit: ArrayLike<number>, at: number, pairs: ArrayLike<number>, pairsAt: number): void {
    const row = this.nextRow();
    const { best, next, back } = this;
    if (this.onlyO) {
      // Each tag comes from O (the first of the tags before it when it may follow O), or from nowhere (-Infinity).
      const from = best[0];
      for (let tag = 0; tag < NUM_TAGS; tag++) {
        next[tag] = ALLOWED[tag] === 1 ? from + pairs[pairsAt + PREV_START[tag]] + emit[at + tag] : -Infinity;
        back[row + tag] = 0;
      }
    } else {
      viterbiStep(best, next, back, row, emit, at, pairs, pairsAt);
    }
    this.best = next;
    this.next = best;
    this.onlyO = false;
  }

  /** The next token, forced O, with no score of its own (no emission, transition or pair score). */
  pushO(): void {
    const row = this.nextRow();
    const { best, next, back } = this;
    if (this.onlyO) {
      // O after O keeps its score: most tokens take this way.
      back[row] = 0;
      return;
    }
    let top = -Infinity;
    let from = 0;
    for (let k = PREV_START[0]; k < PREV_START[1]; k++) {
      const prev = PREVS[k];
      if (best[prev] > top) {
        top = best[prev];
        from = prev;
      }
    }
    next.fill(-Infinity);
    next[0] = top;
    back[row] = from;
    this.best = next;
    this.next = best;
    this.onlyO = true;
  }

  /** Counts one more token and returns where its row of `back` starts (grown as needed). */
  private nextRow(): number {
    if (this.back.length < (this.n + 1) * NUM_TAGS) {
      const back = new Uint8Array(this.back.length * 2);
      back.set(this.back);
      this.back = back;
    }
    return this.n++ * NUM_TAGS;
  }

  /** Writes the best tags of the tokens pushed since start() to `tags`. */
  decode(tags: Uint8Array): void {
    if (this.n === 0) return;
    let tag = 0;
    for (let t = 1; t < NUM_TAGS; t++) if (MAY_END[t] !== 0 && this.best[t] > this.best[tag]) tag = t;
    for (let i = this.n - 1; i >= 0; i--) {
      tags[i] = tag;
      tag = this.back[i * NUM_TAGS + tag];
    }
  }
}

const BOUNDARY = [0x5a17b0e1, 0x3c6ef372, 0x1b873593, 0x7fb0c2d9]; // words/shapes at -2, -1, +1, +2 outside the sentence
const POS_MID = 0;
const POS_FIRST = 1;
const POS_HEADLINE = 2;

/** Reusable buffers holding one sentence's per-token values and static feature keys. */
export class SentenceFeatures {
  /** STATIC_FEATURES keys per token, token-major (written by `writeKeys`). */
  keys = new Int32Array(0);
  /** The values of one feature group of one token (written by `groupValues`). */
  readonly values = new Int32Array(MAX_GROUP_VALUES);
  /** The lower-cased first four and last four characters of a token (for its prefixes and suffixes). */
  private readonly ends = new Int32Array(8);
  private tokens: Token[] = [];
  private doc: DocumentContext = documentContext([]);
  private headline = false;
  private lower = new Int32Array(0);
  private short = new Int32Array(0);
  private cap = new Int32Array(0);
  private listed = new Int32Array(0);
  private ids = new Int32Array(0);
  private docClass = new Int32Array(0);
  private runStart = new Int32Array(0); // the run of capitalised tokens this token is in (itself when not capitalised)
  private runEnd = new Int32Array(0);

  /** Reads and computes the static feature keys of every token. */
  compute(tokens: Token[], doc: DocumentContext): void {
    this.read(tokens, doc);
    for (let i = 0; i < tokens.length; i++) this.writeKeys(i);
  }

  /** Reads a sentence: the per-token values that the features of a token and of its neighbours are built from. */
  read(tokens: Token[], doc: DocumentContext): void {
    const n = tokens.length;
    this.reserve(n);
    this.tokens = tokens;
    this.doc = doc;
    const { lower, short, cap, listed, ids, docClass } = this;
    // A sentence the document context has not read (it is not of that document) is read here.
    const at = doc.scanAt.get(tokens);
    let scans = doc.scans;
    if (at === undefined) scanSentences([tokens], doc.words, (scans = new Int32Array(n * SCAN_VALUES)));
    for (let i = 0, o = at ?? 0; i < n; i++, o += SCAN_VALUES) {
      lower[i] = scans[o];
      short[i] = scans[o + 1];
      cap[i] = scans[o + 2];
      listed[i] = scans[o + 3];
      ids[i] = scans[o + 4];
    }
    const headline = (this.headline = isHeadline(cap, n));
    for (let i = 0; i < n; i++) {
      // Casing elsewhere in the document (this token's own occurrence removed): bit 0 capitalised mid-sentence, bit 1 lower-case.
      const counts = doc.words.casing[ids[i]] - casingCount(cap[i], i, headline);
      docClass[i] = (counts % LOWER_UNIT > 0 ? 1 : 0) | (counts >= LOWER_UNIT ? 2 : 0);
    }
    const { runStart, runEnd } = this;
    for (let i = 0; i < n; i++) runStart[i] = !headline && cap[i] >= CAP_INITIAL && i > 0 && cap[i - 1] >= CAP_INITIAL ? runStart[i - 1] : i;
    for (let i = n - 1; i >= 0; i--) runEnd[i] = !headline && cap[i] >= CAP_INITIAL && i + 1 < n && cap[i + 1] >= CAP_INITIAL ? runEnd[i + 1] : i;
  }

  /** Whether token i of the sentence read has a capital letter. */
  capitalised(i: number): boolean {
    return this.cap[i] >= CAP_INITIAL;
  }

  /** Lower-cased word hash of token i (an input of historyKeys). */
  word(i: number): number {
    return this.lower[i];
  }

  /** Id of token i's word in the document (see DocumentWords). */
  wordId(i: number): number {
    return this.ids[i];
  }

  /** The labelHistoryKey of token i. */
  labelHistoryKey(i: number): number {
    return labelKey(this.doc.words.labels[this.ids[i]]);
  }

  /** Short shape hash of token i (an input of historyKeys). */
  shortShape(i: number): number {
    return this.short[i];
  }

  /** Writes the STATIC_FEATURES keys of token i of the sentence read to `keys` at i * STATIC_FEATURES. */
  writeKeys(i: number): void {
    for (let g = 0; g < GROUP_ENDS.length; g++) {
      this.groupValues(i, g);
      groupKeys(g, this.values, this.keys, i * STATIC_FEATURES + (g > 0 ? GROUP_ENDS[g - 1] : 0));
    }
  }

  /**
   * Writes to `values` all that the keys of feature group g of token i are computed from (groupKeys reads
   * nothing else, so equal values give equal keys) and returns how many values there are.
   */
  groupValues(i: number, g: number): number {
    const { tokens, lower, short, cap, docClass, runStart, runEnd, values } = this;
    const n = tokens.length;
    const pos = this.headline ? POS_HEADLINE : i === 0 ? POS_FIRST : POS_MID;
    switch (g) {
      case 0: {
        // Full shape (runs of a character class capped at four), short shape, position, casing, casing elsewhere, length.
        const text = tokens[i].text;
        let shape = FNV_BASIS;
        let prevClass = -1;
        let repeat = 0;
        for (let j = 0; j < text.length; j++) {
          const k = charClass(text.charCodeAt(j));
          repeat = k === prevClass ? repeat + 1 : 1;
          if (repeat <= 4) shape = fnv(shape, k);
          prevClass = k;
        }
        values[0] = shape;
        values[1] = short[i];
        values[2] = pos;
        values[3] = cap[i];
        values[4] = docClass[i];
        values[5] = text.length > 9 ? 9 : text.length;
        return 6;
      }
      case 1: {
        // Short shapes before, after and of the token; neighbours' casing classes and the token's; its place in its capitalised run.
        values[0] = i > 0 ? short[i - 1] : BOUNDARY[1];
        values[1] = i + 1 < n ? short[i + 1] : BOUNDARY[2];
        values[2] = short[i];
        values[3] = i > 0 ? docClass[i - 1] * 8 + cap[i - 1] : 99;
        values[4] = i + 1 < n ? docClass[i + 1] * 8 + cap[i + 1] : 99;
        values[5] = cap[i];
        values[6] = Math.min(runEnd[i] - runStart[i], 3);
        values[7] = Math.min(i - runStart[i], 3);
        values[8] = Math.min(runEnd[i] - i, 3);
        return 9;
      }
      case 2:
        // Short shapes two before and two after.
        values[0] = i > 1 ? short[i - 2] : BOUNDARY[0];
        values[1] = i + 2 < n ? short[i + 2] : BOUNDARY[3];
        return 2;
      case 3: {
        // Lower-cased prefixes and suffixes of one to four letters, the word, its position, its longest capitalised run in the document.
        const text = tokens[i].text;
        const len = text.length;
        // The first and the last four characters lower-cased (foldedCode), each read once: `ends` holds them in order.
        const { ends } = this;
        for (let k = 0; k < 4 && k < len; k++) {
          ends[k] = foldedCode(text, k);
          ends[7 - k] = foldedCode(text, len - 1 - k);
        }
        values[0] = len >= 1 ? fnv(FNV_BASIS, ends[0]) : 0;
        values[1] = len >= 2 ? fnv(values[0], ends[1]) : 0;
        values[2] = len >= 3 ? fnv(values[1], ends[2]) : 0;
        values[3] = len >= 4 ? fnv(values[2], ends[3]) : 0;
        for (let k = 1; k <= 4; k++) {
          // A token shorter than k has no such suffix (and `ends` there still holds an earlier token's characters).
          let suffix = 0;
          if (len >= k) {
            suffix = FNV_BASIS;
            for (let j = 8 - k; j < 8; j++) suffix = fnv(suffix, ends[j]);
          }
          values[3 + k] = suffix;
        }
        values[8] = lower[i];
        values[9] = pos === POS_HEADLINE ? docClass[i] + 4 : pos;
        const { runFirst, runLast, runLength } = this.doc.words;
        const id = this.ids[i];
        const run = runLength[id] > 0;
        values[10] = run ? 1 : 0;
        values[11] = run ? runFirst[id] : 0;
        values[12] = run ? Math.min(runLength[id], 3) : 0;
        values[13] = run ? runLast[id] : 0;
        return 14;
      }
      case 4: {
        // The capitalised run the token is in: whether it goes on and its last word; whether it began before, its first word and the word before it.
        const rs = runStart[i];
        const re = runEnd[i];
        values[0] = re > i ? 1 : 0;
        values[1] = re > i ? lower[re] : 0;
        values[2] = rs < i ? 1 : 0;
        values[3] = rs < i ? lower[rs] : 0;
        values[4] = rs < i ? (rs > 0 ? lower[rs - 1] : BOUNDARY[1]) : 0;
        return 5;
      }
      case 5:
        // The known names the token and its neighbours are in, its casing.
        values[0] = this.listed[i];
        values[1] = i > 0 ? this.listed[i - 1] : 0;
        values[2] = i + 1 < n ? this.listed[i + 1] : 0;
        values[3] = cap[i];
        return 4;
      default:
        // The word, the words one and two before and after it, its short shape.
        values[0] = lower[i];
        values[1] = i > 0 ? lower[i - 1] : BOUNDARY[1];
        values[2] = i + 1 < n ? lower[i + 1] : BOUNDARY[2];
        values[3] = i > 1 ? lower[i - 2] : BOUNDARY[0];
        values[4] = i + 2 < n ? lower[i + 2] : BOUNDARY[3];
        values[5] = short[i];
        return 6;
    }
  }

  private reserve(n: number): void {
    if (this.lower.length >= n) return;
    const size = Math.max(n, this.lower.length * 2, 64);
    this.keys = new Int32Array(size * STATIC_FEATURES);
    this.lower = new Int32Array(size);
    this.short = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.listed = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.docClass = new Int32Array(size);
    this.runStart = new Int32Array(size);
    this.runEnd = new Int32Array(size);
  }
}

/** Writes the keys of feature group g, computed from its `values` (see SentenceFeatures.groupValues), to `out` from `at`. */
export function groupKeys(g: number, values: Int32Array, out: Int32Array, at: number): void {
  const v = values;
  let f = at;
  switch (g) {
    case 0: // the token itself
      out[f++] = key(0, 0);
      out[f++] = key(1, v[0]);
      out[f++] = key(2, v[1]);
      out[f++] = key(3, v[2], v[3]);
      out[f++] = key(4, v[2], v[3], v[4]);
      out[f++] = key(5, v[5], v[3]);
      break;
    case 1: // its neighbours and capitalised run
      out[f++] = key(6, v[0]);
      out[f++] = key(7, v[1]);
      out[f++] = key(8, v[0], v[2]);
      out[f++] = key(9, v[2], v[1]);
      out[f++] = key(10, v[0], v[2], v[1]);
      out[f++] = key(11, v[3], v[5]);
      out[f++] = key(12, v[4], v[5]);
      out[f++] = key(13, v[6], v[7], v[8]);
      break;
    case 2: // the tokens two away
      out[f++] = key(14, v[0]);
      out[f++] = key(15, v[1]);
      break;
    case 3: // the word: its affixes, itself and with its position, and the longest capitalised run it is in anywhere in the document
      out[f++] = key(16, v[0]);
      out[f++] = key(17, v[1]);
      out[f++] = key(18, v[4]);
      out[f++] = key(19, v[5]);
      out[f++] = key(20, v[2]);
      out[f++] = key(21, v[3]);
      out[f++] = key(22, v[6]);
      out[f++] = key(23, v[7]);
      out[f++] = key(24, v[8]);
      out[f++] = key(35, v[8], v[9]);
      out[f++] = v[10] ? key(39, v[11], v[12]) : key(39, 0);
      out[f++] = v[10] ? key(40, v[13]) : key(40, 0);
      break;
    case 4: // the capitalised run it is in: its last and first words ("... Organization", "Bank of ..."), and the word before it
      out[f++] = v[0] ? key(36, v[1]) : key(36, 0);
      out[f++] = v[2] ? key(37, v[3]) : key(37, 0);
      out[f++] = v[2] ? key(38, v[4]) : key(38, 0);
      break;
    case 5: // the known names it and its neighbours are in (LIST_KINDS and BILOU part)
      out[f++] = key(55, v[0]);
      out[f++] = key(56, v[0], v[3]);
      out[f++] = key(57, v[1], v[2]);
      break;
    default: // the words around, alone, in pairs and with the token's shape
      out[f++] = key(25, v[1]);
      out[f++] = key(26, v[2]);
      out[f++] = key(27, v[3]);
      out[f++] = key(28, v[4]);
      out[f++] = key(29, v[1], v[0]);
      out[f++] = key(30, v[0], v[2]);
      out[f++] = key(31, v[3], v[1]);
      out[f++] = key(32, v[2], v[4]);
      out[f++] = key(33, v[1], v[5]);
      out[f++] = key(34, v[2], v[5]);
  }
}
