// The phrase lists of data/boilerplate.json, compiled once: page furniture that is matched on whole lines.
import { loadData } from '../data.js';

interface BoilerplateData {
  insertMarkers: string[];
  endMarkers: string[];
  linePatterns: string[];
  endPatterns: string[];
  captionEnd: string;
  creditWords: string;
  shareWords: string[];
  agencyWords: string[];
  roleWords: string[];
  aboutWords: string[];
}

export interface Boilerplate {
  /** Headings of inserts inside the body ("Related News"): the heading and the headlines under it go. */
  insert: Set<string>;
  /** Headings after which the article is over ("Most Read", "Comments"). */
  end: Set<string>;
  /** Line patterns that end the article too ("34 responses to ...", "Comments (12)"). */
  endPattern: { test(text: string): boolean };
  /** Lines of furniture wherever they are. */
  furniture: { test(text: string): boolean };
  /** Photo captions: a credit in brackets at the end of the line. */
  caption: RegExp;
  /** Words of a photo credit line ("Photo: Jane Roe, AP", "Agency | Getty Images"). */
  credit: RegExp;
  /** Labels of share buttons. */
  share: Set<string>;
  /** Words that make a byline part an agency or desk ("Continental Press", "Reuters"), not a person. */
  agency: Set<string>;
  /** Job titles after a name in a byline ("Jane Roe, Senior Correspondent"). */
  role: Set<string>;
  /** "About" in several languages: "About Jane Roe" over a bio ends the article. */
  about: Set<string>;
}

let compiled: Boilerplate | null = null;

export function boilerplate(): Boilerplate {
  if (!compiled) {
    const b = loadData<BoilerplateData>('boilerplate.json');
    compiled = {
      insert: new Set(b.insertMarkers),
      end: new Set(b.endMarkers),
      endPattern: anyOf(b.endPatterns),
      furniture: anyOf(b.linePatterns),
      caption: new RegExp(b.captionEnd, 'iu'),
      credit: new RegExp(b.creditWords, 'i'),
      share: new Set(b.shareWords),
      agency: new Set(b.agencyWords),
      role: new Set(b.roleWords),
      about: new Set(b.aboutWords),
    };
  }
  return compiled;
}

/**
 * One regex for a list of line patterns. Those anchored at the start go into one `^(?:...)` group,
 * which the engine tries at the first position only; the others scan the line once between them.
 */
function anyOf(patterns: string[]): { test(text: string): boolean } {
  const group = (list: string[]) => list.map((p) => `(?:${p})`).join('|');
  const anchored = patterns.filter((p) => p.startsWith('^')).map((p) => p.slice(1));
  const floating = patterns.filter((p) => !p.startsWith('^'));
  // Without the u flag case-insensitive matching is several times faster; only \p{...} classes need it.
  const compile = (source: string) => new RegExp(source, /\\[pPu]\{/.test(source) ? 'iu' : 'i');
  const start = anchored.length ? compile(`^(?:${group(anchored)})`) : null;
  const anywhere = floating.length ? compile(group(floating)) : null;
  return { test: (text) => (start?.test(text) ?? false) || (anywhere?.test(text) ?? false) };
}

/** A line of furniture: a label, a "Read more:" link, a copyright, cookie or subscription notice. */
export function isFurniture(text: string): boolean {
  return boilerplate().furniture.test(text);
}

/** A photo caption: a credit in brackets at the end of the line. */
export function isCaption(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 41 /* ) */ && boilerplate().caption.test(text);
}

/** The comparison key of a line: lower case, letters and digits only. */
export function keyOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
