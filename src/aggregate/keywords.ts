// Distinctive terms: TF-IDF over a corpus, or the keyness (log-likelihood G2) of a subset against the rest.
// Terms are words and phrases of up to three words that neither start nor end with a stop word or a number.
import { CJK_PATTERN } from '../text/chars.js';
import { guessLanguage } from '../text/language.js';
import { anyStopwords, isoStopwords, stopwordLists } from '../text/stopwords.js';

export interface Keyword {
  term: string;
  words: number;
  documents: number;
  count: number;
  /** TF-IDF, or G2 for keyness. */
  score: number;
  /** Keyness only: occurrences in the subset and in the rest, G2 and the binary log of the ratio of relative frequencies. */
  subsetCount?: number;
  restCount?: number;
  g2?: number;
  logRatio?: number;
}

/** Lower-case words: letters (and digits, as in "g20") with inner hyphens, apostrophes or zero-width non-joiners (Persian's "بین‌المللی"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\u200c-][\p{L}\p{M}\p{N}]+)*/gu;
/** Phrases do not run across sentence punctuation (Chinese and Japanese too), brackets, quotes, dashes or line breaks. */
const BREAK = /[.,;:!?()"“”«»[\]{}…—–。、！？；：「」『』（）]+|\s-+\s|\n/;
const KANA = /[\p{sc=Hiragana}\p{sc=Katakana}]/u;
const THAI = /\p{sc=Thai}/u;
/** ICU's dictionary word breakers (Intl.Segmenter), made on first use, by language. */
const segmenters = new Map<string, Intl.Segmenter>();

/**
 * The words of a chunk of lower-cased text, and the stop words to keep off a term's ends. Chinese, Japanese and Thai
 * are cut by ICU's dictionaries (Intl.Segmenter), a chunk at a time (on a whole text it takes quadratic time), with
 * stopwords-iso's lists; other text by WORD, with `stop` (textStopwords).
 */
function wordsOf(chunk: string, stop: Set<string>): { words: string[]; stop: Set<string> } {
  // Text written without spaces (Chinese, Japanese, Thai), whose words a dictionary tells apart.
  if (!CJK_PATTERN.test(chunk)) return { words: (chunk.match(WORD) ?? []).map((w) => w.replace(/['’]s$/, '')), stop };
  const language = KANA.test(chunk) ? 'ja' : THAI.test(chunk) ? 'th' : 'zh';
  let segmenter = segmenters.get(language);
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'word' })));
  const words: string[] = [];
  for (const s of segmenter.segment(chunk)) if (s.isWordLike) words.push(s.segment);
  return { words, stop: isoStopwords(language) };
}
/** A longer phrase holding a term that has more than this share of the term's occurrences stands for it. */
const PHRASE_SHARE = 0.8;

export interface TermCounts {
  count: number;
  documents: number;
  subsetCount: number;
}

/** The terms of a text with their counts: words and phrases of 1..maxWords words. */
export function termsOf(text: string, maxWords: number, language?: string): Map<string, number> {
  const terms = new Map<string, number>();
  const textStop = textStopwords(language ?? guessLanguage(text).code);
  for (const chunk of text.toLowerCase().split(BREAK)) {
    // "Russia's" counts as "russia".
    const { words, stop } = wordsOf(chunk, textStop);
    // Stop words and numbers may sit inside a phrase ("bank of china") but never at either end.
    const edgeless = (word: string) => stop.has(word) || !/\p{L}/u.test(word);
    for (let i = 0; i < words.length; i++) {
      if (edgeless(words[i]!)) continue;
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        if (edgeless(words[i + n - 1]!)) continue;
        const term = words.slice(i, i + n).join(' ');
        terms.set(term, (terms.get(term) ?? 0) + 1);
      }
    }
  }
  return terms;
}

/** anyStopwords with, per language they leave out (Persian, Hindi...), stopwords-iso's list of it; made on first use. */
const withLanguage = new Map<string, Set<string>>();

/**
 * The stop words of a text in language `code` (its record's, or guessed): anyStopwords (natural's lists, which hold
 * the languages news is most read in), and stopwords-iso's list of the language when those lists do not cover it
 * ("در" and "و" of Persian).
 */
function textStopwords(code: string): Set<string> {
  if (code === 'und' || stopwordLists().has(code)) return anyStopwords();
  let stop = withLanguage.get(code);
  if (!stop) withLanguage.set(code, (stop = new Set([...anyStopwords(), ...isoStopwords(code)])));
  return stop;
}

export class KeywordCounter {
  private readonly terms = new Map<string, TermCounts>();
  private documents = 0;
  private subsetDocuments = 0;
  /** Words (terms of one word) in the subset and in the rest: the corpus sizes keyness compares. */
  private subsetWords = 0;
  private restWords = 0;

  /** Articles whose place in the subset is known only once every article is read (addLater). */
  private waiting: Array<{ terms: Map<string, number>; inSubset: () => boolean }> = [];

  constructor(private readonly maxWords: number) {}

  /** Counts an article's text; `inSubset` marks the articles a keyness comparison is about; `language` is its record's (else guessed). */
  add(text: string, inSubset = false, language?: string): void {
    this.addTerms(termsOf(text, this.maxWords, language), inSubset);
  }

  /** Counts an article whose place in the subset `inSubset` tells after the last article (settle): its terms wait in memory. */
  addLater(text: string, inSubset: () => boolean, language?: string): void {
    this.waiting.push({ terms: termsOf(text, this.maxWords, language), inSubset });
  }

  /** Counts the articles waiting (addLater), once every article is read. */
  settle(): void {
    for (const { terms, inSubset } of this.waiting) this.addTerms(terms, inSubset());
    this.waiting = [];
  }

  /** Counts an article given by its terms (termsOf). */
  addTerms(terms: Map<string, number>, inSubset = false): void {
    this.documents++;
    if (inSubset) this.subsetDocuments++;
    for (const [term, n] of terms) {
      let t = this.terms.get(term);
      if (!t) this.terms.set(term, (t = { count: 0, documents: 0, subsetCount: 0 }));
      t.count += n;
      t.documents++;
      if (inSubset) t.subsetCount += n;
      if (!term.includes(' ')) {
        if (inSubset) this.subsetWords += n;
        else this.restWords += n;
      }
    }
  }

  /** A term's counts over every article counted, if it was seen. */
  countsOf(term: string): TermCounts | undefined {
    return this.terms.get(term);
  }

  /** Words (terms of one word) over every article counted. */
  get words(): number {
    return this.subsetWords + this.restWords;
  }

  /** Subset articles counted (keyness). */
  get subsetSize(): number {
    return this.subsetDocuments;
  }

  /** Articles counted outside the subset (keyness). */
  get restSize(): number {
    return this.documents - this.subsetDocuments;
  }

  /**
   * TF-IDF: the sum over the N documents of tf x ln(N / df), that is the term's count x ln(N / df), for terms in
   * at least `minDocs` documents (df) and not in all of them (those score 0).
   */
  tfidf(minDocs: number, top: number): Keyword[] {
    const scored: Keyword[] = [];
    for (const [term, t] of this.terms) {
      if (t.documents < minDocs || t.documents === this.documents) continue;
      const score = t.count * Math.log(this.documents / t.documents);
      scored.push({ term, words: wordCount(term), documents: t.documents, count: t.count, score: round(score) });
    }
    return best(scored, top, (k) => k.count);
  }

  /**
   * Keyness of the subset against the rest, for terms relatively more frequent in the subset: Dunning's
   * log-likelihood G2 (ranked by it), over the number of words on each side, and the log ratio (Hardie):
   * log2 of the ratio of relative frequencies, a count of 0 in the rest taken as 0.5.
   */
  keyness(minDocs: number, top: number): Keyword[] {
    if (this.subsetDocuments === 0 || this.restSize === 0) return [];
    return keynessOf([...this.terms].map(([term, t]) => ({ term, ...t })), this.subsetWords, this.restWords, minDocs, top);
  }
}

/** The keyness ranking of KeywordCounter.keyness, from each term's counts and the words in the subset and in the rest. */
export function keynessOf(terms: Iterable<TermCounts & { term: string }>, subsetWords: number, restWords: number, minDocs: number, top: number): Keyword[] {
  const a = Math.max(1, subsetWords);
  const b = Math.max(1, restWords);
  const scored: Keyword[] = [];
  for (const t of terms) {
    const x = t.subsetCount;
    const y = t.count - x;
    if (t.documents < minDocs || x === 0 || x / a <= y / b) continue;
    const g2 = logLikelihood(x, y, a, b);
    const logRatio = Math.log2(x / a / ((y || 0.5) / b));
    scored.push({ term: t.term, words: wordCount(t.term), documents: t.documents, count: t.count, score: round(g2), subsetCount: x, restCount: y, g2: round(g2), logRatio: round(logRatio) });
  }
  return best(scored, top, (k) => k.subsetCount!);
}

/** G2 of a term seen x times in a corpus of a words and y times in one of b words. */
export function logLikelihood(x: number, y: number, a: number, b: number): number {
  const expectedX = (a * (x + y)) / (a + b);
  const expectedY = (b * (x + y)) / (a + b);
  return 2 * ((x > 0 ? x * Math.log(x / expectedX) : 0) + (y > 0 ? y * Math.log(y / expectedY) : 0));
}

/**
 * The `top` best-scored terms, phrases preferred over their parts: a term is left out when a longer scored
 * phrase holding it has more than PHRASE_SHARE of its occurrences ("shanghai cooperation" 5 times stands for
 * "cooperation" 6 times).
 */
function best(scored: Keyword[], top: number, occurrences: (k: Keyword) => number): Keyword[] {
  const longer = new Map<string, number>();
  for (const k of scored) {
    for (const part of partsOf(k.term)) longer.set(part, Math.max(longer.get(part) ?? 0, occurrences(k)));
  }
  return scored
    .filter((k) => (longer.get(k.term) ?? 0) <= PHRASE_SHARE * occurrences(k))
    .sort((p, q) => q.score - p.score || p.term.localeCompare(q.term))
    .slice(0, top);
}

/** The shorter phrases inside a phrase: "a b c" -> a, b, c, a b, b c. */
function partsOf(term: string): string[] {
  const words = term.split(' ');
  const parts: string[] = [];
  for (let n = 1; n < words.length; n++) for (let i = 0; i + n <= words.length; i++) parts.push(words.slice(i, i + n).join(' '));
  return parts;
}

function wordCount(term: string): number {
  return term.split(' ').length;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
