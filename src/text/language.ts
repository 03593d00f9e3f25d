// Guesses the language of a text: writing system first, then which stop-word list covers most words.
import { commonestStopwordList } from './stopwords.js';

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
 * ISO 639-1 code of the text's language, or "und" when it cannot tell (too little text).
 * Latin and Cyrillic texts are told apart by stop words (en, de, es, fr, id, it, nl, no, pl, pt, ru, sv, uk).
 */
export function detectLanguage(text: string): string {
  const sample = text.length > 40_000 ? text.slice(0, 40_000) : text;
  const words = (sample.match(WORD) ?? []).slice(0, SAMPLE_WORDS);
  if (words.length < 5) return 'und';
  const letters = words.join('');
  // Scripts other than Latin are looked for only when there are letters beyond Latin Extended.
  if (/[^\u0000-\u024f]/.test(letters)) {
    for (const [re, code] of SCRIPTS) {
      const hits = letters.match(new RegExp(re.source, 'gu'))?.length ?? 0;
      if (hits > letters.length * 0.3) return code;
    }
  }
  const best = commonestStopwordList(words.map((w) => w.toLowerCase()));
  return best && best.hits / words.length >= 0.12 ? best.code : 'und';
}
