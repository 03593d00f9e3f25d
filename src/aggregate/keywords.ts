// Distinctive terms: TF-IDF over a corpus, or the keyness (log-likelihood G2) of a subset against the rest.
// Terms are words and phrases of up to three words that neither start nor end with a stop word.
import { anyStopwords } from '../text/stopwords.js';

export interface Keyword {
  term: string;
  words: number;
  documents: number;
  count: number;
  score: number;
  /** Keyness only: occurrences in the subset and in the rest, G2 and the binary log of the ratio of relative frequencies. */
  subsetCount?: number;
  restCount?: number;
  g2?: number;
  logRatio?: number;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;
/** A phrase that makes up this share of a shorter term's occurrences stands for it. */
const PHRASE_SHARE = 0.8;

interface TermCounts {
  count: number;
  documents: number;
  /** TF-IDF parts: the term's count in each document it is in. */
  perDocument: number[];
  subsetCount: number;
}

/** The terms of a text with their counts: words and phrases of 1..maxWords words, split at punctuation and stop words' edges. */
export function termsOf(text: string, maxWords: number): Map<string, number> {
  const stop = anyStopwords();
  const terms = new Map<string, number>();
  // Phrases do not run across sentence punctuation.
  for (const chunk of text.toLowerCase().split(/[.,;:!?()"“”\[\]{}…—–]+|\s-\s|\n/)) {
    const words = chunk.match(WORD) ?? [];
    for (let i = 0; i < words.length; i++) {
      if (stop.has(words[i]!)) continue;
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        const last = words[i + n - 1]!;
        if (stop.has(last)) continue;
        const term = words.slice(i, i + n).join(' ');
        terms.set(term, (terms.get(term) ?? 0) + 1);
      }
    }
  }
  return terms;
}

export class KeywordCounter {
  private readonly terms = new Map<string, TermCounts>();
  private documents = 0;
  private subsetDocuments = 0;
  private subsetTokens = 0;
  private restTokens = 0;

  constructor(private readonly maxWords: number) {}

  /** Counts an article's text; `inSubset` marks the articles a keyness comparison is about. */
  add(text: string, inSubset = false): void {
    this.documents++;
    if (inSubset) this.subsetDocuments++;
    const terms = termsOf(text, this.maxWords);
    for (const [term, n] of terms) {
      let t = this.terms.get(term);
      if (!t) this.terms.set(term, (t = { count: 0, documents: 0, perDocument: [], subsetCount: 0 }));
      t.count += n;
      t.documents++;
      t.perDocument.push(n);
      if (inSubset) t.subsetCount += n;
      if (!term.includes(' ')) {
        if (inSubset) this.subsetTokens += n;
        else this.restTokens += n;
      }
    }
  }

  /** Subset articles counted (keyness). */
  get subsetSize(): number {
    return this.subsetDocuments;
  }

  /** TF-IDF: the sum over documents of count x log(N / documents), for terms in at least `minDocs` documents. */
  tfidf(minDocs: number, top: number): Keyword[] {
    const scored: Keyword[] = [];
    for (const [term, t] of this.terms) {
      // A term in every article says nothing about any of them.
      if (t.documents < minDocs || t.documents === this.documents) continue;
      const idf = Math.log(this.documents / t.documents);
      const score = t.perDocument.reduce((sum, n) => sum + n * idf, 0);
      scored.push({ term, words: term.split(' ').length, documents: t.documents, count: t.count, score: round(score) });
    }
    return this.best(scored, top);
  }

  /**
   * Keyness of the subset against the rest: Dunning's log-likelihood G2 over word counts, terms more frequent
   * in the subset only, ranked by G2.
   */
  keyness(minDocs: number, top: number): Keyword[] {
    const a = Math.max(1, this.subsetTokens);
    const b = Math.max(1, this.restTokens);
    const scored: Keyword[] = [];
    for (const [term, t] of this.terms) {
      const x = t.subsetCount;
      const y = t.count - x;
      if (t.documents < minDocs || x === 0 || x / a <= y / b) continue;
      const e1 = (a * (x + y)) / (a + b);
      const e2 = (b * (x + y)) / (a + b);
      const g2 = 2 * (x * Math.log(x / e1) + (y > 0 ? y * Math.log(y / e2) : 0));
      const logRatio = Math.log2((x / a) / ((y + 0.5) / b));
      scored.push({ term, words: term.split(' ').length, documents: t.documents, count: t.count, score: round(g2), subsetCount: x, restCount: y, g2: round(g2), logRatio: round(logRatio) });
    }
    return this.best(scored, top);
  }

  /** The top terms, a word or short phrase left out when a longer phrase holding it accounts for most of its uses. */
  private best(scored: Keyword[], top: number): Keyword[] {
    scored.sort((p, q) => q.score - p.score || p.term.localeCompare(q.term));
    const kept: Keyword[] = [];
    for (const k of scored.slice(0, top * 4)) {
      if (kept.length >= top) break;
      const covered = scored.some((longer) => longer.words > k.words && longer.count >= PHRASE_SHARE * k.count && ` ${longer.term} `.includes(` ${k.term} `));
      if (!covered) kept.push(k);
    }
    return kept;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
