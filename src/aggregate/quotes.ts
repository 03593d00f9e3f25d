// Quotations and who said them: direct quotes (words in quotation marks) and reported speech (a speech or
// cognition verb with its content clause, "according to X"), each with its speaker resolved to an entity of the
// article where the text allows: a name, a surname, a pronoun, a description ("the ministry"), or a document
// standing for whoever issued it ("the statement said"). Works sentence by sentence on the NER record.
import { loadData } from '../data.js';
import { charClass, UPPER } from '../text/chars.js';
import { hasBit, setBit } from '../text/bits.js';
import { grown, packedMap } from '../text/packed.js';
import type { Entity, EntityType, NerArticle } from '../types.js';
import type { QuoteSpeaker } from './entities.js';
import { widen } from './periods.js';

export interface Quote {
  file: string;
  id: string;
  published: string | null;
  site: string | null;
  /** Canonical name of the entity quoted, or null for groups ("the two sides") and sources not among the entities. */
  speaker: string | null;
  speakerType: EntityType | null;
  /** The words that name the speaker at the attribution ("Lavrov", "he", "the ministry"), or null when there are none. */
  speakerText: string | null;
  /** Lemma of the attribution verb ("say"), or the "according to" phrase. */
  verb: string | null;
  /** direct: the content is wholly inside quotation marks; indirect: a content clause (which may quote words). */
  kind: 'direct' | 'indirect';
  /** The quotation's parts joined by " … " (a quote split by its attribution has two). */
  text: string;
  /** Offsets of the quotation (first part's start, last part's end) in `text`, or in `title` when `field` is "title". */
  start: number;
  end: number;
  segments: Array<[number, number]>;
  field?: 'title';
  /** Canonical names of the entities mentioned inside the quotation. */
  mentioned: string[];
}

interface SpeechCues {
  verbs: Map<string, string>;
  /** The words a cue can begin with: every other word is passed over at once. */
  firstWords: Set<string>;
  /** The wordBits of the first words: most words are passed over at once. */
  firstWordBits: Int32Array;
  /** The first words by their wordBit. */
  firstWordsByBit: Map<number, string[]>;
  /** Pronouns for organisations and countries ("it said"). */
  thingPronouns: Set<string>;
  /** English verb forms: only they are checked for a determiner before them ("the report" is no verb). */
  english: Set<string>;
  /** Auxiliaries that come between an attribution's comma and its verb in other languages ("a déclaré"). */
  auxiliaries: Set<string>;
  phrasal: Map<string, string>;
  /** The words the phrasal verbs begin with: no other word is looked up with the word after it. */
  phrasalFirstWords: Set<string>;
  bareClause: Set<string>;
  complementisers: Set<string>;
  according: string[][];
  collective: Set<string>;
  pronouns: Set<string>;
  documents: Set<string>;
  adjunctStarts: Set<string>;
  abbreviations: Set<string>;
  /** Lower-cased role words that stand for a person ("minister", "diplomat"). */
  roles: Set<string>;
  /** Lower-cased words that make a name an organisation's ("ministry", "agency"). */
  orgWords: Set<string>;
}

interface SpeechCueData {
  verbs: Record<string, Record<string, string>>;
  phrasal: Record<string, Record<string, string>>;
  bareClause: string[];
  complementisers: string[];
  according: string[];
  collective: string[];
  pronouns: string[];
  documents: string[];
  adjunctStarts: string[];
  abbreviations: string[];
  auxiliaries: string[];
  thingPronouns: string[];
}

let cues: SpeechCues | null = null;

function speechCues(): SpeechCues {
  if (cues) return cues;
  const data = loadData<SpeechCueData>('speech-verbs.json');
  const roles = loadData<{ heads: string[] }>('roles.json');
  const orgs = loadData<{ words: string[] }>('org-words.json');
  const merged = (byLanguage: Record<string, Record<string, string>>) => new Map(Object.values(byLanguage).flatMap((forms) => Object.entries(forms)));
  const firstWords = new Set([...Object.values(data.verbs).flatMap((forms) => Object.keys(forms)), ...[...data.according, ...Object.values(data.phrasal).flatMap((forms) => Object.keys(forms))].map((phrase) => phrase.split(' ')[0]!)]);
  const firstWordBits = new Int32Array(1 << (WORD_BITS - 5));
  const firstWordsByBit = new Map<number, string[]>();
  for (const w of firstWords) {
    const bit = wordBit(w, 0, w.length);
    setBit(firstWordBits, bit);
    firstWordsByBit.set(bit, [...(firstWordsByBit.get(bit) ?? []), w]);
  }
  return (cues = {
    verbs: merged(data.verbs),
    firstWords,
    firstWordBits,
    firstWordsByBit,
    thingPronouns: new Set(data.thingPronouns),
    english: new Set(Object.keys(data.verbs.en!)),
    auxiliaries: new Set(data.auxiliaries),
    phrasal: merged(data.phrasal),
    phrasalFirstWords: new Set(Object.values(data.phrasal).flatMap((forms) => Object.keys(forms).map((phrase) => phrase.split(' ')[0]!))),
    bareClause: new Set(data.bareClause),
    complementisers: new Set(data.complementisers),
    according: data.according.map((phrase) => phrase.split(' ')),
    collective: new Set(data.collective),
    pronouns: new Set(data.pronouns),
    documents: new Set(data.documents),
    adjunctStarts: new Set(data.adjunctStarts),
    abbreviations: new Set(data.abbreviations),
    roles: new Set(roles.heads.map((w) => w.toLowerCase().replace(/\.$/, ''))),
    orgWords: new Set(orgs.words.map((w) => w.toLowerCase())),
  });
}

const WORD_BITS = 16;

/**
 * A hash of the length and the first, second and last characters of the lower-cased word from start to end of `lower`,
 * WORD_BITS wide (with two characters, not only the ends, far fewer words share a first word's bit).
 */
function wordBit(lower: string, start: number, end: number): number {
  const second = lower.charCodeAt(Math.min(start + 1, end - 1));
  return Math.imul((end - start) ^ (lower.charCodeAt(start) << 8) ^ (second << 14) ^ (lower.charCodeAt(end - 1) << 20), 0x9e3779b1) >>> (32 - WORD_BITS);
}

/** Whether the word lower-cases to one of the first words: most words are passed over on their bit alone. */
function mayBeFirstWord(text: string, lowerText: string | null, start: number, end: number, cues: SpeechCues): boolean {
  if (lowerText === null) return cues.firstWords.has(lowerWord(text, lowerText, start, end));
  const bit = wordBit(lowerText, start, end);
  return hasBit(cues.firstWordBits, bit) && isFirstWordOfBit(lowerText, start, end, cues.firstWordsByBit.get(bit)!);
}

/** Whether the word is one of the first words with its bit: compared in the lower-cased text, without slicing it. */
function isFirstWordOfBit(lowerText: string, start: number, end: number, words: string[]): boolean {
  for (const word of words) if (word.length === end - start && lowerText.startsWith(word, start)) return true;
  return false;
}

/** Opening quotation marks and the marks that close each. */
const CLOSERS: Record<string, string> = { '"': '"', '“': '”"', '„': '“”', '«': '»', '»': '«', '‹': '›' };

/** A quotation in marks: the offset of the opening mark, of the closing one, and the text between them per paragraph. */
interface QuoteSpan {
  open: number;
  close: number;
  segments: Array<[number, number]>;
}

/** A token's kind: a word, clause punctuation (, : ;) or a quotation in marks; NONE before or past its sentence. */
const WORD = 0;
const PUNCT = 1;
const QUOTE = 2;
const NONE = 3;

/** A word of a speaker phrase. */
interface Word {
  start: number;
  end: number;
  lower: string;
  capital: boolean;
}
type Speaker = { entity: Entity | null; text: string | null };

/** Words before a cue word that make it a noun ("the report", "in remarks"). */
const NOT_BEFORE_VERB = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'of', 'in', 'on', 'by', 'with', 'for', 'from', 'at']);
/** Words that begin what follows the head noun of a speaker phrase. */
const MODIFIER_STARTS = new Set(['of', 'from', 'by', 'on', 'after', 'in', 'at', 'with', 'for', 'to', 'who', 'that']);
/** Connectives before a speaker ("yet Nissan said"), not part of it. */
const LEADING_CONNECTIVES = new Set(['and', 'but', 'yet', 'so', 'or', 'then', 'however', 'also', 'still', 'now', 'meanwhile', 'because', 'although', 'though', 'if', 'since', 'when']);
/** Words that cannot begin a content clause without "that" ("states and international organizations ..."). */
const NOT_CLAUSE_START = new Set(['and', 'or', 'but', 'who', 'which', 'whose', 'of', 'to']);
/** Words before a verb that end its speaker phrase ("who said"). */
const PHRASE_ENDS = new Set(['who', 'where', 'which', 'while', 'as']);
/** Adverbs without "-ly" that come between a speaker and the verb. */
const ADVERBS = new Set(['also', 'further', 'then', 'again', 'once', 'earlier', 'later', 'previously', 'recently', 'however', 'too']);
/** Auxiliaries: a speaker phrase holding one is a clause, not a speaker ("The two countries were critical of Western states"). */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did']);

/** The clauses of a sentence in which its subject is looked for (see noteSubject). */
const SUBJECT_CLAUSES = 2;

interface MentionAt {
  start: number;
  end: number;
  entity: Entity;
}

/** What a cue says: who (tokens of the speaker phrase) and what (tokens of the content). */
interface Candidate {
  cue: number;
  verb: string;
  speaker: [number, number];
  content: [number, number];
  /** A participle ("adding that ...") whose speaker is the main clause's. */
  participle: boolean;
  forward: boolean;
}

/** The quotations in marks of a text, in order; one left open at a paragraph's end goes on if the next paragraph reopens it. */
function quoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: { at: number; mark: string; from: number; segments: Array<[number, number]> } | null = null;
  let paragraphStart = 0;
  // The next mark at or after the search position (-1: none left, -2: not searched yet), kept across paragraphs without one: searching
  // again from each paragraph's start would read the text to that mark once per paragraph.
  let next = -2;
  while (paragraphStart <= text.length) {
    const breakAt = text.indexOf('\n\n', paragraphStart);
    const paragraphEnd = breakAt < 0 ? text.length : breakAt;
    let i = paragraphStart;
    if (open) {
      // A quotation running over paragraphs reopens each new one with its opening mark.
      if (text[i] === open.mark) open.from = ++i;
      else open = null;
    }
    for (let from = i; ; from = i + 1) {
      if (next === -2 || (next >= 0 && next < from)) {
        MARK.lastIndex = from;
        // test() leaves lastIndex just past the (one-character) mark, and builds no match.
        next = MARK.test(text) ? MARK.lastIndex - 1 : -1;
      }
      if (next < 0 || next >= paragraphEnd) break;
      i = next;
      const c = text[i]!;
      if (open) {
        if (CLOSERS[open.mark]!.includes(c)) {
          open.segments.push([open.from, i]);
          spans.push({ open: open.at, close: i, segments: open.segments });
          open = null;
        }
      } else if (c in CLOSERS && opens(text, i)) {
        open = { at: i, mark: c, from: i + 1, segments: [] };
      }
    }
    if (open) open.segments.push([open.from, paragraphEnd]);
    if (breakAt < 0) break;
    paragraphStart = breakAt + 2;
  }
  return spans;
}

const MARK = /["“”„«»‹›]/g;

/** A mark opens a quotation when a word follows it and none sticks to its left. */
function opens(text: string, at: number): boolean {
  const before = at === 0 || /[\s([{\u2014\u2013\-/]/.test(text[at - 1]!);
  // French marks stand apart from the words they enclose: « Oui ».
  return before && (text[at] === '«' || !/\s/.test(text[at + 1] ?? ' '));
}

const NEWLINE = 10;
const TAB = 9;
const SPACE = 32;
const FULL_STOP = 46;
const EXCLAMATION = 33;
const QUESTION = 63;

function startsSentence(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === NEWLINE) return true;
  if (c !== SPACE && c !== TAB) return false;
  // A space and an ASCII character other than a space or tab decides it without the regex.
  const next = text.charCodeAt(at + 1);
  if (next < 128 && next !== SPACE && next !== TAB) return (next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 34;
  return /^[ \t]+["“„«»\p{Lu}\p{N}]/u.test(text.slice(at, at + 3));
}

function abbreviated(text: string, dot: number, abbreviations: Set<string>): boolean {
  const from = Math.max(0, dot - 12);
  // The ASCII letters and dots before the dot, without the regex unless another character may be one of them.
  let start = dot;
  while (start > from && isAsciiLetterOrDot(text.charCodeAt(start - 1))) start--;
  const word = start > from && text.charCodeAt(start - 1) >= 128 ? (/[\p{L}.]+$/u.exec(text.slice(from, dot))?.[0].toLowerCase() ?? '') : text.slice(start, dot).toLowerCase();
  return word.length === 1 || abbreviations.has(word);
}

function isAsciiLetterOrDot(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === FULL_STOP;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

/** 1 for the BMP code units that are letters, marks or digits, 2 for the others, 0 not yet known or a surrogate. */
const wordCode = new Uint8Array(0x10000);

/** The length in code units of the letter, mark or digit at i (2 outside the BMP), or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  const code = wordCode[c]!;
  // Known code units first, without a branch for surrogates: this reads every character of the text.
  if (code !== 0) return code === 1 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdfff) {
    // A surrogate pair is one character; a surrogate alone is none of these.
    const d = text.charCodeAt(i + 1);
    return c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff && WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  wordCode[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return wordCode[c] === 1 ? 1 : 0;
}

/**
 * Where the word or clause punctuation starting at `start` ends (-1: none starts there): what the sticky regex
 * /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|[,:;]/uy matches, read code by code, as a regex call per word costs more.
 */
export function wordEnd(text: string, start: number): number {
  let i = start + wordCharAt(text, start);
  if (i === start) {
    const c = text.charCodeAt(start);
    return c === 44 || c === 58 || c === 59 ? start + 1 : -1;
  }
  for (;;) {
    const n = wordCharAt(text, i);
    if (n > 0) {
      i += n;
      continue;
    }
    // Read past the end, charCodeAt's NaN would cost the compiled code (V8 deoptimises it on the first out-of-bounds read).
    if (i >= text.length) return i;
    const c = text.charCodeAt(i);
    const next = c === 39 || c === 0x2019 || c === 45 ? wordCharAt(text, i + 1) : 0;
    if (next === 0) return i;
    i += 1 + next;
  }
}

/**
 * Reads a text sentence by sentence, each as its tokens (each word or clause punctuation, and each quotation as one
 * token), in one reading of its characters. Quotations are never cut, and a paragraph break outside one always ends a
 * sentence; no word runs over a sentence's end (a stop, a paragraph break or a closing mark, none of which a word holds).
 * The tokens of the sentence read last are kept in arrays reused from sentence to sentence and from text to text (no
 * object per token), and a word is lower-cased only when asked for.
 */
class Sentence {
  /** The number of tokens. */
  length = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private kinds = new Uint8Array(64);
  /** The index in `quotes` of the quotation each token is (QUOTE tokens only). */
  private quoteIndexes = new Int32Array(64);
  /** Each word lower-cased, valid where its stamp is the sentence's number. */
  private lowers: string[] = new Array<string>(64).fill('');
  private stamps = new Int32Array(64);
  private number = 0;
  /** The indexes of its words that may begin a speech cue: a sentence without one is not read for cues. */
  cueWords = new Int32Array(16);
  cueCount = 0;
  private text = '';
  private lowerText: string | null = null;
  private quotes: QuoteSpan[] = [];
  /** Where the next sentence starts, and its first quotation's index in `quotes`. */
  private at = 0;
  private quote = 0;
  private finished = true;

  constructor(private readonly cues: SpeechCues) {}

  /** Starts reading a text, with its quotations in marks. */
  read(text: string, lowerText: string | null, quotes: QuoteSpan[]): void {
    this.text = text;
    this.lowerText = lowerText;
    this.quotes = quotes;
    this.at = this.quote = 0;
    this.finished = false;
  }

  /** Reads the next sentence; false past the text's end. */
  next(): boolean {
    if (this.finished) return false;
    const { text, quotes } = this;
    this.length = this.cueCount = 0;
    this.number++;
    let nextOpen = this.quote < quotes.length ? quotes[this.quote]!.open : -1;
    for (let i = this.at; i < text.length; ) {
      if (i === nextOpen) {
        const span = quotes[this.quote]!;
        this.add(i, span.close + 1, QUOTE, this.quote++);
        nextOpen = this.quote < quotes.length ? quotes[this.quote]!.open : -1;
        i = span.close + 1;
        // A quotation ending with its sentence's stop ends the sentence when a new one follows.
        if (isStop(text.charCodeAt(span.close - 1)) && startsSentence(text, i)) {
          this.at = i;
          return true;
        }
        continue;
      }
      // Spaces, the commonest characters between words, are passed at once.
      if (text.charCodeAt(i) === SPACE) {
        i++;
        continue;
      }
      const end = wordEnd(text, i);
      if (end >= 0) {
        if (isPunct(text, i, end)) this.add(i, end, PUNCT, -1);
        else {
          if (mayBeFirstWord(text, this.lowerText, i, end, this.cues)) this.addCueWord(this.length);
          this.add(i, end, WORD, -1);
        }
        i = end;
        continue;
      }
      const c = text.charCodeAt(i++);
      if ((c === NEWLINE && text.charCodeAt(i) === NEWLINE) || (isStop(c) && startsSentence(text, i) && !(c === FULL_STOP && abbreviated(text, i - 1, this.cues.abbreviations)))) {
        this.at = i;
        return true;
      }
    }
    this.finished = true;
    return true;
  }

  private add(start: number, end: number, kind: number, quote: number): void {
    const k = this.length++;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.kinds[k] = kind;
    this.quoteIndexes[k] = quote;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
    this.kinds = grown(this.kinds, size);
    this.quoteIndexes = grown(this.quoteIndexes, size);
    this.stamps = grown(this.stamps, size);
    this.lowers = [...this.lowers, ...new Array<string>(size - this.lowers.length).fill('')];
  }

  private addCueWord(k: number): void {
    if (this.cueCount === this.cueWords.length) this.cueWords = grown(this.cueWords, this.cueCount + 1);
    this.cueWords[this.cueCount++] = k;
  }

  /** The kind of token k, NONE outside the sentence. */
  kind(k: number): number {
    return k >= 0 && k < this.length ? this.kinds[k]! : NONE;
  }

  start(k: number): number {
    return this.starts[k]!;
  }

  end(k: number): number {
    return this.ends[k]!;
  }

  /** The quotation token k is (a QUOTE token). */
  span(k: number): QuoteSpan {
    return this.quotes[this.quoteIndexes[k]!]!;
  }

  /** Whether token k is a comma. */
  isComma(k: number): boolean {
    return this.kind(k) === PUNCT && this.text.charCodeAt(this.starts[k]!) === 44;
  }

  /** Word k lower-cased (a WORD token). */
  lower(k: number): string {
    if (this.stamps[k] === this.number) return this.lowers[k]!;
    this.stamps[k] = this.number;
    return (this.lowers[k] = lowerWord(this.text, this.lowerText, this.starts[k]!, this.ends[k]!));
  }

  capital(k: number): boolean {
    return isCapital(this.text, this.starts[k]!);
  }

  /** Token k lower-cased when it is a word, else undefined. */
  wordAt(k: number): string | undefined {
    return this.kind(k) === WORD ? this.lower(k) : undefined;
  }

  /** Word k as an object, for the few words of a speaker phrase. */
  word(k: number): Word {
    return { start: this.starts[k]!, end: this.ends[k]!, lower: this.lower(k), capital: this.capital(k) };
  }
}

function isStop(c: number): boolean {
  return c === FULL_STOP || c === EXCLAMATION || c === QUESTION;
}

/** The token from start to end, not a quotation, is clause punctuation (, : ;). */
function isPunct(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return end === start + 1 && (c === 44 || c === 58 || c === 59);
}

function isCapital(text: string, start: number): boolean {
  return (charClass(text.charCodeAt(start)) & UPPER) !== 0;
}

/** A word lower-cased: a slice of the text lower-cased once (see lowered), as lower-casing each word costs more. */
function lowerWord(text: string, lowerText: string | null, start: number, end: number): string {
  return lowerText === null ? text.slice(start, end).toLowerCase() : lowerText.slice(start, end);
}

/**
 * The text lower-cased, or null when a word of it lower-cased alone may differ from its place in it: lower-casing
 * keeps each character's length except that of "İ" (two code units after), and only a capital sigma's depends on
 * what comes after it (a final "ς" or "σ").
 */
function lowered(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !text.includes('Σ') ? lower : null;
}

/**
 * Mentions sorted in place by start, stably: an article's few by insertion, as each call of the built-in sort allocates
 * its work arrays.
 */
function byStart(mentions: MentionAt[]): MentionAt[] {
  if (mentions.length > INSERTION_SORT_MAX) return mentions.sort((a, b) => a.start - b.start);
  for (let i = 1; i < mentions.length; i++) {
    const mention = mentions[i]!;
    let j = i;
    for (; j > 0 && mentions[j - 1]!.start > mention.start; j--) mentions[j] = mentions[j - 1]!;
    mentions[j] = mention;
  }
  return mentions;
}

const INSERTION_SORT_MAX = 64;

/** The index of the first item whose key is `offset` or more, in a list sorted by key (binary search). */
function firstFrom<T>(sorted: T[], offset: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What a content's tokens quote (see Reader.segments): its quotations alone ('quotes': words only between the first
 * and the last of several, as in "A," he said, "B"; punctuation only commas), a clause of three or more words and
 * quotations ('clause'), or nothing (null). Every quotation has a segment, so only null yields no part: the speakers
 * mode asks this alone.
 */
function contentKind(s: Sentence, [from, to]: [number, number]): 'quotes' | 'clause' | null {
  let first = -1;
  let last = -1;
  let quotes = 0;
  for (let k = from; k < to; k++) {
    if (s.kind(k) !== QUOTE) continue;
    if (first < 0) first = k;
    last = k;
    quotes++;
  }
  let onlyQuotes = quotes > 0;
  for (let k = from; k < to && onlyQuotes; k++) {
    const kind = s.kind(k);
    if (kind === PUNCT) onlyQuotes = s.isComma(k);
    else if (kind === WORD) onlyQuotes = quotes > 1 && k > first && k < last;
  }
  if (onlyQuotes) return 'quotes';
  let count = 0;
  for (let k = from; k < to; k++) if (s.kind(k) !== PUNCT) count++;
  return count >= 3 ? 'clause' : null;
}

let reusedSentence: Sentence | null = null;

/** Everything the quotations of one text (the body or the title) need to know about it. */
class Reader {
  readonly cues = speechCues();
  readonly spans: QuoteSpan[];
  /** Mentions by start, demonyms left out (they modify a speaker, they are not one). */
  readonly mentions: MentionAt[];
  /** "Indian" in "the Indian government": the country speaks. */
  readonly demonyms: MentionAt[];
  /** People, and then organisations or countries, seen as subjects or speakers so far: what "he" and "the statement" point back to. */
  private readonly people: MentionAt[] = [];
  private readonly issuers: MentionAt[] = [];
  private readonly lowerText: string | null;

  constructor(readonly text: string, { names, demonyms }: FieldMentions, private readonly field: 'title' | undefined) {
    this.spans = quoteSpans(text);
    this.lowerText = lowered(text);
    this.mentions = byStart(names);
    this.demonyms = byStart(demonyms);
  }

  /** The quotations of the text, each with the article's `base` fields first. */
  quotes(base: Pick<Quote, 'file' | 'id' | 'published' | 'site'>): Quote[] {
    const found: Quote[] = [];
    const inside = (parts: Array<[number, number]>) => [...new Set(this.mentions.filter((m) => parts.some(([s, e]) => m.start >= s && m.end <= e)).map((m) => m.entity.name))];
    this.attributions((speaker, verb, sentence, range) => {
      const { parts, direct } = this.segments(sentence, range);
      if (parts.length === 0) return;
      const quote: Quote = {
        file: base.file,
        id: base.id,
        published: base.published,
        site: base.site,
        speaker: speaker.entity?.name ?? null,
        speakerType: speaker.entity?.type ?? null,
        speakerText: speaker.text,
        verb,
        kind: direct ? 'direct' : 'indirect',
        text: packedMap(parts, ([s, e]) => this.text.slice(s, e)).join(' … '),
        start: parts[0]![0],
        end: parts.at(-1)![1],
        segments: parts,
        mentioned: inside(parts),
      };
      if (this.field) quote.field = this.field;
      found.push(quote);
    });
    return found;
  }

  /** Who speaks in each quotation of the text: what quotes() finds, without the words quoted (`mine entities` counts no more). */
  speakers(found: QuoteSpeaker[]): void {
    this.attributions(({ entity }, _verb, sentence, range) => {
      if (contentKind(sentence, range) !== null) found.push({ speaker: entity?.name ?? null, speakerType: entity?.type ?? null });
    });
  }

  /**
   * Each attribution of the text in order: who says it, the cue's verb, and the tokens of its sentence with the range of
   * them it reports (which may hold no quotation: see segments).
   */
  private attributions(each: (speaker: Speaker, verb: string, sentence: Sentence, content: [number, number]) => void): void {
    // One sentence's arrays serve every text: a text is read to its end before the next is.
    const sentence = (reusedSentence ??= new Sentence(this.cues));
    sentence.read(this.text, this.lowerText, this.spans);
    while (sentence.next()) {
      const subject = this.noteSubject(sentence);
      // Most sentences hold no word that may begin a cue: their words are not read again.
      if (sentence.cueCount > 0) this.sentenceAttributions(sentence, subject, each);
    }
  }

  /** The attributions of a sentence with words that may begin a cue; its subject speaks for a participle without one. */
  private sentenceAttributions(sentence: Sentence, subject: MentionAt | null, each: (speaker: Speaker, verb: string, sentence: Sentence, content: [number, number]) => void): void {
    let mainSpeaker: Speaker | null = subject ? { entity: subject.entity, text: this.text.slice(subject.start, subject.end) } : null;
    for (const candidate of this.candidates(sentence)) {
      const speaker = candidate.participle && candidate.speaker[0] === candidate.speaker[1] && mainSpeaker ? mainSpeaker : this.speaker(sentence, candidate);
      if (!speaker) continue;
      if (!candidate.participle) mainSpeaker = speaker;
      each(speaker, candidate.verb, sentence, candidate.content);
    }
  }

  /** The cues of a sentence that carry a quotation, without those inside another's content. */
  private candidates(sentence: Sentence): Candidate[] {
    const all: Candidate[] = [];
    for (let i = 0; i < sentence.cueCount; i++) {
      const found = this.atCue(sentence, sentence.cueWords[i]!);
      if (found) all.push(found);
    }
    if (all.length < 2) return all;
    // A cue inside another's content is part of what is reported; a report that only relays an attributed
    // quotation ("X said that ..., the report adds") adds none.
    const inside = (k: number, c: Candidate) => k >= c.content[0] && k < c.content[1];
    const own = all.filter((c) => c.forward || !all.some((other) => other.forward && inside(other.cue, c)));
    const kept = own.filter((c) => !own.some((other) => other !== c && inside(c.cue, other) && !inside(other.cue, c)));
    // Two cues of one content ("said in remarks"): the first is the attribution.
    return kept.filter((c, i) => !kept.slice(0, i).some((other) => other.content[0] === c.content[0] && other.content[1] === c.content[1]));
  }

  /** The quotation a word of the sentence that may begin a cue introduces, if it is a speech cue. */
  private atCue(s: Sentence, k: number): Candidate | null {
    const lower = s.lower(k);
    const { cues } = this;
    const according = accordingAt(s, k, cues);
    if (according) return this.according(s, k, k + according.length, according.join(' '));
    let verb = cues.phrasalFirstWords.has(lower) ? cues.phrasal.get(`${lower} ${s.wordAt(k + 1) ?? ''}`) : undefined;
    let after = k + 2;
    if (!verb) {
      verb = cues.verbs.get(lower);
      after = k + 1;
    }
    // English speech words are nouns too: "the report", "Russia's state company", "the State Department".
    const previous = s.wordAt(k - 1) ?? '';
    if (!verb || (cues.english.has(lower) && (NOT_BEFORE_VERB.has(previous) || previous.endsWith("'s") || previous.endsWith('’s') || (s.capital(k) && k > 0)))) return null;
    const participle = lower.endsWith('ing');
    const subject = speakerBefore(s, k, cues);
    const invertedFirst = s.kind(subject[0] - 1) === QUOTE;
    for (let j = subject[0]; j < subject[1]; j++) if (s.kind(j) === WORD && AUXILIARIES.has(s.lower(j))) return null;
    const clauseEnd = nextStop(s, after);
    // "said:" / "said," / "reaffirmed" directly before a quotation, or after a short object ("told reporters:").
    for (let j = after; j < Math.min(clauseEnd + 2, after + 5, s.length); j++) {
      if (s.kind(j) === QUOTE) {
        if ((j === after || s.kind(j - 1) === PUNCT) && !invertedFirst) return { cue: k, verb, speaker: subject, content: [j, j + 1], participle, forward: true };
        break;
      }
    }
    // The words after the verb up to the clause's end.
    const tailLength = clauseEnd - after;
    const tailFirst = tailLength > 0 ? s.lower(after) : '';
    // After an inverted attribution only an adjunct ("on Monday") or a short object ("told reporters") may follow.
    const attributionOnly = tailLength <= 3 || isAdjunct(tailFirst, cues);
    const that = findComplementiser(s, after, cues);
    if (that >= 0) return { cue: k, verb, speaker: subject, content: [that + 1, contentEnd(s, that + 1, cues)], participle, forward: true };
    if (invertedFirst) return attributionOnly ? this.inverted(s, k, after, verb, subject) : null;
    const bare = cues.bareClause.has(verb) && tailLength >= 4 && !isAdjunct(tailFirst, cues) && !NOT_CLAUSE_START.has(tailFirst);
    if (!bare && !participle && attributionOnly) {
      const inverted = this.inverted(s, k, after, verb, subject);
      if (inverted) return inverted;
    }
    if (bare && (subject[1] > subject[0] || participle)) return { cue: k, verb, speaker: subject, content: [after, contentEnd(s, after, cues)], participle, forward: true };
    return null;
  }

  /** "..., the ministry said [on Monday]." / "..., said Wang.": the content is what comes before the attribution. */
  private inverted(s: Sentence, k: number, after: number, verb: string, subject: [number, number]): Candidate | null {
    let speaker = subject;
    let boundary = speaker[0] - 1;
    if (speaker[1] === speaker[0]) {
      // The speaker after the verb: ", said Wang Wenbin."
      const end = nextStop(s, after);
      speaker = [after, end];
      if (end === after) return null;
    }
    const before = s.kind(boundary);
    if (before !== QUOTE && !s.isComma(boundary)) return null;
    const contentTo = before === QUOTE ? boundary + 1 : boundary;
    if (!hasNonPunct(s, 0, contentTo)) return null;
    // A quote split by its attribution goes on after it: "A," he said, "B."
    let content: [number, number] = [0, contentTo];
    const rest = nextStop(s, k + 1);
    if (s.kind(rest) === PUNCT && s.kind(rest + 1) === QUOTE && s.kind(contentTo - 1) === QUOTE) content = [0, rest + 2];
    return { cue: k, verb, speaker, content, participle: false, forward: false };
  }

  /** "According to X, ..." and "..., according to X". */
  private according(s: Sentence, k: number, after: number, phrase: string): Candidate | null {
    const end = nextStop(s, after);
    if (end === after) return null;
    if (k === 0 || (s.kind(k - 1) === PUNCT && k === 1)) return s.kind(end) === PUNCT ? { cue: k, verb: phrase, speaker: [after, end], content: [end + 1, contentEnd(s, end + 1, this.cues)], participle: false, forward: false } : null;
    if (s.kind(k - 1) === PUNCT && end >= s.length - 1) return { cue: k, verb: phrase, speaker: [after, end], content: [0, k - 1], participle: false, forward: false };
    return null;
  }

  /** The parts of the text a content holds, and whether they are all inside quotation marks. */
  private segments(s: Sentence, range: [number, number]): { parts: Array<[number, number]>; direct: boolean } {
    const [from, to] = range;
    const kind = contentKind(s, range);
    if (kind === 'quotes') {
      const quotes: number[] = [];
      for (let k = from; k < to; k++) if (s.kind(k) === QUOTE) quotes.push(k);
      return { parts: packedMap(quotes.flatMap((q) => s.span(q).segments), ([a, b]) => trimmed(this.text, a, b)), direct: true };
    }
    if (kind === null) return { parts: [], direct: false };
    return { parts: [trimmed(this.text, s.start(from), s.end(to - 1), true)], direct: false };
  }

  /**
   * The entity a speaker phrase names, with the words that name it; undefined when the phrase is no speaker at all
   * (then the cue was no attribution: "the member states ...").
   */
  private speaker(s: Sentence, c: Candidate): Speaker | undefined {
    const [from, to] = c.speaker;
    // The phrase's words from the first that is no connective.
    const words: Word[] = [];
    for (let k = from; k < to; k++) if (s.kind(k) === WORD && (words.length > 0 || !LEADING_CONNECTIVES.has(s.lower(k)))) words.push(s.word(k));
    if (words.length === 0) return { entity: null, text: null };
    // A phrase opening on a preposition is an adjunct ("in a statement"), not who speaks.
    if (MODIFIER_STARTS.has(words[0]!.lower)) return undefined;
    // A phrase opening on a verb is a clause, not a speaker: "..., welcomed leaders of the member states to ...".
    if (!words[0]!.capital && /(ed|ing)$/.test(words[0]!.lower)) return undefined;
    const start = words[0]!.start;
    const end = words.at(-1)!.end;
    const text = this.text.slice(start, end);
    // A name may end past the phrase's last word ("Jr." and its dot).
    const named = this.mentionsFrom(start, end);
    // A group ("both sides", "Kessel and Oberg"): a collective word, or "and" between names, outside the names.
    let collective = false;
    let and = false;
    for (const w of words) {
      if (named.some((m) => w.start >= m.start && w.end <= m.end)) continue;
      collective ||= this.cues.collective.has(w.lower);
      and ||= w.lower === 'and';
    }
    if (collective || (named.length > 1 && and)) return { entity: null, text };
    const last = named.at(-1);
    if (last && last.end >= end) return this.said({ entity: last.entity, text: this.text.slice(last.start, last.end) }, start);
    // The head noun comes before its modifiers: "a statement [released by the ministry]".
    let headEnd = words.findIndex((w, i) => i > 0 && (MODIFIER_STARTS.has(w.lower) || (!w.capital && w.lower.endsWith('ed'))));
    if (headEnd < 0) headEnd = words.length;
    const headWords = words.slice(0, headEnd);
    const modifier = words.slice(headEnd);
    const headWord = headWords.at(-1)!;
    const head = headWord.lower.replace(/['’]s$/, '');
    const indefinite = headWords[0]!.lower === 'a' || headWords[0]!.lower === 'an';
    if (words.length === 1 && this.cues.pronouns.has(head)) return this.said({ entity: latest(this.people, start), text }, start);
    if (words.length === 1 && this.cues.thingPronouns.has(head)) return this.said({ entity: latest(this.issuers, start), text }, start);
    if (this.cues.documents.has(head)) {
      // A document speaks for its issuer: "the ministry's statement", "a statement from the ministry", or else whoever last issued or said something.
      const owner = headWords.length > 1 && /['’]s$/.test(headWords.at(-2)!.lower) ? this.described(headWords.slice(0, -1), start) : null;
      const issuer = modifier.length ? this.issuerIn(modifier, start) : null;
      return this.said({ entity: owner ?? issuer ?? (indefinite || modifier.length ? null : latest(this.issuers, start)), text }, start);
    }
    if (this.cues.orgWords.has(head) || this.cues.roles.has(head)) return this.said({ entity: indefinite ? null : this.described(headWords, start), text }, start);
    // A name not among the entities, or a group ("the organizers").
    if (headWord.capital || (/[^s]s$/.test(head) && !headWord.capital)) return { entity: null, text };
    return undefined;
  }

  /** The mentions starting from `start` to before `end`, in order (a binary search: an article may have hundreds). */
  private mentionsFrom(start: number, end: number): MentionAt[] {
    const { mentions } = this;
    const first = firstFrom(mentions, start, (m) => m.start);
    let last = first;
    while (last < mentions.length && mentions[last]!.start < end) last++;
    return mentions.slice(first, last);
  }

  /** The entity a description points back to: "the ministry" (an organisation named so before), "the Russian President" or "the diplomat" (a person). */
  private described(words: Word[], at: number): Entity | null {
    const head = words.at(-1)!.lower.replace(/['’]s$/, '');
    const named = this.mentions.find((m) => m.start >= words[0]!.start && m.end === words.at(-1)!.end);
    if (named) return named.entity;
    if (this.cues.orgWords.has(head)) {
      const org = this.mentions.filter((m) => m.start < at && m.entity.type === 'org' && m.entity.aliases.some((a) => a.toLowerCase().includes(head))).at(-1);
      const country = this.demonyms.find((m) => m.start >= words[0]!.start && m.end <= words.at(-1)!.end);
      return org?.entity ?? country?.entity ?? null;
    }
    if (this.cues.roles.has(head)) {
      // The same title written before a name elsewhere in the article ("Russian President Vladimir Putin").
      const title = words.filter((w) => !['the', 'a', 'an'].includes(w.lower)).map((w) => w.lower).join(' ');
      const titled = this.mentions.find((m) => m.entity.type === 'person' && this.text.slice(Math.max(0, m.start - title.length - 1), m.start).toLowerCase().trim() === title);
      return titled?.entity ?? latest(this.people, at);
    }
    return null;
  }

  /** The issuer named in a document's modifier: "from the ministry", "published on the ministry's website". */
  private issuerIn(modifier: Word[], at: number): Entity | null {
    for (let i = modifier.length; i > 0; i--) {
      const found = this.described(modifier.slice(0, i), at);
      if (found) return found;
    }
    return null;
  }

  private said(found: Speaker, at: number): Speaker {
    if (found.entity) this.note({ start: at, end: at, entity: found.entity });
    return found;
  }

  /** People for later pronouns; organisations and countries for later documents ("the statement said"). */
  private note(mention: MentionAt): void {
    if (mention.entity.type === 'person') this.people.push(mention);
    else if (mention.entity.type !== 'place') this.issuers.push(mention);
  }

  /**
   * Notes a sentence's subject for later pronouns and descriptions: its first name outside quotations with only
   * capitalised words or "the" before it in its first clause, or its second after an opening phrase ("On Monday, ...").
   */
  private noteSubject(s: Sentence): MentionAt | null {
    const { mentions } = this;
    let clauses = 1;
    // Whether the words since the clause's start are all capitalised or "the".
    let leadOk = true;
    // The mentions from the sentence's start on, walked along with the tokens.
    let m = s.length > 0 ? firstFrom(mentions, s.start(0), (mention) => mention.start) : 0;
    for (let k = 0; k < s.length; k++) {
      const kind = s.kind(k);
      if (kind !== WORD) {
        if (++clauses > SUBJECT_CLAUSES) return null;
        // Clause punctuation starts a new lead; a quotation spoils it.
        leadOk = kind === PUNCT;
        continue;
      }
      const start = s.start(k);
      while (m < mentions.length && mentions[m]!.start < start) m++;
      // The last of those starting at the word, as a map by start would keep.
      let mention: MentionAt | undefined;
      while (m < mentions.length && mentions[m]!.start === start) mention = mentions[m++];
      if (mention && leadOk) {
        this.note(mention);
        return mention;
      }
      leadOk &&= s.capital(k) || (s.end(k) - start === 3 && s.lower(k) === 'the');
    }
    return null;
  }
}

/** Whether tokens from `from` to before `to` hold a word or quotation. */
function hasNonPunct(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.kind(k) !== PUNCT) return true;
  return false;
}

/** The token index of the next clause punctuation or quotation from `k`, or the sentence's end. */
function nextStop(s: Sentence, k: number): number {
  let j = k;
  while (j < s.length && s.kind(j) === WORD) j++;
  return j;
}

const MAX_SPEAKER_WORDS = 12;

/** The speaker phrase just before a verb: back to the clause's start, adverbs next to the verb left out. */
function speakerBefore(s: Sentence, k: number, cues: SpeechCues): [number, number] {
  let end = k;
  while (end > 0 && s.kind(end - 1) === WORD && cues.auxiliaries.has(s.lower(end - 1))) end--;
  while (end > 0 && s.kind(end - 1) === WORD && isAdverb(s.lower(end - 1))) end--;
  let start = end;
  // A phrase of more than MAX_SPEAKER_WORDS words is none: the walk back stops there.
  while (start > 0 && end - start <= MAX_SPEAKER_WORDS && !endsSpeakerPhrase(s, start - 1, cues)) start--;
  // An apposition between commas: "Wang, also a member of ..., said".
  if (start === end && end > 0 && s.kind(end - 1) === PUNCT) {
    const first = nextStop(s, 0);
    if (first > 0 && first <= 6 && first < end - 1) return [0, first];
  }
  return end - start > MAX_SPEAKER_WORDS ? [end, end] : [start, end];
}

/** Whether token j ends a speaker phrase read back from its verb. */
function endsSpeakerPhrase(s: Sentence, j: number, cues: SpeechCues): boolean {
  const word = s.wordAt(j);
  if (word === undefined || cues.complementisers.has(word) || PHRASE_ENDS.has(word)) return true;
  // "and" joins two speakers ("Kessel and Oberg said"), or ends the phrase ("... and he said").
  return word === 'and' && !(capitalised(s, j - 1) && capitalised(s, j + 1));
}

/** The first "according to" phrase whose words begin at token k, if any. */
function accordingAt(s: Sentence, k: number, cues: SpeechCues): string[] | undefined {
  for (const phrase of cues.according) if (wordsAt(s, k, phrase)) return phrase;
  return undefined;
}

/** Whether the words from token k on are `words`. */
function wordsAt(s: Sentence, k: number, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (s.wordAt(k + i) !== words[i]) return false;
  return true;
}

function capitalised(s: Sentence, k: number): boolean {
  return s.kind(k) === WORD && s.capital(k);
}

function isAdverb(word: string): boolean {
  return word.endsWith('ly') || ADVERBS.has(word);
}

function isAdjunct(word: string, cues: SpeechCues): boolean {
  return cues.adjunctStarts.has(word) || isAdverb(word) || word.endsWith('ing');
}

/** The complementiser ("that") opening the verb's content clause within a few words after it, or -1. */
function findComplementiser(s: Sentence, from: number, cues: SpeechCues): number {
  for (let j = from; j < Math.min(s.length, from + 9); j++) {
    if (s.kind(j) !== WORD) return -1;
    if (cues.complementisers.has(s.lower(j))) return j;
  }
  return -1;
}

/** Where a content clause after its verb ends: at the sentence's end, or before a trailing attribution ("..., the report adds"). */
function contentEnd(s: Sentence, from: number, cues: SpeechCues): number {
  // "..., adding that ...": a participle's clause is a quotation of its own; "..., according to X" names a source, it is not said.
  for (let j = from + 1; j < s.length; j++) {
    if (!s.isComma(j)) continue;
    const next = s.wordAt(j + 1) ?? '';
    if ((next.endsWith('ing') && cues.verbs.has(next)) || accordingAt(s, j + 1, cues)) return j;
  }
  for (let j = s.length - 1; j > from; j--) {
    if (s.isComma(j)) {
      // A short tail of words only, holding a speech verb and no complementiser.
      const tailLength = s.length - j - 1;
      if (tailLength === 0 || tailLength > 6 || nextStop(s, j + 1) < s.length) return s.length;
      let verb = false;
      for (let t = j + 1; t < s.length; t++) {
        const word = s.lower(t);
        if (cues.complementisers.has(word)) return s.length;
        verb ||= cues.verbs.has(word);
      }
      return verb ? j : s.length;
    }
  }
  return s.length;
}

function latest(list: MentionAt[], before: number): Entity | null {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.start <= before) return list[i]!.entity;
  return null;
}

/** A range without the white space around it and, for a clause, without its final punctuation outside quotation marks. */
function trimmed(text: string, start: number, end: number, clause = false): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && (/\s/.test(text[end - 1]!) || (clause && /[.,;:!?]/.test(text[end - 1]!)))) end--;
  return [start, end];
}

/** The names and demonyms of a text, in no order. */
interface FieldMentions {
  names: MentionAt[];
  demonyms: MentionAt[];
}

/** The names and demonyms of an article's headline and of its body, in one pass over its mentions. */
function mentionsByField(entities: Entity[]): { title: FieldMentions; body: FieldMentions } {
  const title: FieldMentions = { names: [], demonyms: [] };
  const body: FieldMentions = { names: [], demonyms: [] };
  for (const entity of entities) {
    for (const m of entity.mentions) {
      const field = m.field === 'title' ? title : body;
      if (m.kind === 'name') field.names.push({ start: m.start, end: m.end, entity });
      else if (m.kind === 'demonym') field.demonyms.push({ start: m.start, end: m.end, entity });
    }
  }
  return { title, body };
}

/** Every quotation of an article, the headline's first (with `field: "title"`), then the body's in text order. */
export function findQuotes(article: NerArticle): Quote[] {
  const base = { file: article.file, id: article.id, published: article.published, site: article.site };
  const mentions = mentionsByField(article.entities);
  const title = article.title ? new Reader(article.title, mentions.title, 'title').quotes(base) : [];
  const body = new Reader(article.text, mentions.body, undefined).quotes(base);
  return title.length > 0 ? [...title, ...body] : body;
}

/** The speakers of findQuotes(article), in its order, found without building the quotations. */
export function findSpeakers(article: NerArticle): QuoteSpeaker[] {
  const found: QuoteSpeaker[] = [];
  const mentions = mentionsByField(article.entities);
  if (article.title) new Reader(article.title, mentions.title, 'title').speakers(found);
  new Reader(article.text, mentions.body, undefined).speakers(found);
  return found;
}

/** A speaker's quotations over many articles. */
export interface SpeakerRow {
  speaker: string;
  type: EntityType | null;
  quotes: number;
  articles: number;
  first: string | null;
  last: string | null;
  /** The entities most mentioned in their quotations, most first. */
  mentioned: string[];
}

/** How many entities a speaker row lists as mentioned in their quotations. */
const MENTIONED_SHOWN = 3;

/** Quotations per speaker (a group or unknown source by the words naming it, in parentheses). */
export class SpeakerCounter {
  private readonly rowsByKey = new Map<string, { row: SpeakerRow; ids: Set<string>; mentioned: Map<string, number> }>();

  add(quotes: Quote[]): void {
    for (const q of quotes) {
      const speaker = q.speaker ?? `(${q.speakerText ?? 'unknown'})`;
      const key = `${q.speakerType}|${speaker}`;
      let tally = this.rowsByKey.get(key);
      if (!tally) this.rowsByKey.set(key, (tally = { row: { speaker, type: q.speakerType, quotes: 0, articles: 0, first: null, last: null, mentioned: [] }, ids: new Set(), mentioned: new Map() }));
      tally.row.quotes++;
      tally.ids.add(q.id);
      widen(tally.row, q.published?.slice(0, 10));
      for (const name of q.mentioned) if (name !== q.speaker) tally.mentioned.set(name, (tally.mentioned.get(name) ?? 0) + 1);
    }
  }

  /** Speakers by quotations, most first; ties by name. */
  rows(): SpeakerRow[] {
    return [...this.rowsByKey.values()]
      .map(({ row, ids, mentioned }) => ({ ...row, articles: ids.size, mentioned: [...mentioned].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MENTIONED_SHOWN).map(([name]) => name) }))
      .sort((a, b) => b.quotes - a.quotes || a.speaker.localeCompare(b.speaker));
  }
}
