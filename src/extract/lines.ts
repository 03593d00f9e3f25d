// A page dump as lines with the features extraction decides on: list items, length, punctuation, stop words.
import { anyStopwords, commonestStopwordList } from '../text/stopwords.js';

export interface Line {
  index: number;
  /** Text without list marker and surrounding white space. */
  text: string;
  indent: number;
  /** A list item (`•`, `*`, `-`, `1.`) or the indented continuation of one. */
  listItem: boolean;
  /** Index of the block (run of non-blank lines) it belongs to. */
  block: number;
  words: number;
  /** Share of words that are stop words in the page's language. */
  stopDensity: number;
  /** Ends like a sentence (., !, ?, closing quote...). */
  sentenceEnd: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const LIST_MARKER = /^([•·▪◦●■►*]|[-–](?=\s)|\d{1,3}[.)](?=\s))\s*/;
/** Emoji after the full stop ("See you soon! 🙂") do not hide the sentence's end. */
const SENTENCE_END = /[.!?…:;"”’»)\]。！？」』）][\s\p{Extended_Pictographic}\uFE0F\u200D]*$/u;
/** Scripts written without spaces: a run of them is one regex "word" but many words of text. */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;
const CJK_CHARS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/gu;
/**
 * What stop words are to spaced languages: Japanese kana particles and endings (hiragana) and the
 * commonest Chinese function characters. Running text has many; menus and headlines few.
 */
const CJK_FUNCTION = /[\p{sc=Hiragana}的了是在和有不这也就都而及与着或等为以之其中对从把被]/gu;

/** Splits a dump into lines (blank ones dropped) and measures each. */
export function toLines(content: string): Line[] {
  const rawLines = content.split(/\r\n?|\n/);
  const lines: Line[] = [];
  // Each line's words in lower case, kept until the page's stop-word list is known.
  const lineWords: string[][] = [];
  let block = 0;
  let previousBlank = true;
  let listIndent = -1;
  for (const [index, raw] of rawLines.entries()) {
    const trimmed = raw.trimEnd();
    if (trimmed.trim() === '') {
      previousBlank = true;
      listIndent = -1;
      continue;
    }
    if (previousBlank) block++;
    previousBlank = false;
    const indent = trimmed.length - trimmed.trimStart().length;
    let text = trimmed.trim();
    const marker = LIST_MARKER.exec(text);
    let listItem = false;
    if (marker) {
      listItem = true;
      listIndent = indent;
      text = text.slice(marker[0].length).trim();
      while (LIST_MARKER.test(text)) text = text.replace(LIST_MARKER, '').trim();
    } else if (listIndent >= 0 && indent > listIndent) {
      listItem = true;
    } else {
      listIndent = -1;
    }
    lineWords.push(text.toLowerCase().match(WORD) ?? []);
    lines.push({ index, text, indent, listItem, block, words: 0, stopDensity: 0, sentenceEnd: SENTENCE_END.test(text) });
  }
  const stopwords = pickStopwords(lineWords);
  lines.forEach((line, k) => Object.assign(line, measure(line.text, lineWords[k]!, stopwords)));
  return lines;
}

/** Words and stop-word density; in Chinese, Japanese and Thai two characters count as a word. */
function measure(text: string, words: string[], stopwords: Set<string>): { words: number; stopDensity: number } {
  if (!CJK.test(text)) {
    let stops = 0;
    for (const w of words) if (stopwords.has(w)) stops++;
    return { words: words.length, stopDensity: words.length ? stops / words.length : 0 };
  }
  const chars = text.match(CJK_CHARS)?.length ?? 0;
  const functions = text.match(CJK_FUNCTION)?.length ?? 0;
  const spaced = words.filter((w) => !CJK.test(w)).length;
  return { words: spaced + Math.ceil(chars / 2), stopDensity: (functions / 2) / Math.max(1, chars / 2) };
}

/** Words enough to tell a page's language by its stop words. */
const LANGUAGE_SAMPLE = 3000;

/** The stop-word list of the page's language: the one that covers most of its (first few thousand) words. */
function pickStopwords(lineWords: string[][]): Set<string> {
  const sample: string[] = [];
  for (const words of lineWords) {
    for (const w of words) sample.push(w);
    if (sample.length > LANGUAGE_SAMPLE) break;
  }
  return commonestStopwordList(sample)?.list ?? anyStopwords();
}
