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

// Initialisms (U.S., U.N.; a US lawmaker's party and state: "D-N.Y."), words with inner hyphens/apostrophes/ampersands, numbers (with dates and scores as one: "1996-08-30", "6-4"), then any other single character.
// Sticky: matched at each character that is not white space (\S matches every one of them), without a match array per token.
const TOKEN = /(?:\p{L}\.){2,}|\p{Lu}-(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:[-&]|['’](?![sS]\b))[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\p{N}+(?:[-.,:/]\p{N}+)*(?:st|nd|rd|th)?|\S/uy;

/** Splits text into sentences of tokens. Sentences end at line breaks and at ., ! or ? before a capital or quote. */
export function tokenize(text: string): Token[][] {
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  // The first line break after the last token (tokens hold none).
  let lineBreak = text.indexOf('\n');
  for (let at = 0; at < text.length; ) {
    if ((charClass(text.charCodeAt(at)) & SPACE) !== 0) {
      at++;
      continue;
    }
    let end = asciiWordEnd(text, at);
    if (end < 0) {
      TOKEN.lastIndex = at;
      if (!TOKEN.test(text)) {
        at++;
        continue;
      }
      end = TOKEN.lastIndex;
    }
    const start = at;
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

/**
 * Where TOKEN's match at `at` ends when it is a word of ASCII letters and digits that TOKEN's other branches cannot
 * take (most words), found without the regex; -1 for any other token.
 */
function asciiWordEnd(text: string, at: number): number {
  if (!isAsciiLetter(text.charCodeAt(at)) || text.charCodeAt(at + 1) === 46) return -1; // "U.S." is an initialism
  let end = at + 1;
  while (end < text.length && isAsciiLetterOrDigit(text.charCodeAt(end))) end++;
  // A word goes on after a hyphen, ampersand or apostrophe, or a character outside ASCII (a letter or mark).
  const next = end < text.length ? text.charCodeAt(end) : 32;
  return next >= 128 || next === 45 || next === 38 || next === 39 ? -1 : end;
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}

function isAsciiLetterOrDigit(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

function endsSentence(text: string, end: number): boolean {
  const next = /^["'”’)\]]*\s+["'“‘(]?(\p{Lu}|\p{N})/u.exec(text.slice(end, end + 8));
  return next !== null || end >= text.length - 1;
}

/** The words of tokens[start, end) joined by single spaces, built without an array (no map result of a varying elements kind on the hot path). */
export function tokenText(tokens: readonly Token[], start = 0, end = tokens.length): string {
  let text = start < end ? tokens[start]!.text : '';
  for (let i = start + 1; i < end; i++) text += ' ' + tokens[i]!.text;
  return text;
}
