// Page templates across a corpus: long lines that recur in several pages of one site are the site's furniture
// (disclaimers, "About us" blurbs, newsletter boxes), however much they read like text on one page.
import path from 'node:path';
import { lowerCase } from '../text/chars.js';
import { fromTextBrowser } from './unwrap.js';

/** Pages of one site a line must be in to count as template (wire copy shared by two pages is not template). */
export const TEMPLATE_PAGES = 3;
/** Shorter lines are left to the per-page rules: menus and labels recur everywhere. */
export const TEMPLATE_WORDS = 8;

/**
 * FNV-1a over a line's letters and digits, lower-cased: white space, punctuation and list bullets do not
 * count, so a line hashes the same raw or trimmed, and the corpus index holds numbers, not lines. The line can be
 * given as `text.slice(from, to)`: reading a whole page is quicker than reading a slice of it.
 */
export function lineHash(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    } else if (c <= 0xbf || (c >= 0x2000 && c <= 0x206f) || (c >= 0x25a0 && c <= 0x25ff)) {
      continue; // no-break space, «», ©; dashes, curly quotes, bullets; geometric bullets
    } else if (c < 0x2000) {
      c = lowerCase(c);
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The distinct hashes of a page's long lines, as extraction reads them (fromTextBrowser). Lines end at \r\n, \r or
 * \n, and are read where they are in the page, not cut out of it.
 */
export function longLineHashes(content: string): number[] {
  const text = fromTextBrowser(content);
  const hashes = new Set<number>();
  for (let start = 0, end = 0; start <= text.length; start = end + (text.startsWith('\r\n', end) ? 2 : 1)) {
    end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (end - start >= TEMPLATE_WORDS * 3 && wordCount(text, start, end) >= TEMPLATE_WORDS) hashes.add(lineHash(text, start, end));
  }
  return [...hashes];
}

/** The words of `text` from `from` to `to`: runs of characters other than white space and control characters. */
function wordCount(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * Which pages belong to one site. Dumps carry no URL, so the folder stands for the site: scrapers save a
 * site's pages together.
 */
export function siteGroup(file: string): string {
  return path.dirname(file);
}

/**
 * Counts, per site, the pages each long line is in; then answers which lines are the site's template. Holds
 * per-site counts, not per-page hashes, so that its memory does not grow with the number of pages.
 */
export class TemplateIndex {
  private readonly pagesByGroup = new Map<string, Map<number, number>>();
  /** Each site's template hashes, as last asked for, until a page of the site is added. */
  private readonly templatesByGroup = new Map<string, number[]>();

  add(file: string, hashes: number[]): void {
    const group = siteGroup(file);
    this.templatesByGroup.delete(group);
    let pages = this.pagesByGroup.get(group);
    if (!pages) this.pagesByGroup.set(group, (pages = new Map()));
    for (const h of hashes) pages.set(h, (pages.get(h) ?? 0) + 1);
  }

  /**
   * The hashes of the lines that recur in TEMPLATE_PAGES or more pages of the file's site (the page need not have
   * them all: extraction only asks whether a line is one).
   */
  templatesOf(file: string): number[] {
    const group = siteGroup(file);
    let templates = this.templatesByGroup.get(group);
    if (!templates) {
      templates = [...(this.pagesByGroup.get(group) ?? [])].filter(([, pages]) => pages >= TEMPLATE_PAGES).map(([h]) => h);
      this.templatesByGroup.set(group, templates);
    }
    return templates;
  }
}
