// Guesses the language of a text: writing system first, then which stop-word list covers most words.
import { commonestList, stopwordHits } from './stopwords.js';

const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Han}/u, 'zh'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

const WORD = /\p{L}+(?:['’]\p{L}+)?/gu;
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
  const words = (sample.match(WORD) ?? []).slice(0, SAMPLE_WORDS);
  if (words.length < 5) return { code: 'und', confidence: 0 };
  const letters = words.join('');
  // Scripts other than Latin are looked for only when there are letters beyond Latin Extended.
  if (/[^\u0000-\u024f]/.test(letters)) {
    for (const [re, code] of SCRIPTS) {
      const hits = letters.match(new RegExp(re.source, 'gu'))?.length ?? 0;
      if (hits > letters.length * 0.3) return { code, confidence: round(hits / letters.length) };
    }
  }
  const { codes, words: covered, distinct: hits } = stopwordHits(words.map((w) => w.toLowerCase()));
  if (Math.max(...covered) / words.length < 0.12) return { code: 'und', confidence: 0 };
  // Each distinct stop word is one piece of evidence: a word repeated down a list or table ("men" in a results
  // table) says no more about the language than it does once.
  const best = commonestList(hits);
  // exp(h_k - h_best) keeps the sum finite on long texts.
  const odds = hits.reduce((sum, h) => sum + Math.pow(STOPWORD_ODDS, h - hits[best]!), 0);
  return { code: codes[best]!, confidence: round(1 / odds) };
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
