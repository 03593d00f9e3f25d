// Word counting shared by the stages.
import { charClass, CJK_PATTERN, isHanOrKana, LETTER_OR_DIGIT, LETTER_OR_DIGIT_PATTERN, NOT_WORD, UNREADABLE } from './chars.js';

/**
 * The words of a text: the matches of `[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|L+(?:['’.-]L+)*`, L a
 * LETTER_OR_DIGIT_PATTERN not of those scripts (flags g and u), counted in one pass over the characters. Chinese
 * and Japanese are written without spaces, so each of their characters is a word, as word processors count them.
 * Each other run of letters and digits starts a word, unless a single ' ’ . or - joins it to the run before; a
 * surrogate pair is one character, as to the regex.
 */
export function countWords(text: string): number {
  let n = 0;
  let afterLetter = false;
  // The character before is a joiner with a letter or digit before it.
  let joined = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    let hanOrKana: boolean;
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const pair = text.slice(i, i + 2);
      letter = LETTER_OR_DIGIT_PATTERN.test(pair);
      hanOrKana = CJK_PATTERN.test(pair);
      i++;
    } else {
      const cls = charClass(c);
      letter = (cls & LETTER_OR_DIGIT) !== 0;
      hanOrKana = isHanOrKana(c, cls);
    }
    if (hanOrKana) {
      n++;
      afterLetter = false;
      joined = false;
      continue;
    }
    if (letter) {
      if (!afterLetter && !joined) n++;
      joined = false;
    } else {
      joined = afterLetter && (c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 46 /* . */ || c === 45 /* - */);
    }
    afterLetter = letter;
  }
  return n;
}

/** The comparison key of a line: lower case, letters and digits only (runs of others become one space). */
export function keyOf(text: string): string {
  // Joins the runs of letters and digits with spaces (taking runs one space apart as one piece), then lower-cases
  // once: lower-casing keeps every character's length and class but the UNREADABLE ones', left to the regex.
  let key = '';
  let pieceStart = -1;
  let runEnd = 0;
  let previous = 0;
  for (let i = 0; i <= text.length; i++) {
    const cls = i < text.length ? charClass(text.charCodeAt(i)) : 0;
    if (cls & UNREADABLE) return text.toLowerCase().replace(NOT_WORD, ' ').trim();
    if (cls & LETTER_OR_DIGIT && !(previous & LETTER_OR_DIGIT)) {
      if (pieceStart < 0) pieceStart = i;
      else if (i - runEnd !== 1 || text.charCodeAt(runEnd) !== 32) {
        key = key === '' ? text.slice(pieceStart, runEnd) : `${key} ${text.slice(pieceStart, runEnd)}`;
        pieceStart = i;
      }
    } else if (!(cls & LETTER_OR_DIGIT) && previous & LETTER_OR_DIGIT) {
      runEnd = i;
    }
    previous = cls;
  }
  if (pieceStart >= 0) key = key === '' ? text.slice(pieceStart, runEnd) : `${key} ${text.slice(pieceStart, runEnd)}`;
  return key.toLowerCase();
}
