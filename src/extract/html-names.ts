// What an element's class and id say about it: page furniture, article content, or hidden text (data/html-boilerplate.json).
import { loadData } from '../data.js';
import type { HtmlElement } from './html-dom.js';

interface BoilerplateData {
  droppedTags: string[];
  boilerplateNames: string[];
  boilerplateParts: string[];
  hiddenClasses: string[];
  contentNames: string[];
  boilerplateText: string[];
  endHeadings: string[];
}

interface Rules {
  droppedTags: Set<string>;
  boilerplatePart: RegExp;
  contentPart: RegExp;
  hiddenClasses: Set<string>;
  boilerplateText: RegExp[];
  endHeadings: Set<string>;
}

let rules: Rules | null = null;

export function boilerplateRules(): Rules {
  if (!rules) {
    const d = loadData<BoilerplateData>('html-boilerplate.json');
    rules = {
      droppedTags: new Set(d.droppedTags),
      boilerplatePart: new RegExp(`^(?:(?:${d.boilerplateNames.join('|')})|(?:${d.boilerplateParts.join('|')})$)`),
      contentPart: new RegExp(`^(?:${d.contentNames.join('|')})(?:${d.contentNames.join('|')}|s)?$`),
      hiddenClasses: new Set(d.hiddenClasses),
      boilerplateText: d.boilerplateText.map((p) => new RegExp(p, 'i')),
      endHeadings: new Set(d.endHeadings),
    };
  }
  return rules;
}

const cache = new WeakMap<HtmlElement, string[]>();

/** The words of an element's class and id: "articleBody share-tools" -> article, body, share, tools. */
export function nameParts(element: HtmlElement): string[] {
  const { class: cls, id } = element.attrs;
  if (!cls && !id) return [];
  let parts = cache.get(element);
  if (!parts) {
    parts = `${cls ?? ''} ${id ?? ''}`.split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean).map((p) => p.toLowerCase());
    cache.set(element, parts);
  }
  return parts;
}

export function hasBoilerplateName(element: HtmlElement): boolean {
  const { boilerplatePart } = boilerplateRules();
  return nameParts(element).some((p) => boilerplatePart.test(p));
}

export function hasContentName(element: HtmlElement): boolean {
  const { contentPart } = boilerplateRules();
  return nameParts(element).some((p) => contentPart.test(p));
}

/** Hidden from readers: the hidden attribute, an inline display:none, or a screen-reader-only class (aria-hidden text is still seen). */
export function isHidden(element: HtmlElement): boolean {
  const a = element.attrs;
  if ('hidden' in a) return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  if (!a.class) return false;
  const { hiddenClasses } = boilerplateRules();
  return a.class.toLowerCase().split(/\s+/).some((c) => hiddenClasses.has(c));
}
