// Page dumps hard-wrapped at a column width, as text browsers print them (`lynx -dump`, `w3m -dump`), made
// into one line per paragraph again: extraction reads each line as a paragraph, or a heading, or a menu item.
import { startsWithListMarker } from './lines.js';

/** Lines with this much text or more can be cut paragraphs; shorter ones are labels and menu items. */
const MEASURED = 40;
/** Full lines end within this many columns of the width (a word longer than this is rare). */
const RAGGED = 16;
/** Cut sentences a page must show to count as wrapped. */
const ENOUGH_CUTS = 3;

/**
 * The content with each hard-wrapped paragraph on one line, or the content itself when it is not wrapped
 * (wrapWidth). In a wrapped page a line joins the one before it in its block when its first word would not
 * have fit at the end of that one, and it does not start a list item.
 */
export function unwrapped(content: string): string {
  if (!hasCuts(content)) return content;
  const lines = content.split(/\r\n?|\n/).map((line) => line.trimEnd());
  const width = wrapWidth(lines);
  if (width === 0) return content;
  const out: string[] = [];
  // The last physical line of the paragraph being joined, and the indentation of its first.
  let last = '';
  let indent = -1;
  for (const line of lines) {
    const text = line.trimStart();
    const lineIndent = line.length - text.length;
    const firstWord = text.length - text.replace(/^\S+/, '').length;
    if (indent >= 0 && text !== '' && last.length + 1 + firstWord > width && lineIndent >= indent && !startsWithListMarker(text)) {
      // A word broken at its hyphen ("well-" / "known") is joined without a space.
      out[out.length - 1] += /\p{L}-$/u.test(last) ? text : ` ${text}`;
    } else {
      out.push(line);
      indent = text === '' ? -1 : lineIndent;
    }
    last = line;
  }
  return out.join('\n');
}

/** A line that starts in lower case, as the rest of a cut sentence does. */
const LOWER_START = /[\r\n][ \t]*\p{Ll}/gu;

/** Whether the page has lines enough that start in lower case to be wrapped: a quick test, most pages have none. */
function hasCuts(content: string): boolean {
  LOWER_START.lastIndex = 0;
  for (let n = 0; LOWER_START.test(content); ) if (++n >= ENOUGH_CUTS) return true;
  return false;
}

/**
 * The column width the page is wrapped at, or 0 when it is not wrapped. The evidence is sentences cut at the
 * end of a line: a long line followed, in its block, by one that starts in lower case. Where a page is wrapped
 * these cuts come at the width, so two thirds or more are within RAGGED columns of it (a few go past it: a web
 * address cannot be broken); a page of a paragraph a line has few such pairs (a caption and its credit, say),
 * of any lengths.
 */
function wrapWidth(lines: string[]): number {
  const cuts: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i]!.trimStart().length >= MEASURED && /^\s*\p{Ll}/u.test(lines[i + 1]!)) cuts.push(lines[i]!.length);
  }
  if (cuts.length < ENOUGH_CUTS) return 0;
  cuts.sort((a, b) => b - a);
  // The widest width that two thirds of the cuts fit under, trying the longest cuts first.
  for (let k = 0; k * 3 <= cuts.length; k++) {
    let full = 0;
    for (let j = k; j < cuts.length && cuts[j]! > cuts[k]! - RAGGED; j++) full++;
    if (full * 3 >= cuts.length * 2) return cuts[k]!;
  }
  return 0;
}
