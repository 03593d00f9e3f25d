// Tokens with offsets, split into sentences: the input of the tagger and the gazetteer matcher.
import { charClass, SPACE } from '../text/chars.js';

export interface Token {
  text: string;
  /** Offsets into the text: JS string indices, end exclusive. */
  start: number;
  end: number;
}

/** Words that keep their trailing period ("Mr.", "Jan.", "Inc."). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'maj', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'pres',
  'rev', 'hon', 'amb', 'inc', 'ltd', 'corp', 'co', 'bros', 'no', 'nos', 'vs', 'etc', 'approx', 'dept', 'est', 'fig', 'mt', 'ft', 'ave', 'blvd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'sat', 'sun',
]);

// Initialisms (U.S., U.N.), words with inner hyphens/apostrophes/ampersands, numbers (with dates and scores as one: "1996-08-30", "6-4"), then any other single character.
// Sticky: matched at each character that is not white space (\S matches every one of them), without a match array per token.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:[-&]|['’](?![sS]\b))[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\p{N}+(?:[-.,:/]\p{N}+)*(?:st|nd|rd|th)?|\S/uy;

/** Splits text into sentences of tokens. Sentences end at line breaks and at ., ! or ? before a capital or quote. */
export function tokenize(text: string): Token[][] {
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  // The first line break after the last token (tokens hold none).
  let lineBreak = text.indexOf('\n');
  for (let at = 0; at < text.length; ) {
    TOKEN.lastIndex = at;
    if ((charClass(text.charCodeAt(at)) & SPACE) !== 0 || !TOKEN.test(text)) {
      at++;
      continue;
    }
    const start = at;
    let end = TOKEN.lastIndex;
    let value = text.slice(start, end);
    if (lineBreak >= 0 && lineBreak < start) {
      if (sentence.length) {
        sentences.push(sentence);
        sentence = [];
      }
      lineBreak = text.indexOf('\n', end);
    }
    if (text[end] === '.' && /^\p{L}/u.test(value) && (ABBREVIATIONS.has(value.toLowerCase()) || /^\p{Lu}$/u.test(value))) {
      value += '.';
      end++;
    }
    at = end;
    sentence.push({ text: value, start, end });
    if ((value === '.' || value === '!' || value === '?') && endsSentence(text, end)) {
      sentences.push(sentence);
      sentence = [];
    }
  }
  if (sentence.length) sentences.push(sentence);
  return sentences;
}

function endsSentence(text: string, end: number): boolean {
  const next = /^["'”’)\]]*\s+["'“‘(]?(\p{Lu}|\p{N})/u.exec(text.slice(end, end + 8));
  return next !== null || end >= text.length - 1;
}
