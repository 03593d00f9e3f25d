// What text browsers add to a page dump, taken out before extraction: hard wrapping at a column width
// (`lynx -dump`, `w3m -dump`), since extraction reads each line as a paragraph, a heading or a menu item; and
// lynx's numbered links ("[12]Home", and their addresses listed under "References" at the end).
import { startsWithListMarker } from './lines.js';
import { packedMap } from '../text/packed.js';

/** Lines with this much text or more can be cut paragraphs; shorter ones are labels and menu items. */
const MEASURED = 40;
/** Full lines end within this many columns of the width (a word longer than this is rare). */
const RAGGED = 16;
/** Cut sentences a page must show to count as wrapped. */
const ENOUGH_CUTS = 3;

/** The dump as extraction reads it: unwrapped, without link numbers. */
export function fromTextBrowser(content: string): string {
  return unwrapped(withoutLinkNumbers(content));
}

/** lynx's list of link addresses: "References", perhaps "Visible links:", then "1. https://...". */
const REFERENCES = /\n[ \t]*References[ \t]*\n(?:[ \t]*\n)*(?:[ \t]*Visible links:?[ \t]*\n)?[ \t]*1\. \S+/;

/** The dump without a lynx list of link addresses and the link numbers that point into it. */
function withoutLinkNumbers(content: string): string {
  // The regex starts at every line end; looking for its word first rules most pages out sooner.
  const at = content.includes('References') ? content.search(REFERENCES) : -1;
  return at < 0 ? content : content.slice(0, at).replace(/\[\d+\]/g, '');
}

/**
 * The content with each hard-wrapped paragraph on one line, or the content itself when it is not wrapped
 * (wrapWidth). In a wrapped page a line joins the one before it in its block, unless it starts a list item,
 * when its first word would not have fit at the end of that one, or when that one ends near the width and
 * this one goes on in lower case (lynx leaves ragged margins).
 */
function unwrapped(content: string): string {
  if (!hasCuts(content)) return content;
  const lines = packedMap(content.split(/\r\n?|\n/), (line) => line.trimEnd());
  const width = wrapWidth(lines);
  if (width === 0) return content;
  const out: string[] = [];
  // The last physical line of the paragraph being joined, and the indentation of its first.
  let last = '';
  let indent = -1;
  for (const line of lines) {
    const text = line.trimStart();
    const lineIndent = line.length - text.length;
    const firstWord = /^\S*/.exec(text)![0].length;
    // A line twice the width or more was not cut at it (it is a paragraph already: unwrapping twice changes nothing).
    const cut = last.length < 2 * width && (last.length + 1 + firstWord > width || (last.length > width - RAGGED && /^\p{Ll}/u.test(text)));
    if (indent >= 0 && text !== '' && cut && lineIndent >= indent && !startsWithListMarker(text)) {
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

/**
 * Whether the page has lines enough that start in lower case (after spaces and tabs), as the rest of a cut sentence
 * does, to be wrapped: a quick test, most pages have none. Lines are looked at from one line break to the next
 * (indexOf finds them quicker than a regex for the whole test).
 */
function hasCuts(content: string): boolean {
  let cuts = 0;
  let nextCR = content.indexOf('\r');
  let nextLF = content.indexOf('\n');
  while (nextCR >= 0 || nextLF >= 0) {
    const lineBreak = nextCR < 0 ? nextLF : nextLF < 0 ? nextCR : Math.min(nextCR, nextLF);
    if (lineBreak === nextCR) nextCR = content.indexOf('\r', lineBreak + 1);
    if (lineBreak === nextLF) nextLF = content.indexOf('\n', lineBreak + 1);
    let at = lineBreak + 1;
    while (at < content.length && (content.charCodeAt(at) === 32 || content.charCodeAt(at) === 9)) at++;
    if (at < content.length && isLowerCase(content.codePointAt(at)!) && ++cuts >= ENOUGH_CUTS) return true;
  }
  return false;
}

const LOWER_CASE = /\p{Ll}/u;
/** Per code point of the Basic Multilingual Plane: 1 when it is in \p{Ll}, 2 when not, 0 not looked at yet. */
const lowerCaseKinds = new Uint8Array(0x10000);

function isLowerCase(codePoint: number): boolean {
  if (codePoint >= 0x10000) return LOWER_CASE.test(String.fromCodePoint(codePoint));
  lowerCaseKinds[codePoint] ||= LOWER_CASE.test(String.fromCharCode(codePoint)) ? 1 : 2;
  return lowerCaseKinds[codePoint] === 1;
}

/**
 * The column width the page is wrapped at, or 0 when it is not wrapped. The evidence is sentences cut at the
 * end of a line: a long line followed, in its block, by one that starts in lower case. Where a page is wrapped
 * these cuts come at the width, so two thirds or more are within RAGGED columns of it (a few go past it: a web
 * address cannot be broken); a page of a paragraph a line has few such pairs (a caption and its credit, say),
 * of any lengths, and many lines longer than the cuts.
 */
function wrapWidth(lines: string[]): number {
  const long = packedMap(lines, (line) => line.trimStart().length >= MEASURED);
  const cuts: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (long[i] && /^\s*\p{Ll}/u.test(lines[i + 1]!)) cuts.push(lines[i]!.length);
  }
  if (cuts.length < ENOUGH_CUTS) return 0;
  cuts.sort((a, b) => b - a);
  // The widest width that two thirds of the cuts fit under, trying the longest cuts first.
  let width = 0;
  for (let k = 0; k * 3 <= cuts.length && width === 0; k++) {
    let full = 0;
    for (let j = k; j < cuts.length && cuts[j]! > cuts[k]! - RAGGED; j++) full++;
    if (full * 3 >= cuts.length * 2) width = cuts[k]!;
  }
  // And nearly every long line of the page stays within it, but for a word too long to break (a web address).
  const longLines = lines.filter((_, i) => long[i]);
  const wider = longLines.filter((line) => line.length > width + RAGGED && line.lastIndexOf(' ') > width).length;
  return width > 0 && wider * 20 <= longLines.length ? width : 0;
}
