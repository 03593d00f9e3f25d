// Features of the statistical NER tagger (hashed to 32-bit keys, no strings per token), its BILOU tag set and document context; shared by training and inference.
import type { Token } from './tokenize.js';

/** Entity types in tag-id order. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Tag ids: 0 = O; for type k, 1 + 4k + part with part 0 = B(egin), 1 = I(nside), 2 = L(ast), 3 = U(nit). */
export const NUM_TAGS = 1 + 4 * ENTITY_TYPES.length;

/** ALLOWED[prev * NUM_TAGS + tag] is 1 when `tag` may follow `prev` (a sentence starts after O). */
export const ALLOWED = buildAllowed();

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
  /** Word hash -> capitalised-mid-sentence count + lower-cased count * LOWER_UNIT. */
  readonly casing: ReadonlyMap<number, number>;
  /** Word hash -> first word, last word and length of the longest capitalised run it is in ("Toyota" -> "Toyota Motor Corp"). */
  readonly runs: ReadonlyMap<number, [first: number, last: number, length: number]>;
}

const LOWER_UNIT = 0x10000;

export function documentContext(sentences: Token[][]): DocumentContext {
  const casing = new Map<number, number>();
  const runs = new Map<number, [number, number, number]>();
  let words = new Int32Array(64);
  let caps = new Uint8Array(64);
  for (const tokens of sentences) {
    const n = tokens.length;
    if (caps.length < n) {
      words = new Int32Array(n * 2);
      caps = new Uint8Array(n * 2);
    }
    for (let i = 0; i < n; i++) {
      word.scan(tokens[i].text);
      words[i] = word.lower;
      caps[i] = word.cap;
    }
    if (isHeadline(caps, n)) continue;
    for (let i = 0; i < n; i++) {
      const add = casingCount(caps[i], i, false);
      if (add !== 0) casing.set(words[i], (casing.get(words[i]) ?? 0) + add);
    }
    for (let start = 0, end = 0; start < n; start = end + 1) {
      end = start;
      while (end < n && caps[end] >= CAP_INITIAL) end++;
      if (end - start < 2) continue;
      for (let i = start; i < end; i++) {
        const known = runs.get(words[i]);
        if (!known || known[2] < end - start) runs.set(words[i], [words[start], words[end - 1], end - start]);
      }
    }
  }
  return { casing, runs };
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

function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Character j of `text` lower-cased, with American -iz- spelt the British way (CoNLL is Reuters UK: "Organization" reads as "organisation"). */
function foldedCode(text: string, j: number): number {
  const c = lowerCode(text.charCodeAt(j));
  return c === 122 && j > 0 && lowerCode(text.charCodeAt(j - 1)) === 105 ? 115 : c;
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
    for (let j = 0; j < text.length; j++) {
      lower = fnv(lower, foldedCode(text, j));
      const k = charClass(text.charCodeAt(j));
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
export const STATIC_FEATURES = 41;
/**
 * Ends of the groups of features at the start of a token's static features ([0, 6), [6, 14), ... [28, 31)).
 * Each group takes few distinct values together (the word's own features repeat with the word), so
 * inference caches its summed weights. The order of the keys is free: the model knows them by template.
 */
export const CACHED_GROUPS = [6, 14, 16, 28, 31];
/** Features that depend on the two previous predicted tags. */
export const HISTORY_FEATURES = 4;

/** Writes the HISTORY_FEATURES keys of a token (its word and shape hashes) given the previous two tags. */
export function historyKeys(word: number, shape: number, prev1: number, prev2: number, out: Int32Array): void {
  out[0] = key(50, prev1);
  out[1] = key(51, prev2, prev1);
  out[2] = key(52, prev1, word);
  out[3] = key(53, prev1, shape);
}

const BOUNDARY = [0x5a17b0e1, 0x3c6ef372, 0x1b873593, 0x7fb0c2d9]; // words/shapes at -2, -1, +1, +2 outside the sentence
const POS_MID = 0;
const POS_FIRST = 1;
const POS_HEADLINE = 2;

/** Reusable buffers holding one sentence's per-token values and static feature keys. */
export class SentenceFeatures {
  /** STATIC_FEATURES keys per token, token-major (written by `writeKeys`). */
  keys = new Int32Array(0);
  private tokens: Token[] = [];
  private doc: DocumentContext = { casing: new Map(), runs: new Map() };
  private headline = false;
  private lower = new Int32Array(0);
  private short = new Int32Array(0);
  private cap = new Int32Array(0);
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
    const { lower, short, cap, docClass } = this;
    for (let i = 0; i < n; i++) {
      word.scan(tokens[i].text);
      lower[i] = word.lower;
      short[i] = word.shortShape;
      cap[i] = word.cap;
    }
    const headline = (this.headline = isHeadline(cap, n));
    for (let i = 0; i < n; i++) {
      // Casing elsewhere in the document (this token's own occurrence removed): bit 0 capitalised mid-sentence, bit 1 lower-case.
      const counts = (doc.casing.get(lower[i]) ?? 0) - casingCount(cap[i], i, headline);
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

  /** Short shape hash of token i (an input of historyKeys). */
  shortShape(i: number): number {
    return this.short[i];
  }

  /** Writes the STATIC_FEATURES keys of token i of the sentence read to `keys` at i * STATIC_FEATURES. */
  writeKeys(i: number): void {
    const { tokens, lower, short, cap, docClass, keys } = this;
    const n = tokens.length;
    const text = tokens[i].text;
    const len = text.length;
    // Full shape (runs of a character class capped at four) and the lower-cased prefixes and suffixes of one to four letters.
    let hs = FNV_BASIS;
    let prevClass = -1;
    let repeat = 0;
    for (let j = 0; j < len; j++) {
      const k = charClass(text.charCodeAt(j));
      repeat = k === prevClass ? repeat + 1 : 1;
      if (repeat <= 4) hs = fnv(hs, k);
      prevClass = k;
    }
    const p1 = len >= 1 ? fnv(FNV_BASIS, foldedCode(text, 0)) : 0;
    const p2 = len >= 2 ? fnv(p1, foldedCode(text, 1)) : 0;
    const p3 = len >= 3 ? fnv(p2, foldedCode(text, 2)) : 0;
    const p4 = len >= 4 ? fnv(p3, foldedCode(text, 3)) : 0;
    const s1 = len >= 1 ? suffixHash(text, 1) : 0;
    const s2 = len >= 2 ? suffixHash(text, 2) : 0;
    const s3 = len >= 3 ? suffixHash(text, 3) : 0;
    const s4 = len >= 4 ? suffixHash(text, 4) : 0;
    const w = lower[i];
    const wm1 = i > 0 ? lower[i - 1] : BOUNDARY[1];
    const wm2 = i > 1 ? lower[i - 2] : BOUNDARY[0];
    const wp1 = i + 1 < n ? lower[i + 1] : BOUNDARY[2];
    const wp2 = i + 2 < n ? lower[i + 2] : BOUNDARY[3];
    const s = short[i];
    const sm1 = i > 0 ? short[i - 1] : BOUNDARY[1];
    const sm2 = i > 1 ? short[i - 2] : BOUNDARY[0];
    const sp1 = i + 1 < n ? short[i + 1] : BOUNDARY[2];
    const sp2 = i + 2 < n ? short[i + 2] : BOUNDARY[3];
    const pos = this.headline ? POS_HEADLINE : i === 0 ? POS_FIRST : POS_MID;
    const dm1 = i > 0 ? docClass[i - 1] * 8 + cap[i - 1] : 99;
    const dp1 = i + 1 < n ? docClass[i + 1] * 8 + cap[i + 1] : 99;
    const rs = this.runStart[i];
    const re = this.runEnd[i];
    const run = this.doc.runs.get(w);
    let f = i * STATIC_FEATURES;
    // Shape and casing context, in the groups of CACHED_GROUPS: the token itself, ...
    keys[f++] = key(0, 0);
    keys[f++] = key(1, hs);
    keys[f++] = key(2, s);
    keys[f++] = key(3, pos, cap[i]);
    keys[f++] = key(4, pos, cap[i], docClass[i]);
    keys[f++] = key(5, len > 9 ? 9 : len, cap[i]);
    // ... its neighbours and capitalised run, ...
    keys[f++] = key(6, sm1);
    keys[f++] = key(7, sp1);
    keys[f++] = key(8, sm1, s);
    keys[f++] = key(9, s, sp1);
    keys[f++] = key(10, sm1, s, sp1);
    keys[f++] = key(11, dm1, cap[i]);
    keys[f++] = key(12, dp1, cap[i]);
    keys[f++] = key(13, Math.min(re - rs, 3), Math.min(i - rs, 3), Math.min(re - i, 3));
    // ... the tokens two away, ...
    keys[f++] = key(14, sm2);
    keys[f++] = key(15, sp2);
    // ... the word: its affixes, itself and with its position, and the longest capitalised run it is in anywhere in the document, ...
    keys[f++] = key(16, p1);
    keys[f++] = key(17, p2);
    keys[f++] = key(18, s1);
    keys[f++] = key(19, s2);
    keys[f++] = key(20, p3);
    keys[f++] = key(21, p4);
    keys[f++] = key(22, s3);
    keys[f++] = key(23, s4);
    keys[f++] = key(24, w);
    keys[f++] = key(35, w, pos === POS_HEADLINE ? docClass[i] + 4 : pos);
    keys[f++] = run ? key(39, run[0], run[2] > 3 ? 3 : run[2]) : key(39, 0);
    keys[f++] = run ? key(40, run[1]) : key(40, 0);
    // ... and the capitalised run it is in: its last and first words ("... Organization", "Bank of ..."), and the word before it.
    keys[f++] = re > i ? key(36, lower[re]) : key(36, 0);
    keys[f++] = rs < i ? key(37, lower[rs]) : key(37, 0);
    keys[f++] = rs < i ? key(38, rs > 0 ? lower[rs - 1] : BOUNDARY[1]) : key(38, 0);
    // Not cached: the words around, alone, in pairs and with the token's shape.
    keys[f++] = key(25, wm1);
    keys[f++] = key(26, wp1);
    keys[f++] = key(27, wm2);
    keys[f++] = key(28, wp2);
    keys[f++] = key(29, wm1, w);
    keys[f++] = key(30, w, wp1);
    keys[f++] = key(31, wm2, wm1);
    keys[f++] = key(32, wp1, wp2);
    keys[f++] = key(33, wm1, s);
    keys[f++] = key(34, wp1, s);
  }

  private reserve(n: number): void {
    if (this.lower.length >= n) return;
    const size = Math.max(n, this.lower.length * 2, 64);
    this.keys = new Int32Array(size * STATIC_FEATURES);
    this.lower = new Int32Array(size);
    this.short = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.docClass = new Int32Array(size);
    this.runStart = new Int32Array(size);
    this.runEnd = new Int32Array(size);
  }
}

/** Hash of the last k characters of `text`, lower-cased. */
function suffixHash(text: string, k: number): number {
  let h = FNV_BASIS;
  for (let j = text.length - k; j < text.length; j++) h = fnv(h, foldedCode(text, j));
  return h;
}
