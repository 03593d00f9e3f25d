// Tokens with offsets, split into sentences: the input of the tagger and the gazetteer matcher.

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
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:[-&]|['’](?![sS]\b))[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\p{N}+(?:[-.,:/]\p{N}+)*(?:st|nd|rd|th)?|\S/gu;

/** Splits text into sentences of tokens. Sentences end at line breaks and at ., ! or ? before a capital or quote. */
export function tokenize(text: string): Token[][] {
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  // The first line break after the last token (tokens hold none).
  let lineBreak = text.indexOf('\n');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let value = m[0];
    let end = m.index + value.length;
    if (lineBreak >= 0 && lineBreak < m.index) {
      if (sentence.length) {
        sentences.push(sentence);
        sentence = [];
      }
      lineBreak = text.indexOf('\n', end);
    }
    if (text[end] === '.' && /^\p{L}/u.test(value) && (ABBREVIATIONS.has(value.toLowerCase()) || /^\p{Lu}$/u.test(value))) {
      value += '.';
      end++;
      TOKEN.lastIndex = end;
    }
    sentence.push({ text: value, start: m.index, end });
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
