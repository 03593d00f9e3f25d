// A page dump as lines with the features extraction decides on: list items, length, punctuation, stop words.
import { anyStopwords, stopwordLists } from '../text/stopwords.js';

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
const SENTENCE_END = /[.!?…:;"”’»)\]]$/;

/** Splits a dump into lines (blank ones dropped) and measures each. */
export function toLines(content: string): Line[] {
  const rawLines = content.replace(/\r\n?/g, '\n').split('\n');
  const stopwords = pickStopwords(content);
  const lines: Line[] = [];
  let block = 0;
  let previousBlank = true;
  let listIndent = -1;
  for (const [index, raw] of rawLines.entries()) {
    const trimmed = raw.replace(/[\s\u00a0\u200b\ufeff]+$/u, '');
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
    const words = text.match(WORD) ?? [];
    let stops = 0;
    for (const w of words) if (stopwords.has(w.toLowerCase())) stops++;
    lines.push({
      index, text, indent, listItem, block,
      words: words.length,
      stopDensity: words.length ? stops / words.length : 0,
      sentenceEnd: SENTENCE_END.test(text),
    });
  }
  return lines;
}

/** The stop-word list of the page's language: the one that covers most of its words. */
function pickStopwords(content: string): Set<string> {
  const sample = (content.length > 200_000 ? content.slice(0, 200_000) : content).match(WORD) ?? [];
  let best: Set<string> = anyStopwords();
  let bestHits = 0;
  for (const list of stopwordLists().values()) {
    let hits = 0;
    for (const w of sample) if (list.has(w.toLowerCase())) hits++;
    if (hits > bestHits) {
      best = list;
      bestHits = hits;
    }
  }
  return best;
}
