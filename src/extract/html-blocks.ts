// Splits a (pruned) page body into text blocks: the runs of inline text between block-level tags, as a browser lays them out.
import { BLOCK_TAGS, collapse, findAll, textOf, type HtmlElement } from './html-dom.js';

export interface Block {
  text: string;
  /** The block-level element the text is laid out in (p, li, h2, a div with text of its own...). */
  element: HtmlElement;
  /** Characters of text, and of text inside links. */
  chars: number;
  linkChars: number;
  /** The level of the h1-h6 it is in, 0 for none. */
  heading: number;
}

/** Table cells are laid out side by side: a row of data cells reads as one line. */
const CELL_TAGS = new Set(['td', 'th']);
/** Longer text in a cell is a column of a layout table, not a datum. */
const LAYOUT_CELL_TEXT = 200;

/** The blocks under `root`, in document order. */
export function collectBlocks(root: HtmlElement): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;

  const flush = (owner: HtmlElement, heading: number) => {
    if (parts.length === 0) return;
    const text = collapse(parts.join(''));
    if (text) {
      // Link text is counted before collapsing, so scale it to the collapsed length.
      const raw = parts.reduce((n, p) => n + p.length, 0);
      const links = raw > 0 ? Math.min(text.length, Math.round((linkChars * text.length) / raw)) : 0;
      blocks.push({ text, element: owner, chars: text.length, linkChars: links, heading });
    }
    parts = [];
    linkChars = 0;
  };

  const walk = (element: HtmlElement, owner: HtmlElement, heading: number, inLink: boolean) => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        parts.push(child);
        if (inLink) linkChars += child.length;
        continue;
      }
      const tag = child.tag;
      if (tag === 'script' || tag === 'head' || tag === 'title') continue;
      if (tag === 'br') {
        flush(owner, heading);
        continue;
      }
      const cell = CELL_TAGS.has(tag);
      if (cell) parts.push(' ');
      if (BLOCK_TAGS.has(tag) || (cell && isLayoutCell(child))) {
        flush(owner, heading);
        const level = /^h[1-6]$/.test(tag) ? +tag[1]! : heading;
        walk(child, child, level, inLink);
        flush(child, level);
      } else {
        walk(child, owner, heading, inLink || tag === 'a');
      }
    }
  };

  walk(root, root, 0, false);
  flush(root, 0);
  return blocks;
}

/** A cell that holds blocks or long text: a column of a page laid out with a table, a block of its own. */
function isLayoutCell(cell: HtmlElement): boolean {
  return findAll(cell, (e) => BLOCK_TAGS.has(e.tag)).length > 0 || textOf(cell).length > LAYOUT_CELL_TEXT;
}
