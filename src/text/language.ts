// Guesses the language of a text: writing system first, then which stop-word list covers most words.
import { codeUnits, HASH_SEED, hashStep, lowerCase, lowerCases } from './chars.js';
import { isoStopwords, stopwordBits, stopwordHits, stopwordLists } from './stopwords.js';
import { packedMap, sized } from './packed.js';
import { countWords } from './words.js';

/**
 * Scripts that tell a language: the share of the letters that must be in the script, the languages written in it
 * (the first unless another's stop words, stopwords-iso's, cover more of the text: Persian and Urdu are written in
 * Arabic letters, Marathi in Devanagari), and the letters of the language (the script's, when not given), whose
 * share is how sure the guess is. Japanese is written in kana and Han characters (often more Han than kana),
 * Chinese in Han alone: kana tell Japanese first, at a lower share.
 */
const SCRIPTS: Array<{ letters: RegExp; share: number; languages: string[]; own?: RegExp }> = [
  { letters: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, share: 0.1, languages: ['ja'], own: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u },
  ...([
    ['Han', 'zh'], ['Hangul', 'ko'], ['Arabic', 'ar', 'fa', 'ur'], ['Hebrew', 'he'], ['Greek', 'el'], ['Thai', 'th'],
    ['Devanagari', 'hi', 'mr'], ['Bengali', 'bn'], ['Tamil', 'ta'], ['Telugu', 'te'], ['Kannada', 'kn'], ['Malayalam', 'ml'],
    ['Gujarati', 'gu'], ['Gurmukhi', 'pa'], ['Sinhala', 'si'], ['Georgian', 'ka'], ['Armenian', 'hy'], ['Khmer', 'km'],
    ['Lao', 'lo'], ['Myanmar', 'my'], ['Ethiopic', 'am'],
  ] as const).map(([script, ...languages]) => ({ letters: new RegExp(`\\p{Script=${script}}`, 'u'), share: 0.3, languages: [...languages] })),
];

/** Words, with the marks written on their letters (Hindi's vowel signs): as stop-word lists write them. */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?/gu;
/** Words sampled: enough to decide, bounded so huge texts cost no more than small ones. */
const SAMPLE_WORDS = 2000;

/**
 * How much more often a word of one language's stop-word list turns up in that language than in another: each
 * stop word a list covers multiplies that language's odds by this. One word decides little, twenty decide all.
 */
const STOPWORD_ODDS = Math.E;

/**
 * ISO 639-1 code of the text's language, or "und" when it cannot tell (too little text), and how sure the guess
 * is: the probability of that language given which stop-word lists cover the words, each covered word
 * multiplying a list's odds by STOPWORD_ODDS (0 for "und"). Latin and Cyrillic texts are told apart by stop
 * words (en, de, es, fr, id, it, nl, no, pl, pt, ru, sv, uk); other scripts by their letters.
 */
export function guessLanguage(text: string): { code: string; confidence: number } {
  const sample = text.length > 40_000 ? text.slice(0, 40_000) : text;
  const latin = latinStopwordHits(sample);
  if (latin) return latin.words < 5 ? UNDETERMINED : byStopwords(latin.words, latin.covered, latin.distinct);
  const words = (sample.match(WORD) ?? []).slice(0, SAMPLE_WORDS);
  // Chinese and Japanese runs of letters are whole sentences: their characters are counted as words.
  if (words.length < 5 && countWords(sample) < 5) return UNDETERMINED;
  const letters = words.join('');
  // Scripts other than Latin are looked for only when there are letters beyond Latin Extended.
  if (/[^\u0000-\u024f]/.test(letters)) {
    const count = (re: RegExp) => letters.match(new RegExp(re.source, 'gu'))?.length ?? 0;
    for (const { letters: script, share, languages, own } of SCRIPTS) {
      const hits = count(script);
      if (hits > letters.length * share) return { code: likeliest(languages, words), confidence: round((own ? count(own) : hits) / letters.length) };
    }
  }
  const { words: covered, distinct } = stopwordHits(packedMap(words, (w) => w.toLowerCase()));
  return byOwnLetters(byStopwords(words.length, covered, distinct), letters);
}

/**
 * Russian and Ukrainian share most stop words (natural's lists give a short text the same count): the letters only
 * one of them writes decide, Ukrainian's і ї є ґ against Russian's ы э ъ ё; then the guess is as sure as their shares.
 */
function byOwnLetters(guess: { code: string; confidence: number }, letters: string): { code: string; confidence: number } {
  if (guess.code !== 'ru' && guess.code !== 'uk') return guess;
  const ukrainian = letters.match(/[іїєґІЇЄҐ]/g)?.length ?? 0;
  const russian = letters.match(/[ыэъёЫЭЪЁ]/g)?.length ?? 0;
  const code = ukrainian > russian ? 'uk' : ukrainian < russian ? 'ru' : guess.code;
  // Against the stop words, as sure as the letters make it.
  return code === guess.code ? guess : { code, confidence: round(Math.max(ukrainian, russian) / (ukrainian + russian)) };
}

const UNDETERMINED = { code: 'und', confidence: 0 };

/** Of languages written in one script, the one whose stopwords-iso list covers most of the words; the first on a tie. */
function likeliest(languages: string[], words: string[]): string {
  if (languages.length === 1) return languages[0]!;
  const covered = languages.map((code) => {
    const list = isoStopwords(code);
    return words.reduce((n, w) => n + (list.has(w) ? 1 : 0), 0);
  });
  return languages[covered.indexOf(Math.max(...covered))]!;
}

/**
 * The guess from how many of the `words` words each of stopwordBits' lists covers (`covered`) and how many distinct
 * ones (`distinct`), as stopwordHits and latinStopwordHits count them. The stopwords-iso lists of the languages
 * natural has none for (Finnish, Czech...) are long and hold words common elsewhere, so they tell a language only
 * when no guessed list covers enough of the text.
 */
function byStopwords(words: number, covered: number[], distinct: number[]): { code: string; confidence: number } {
  const guessed = stopwordLists().size;
  const guess = guessAmong(words, covered, distinct, 0, guessed);
  return guess.code === 'und' ? guessAmong(words, covered, distinct, guessed, covered.length) : guess;
}

/**
 * The guess among lists from..to-1 (UNDETERMINED when none covers enough words), as sure as the distinct words of
 * lists 0..to-1 make it: the guessed lists weigh the guessed lists only, stopwords-iso's all lists.
 */
function guessAmong(words: number, covered: number[], distinct: number[], from: number, to: number): { code: string; confidence: number } {
  let best = from;
  let most = 0;
  for (let k = from; k < to; k++) {
    most = Math.max(most, covered[k]!);
    if (distinct[k]! > distinct[best]!) best = k;
  }
  if (most / words < 0.12) return UNDETERMINED;
  // Each distinct stop word is one piece of evidence: a word repeated down a list or table ("men" in a results
  // table) says no more about the language than it does once. exp(h_k - h_best) keeps the sum finite on long texts.
  let odds = 0;
  for (let k = 0; k < to; k++) odds += oddsBelow(distinct[best]! - distinct[k]!);
  return { code: stopwordBits().codes[best]!, confidence: round(1 / odds) };
}

/** STOPWORD_ODDS ** -k for the k of most texts (fewer distinct stop words than SAMPLE_WORDS), looked up: Math.pow costs more than the rest of byStopwords. */
const ODDS_BELOW = Float64Array.from({ length: SAMPLE_WORDS + 1 }, (_, k) => Math.pow(STOPWORD_ODDS, -k));

function oddsBelow(k: number): number {
  return k >= 0 && k < ODDS_BELOW.length ? ODDS_BELOW[k]! : Math.pow(STOPWORD_ODDS, -k);
}

/**
 * What guessLanguage's regexes and stopwordHits find (the count of WORD's first SAMPLE_WORDS matches, and the
 * words and distinct words each list covers) in one pass over the characters, stop words looked up by hash
 * without cutting them out; null when a word has a letter past Latin Extended or İ (lower-cased to two
 * characters), or the text a surrogate (a code point of two units to the regex): those go to the regexes. Such
 * words alone would have made guessLanguage look at scripts, and those letters are in none of SCRIPTS.
 */
function latinStopwordHits(text: string): { words: number; covered: number[]; distinct: number[] } | null {
  const codes = codeUnits(text);
  const lowered = lowerCases();
  const { sets, longest, table } = stopwordBits();
  const seen = seenSlots(table.slotCount());
  // Stop words are counted per set of lists (stopwordBits().sets), then per list once at the end.
  if (perSet.length !== sets.length) [perSet, distinctPerSet] = [new Int32Array(sets.length), new Int32Array(sets.length)];
  perSet.fill(0);
  distinctPerSet.fill(0);
  let words = 0;
  // Read once: a typed array's length, read in a loop that may call out (latinKind), is loaded and checked anew each
  // time, and so is a module binding.
  const end = codes.length;
  const hashWith = hashStep;
  for (let i = 0; i < end && words < SAMPLE_WORDS; ) {
    let c = codes[i]!;
    let kind = latinKinds[c] || latinKind(c);
    if (kind === OTHER) {
      i++;
      continue;
    }
    if (kind !== LATIN) return null;
    // A word: letters, then maybe one apostrophe and letters again; hashed in lower case as stopwordBits' table has it.
    const start = i;
    let hash = HASH_SEED;
    let apostrophe = false;
    for (;;) {
      hash = hashWith(hash, lowered[c]!); // classed by latinKind, so in the table
      // a-z, most letters: LATIN and their own lower case, without a look-up.
      while (++i < end && (c = codes[i]!) >= 97 && c <= 122) hash = hashWith(hash, c);
      if (i === end) break;
      kind = latinKinds[c] || latinKind(c);
      if (kind === LATIN) continue;
      if (kind !== OTHER) return null;
      if (apostrophe || (c !== 39 && c !== 0x2019) || i + 1 === end) break;
      const next = latinKinds[codes[i + 1]!] || latinKind(codes[i + 1]!);
      if (next === OTHER || next === SURROGATE) break;
      if (next === FOREIGN) return null; // a letter: the word goes on with it
      apostrophe = true;
      hash = hashStep(hash, c);
      c = codes[++i]!;
    }
    words++;
    const slot = i - start <= longest ? table.slotOf(hash, codes, start, i) : -1;
    if (slot < 0) continue;
    const set = table.setAt(slot);
    perSet[set]!++;
    if (seen.marks[slot] !== seen.mark) {
      seen.marks[slot] = seen.mark;
      distinctPerSet[set]!++;
    }
  }
  const lists = stopwordBits().codes.length;
  const covered = new Array<number>(lists).fill(0);
  const distinct = new Array<number>(lists).fill(0);
  for (let set = 1; set < sets.length; set++) {
    if (perSet[set] === 0) continue;
    // Each list the set has, lowest bit first.
    for (let bits = sets[set]!; bits !== 0; bits &= bits - 1) {
      const k = 31 - Math.clz32(bits & -bits);
      covered[k]! += perSet[set]!;
      distinct[k]! += distinctPerSet[set]!;
    }
  }
  return { words, covered, distinct };
}

/** Per set of lists (stopwordBits().sets), kept from call to call: the text's stop words in it, and the distinct ones. */
let perSet = new Int32Array(0);
let distinctPerSet = new Int32Array(0);

/**
 * What latinStopwordHits makes of a code unit: OTHER, not a letter; LATIN, a letter up to Latin Extended but İ (which
 * lower-cases to two characters); FOREIGN, another letter; SURROGATE, half a code point. 0: not looked at yet.
 */
const OTHER = 1;
const LATIN = 2;
const FOREIGN = 3;
const SURROGATE = 4;
const latinKinds = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

function latinKind(code: number): number {
  const letter = LETTER.test(String.fromCharCode(code));
  const kind = code >= 0xd800 && code <= 0xdfff ? SURROGATE : !letter ? OTHER : code > 0x24f || code === 0x130 ? FOREIGN : LATIN;
  lowerCase(code); // classes it, so that lowerCases() has it
  return (latinKinds[code] = kind);
}

// a-z are classed from the start: latinStopwordHits takes them as LATIN without looking.
for (let code = 97; code <= 122; code++) latinKind(code);

/** Marks of the stop-word table's slots a text has met: a slot is met when it holds this call's mark (no clearing between calls). */
let slotMarks = new Uint32Array(0);
let lastMark = 0;

function seenSlots(slots: number): { marks: Uint32Array; mark: number } {
  slotMarks = sized(slotMarks, slots);
  if (++lastMark === 0xffffffff) {
    slotMarks.fill(0);
    lastMark = 1;
  }
  return { marks: slotMarks, mark: lastMark };
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
