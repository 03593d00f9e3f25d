// A page dump as lines with the features extraction decides on: list items, length, punctuation, stop words.
import { CJK, CJK_FUNCTION, CJK_FUNCTION_PATTERN, CJK_PATTERN, charClass, HANGUL, charClasses, codeUnits, HASH_SEED, hashOf, hashStep, LETTER_OR_DIGIT, lowerCases, smallHash, SPACE, UNREADABLE } from '../text/chars.js';
import { commonestList, stopwordBits } from '../text/stopwords.js';
import { countWords, keyOf } from '../text/words.js';
import { boilerplate } from './boilerplate.js';

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
}

/** A word is what this matches in the lower-cased line. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
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
const KOREAN_WORDS = /[\p{L}\p{N}]*[\uac00-\ud7a3]/gu;
/**
 * Last syllables of Korean particles and endings (은 는 을 를 에 의 과 와 로 서 이, 고 며 다 면 한 된): what stop
 * words are to other languages, written onto the word. Most words of running Korean text end in one; menus and
 * headlines, strings of nouns, have few.
 */
const KOREAN_ENDINGS = flagsOf('은는을를에의과와로서이고며다면한된');
const CJK_FUNCTIONS = new RegExp(CJK_FUNCTION_PATTERN.source, 'gu');

/** What a line's characters say before the page's language is known (see Line). */
interface Scan {
  keyHash: number;
  firstWordHash: number;
  /** Matches of WORD. */
  words: number;
  recordWords: number;
  /**
   * How many of its words are stop words in some language; the set of lists each is in (its index in
   * stopwordBits().sets) is pushed to the page's array of them.
   */
  stops: number;
  /** In Chinese, Japanese and Thai two characters count as a word, and function characters stand for stop words. */
  cjk: { words: number; stopDensity: number } | null;
  /** Has Hangul syllables (and no CJK): its stop-word density is koreanDensity's if it is mostly Korean. */
  korean: boolean;
}

/** Splits a dump into lines (blank ones dropped) and measures each. */
export function toLines(content: string): Line[] {
  const lines: Line[] = [];
  const scans: Scan[] = [];
  // The set of lists (stopwordBits) of every line's stop words, line after line.
  const stopSets: number[] = [];
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
    const stopsBefore = stopSets.length;
    let scan = scanLine(codes, from, to, stopSets);
    if (!scan) {
      stopSets.length = stopsBefore; // what the scan pushed before it gave up
      scan = matchLine(text, stopSets);
    }
    scans.push(scan);
    const sentenceEnd = from < to && (SENTENCE_END[codes[to - 1]!] === 1 || (codes[to - 1]! >= 0x2000 && endsBeforeEmoji(text)));
    const phrases = finder.bitsIn(codes, from, to);
    lines.push({ index, text, start: from, key: null, keyHash: scan.keyHash, firstWordHash: scan.firstWordHash, phrases, indent, listItem, block, words: 0, recordWords: scan.recordWords, stopDensity: 0, sentenceEnd });
  }
  const { sets } = stopwordBits();
  const stopBit = pageStopBit(scans, stopSets);
  let next = 0; // index of the line's first stop word in stopSets
  for (let k = 0; k < lines.length; k++) {
    const { words, stops: count, cjk, korean } = scans[k]!;
    let stops = 0;
    for (let j = next; j < next + count; j++) if (sets[stopSets[j]!]! & stopBit) stops++;
    next += count;
    lines[k]!.words = cjk ? cjk.words : words;
    const koreanStops = korean ? koreanDensity(lines[k]!.text, words) : -1;
    lines[k]!.stopDensity = cjk ? cjk.stopDensity : koreanStops >= 0 ? koreanStops : stopBit === NO_LIST ? UNKNOWN_DENSITY : words ? stops / words : 0;
  }
  return lines;
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
 * NO_LIST when none covers LEAST_COVER of them.
 */
function pageStopBit(scans: Scan[], stopSets: number[]): number {
  const { lists, sets } = stopwordBits();
  const perSet = new Int32Array(sets.length);
  let sampled = 0;
  let next = 0;
  for (const { words, stops } of scans) {
    for (let j = next; j < next + stops; j++) perSet[stopSets[j]!]!++;
    next += stops;
    sampled += words;
    if (sampled > LANGUAGE_SAMPLE) break;
  }
  const hits = new Array<number>(lists.length).fill(0);
  for (let set = 1; set < sets.length; set++) {
    if (perSet[set] === 0) continue;
    for (let k = 0; k < hits.length; k++) if (sets[set]! & (1 << k)) hits[k]! += perSet[set]!;
  }
  const best = commonestList(hits);
  return best >= 0 && hits[best]! >= sampled * LEAST_COVER ? 1 << best : NO_LIST;
}

/**
 * The key hash, the words (WORD's and countWords's) and the CJK counts in one pass over the line (`codes` from
 * `from` to `to`), or null when it has characters only the regexes read right (matchLine). Lower-casing keeps
 * every other character's length and class, so words and key are where they are in the original line, and are
 * hashed in lower case as they go; stop words are looked up by hash, not cut out of the line.
 */
function scanLine(codes: Uint16Array, from: number, to: number, stopSets: number[]): Scan | null {
  const classes = charClasses();
  const lowered = lowerCases();
  const { longest, table } = stopwordBits();
  const firstStop = stopSets.length;
  let words = 0;
  let spaced = 0;
  let cjkChars = 0;
  let cjkFunctions = 0;
  let hangul = false;
  let keyHash = HASH_SEED;
  let firstRunHash = -1;
  // countWords's words: runs of letters and digits, but those that only one ' ’ . or - parts from the run before.
  let recordWords = 0;
  let runEnd = -2;
  let i = from;
  while (i < to) {
    let c = codes[i]!;
    let cls = classes[c] || charClass(c);
    if (cls & UNREADABLE) return null;
    if (!(cls & LETTER_OR_DIGIT)) {
      if (cls & CJK) cjkChars++;
      if (cls & CJK_FUNCTION) cjkFunctions++;
      i++;
      continue;
    }
    // A word: runs of letters and digits, joined by ' ’ or -. Its hash is the first run's until a joiner comes.
    const start = i;
    let wordHash = HASH_SEED;
    let joined = false;
    let cjkWord = false;
    for (;;) {
      if (i - runEnd !== 1 || !isRecordJoiner(codes[runEnd]!)) recordWords++;
      let runHash = HASH_SEED;
      do {
        const lower = lowered[c]!; // classed already (cls), so in the table
        runHash = hashStep(runHash, lower);
        if (joined) wordHash = hashStep(wordHash, lower);
        if (cls & (CJK | HANGUL)) {
          if (cls & HANGUL) hangul = true;
          else {
            cjkWord = true;
            cjkChars++;
            if (cls & CJK_FUNCTION) cjkFunctions++;
          }
        }
        if (++i === to) break;
        c = codes[i]!;
        cls = classes[c] || charClass(c);
        if (cls & UNREADABLE) return null;
      } while (cls & LETTER_OR_DIGIT);
      runEnd = i;
      keyHash = withRun(keyHash, runHash);
      if (firstRunHash === -1) firstRunHash = smallHash(runHash);
      if (!joined) wordHash = runHash;
      while (i < to && (c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 45 /* - */)) {
        joined = true;
        wordHash = hashStep(wordHash, c);
        if (++i === to) break;
        c = codes[i]!;
        cls = classes[c] || charClass(c);
        if (cls & UNREADABLE) return null;
      }
      if (i === to || !(cls & LETTER_OR_DIGIT)) break;
    }
    words++;
    if (!cjkWord) spaced++;
    const set = i - start <= longest ? table.find(wordHash, codes, start, i) : 0;
    if (set) stopSets.push(set);
  }
  const cjk = cjkChars > 0 ? cjkMeasure(spaced, cjkChars, cjkFunctions) : null;
  return { keyHash: smallHash(keyHash), firstWordHash: firstRunHash === -1 ? smallHash(HASH_SEED) : firstRunHash, words, recordWords, stops: stopSets.length - firstStop, cjk, korean: hangul && !cjk };
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
function matchLine(text: string, stopSets: number[]): Scan {
  const { bitsOf, setIndex } = stopwordBits();
  const words = text.toLowerCase().match(WORD) ?? [];
  let stops = 0;
  for (const w of words) {
    const bits = bitsOf.get(w);
    if (bits) {
      stops++;
      stopSets.push(setIndex.get(bits)!);
    }
  }
  const cjkChars = text.match(CJK_CHARS)?.length ?? 0;
  const spaced = () => words.filter((w) => !CJK_PATTERN.test(w)).length;
  const cjk = cjkChars > 0 ? cjkMeasure(spaced(), cjkChars, text.match(CJK_FUNCTIONS)?.length ?? 0) : null;
  const key = keyOf(text);
  return { keyHash: keyHashOf(key), firstWordHash: hashOf(key.split(' ')[0]!), words: words.length, recordWords: countWords(text), stops, cjk, korean: !cjk && HANGUL_SYLLABLE.test(text) };
}

function cjkMeasure(spaced: number, chars: number, functions: number): { words: number; stopDensity: number } {
  return { words: spaced + Math.ceil(chars / 2), stopDensity: (functions / 2) / Math.max(1, chars / 2) };
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
