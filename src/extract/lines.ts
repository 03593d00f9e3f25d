// A page dump as lines with the features extraction decides on: list items, length, punctuation, stop words.
import { CJK, CJK_FUNCTION, CJK_FUNCTION_PATTERN, CJK_PATTERN, charClass, HANGUL, charClasses, isDecimalDigit, isHanOrKana, codeUnits, HASH_SEED, hashOf, hashStep, LETTER_OR_DIGIT, LETTER_OR_DIGIT_PATTERN, lowerCases, PLAIN_LETTER, smallHash, SPACE, UNREADABLE, UPPER } from '../text/chars.js';
import { commonestList, isoStopwords, stopwordBits } from '../text/stopwords.js';
import { countWords, keyOf } from '../text/words.js';
import { grown } from '../text/packed.js';
import { TRIPLE_MASK, type PhraseFinder } from '../text/phrases.js';
import { boilerplate } from './boilerplate.js';
import type { Scored } from './dump-body.js';

export interface Line {
  index: number;
  /** Text without list marker and surrounding white space. */
  text: string;
  /** Where the text starts in the page's content. */
  start: number;
  /** The comparison key (keyOf in text/words.ts), made when first asked for (lineKey). */
  key: string | null;
  /** A hash of the key (keyHashOf): lines with different hashes have different keys. */
  keyHash: number;
  /** hashOf the key's first word (up to its first space). */
  firstWordHash: number;
  /** Bits of the line patterns whose required phrases the line has (boilerplate.ts): only those patterns can match it. */
  phrases: number;
  indent: number;
  /** A list item (`•`, `*`, `-`, `1.`) or the indented continuation of one. */
  listItem: boolean;
  /** Index of the block (run of non-blank lines) it belongs to. */
  block: number;
  /** Matches of WORD; in Chinese, Japanese and Thai two characters count as a word. */
  words: number;
  /** Words as the record counts them (countWords), for the article's count. */
  recordWords: number;
  /** Share of words that are stop words in the page's language (CJK: function characters; Korean: words with a particle or ending). */
  stopDensity: number;
  /** Ends like a sentence (., !, ?, closing quote...). */
  sentenceEnd: boolean;
  /** The most decimal digits in a row (ASCII, Arabic-Indic, Persian, Devanagari, Bengali, full width): a date has a digit at least, and four (its year) unless it is a time's. */
  digitRun: number;
  /** The page's word buckets (see lineWords), shared by its lines: this line's are from bucketsStart to bucketsEnd. */
  wordBuckets: Int32Array;
  bucketsStart: number;
  bucketsEnd: number;
}

/** How many buckets a line's words are hashed into (a learned weight each, in the line model): a power of two. */
export const WORD_BUCKETS = 4096;

/**
 * The buckets of a line's words, a view of the page's (toLines hashes them in its one scan of the line): each run of
 * letters and digits, lower-cased, digits as 0; each character of a script written without spaces and each sign but
 * white space on its own. A hash per word, no string made: "Sign up for our newsletter" and "© 2024 ..." weigh by
 * their words in any language.
 */
export function lineWords(line: Line): Int32Array {
  return line.wordBuckets.subarray(line.bucketsStart, line.bucketsEnd);
}

/** Ends a word's FNV-1a hash: its bucket (the mix spreads the low bits the bucket keeps). */
function bucket(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (hash ^ (hash >>> 12)) & (WORD_BUCKETS - 1);
}

/** What a digit adds to its word's bucket hash: every digit is 0, so "2024" and "1999" are one word. */
function bucketCode(code: number, lower: number): number {
  return code >= 0x30 && code <= 0x39 ? 0x30 : lower;
}

/** A word is what this matches in the lower-cased line. */
const WORD = new RegExp(`(?:${LETTER_OR_DIGIT_PATTERN.source})(?:${LETTER_OR_DIGIT_PATTERN.source}|['’-])*`, 'gu');
const LIST_MARKER = /^([•·▪◦●■►*]|[-–](?=\s)|\d{1,3}[.)](?=\s))\s*/;
/** A table of the characters: 1 at their codes (a quicker look-up than a Set's). */
const flagsOf = (chars: string) => {
  const codes = [...chars].map((c) => c.charCodeAt(0));
  const flags = new Uint8Array(Math.max(...codes) + 1);
  for (const c of codes) flags[c] = 1;
  return flags;
};
/** Characters a list marker can start with: other lines need no LIST_MARKER match. */
const LIST_MARKER_START = flagsOf('•·▪◦●■►*-–0123456789');
/** Full stops and closing marks, with the danda of Hindi and Bengali (।) and the Arabic-script question mark and full stop (؟ ۔). */
const SENTENCE_END = flagsOf('.!?…:;"”’»)]。！？」』）।॥؟۔');
/**
 * Emoji after the full stop ("See you soon! 🙂") do not hide the sentence's end, nor do the direction marks and
 * embeddings of right-to-left text (U+200E-200F, U+202A-202E, U+2066-2069).
 */
const END_BEFORE_EMOJI = /[.!?…:;"”’»)\]。！？」』）।॥؟۔][\s\p{Extended_Pictographic}\uFE0F\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u;
const CJK_CHARS = new RegExp(CJK_PATTERN.source, 'gu');
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
const KOREAN_WORDS = new RegExp(`(?:${LETTER_OR_DIGIT_PATTERN.source})*[\\uac00-\\ud7a3]`, 'gu');
/**
 * Last syllables of Korean particles and endings (은 는 을 를 에 의 과 와 로 서 이, 고 며 다 면 한 된): what stop
 * words are to other languages, written onto the word. Most words of running Korean text end in one; menus and
 * headlines, strings of nouns, have few.
 */
const KOREAN_ENDINGS = flagsOf('은는을를에의과와로서이고며다면한된');
const CJK_FUNCTIONS = new RegExp(CJK_FUNCTION_PATTERN.source, 'gu');

/**
 * What a line's characters say before the page's language is known (see Line): scanLine and matchLine fill the
 * one object toLines keeps for this, line after line, instead of making one per line.
 */
interface Scan {
  keyHash: number;
  firstWordHash: number;
  /** Matches of WORD. */
  words: number;
  recordWords: number;
  /** The line's phrases (Line.phrases). */
  phrases: number;
  /** In Chinese, Japanese and Thai two characters count as a word, and function characters stand for stop words (-1: no such characters). */
  cjkWords: number;
  cjkStopDensity: number;
  /** Has Hangul syllables (and no CJK): its stop-word density is koreanDensity's if it is mostly Korean. */
  korean: boolean;
  digitRun: number;
}

/**
 * The stop words of a page's lines, line after line, as the index of the set of lists each is in (stopwordBits().sets):
 * scanLine and matchLine append to it. Kept from page to page, and grown when a page needs more.
 */
const stopSets: { at: number; sets: Int32Array } = { at: 0, sets: new Int32Array(1 << 12) };
/** The word buckets of a page's lines, line after line (reused likewise): toLines keeps a copy of the used part. */
const bucketBuffer: { at: number; buckets: Int32Array } = { at: 0, buckets: new Int32Array(1 << 12) };
/** Per line of a page (reused likewise): where its stop words end in stopSets. */
let stopsEnd: Int32Array = new Int32Array(1 << 10);
/** Per set of lists (stopwordBits().sets), reused likewise: the page's sampled stop words in it. */
let sampledPerSet = new Int32Array(0);

const NO_BUCKETS = new Int32Array(0);

/** The numbers of a store's array (a power of two): the word buckets of a hundred pages or so. */
const STORE_SIZE = 1 << 16;
/**
 * Where toLines keeps the word buckets of pages, one page after another, its lines holding a view of their page's:
 * an array of its own for each page costs several times the copy (its memory is allocated and freed outside the
 * heap). A full store is left to the lines that hold views of it, and a new one started.
 */
let bucketStore = { at: 0, buckets: new Int32Array(STORE_SIZE) };

/** A lasting copy of the first `count` numbers of `buckets` (a view of the store). */
function keptBuckets(buckets: Int32Array, count: number): Int32Array {
  if (bucketStore.at + count > bucketStore.buckets.length) bucketStore = { at: 0, buckets: new Int32Array(Math.max(STORE_SIZE, count)) };
  const { at } = bucketStore;
  const kept = bucketStore.buckets.subarray(at, at + count);
  kept.set(buckets.subarray(0, count));
  bucketStore.at = at + count;
  return kept;
}

/** Splits a dump into lines (blank ones dropped) and measures each. */
export function toLines(content: string): Line[] {
  const lines: Line[] = [];
  const scan: Scan = { keyHash: 0, firstWordHash: 0, words: 0, recordWords: 0, phrases: 0, cjkWords: -1, cjkStopDensity: 0, korean: false, digitRun: 0 };
  // Lines mostly in Korean may have their own density (koreanDensity), and lines in CJK scripts have theirs already.
  const korean: number[] = [];
  const cjk: number[] = [];
  const { sets } = stopwordBits();
  // The page's language is told by the stop words of its first LANGUAGE_SAMPLE words or so (pageStopBit).
  if (sampledPerSet.length !== sets.length) sampledPerSet = new Int32Array(sets.length);
  const perSet = sampledPerSet.fill(0);
  let sampled = 0;
  stopSets.at = 0;
  bucketBuffer.at = 0;
  const codes = codeUnits(content);
  const finder = boilerplate().phrases;
  let block = 0;
  let previousBlank = true;
  let listIndent = -1;
  // Lines end at \r\n, \r or \n (as split(/\r\n?|\n/) has them); the next \r and \n are looked for as they are passed.
  let nextCR = -1;
  let nextLF = -1;
  for (let index = 0, rawStart = 0; rawStart <= content.length; index++) {
    if (nextCR < rawStart) nextCR = indexOrEnd(content, '\r', rawStart);
    if (nextLF < rawStart) nextLF = indexOrEnd(content, '\n', rawStart);
    const rawEnd = Math.min(nextCR, nextLF);
    const lineStart = rawStart;
    rawStart = rawEnd + (codes[rawEnd] === 13 && codes[rawEnd + 1] === 10 ? 2 : 1);
    // The line without the white space around it (as trim() takes it).
    let from = lineStart;
    while (from < rawEnd && charClass(codes[from]!) & SPACE) from++;
    if (from === rawEnd) {
      previousBlank = true;
      listIndent = -1;
      continue;
    }
    let to = rawEnd;
    while (charClass(codes[to - 1]!) & SPACE) to--;
    if (previousBlank) block++;
    previousBlank = false;
    const indent = from - lineStart;
    let textStart = afterListMarker(codes, from, to);
    let listItem = false;
    if (textStart >= 0) {
      listItem = true;
      listIndent = indent;
      // Markers after the first go too ("• • Live"): only the start moves.
      do {
        from = textStart;
      } while ((textStart = afterListMarker(codes, from, to)) >= 0);
    } else if (listIndent >= 0 && indent > listIndent) {
      listItem = true;
    } else {
      listIndent = -1;
    }
    const text = content.slice(from, to);
    const stopsBefore = stopSets.at;
    // A line has no more words than code units.
    if (stopSets.sets.length < stopsBefore + to - from) stopSets.sets = grown(stopSets.sets, stopsBefore + to - from);
    const bucketsStart = bucketBuffer.at;
    // Nor more word buckets.
    if (bucketBuffer.buckets.length < bucketsStart + to - from) bucketBuffer.buckets = grown(bucketBuffer.buckets, bucketsStart + to - from);
    if (!scanLine(codes, from, to, scan, finder)) {
      stopSets.at = stopsBefore; // what the scan appended before it gave up
      bucketBuffer.at = hashWords(codes, from, to, bucketBuffer.buckets, bucketsStart);
      matchLine(text, scan);
      scan.phrases = finder.bitsIn(codes, from, to);
      scan.digitRun = mostDigitsInRow(codes, from, to);
    }
    if (sampled <= LANGUAGE_SAMPLE) {
      for (let j = stopsBefore; j < stopSets.at; j++) perSet[stopSets.sets[j]!]!++;
      sampled += scan.words;
    }
    const k = lines.length;
    if (stopsEnd.length === k) stopsEnd = grown(stopsEnd, k + 1);
    stopsEnd[k] = stopSets.at;
    if (scan.cjkWords >= 0) cjk.push(k);
    else if (scan.korean) korean.push(k);
    const sentenceEnd = from < to && (SENTENCE_END[codes[to - 1]!] === 1 || (codes[to - 1]! >= 0x2000 && endsBeforeEmoji(text)));
    const cjkLine = scan.cjkWords >= 0;
    // With the fields scoreLines sets (Scored's) already there: it fills them in, and a line keeps one shape.
    const line: Scored = { index, text, start: from, key: null, keyHash: scan.keyHash, firstWordHash: scan.firstWordHash, phrases: scan.phrases, indent, listItem, block, words: cjkLine ? scan.cjkWords : scan.words, recordWords: scan.recordWords, stopDensity: cjkLine ? scan.cjkStopDensity : 0, sentenceEnd, digitRun: scan.digitRun, wordBuckets: NO_BUCKETS, bucketsStart, bucketsEnd: bucketBuffer.at, kind: 'bad', repeats: 0, insert: false, end: false, dated: false, dateLine: false, furniture: false, listed: false, template: false };
    lines.push(line);
  }
  const wordBuckets = keptBuckets(bucketBuffer.buckets, bucketBuffer.at);
  for (const line of lines) line.wordBuckets = wordBuckets;
  const stopBit = pageStopBit(perSet, sampled);
  // The lines' stop-word densities; korean and cjk hold line numbers in order.
  for (let k = 0, next = 0, c = 0, h = 0; k < lines.length; next = stopsEnd[k++]!) {
    const line = lines[k]!;
    if (cjk[c] === k) {
      c++;
      if (THAI.test(line.text)) line.stopDensity = thaiDensity(line.text);
      continue; // set from the scan
    }
    if (korean[h] === k) {
      h++;
      const density = koreanDensity(line.text, line.words);
      if (density >= 0) {
        line.stopDensity = density;
        continue;
      }
    }
    if (stopBit === NO_LIST) {
      line.stopDensity = UNKNOWN_DENSITY;
      continue;
    }
    let stops = 0;
    for (let j = next; j < stopsEnd[k]!; j++) if (sets[stopSets.sets[j]!]! & stopBit) stops++;
    line.stopDensity = line.words ? stops / line.words : 0;
  }
  return lines;
}

/** A Thai letter: Thai is written without spaces between words, and its function words are words, not characters. */
const THAI = /[\u0e00-\u0e7f]/;
const THAI_LETTERS = /[\u0e00-\u0e7f]/g;
/** stopwords-iso's Thai words by their first character, longest first; made on first use. */
let thaiStopwords: Map<string, string[]> | null = null;

/**
 * The share of a line's Thai characters in Thai stop words, found longest first from each position on (stopwords-iso's
 * list): about 0.4-0.7 in running text, 0.1 in a menu, as the CJK function characters' share.
 */
function thaiDensity(text: string): number {
  if (!thaiStopwords) {
    thaiStopwords = new Map();
    for (const word of [...isoStopwords('th')].sort((a, b) => b.length - a.length)) {
      const list = thaiStopwords.get(word[0]!);
      if (list) list.push(word);
      else thaiStopwords.set(word[0]!, [word]);
    }
  }
  let covered = 0;
  for (let i = 0; i < text.length; ) {
    const word = thaiStopwords.get(text[i]!)?.find((w) => text.startsWith(w, i));
    if (word) covered += word.length;
    i += word ? word.length : 1;
  }
  return covered / Math.max(1, text.match(THAI_LETTERS)!.length);
}

/** Whether the text starts with a list marker (`•`, `*`, `-`, `1.`). */
export function startsWithListMarker(text: string): boolean {
  return LIST_MARKER_START[text.charCodeAt(0)] === 1 && LIST_MARKER.test(text);
}

/**
 * Where the text after a list marker at `at` starts (after LIST_MARKER's match: the marker and the white space after
 * it), or -1 when the line (which ends at `to`) has none there. Read off the code units: most lines start with none,
 * and those that do (menus) need no match, slice or trim.
 */
function afterListMarker(codes: Uint16Array, at: number, to: number): number {
  if (at >= to || LIST_MARKER_START[codes[at]!] !== 1) return -1;
  const c = codes[at]!;
  let end = at + 1;
  if (c >= 48 && c <= 57) {
    // One to three digits, then . or ), then white space.
    let digits = at;
    while (digits < to && codes[digits]! >= 48 && codes[digits]! <= 57) digits++;
    if (digits - at > 3 || digits + 1 >= to || (codes[digits] !== 46 && codes[digits] !== 41) || !(charClass(codes[digits + 1]!) & SPACE)) return -1;
    end = digits + 1;
  } else if ((c === 45 || c === 0x2013) && (end >= to || !(charClass(codes[end]!) & SPACE))) {
    return -1; // a dash is a marker only before white space
  }
  while (end < to && charClass(codes[end]!) & SPACE) end++;
  return end;
}

/** Emoji and direction marks are past U+2000 (symbols, joiners, surrogate pairs): only lines ending so need the regex (a function of its own: in the scan loop it slows the loop). */
function endsBeforeEmoji(text: string): boolean {
  return END_BEFORE_EMOJI.test(text);
}

/** Where `search` next is in `text`, or its length. */
function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/** Words enough to tell a page's language by its stop words. */
const LANGUAGE_SAMPLE = 3000;

/** pageStopBit's answer for a page whose words are in no list: a language without one. */
const NO_LIST = -1;
/**
 * The stop-word density of a line in such a language: unknown, so taken as that of plain text, and the line
 * is judged by its length and punctuation (a page in Bengali is not all furniture).
 */
const UNKNOWN_DENSITY = 0.4;

/** The least share of a page's words its language's list covers: less is a few words of another language (a menu in English on a page in Bengali). */
const LEAST_COVER = 0.05;

/**
 * The bit of the page language's stop-word list: the one that covers most of its (first few thousand) words;
 * NO_LIST when none covers LEAST_COVER of them. `perSet`: the sampled words' stop words per set of lists
 * (stopwordBits().sets), of `sampled` words.
 */
function pageStopBit(perSet: Int32Array, sampled: number): number {
  const { lists, sets } = stopwordBits();
  const hits = new Array<number>(lists.length).fill(0);
  for (let set = 1; set < sets.length; set++) {
    if (perSet[set] === 0) continue;
    // Each list the set has, lowest bit first.
    for (let bits = sets[set]!; bits !== 0; bits &= bits - 1) hits[31 - Math.clz32(bits & -bits)]! += perSet[set]!;
  }
  const best = commonestList(hits);
  return best >= 0 && hits[best]! >= sampled * LEAST_COVER ? 1 << best : NO_LIST;
}

/**
 * Writes the buckets of the words of `codes` from `from` to `to` (see lineWords) into `buckets` from `at`; returns
 * where they end. What scanLine does as it goes, for the lines it gives up on.
 */
function hashWords(codes: Uint16Array, from: number, to: number, buckets: Int32Array, at: number): number {
  const classes = charClasses();
  let wordStart = -1;
  for (let i = from; i < to; i++) {
    const code = codes[i]!;
    const cls = classes[code] || charClass(code);
    if (cls & LETTER_OR_DIGIT && !(cls & CJK)) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      buckets[at++] = bucketAt(codes, wordStart, i);
      wordStart = -1;
    }
    if (!(cls & SPACE)) buckets[at++] = bucket(hashStep(HASH_SEED, code));
  }
  if (wordStart >= 0) buckets[at++] = bucketAt(codes, wordStart, to);
  return at;
}

/** The bucket of the word of `codes` from `from` to `to` (letters and digits, none of a script written without spaces). */
function bucketAt(codes: Uint16Array, from: number, to: number): number {
  const lower = lowerCases();
  let hash = HASH_SEED;
  for (let i = from; i < to; i++) hash = hashStep(hash, bucketCode(codes[i]!, lower[codes[i]!]!));
  return bucket(hash);
}

/**
 * The key hash, the words (WORD's and countWords's), the CJK counts and the phrases (`finder`'s bitsIn) in one pass
 * over the line (`codes` from `from` to `to`); false when it has characters only the regexes read right (matchLine).
 * Lower-casing keeps every other character's length and class, so words and key are where they are in the original
 * line, and are hashed in lower case as they go; stop words are looked up by hash, not cut out of the line.
 */
function scanLine(codes: Uint16Array, from: number, to: number, scan: Scan, finder: PhraseFinder): boolean {
  const classes = charClasses();
  const lowered = lowerCases();
  const { longest, table } = stopwordBits();
  const stops = stopSets.sets;
  let stopsAt = stopSets.at;
  let words = 0;
  let spaced = 0;
  let cjkChars = 0;
  let cjkFunctions = 0;
  let hangul = false;
  let keyHash = HASH_SEED;
  let firstRunHash = -1;
  // countWords's words: Han and kana characters one by one, and runs of other letters and digits, but those that
  // only one ' ’ . or - parts from a run of such letters before.
  let recordWords = 0;
  let runEnd = -2;
  // The letter before is Han or kana: a run's letters after it start a word, and a joiner after it joins nothing.
  let afterHanOrKana = false;
  let runEndedHanOrKana = false;
  // The run of letters and digits the scan is in, and the word: runs joined by ' ’ or -, and those after the last.
  // A word's hash is its first run's until a joiner comes.
  let inRun = false;
  let inWord = false;
  let runHash = HASH_SEED;
  let wordHash = HASH_SEED;
  let wordStart = 0;
  let joined = false;
  let cjkWord = false;
  let phraseKey = 0;
  // The word being read for its bucket (lineWords), and where the line's buckets go. Most such words are a whole run
  // without digits, whose bucket comes from the run's hash; the others are hashed again at their end (bucketAt).
  const buckets = bucketBuffer.buckets;
  let bucketsAt = bucketBuffer.at;
  let inBucketWord = false;
  let bucketStart = 0;
  let runStart = 0;
  // Whether the run has decimal digits (ASCII ones anywhere, others at its start), and the most in a row of the runs before.
  let digits = false;
  let digitRun = 0;
  finder.found = 0;
  const { byFirst, hasTriple } = finder;
  // The module bindings the loop of plain letters reads, read once: it would load each (and check that it is set)
  // on every character.
  const upper = UPPER;
  const plainLetter = PLAIN_LETTER;
  const tripleMask = TRIPLE_MASK;
  const hashWith = hashStep;
  for (let i = from; i <= to; i++) {
    // At the line's end (i === to), a character of no class ends the run and the word.
    let c = 0;
    let cls = 0;
    if (i < to) {
      c = codes[i]!;
      cls = classes[c] || charClass(c);
      if (cls & UNREADABLE) return false;
      const lower = lowered[c]!; // classed already (cls), so in the table
      // step only where the finder can find something (as the loop of plain letters below tests): most characters
      // (spaces, a word's first letter) need only the key rolled.
      if (byFirst[lower] !== 0 || ((hasTriple[phraseKey >>> 5]! >>> (phraseKey & 31)) & 1) !== 0) phraseKey = finder.step(codes, from, to, i, lower, phraseKey);
      else phraseKey = ((phraseKey << 5) ^ lower) & tripleMask;
      if (cls & LETTER_OR_DIGIT && !(cls & CJK)) {
        if (!inBucketWord) {
          inBucketWord = true;
          bucketStart = i;
        }
      } else {
        if (inBucketWord) {
          inBucketWord = false;
          // A word that started with its run and has no digit is the run so far (a run goes on past a character
          // written without spaces, a word does not): the run's hash is the word's.
          buckets[bucketsAt++] = bucketStart === runStart && !digits ? bucket(runHash) : bucketAt(codes, bucketStart, i);
        }
        if (!(cls & SPACE)) buckets[bucketsAt++] = bucket(hashStep(HASH_SEED, c));
      }
      if (cls & LETTER_OR_DIGIT) {
        const hanOrKana = isHanOrKana(c, cls);
        if (hanOrKana || (inRun ? afterHanOrKana : i - runEnd !== 1 || runEndedHanOrKana || !isRecordJoiner(codes[runEnd]!))) recordWords++;
        afterHanOrKana = hanOrKana;
        if (!inRun) {
          inRun = true;
          runHash = HASH_SEED;
          runStart = i;
          digits = false;
          if (!inWord) {
            inWord = true;
            wordStart = i;
            joined = false;
            cjkWord = false;
          }
        }
        runHash = hashStep(runHash, lower);
        if (joined) wordHash = hashStep(wordHash, lower);
        if (isDecimalDigit(c)) digits = true;
        if (cls & (CJK | HANGUL)) {
          if (cls & HANGUL) hangul = true;
          else {
            cjkWord = true;
            cjkChars++;
            if (cls & CJK_FUNCTION) cjkFunctions++;
          }
        }
        // The rest of the run, while its characters are plain letters and digits (most are): they need only hashing
        // and the phrase search, so a tighter loop takes them, testing itself whether the finder can find anything
        // there (a call per character costs more than the test) and rolling the key as step does; it leaves the
        // characters where the finder can to the loop above.
        // After a character written without spaces (a word of its own), the plain letters that follow start a word.
        if (!inBucketWord && i + 1 < to && (classes[codes[i + 1]!]! | UPPER) === PLAIN_LETTER) {
          inBucketWord = true;
          bucketStart = i + 1;
          // The plain letters the loop below takes start a record word.
          if (afterHanOrKana) {
            recordWords++;
            afterHanOrKana = false;
          }
        }
        // In a word with a joiner (rare), the loop above takes each character: it hashes the word as well.
        while (!joined && i + 1 < to) {
          const next = codes[i + 1]!;
          if ((classes[next]! | upper) !== plainLetter) break;
          const lower = lowered[next]!;
          // hasBit (text/bits.ts) spelled out. No call to step here: a call in this loop, however rare, has it
          // check and load every array anew on every character.
          if (byFirst[lower] !== 0 || ((hasTriple[phraseKey >>> 5]! >>> (phraseKey & 31)) & 1) !== 0) break;
          i++;
          phraseKey = ((phraseKey << 5) ^ lower) & tripleMask;
          runHash = hashWith(runHash, lower);
          if (next <= 0x39 && next >= 0x30) digits = true;
        }
        continue;
      }
    }
    if (inRun) {
      inRun = false;
      runEnd = i;
      runEndedHanOrKana = afterHanOrKana;
      if (digits) digitRun = Math.max(digitRun, mostDigitsInRow(codes, runStart, i));
      keyHash = withRun(keyHash, runHash);
      if (firstRunHash === -1) firstRunHash = smallHash(runHash);
      if (!joined) wordHash = runHash;
    }
    if (inWord) {
      if (c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 45 /* - */) {
        joined = true;
        wordHash = hashStep(wordHash, c);
        continue;
      }
      inWord = false;
      words++;
      if (!cjkWord) spaced++;
      const set = i - wordStart <= longest ? table.find(wordHash, codes, wordStart, i) : 0;
      if (set) stops[stopsAt++] = set;
    }
    if (cls & CJK) cjkChars++;
    if (cls & CJK_FUNCTION) cjkFunctions++;
  }
  stopSets.at = stopsAt;
  if (inBucketWord) buckets[bucketsAt++] = bucketStart === runStart && !digits ? bucket(runHash) : bucketAt(codes, bucketStart, to);
  bucketBuffer.at = bucketsAt;
  scan.keyHash = smallHash(keyHash);
  scan.firstWordHash = firstRunHash === -1 ? smallHash(HASH_SEED) : firstRunHash;
  scan.words = words;
  scan.recordWords = recordWords;
  scan.phrases = finder.end(codes, from, to, phraseKey);
  cjkMeasure(scan, spaced, cjkChars, cjkFunctions);
  scan.korean = hangul && cjkChars === 0;
  scan.digitRun = digitRun;
  return true;
}

/** The most decimal digits (isDecimalDigit) in a row in `codes` from `from` to `to`. */
function mostDigitsInRow(codes: Uint16Array, from: number, to: number): number {
  let most = 0;
  for (let i = from, run = 0; i < to; i++) {
    run = isDecimalDigit(codes[i]!) ? run + 1 : 0;
    most = Math.max(most, run);
  }
  return most;
}

function isRecordJoiner(c: number): boolean {
  return c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 46 /* . */ || c === 45 /* - */;
}

/** The key hash with one more run of letters and digits, given the run's hashStep hash. */
function withRun(keyHash: number, runHash: number): number {
  return hashStep(keyHash, smallHash(runHash));
}

/** The hash scanLine makes of a line with this key: of its runs' hashes, so that a scan need hash each character once. */
function keyHashOf(key: string): number {
  let keyHash = HASH_SEED;
  if (key !== '') for (const run of key.split(' ')) keyHash = hashStep(keyHash, hashOf(run));
  return smallHash(keyHash);
}

/** What scanLine finds, with the regexes. */
function matchLine(text: string, scan: Scan): void {
  const { bitsOf, setIndex } = stopwordBits();
  // No `?? []`: an empty literal has another elements kind than match's arrays, and the reads below would deoptimise.
  const words = text.toLowerCase().match(WORD);
  if (words) {
    for (const w of words) {
      const bits = bitsOf.get(w);
      if (bits) stopSets.sets[stopSets.at++] = setIndex.get(bits)!;
    }
  }
  const cjkChars = text.match(CJK_CHARS)?.length ?? 0;
  const spaced = cjkChars > 0 && words ? words.filter((w) => !CJK_PATTERN.test(w)).length : 0;
  const key = keyOf(text);
  scan.keyHash = keyHashOf(key);
  const space = key.indexOf(' ');
  scan.firstWordHash = hashOf(space < 0 ? key : key.slice(0, space));
  scan.words = words ? words.length : 0;
  scan.recordWords = countWords(text);
  cjkMeasure(scan, spaced, cjkChars, cjkChars > 0 ? text.match(CJK_FUNCTIONS)?.length ?? 0 : 0);
  scan.korean = cjkChars === 0 && HANGUL_SYLLABLE.test(text);
}

/** The CJK words and stop-word density of a line with `chars` CJK characters (none: cjkWords -1), `spaced` other words. */
function cjkMeasure(scan: Scan, spaced: number, chars: number, functions: number): void {
  scan.cjkWords = chars > 0 ? spaced + Math.ceil(chars / 2) : -1;
  scan.cjkStopDensity = (functions / 2) / Math.max(1, chars / 2);
}

/**
 * For a line mostly in Korean (of `words` words), the share of its words with a particle or ending, which stands
 * for stop-word density; -1 for other lines.
 */
function koreanDensity(text: string, words: number): number {
  const korean = text.match(KOREAN_WORDS) ?? [];
  if (korean.length * 2 <= words) return -1;
  let endings = 0;
  for (const word of korean) if (KOREAN_ENDINGS[word.charCodeAt(word.length - 1)] === 1) endings++;
  return endings / words;
}

/** The line's key, made and kept on first use. */
export function lineKey(line: { text: string; key: string | null }): string {
  return (line.key ??= keyOf(line.text));
}
