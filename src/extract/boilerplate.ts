// The phrase lists of data/boilerplate.json, compiled once: page furniture that is matched on whole lines.
import { loadData } from '../data.js';
import { PhraseFinder, requiredPhrases, type Phrase } from '../text/phrases.js';
import { keyOf } from '../text/words.js';

interface BoilerplateData {
  insertMarkers: string[];
  endMarkers: string[];
  linePatterns: string[];
  endPatterns: string[];
  captionEnd: string;
  creditWords: string;
  shareWords: string[];
  agencyNames: string[];
  agencyWords: string[];
  roleWords: string[];
  aboutWords: string[];
  bylineWords: string[];
  bylineLabels: string[];
  bylineAfter: string[];
}

export interface Boilerplate {
  /** Headings of inserts inside the body ("Related News"): the heading and the headlines under it go. */
  insert: Set<string>;
  /** Headings after which the article is over ("Most Read", "Comments"). */
  end: Set<string>;
  /** Line patterns that end the article too ("34 responses to ...", "Comments (12)"). */
  endPattern: LinePatterns;
  /** Lines of furniture wherever they are. */
  furniture: LinePatterns;
  /** The phrases the line patterns require, with their patterns' bits: which a line has is its `phrases`. */
  phrases: PhraseFinder;
  /** Photo captions: a credit in brackets at the end of the line. */
  caption: RegExp;
  /** Words of a photo credit line ("Photo: Jane Roe, AP", "Agency | Getty Images"). */
  credit: RegExp;
  /** Labels of share buttons. */
  share: Set<string>;
  /** News agencies as HTML bylines and datelines credit them ("Reuters", "Associated Press"). */
  agencyNames: string[];
  /** Words that make a byline part an agency or desk ("Continental Press", "Reuters"), not a person. */
  agency: Set<string>;
  /** Job titles after a name in a byline ("Jane Roe, Senior Correspondent"). */
  role: Set<string>;
  /** "About" in several languages: "About Jane Roe" over a bio ends the article. */
  about: Set<string>;
  /**
   * A byline in a page dump's header, the name(s) in group 1: "Von Anna Schmidt", "di Mario Rossi", "Autor: Jan
   * Kowalski", "记者 王明", "김민수 기자" (English "By ..." is read apart, as it always was).
   */
  bylines: RegExp[];
  /** What a byline starts with before its name, in any of the languages: "By ", "Von ", "Autor: ". */
  bylineStart: RegExp;
}

/** A list of line patterns. `phrases` are the bits of the required phrases the line has (Boilerplate.phrases). */
export interface LinePatterns {
  test(text: string, phrases: number): boolean;
}

let compiled: Boilerplate | null = null;

export function boilerplate(): Boilerplate {
  if (!compiled) {
    const b = loadData<BoilerplateData>('boilerplate.json');
    const phrases: Phrase[] = [];
    const gated = { count: 0 };
    const endPattern = anyOf(b.endPatterns, phrases, gated);
    const furniture = anyOf(b.linePatterns, phrases, gated);
    compiled = {
      // Compared with line keys, so in key form ("don't miss" -> "don t miss").
      insert: new Set(b.insertMarkers.map(keyOf)),
      end: new Set(b.endMarkers.map(keyOf)),
      endPattern,
      furniture,
      phrases: new PhraseFinder(phrases),
      caption: new RegExp(b.captionEnd, 'iu'),
      credit: new RegExp(b.creditWords, 'i'),
      share: new Set(b.shareWords),
      agencyNames: b.agencyNames,
      agency: new Set(b.agencyWords),
      role: new Set(b.roleWords),
      about: new Set(b.aboutWords),
      ...bylinePatterns(b),
    };
  }
  return compiled;
}

/**
 * A name as a byline writes it: two to five capitalised words, particles between them ("Anna van der Berg"). Two at
 * least: after "Von" one capitalised word is as likely a German noun ("Von Sprachregeln, Gender-Politik ...").
 */
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const NAME = `${WORD}(?:\\s+(?:(?:van|von|der|den|de|da|das|dos|del|della|di|du|la|le|bin|ibn|al|el)\\s+)*${WORD}){1,4}`;
/** Words that join two authors' names. */
const AND = '(?:,|&|and|und|et|y|e|en|och|og|i|и|dan)';

function bylinePatterns(b: BoilerplateData): Pick<Boilerplate, 'bylines' | 'bylineStart'> {
  const alternatives = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // The word before the name as written at a line's start: capitalised, or all in lower case ("di Mario Rossi").
  const words = b.bylineWords.filter((w) => w !== 'by').map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
  const names = `${NAME}(?:\\s*${AND}\\s*${NAME})*`;
  return {
    bylines: [
      // The name up to the line's end or a separator, a date or a contact after it: "Von Berlin aus" is no byline.
      new RegExp(`^(?:${words})\\s+(${names})(?=\\s*$|\\s*[,|–—•]|\\s+-\\s|\\s+\\d|\\s+\\S+@)`, 'u'),
      // A label, a colon and a space ("Autor:innen" is a word), or a Chinese label and the name.
      new RegExp(`^(?:${alternatives(b.bylineLabels)})(?:\\s*:\\s+|\\s*：\\s*|\\s+(?=\\p{Script=Han}))(.+)$`, 'iu'),
      new RegExp(`^((?:[\\p{L}\\p{M}]+\\s*){1,3}?)\\s*(?:${alternatives(b.bylineAfter)})(?=\\s|$)`, 'u'),
    ],
    bylineStart: new RegExp(`^(?:(?:written|posted|reported|story|words)\\s+)?(?:(?:${alternatives(b.bylineWords)})[:\\s]+|(?:${alternatives(b.bylineLabels)})(?:\\s*[:：]\\s*|\\s+(?=\\p{Script=Han})))`, 'iu'),
  };
}

/** Bits a line's phrases can stand for: a pattern gets one, and past them patterns share. */
const PHRASE_BITS = 31;

/**
 * A test of a list of line patterns. A pattern with required phrases (src/text/phrases.ts) gets a bit (the
 * `gated.count`-th, round the PHRASE_BITS: past them, patterns share one, and a line with it runs each), its phrases
 * go into `phrases`, and it is only run on lines that have one of them: most lines have none. The others go into
 * two regexes: those anchored at the start into one `^(?:...)` group, which the engine tries at the first position
 * only; the others scan the line once between them.
 */
function anyOf(patterns: string[], phrases: Phrase[], gated: { count: number }): LinePatterns {
  // Without the u flag case-insensitive matching is several times faster; only \p{...} classes need it.
  const flagsOf = (source: string) => (/\\[pPu]\{/.test(source) ? 'iu' : 'i');
  const gates: Array<{ bit: number; last: number; re: RegExp }> = [];
  const always: string[] = [];
  for (const p of patterns) {
    const required = flagsOf(p) === 'i' ? requiredPhrases(p) : null;
    if (!required) {
      always.push(p);
      continue;
    }
    const bit = 1 << gated.count++ % PHRASE_BITS;
    for (const phrase of required) phrases.push({ phrase, bit });
    gates.push({ bit, last: requiredLast(p), re: new RegExp(p, 'i') });
  }
  const group = (list: string[]) => list.map((p) => `(?:${p})`).join('|');
  const anchored = always.filter((p) => p.startsWith('^')).map((p) => p.slice(1));
  const floating = always.filter((p) => !p.startsWith('^'));
  const compile = (source: string) => new RegExp(source, flagsOf(source));
  const start = anchored.length ? compile(`^(?:${group(anchored)})`) : null;
  const anywhere = floating.length ? compile(group(floating)) : null;
  return {
    test: (text, lineBits) => {
      if (start?.test(text) || anywhere?.test(text)) return true;
      if (lineBits === 0) return false;
      for (const { bit, last, re } of gates) if (lineBits & bit && (last < 0 || text.charCodeAt(text.length - 1) === last) && re.test(text)) return true;
      return false;
    },
  };
}

/**
 * The code unit every match of the pattern ends the text with: a sign (not a letter or digit, which the i flag may
 * match in either case) written just before its final `$`, outside any group, in a pattern with no | outside groups
 * ("^[^.!?]{10,200}\\(\\d{1,5}\\)$" ends in ")"); -1 when there is none. Such a pattern is run only on lines ending so.
 */
export function requiredLast(source: string): number {
  const end = source.length - 1;
  if (source[end] !== '$' || source[end - 1] === '\\') return -1;
  let depth = 0;
  let lastAtom = -1; // where the last atom outside groups starts
  for (let at = 0; at < end; at++) {
    const c = source[at]!;
    if (c === '\\') {
      if (depth === 0) lastAtom = at;
      at++;
    } else if (c === '[') {
      if (depth === 0) lastAtom = at;
      // Up to the class's closing ], which may come first ([]a], [^]a]).
      if (source[at + 1] === '^') at++;
      if (source[at + 1] === ']') at++;
      for (at++; at < end && source[at] !== ']'; at++) if (source[at] === '\\') at++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return -1;
    else if (depth === 0) lastAtom = at;
  }
  // The atom before `$`: an escaped sign, or a plain character that is no operator.
  const escaped = source[lastAtom] === '\\' && lastAtom + 2 === end && !/[\p{L}\p{N}]/u.test(source[end - 1]!);
  const plain = lastAtom + 1 === end && !/[\p{L}\p{N}.^$|?*+()[\]{}\\]/u.test(source[lastAtom]!);
  return escaped || plain ? source.charCodeAt(end - 1) : -1;
}

/** A line of furniture: a label, a "Read more:" link, a copyright, cookie or subscription notice. `phrases`: the line's. */
export function isFurniture(text: string, phrases: number): boolean {
  return boilerplate().furniture.test(text, phrases);
}

/** A photo caption: a credit in brackets at the end of the line. */
export function isCaption(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 41 /* ) */ && boilerplate().caption.test(text);
}
