// Word counting shared by the stages.
import { charClass, LETTER_OR_DIGIT, LETTER_OR_DIGIT_PATTERN } from './chars.js';

/**
 * The words of a text: the matches of `[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*` (flags g and u), counted in one pass
 * over the characters. Each run of letters and digits starts a word, unless a single ' ’ . or - joins it to the
 * run before; a surrogate pair is one character, as to the regex.
 */
export function countWords(text: string): number {
  let n = 0;
  let afterLetter = false;
  // The character before is a joiner with a letter or digit before it.
  let joined = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter: boolean;
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      letter = LETTER_OR_DIGIT_PATTERN.test(text.slice(i, i + 2));
      i++;
    } else {
      letter = (charClass(c) & LETTER_OR_DIGIT) !== 0;
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
