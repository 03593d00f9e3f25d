// Required phrases of case-insensitive regexes, and a one-pass search for many phrases: a line that contains none of
// a pattern's phrases cannot match it, so most lines are ruled out without running the (often slow) pattern.
import { hasBit, setBit } from './bits.js';

/**
 * Phrases (lower case), one of which is in every string that `source`, compiled with the `i` flag and without `u`,
 * matches; null when none can be told. They are runs of plain characters every match goes through, or the runs of
 * each alternative of a group; of several such sets the one whose shortest phrase is longest is kept.
 * Anything else (classes, escapes of letters, assertions, optional parts) only breaks runs, which is always safe.
 */
export function requiredPhrases(source: string): string[] | null {
  let at = 0;

  const alternatives = (): string[] | null => {
    let union = sequence();
    while (source[at] === '|') {
      at++;
      const next = sequence();
      union = union && next ? [...union, ...next] : null;
    }
    return union;
  };

  const sequence = (): string[] | null => {
    let best: string[] | null = null;
    let run = '';
    const endRun = () => {
      // Spaces alone (between words the finder cannot match, as in Cyrillic) are on nearly every line: no phrase.
      if (run.trim()) best = longer(best, [run]);
      run = '';
    };
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const atom = readAtom();
      const min = readQuantifier();
      if (typeof atom === 'string') {
        if (min !== 0) run += atom;
        // A repeated character is in the match once for sure, but what follows it may not come right after.
        if (min !== null) endRun();
      } else {
        endRun();
        if (atom && min !== 0) best = longer(best, atom);
      }
    }
    endRun();
    return best;
  };

  /** A plain character (lower case), a group's phrases, or null for anything else. */
  const readAtom = (): string | string[] | null => {
    const c = source[at++]!;
    if (c === '\\') {
      const escaped = source[at++] ?? '';
      if (!/[A-Za-z0-9]/.test(escaped)) return plain(escaped);
      // \uXXXX, \xXX, \cX, \k<name>, octal and back references: skip the argument, the whole is not plain.
      const argument = ESCAPE_ARGUMENTS[/\d/.test(escaped) ? '0' : escaped];
      at += argument?.exec(source.slice(at))?.[0].length ?? 0;
      return null;
    }
    if (c === '[') {
      if (source[at] === '^') at++;
      if (source[at] === ']') at++;
      while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
      at++;
      return null;
    }
    if (c === '(') {
      let lookaround = false;
      if (source.startsWith('?:', at)) at += 2;
      else if (source.startsWith('?=', at) || source.startsWith('?!', at)) [at, lookaround] = [at + 2, true];
      else if (source.startsWith('?<=', at) || source.startsWith('?<!', at)) [at, lookaround] = [at + 3, true];
      else if (source.startsWith('?<', at)) at = source.indexOf('>', at) + 1;
      const inner = alternatives();
      at++; // )
      return lookaround ? null : inner;
    }
    return '.^${}*+?'.includes(c) ? null : plain(c);
  };

  /** The least number of repeats the quantifier at `at` allows, or null when there is none (exactly once). */
  const readQuantifier = (): number | null => {
    const m = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(at));
    if (!m) return null;
    at += m[0].length;
    return m[0][0] === '+' ? 1 : m[0][0] === '{' ? Number(m[1]) : 0;
  };

  return alternatives();
}

/** What follows the letter or digit of an escape and belongs to it. */
const ESCAPE_ARGUMENTS: Record<string, RegExp> = { u: /^[0-9A-Fa-f]{4}/, x: /^[0-9A-Fa-f]{2}/, c: /^[A-Za-z]/, k: /^<[^>]*>/, 0: /^\d*/ };

/**
 * The character as a phrase matches it: ASCII in lower case (the `i` flag pairs ASCII letters with ASCII letters
 * only), other characters only when they have no case (then they match only themselves), else null.
 */
function plain(c: string): string | null {
  if (c.charCodeAt(0) < 128) return c.toLowerCase();
  const surrogate = c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff;
  return !surrogate && c.toLowerCase() === c && c.toUpperCase() === c ? c : null;
}

/** Of two phrase sets, the one whose shortest phrase is longer (rarer), the first on a tie. */
function longer(a: string[] | null, b: string[]): string[] {
  const shortest = (set: string[]) => Math.min(...set.map((p) => p.length));
  return a && shortest(a) >= shortest(b) ? a : b;
}

/** ASCII upper case to lower case, other code units as they are: the `i` flag pairs ASCII letters with ASCII letters only. */
function foldCase(c: number): number {
  return FOLDED[c]!;
}

/** foldCase's answers by code unit: a look-up is quicker than the test, whose branch the CPU often guesses wrong. */
const FOLDED = new Uint16Array(0x10000).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

/** A hash of three successive (folded) code units; bitsIn rolls it along, as ((key << 5) ^ next) & TRIPLE_MASK. */
function tripleKey(a: number, b: number, c: number): number {
  return ((a << 10) ^ (b << 5) ^ c) & TRIPLE_MASK;
}

export const TRIPLE_MASK = 0x7fff;

/** A phrase and the bit it stands for (its pattern's). */
export interface Phrase {
  phrase: string;
  bit: number;
}

/**
 * Finds which of many phrases (lower case) occur in a text, ASCII letters in any case. Phrases are filed in
 * buckets by their first character (those of one or two characters) or by the tripleKey of their first three; a
 * bucket of the latter also keeps which fourth characters its phrases have (by code % 32), so that at most
 * positions a look-up or two say that no phrase starts there. All is kept in typed arrays: checking a bucket
 * touches no objects.
 */
export class PhraseFinder {
  /**
   * Bucket number (from 1; 0 for none) by first character, and by tripleKey. byFirst and hasTriple are read by scans
   * that test themselves whether step can find a phrase at a character (most cannot): a call per character costs
   * more than the test.
   */
  readonly byFirst = new Uint16Array(0x10000);
  private readonly byTriple = new Uint16Array(TRIPLE_MASK + 1);
  /** A bit per tripleKey that has a bucket: a table small enough to stay in the CPU's nearest cache, unlike byTriple. */
  readonly hasTriple = new Int32Array((TRIPLE_MASK + 1) >>> 5);
  /** Per bucket: bit k set when a phrase's fourth character is k (mod 32), or the phrase has three characters. */
  private readonly fourth: Int32Array;
  /** Per bucket, its phrases' indexes: from bucketFrom[b] up to bucketTo[b]. */
  private readonly bucketFrom: Int32Array;
  private readonly bucketTo: Int32Array;
  /** Per phrase (in bucket order): its bit and where its characters are in `chars`. */
  private readonly bit: Int32Array;
  private readonly start: Int32Array;
  private readonly length: Int32Array;
  private readonly chars: Uint16Array;
  /** The bits of the phrases found since the search started (step): setting it to 0 starts one. */
  found = 0;

  constructor(phrases: Phrase[]) {
    const buckets: Phrase[][] = [];
    for (const p of phrases) {
      if (p.phrase === '') continue;
      const [a, b, c] = [0, 1, 2].map((k) => p.phrase.charCodeAt(k));
      const [table, key] = p.phrase.length >= 3 ? [this.byTriple, tripleKey(a!, b!, c!)] : [this.byFirst, a!];
      if (!table[key]) table[key] = buckets.push([]);
      buckets[table[key]! - 1]!.push(p);
    }
    this.byTriple.forEach((bucket, key) => {
      if (bucket !== 0) setBit(this.hasTriple, key);
    });
    const all = buckets.flat();
    const perBucket = () => new Int32Array(buckets.length + 1);
    [this.bucketFrom, this.bucketTo, this.fourth] = [perBucket(), perBucket(), perBucket()];
    [this.bit, this.start, this.length] = [new Int32Array(all.length), new Int32Array(all.length), new Int32Array(all.length)];
    this.chars = new Uint16Array(all.reduce((n, p) => n + p.phrase.length, 0));
    let k = 0;
    let at = 0;
    buckets.forEach((bucket, b) => {
      this.bucketFrom[b + 1] = k;
      for (const { phrase, bit } of bucket) {
        [this.bit[k], this.start[k], this.length[k]] = [bit, at, phrase.length];
        for (let j = 0; j < phrase.length; j++) this.chars[at++] = phrase.charCodeAt(j);
        this.fourth[b + 1]! |= phrase.length > 3 ? 1 << (phrase.charCodeAt(3) & 31) : -1;
        k++;
      }
      this.bucketTo[b + 1] = k;
    });
  }

  /** The bits of the phrases in a text, given as code units (codeUnits), from `from` to `to`. */
  bitsIn(codes: Uint16Array, from: number, to: number): number {
    this.found = 0;
    let key = 0;
    for (let i = from; i < to; i++) key = this.step(codes, from, to, i, foldCase(codes[i]!), key);
    return this.end(codes, from, to, key);
  }

  /**
   * One character of bitsIn's search, for a scan that reads each character for other ends too: `c` is the one at `i`
   * folded (foldCase), or lower-cased (lowerCases in text/chars.ts), which does as well: every character of a
   * phrase's match lower-cases to the phrase's (phrases hold ASCII letters in lower case and caseless characters
   * only), and other characters only make look-ups that find nothing. `key` is the tripleKey of the three characters
   * before (0 at `from`); returns the key with `c`.
   */
  step(codes: Uint16Array, from: number, to: number, i: number, c: number, key: number): number {
    const short = this.byFirst[c]!;
    if (short !== 0) this.found |= this.bitsAt(codes, i, to, short);
    // Phrases of three characters or more starting three back, whose fourth character may be this one.
    if (hasBit(this.hasTriple, key) && i - 3 >= from) {
      const bucket = this.byTriple[key]!;
      if ((this.fourth[bucket]! >>> (c & 31)) & 1) this.found |= this.bitsAt(codes, i - 3, to, bucket);
    }
    return ((key << 5) ^ c) & TRIPLE_MASK;
  }

  /** The bits found, with those of phrases of three characters that end the text (`key`: step's last). */
  end(codes: Uint16Array, from: number, to: number, key: number): number {
    // 0 stands for "no fourth character". hasTriple rules most keys out without reading byTriple (as in step).
    if (!hasBit(this.hasTriple, key)) return this.found;
    const last = this.byTriple[key]!;
    if (to - 3 >= from && this.fourth[last]! & 1) this.found |= this.bitsAt(codes, to - 3, to, last);
    return this.found;
  }

  /** The bits of the phrases of a bucket that occur at `at` (and end by `to`). */
  private bitsAt(codes: Uint16Array, at: number, to: number, bucket: number): number {
    let bits = 0;
    for (let k = this.bucketFrom[bucket]!; k < this.bucketTo[bucket]!; k++) {
      const length = this.length[k]!;
      if (at + length > to) continue;
      const start = this.start[k]!;
      let j = 0;
      while (j < length && foldCase(codes[at + j]!) === this.chars[start + j]) j++;
      if (j === length) bits |= this.bit[k]!;
    }
    return bits;
  }
}
