// A plain tree of an HTML page, built with parse5 (the WHATWG algorithm, so malformed markup gives the tree a browser shows).
import { parseFragment, type DefaultTreeAdapterTypes as P } from 'parse5';
import { parseDocument } from './html-parser.js';

export interface HtmlElement {
  /** Lower-case tag name. */
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

/** Text nodes are plain strings, entities already decoded. */
export type HtmlNode = HtmlElement | string;

/** Elements whose content a reader never sees as text; JSON-LD scripts are kept for the metadata. */
const DROPPED = new Set([
  'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'picture', 'source', 'track', 'map', 'select', 'option', 'textarea', 'button', 'input', 'dialog',
]);

/** Elements laid out as blocks: text before and after them is not part of the same line. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'caption', 'html',
]);

/** Deeper elements are flattened into their ancestor at this depth, so no walk over the tree can overflow the stack. */
const MAX_DEPTH = 200;

/** Parses a page into a tree rooted at `<html>` (parse5 always supplies html, head and body). */
export function parseHtml(html: string): HtmlElement {
  const document = parseDocument(html);
  const root: HtmlElement = { tag: '#document', attrs: {}, children: [], parent: null };
  const stack: Array<{ from: P.ParentNode; to: HtmlElement; depth: number }> = [{ from: document, to: root, depth: 0 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    for (const child of from.childNodes) {
      if (child.nodeName === '#text') {
        to.children.push((child as P.TextNode).value);
        continue;
      }
      if (!('tagName' in child)) continue; // comments, doctype
      const tag = child.tagName;
      if (DROPPED.has(tag) || (tag === 'script' && !isJsonLd(child))) continue;
      if (depth >= MAX_DEPTH) {
        stack.push({ from: child, to, depth });
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of child.attrs) attrs[a.name] = a.value;
      const element: HtmlElement = { tag, attrs, children: [], parent: to };
      to.children.push(element);
      stack.push({ from: child, to: element, depth: depth + 1 });
    }
  }
  return root.children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'html') ?? root;
}

function isJsonLd(element: P.Element): boolean {
  return element.attrs.some((a) => a.name === 'type' && /ld\+json/i.test(a.value));
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return typeof node !== 'string';
}

/** The first child element with this tag. */
export function childByTag(element: HtmlElement, tag: string): HtmlElement | null {
  for (const c of element.children) if (isElement(c) && c.tag === tag) return c;
  return null;
}

/** Every element under `root` (not root itself) for which `match` holds, in document order. */
export function findAll(root: HtmlElement, match: (e: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element !== root && match(element)) found.push(element);
    for (let i = element.children.length - 1; i >= 0; i--) {
      const c = element.children[i]!;
      if (isElement(c)) stack.push(c);
    }
  }
  return found;
}

/** The text of an element with white space collapsed (blocks and cells apart by a space). */
export function textOf(element: HtmlElement): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
    } else if (node.tag === 'br' || node.tag === 'td' || node.tag === 'th' || BLOCK_TAGS.has(node.tag)) {
      parts.push(' ');
      stack.push(' ');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    } else if (node.tag !== 'script') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return collapse(parts.join(''));
}

/** Text that may hold markup or entities ("Q&amp;A", "<b>Jane</b>"), as a browser would show it: JSON-LD strings are often HTML-encoded. */
export function decodeMarkup(text: string): string {
  if (!/[<&]/.test(text)) return collapse(text);
  const parts: string[] = [];
  const stack: P.ChildNode[] = [...parseFragment(text).childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') parts.push((node as P.TextNode).value);
    else if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return collapse(parts.join(''));
}

/**
 * Collapses white space (and drops invisible characters) the way a browser renders text. The zero-width joiner and
 * non-joiner stay: they are spelling in Persian ("بین‌المللی"), Indic scripts and emoji.
 */
export function collapse(text: string): string {
  return text.replace(/[\u200b\u2060\ufeff\u00ad]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}
