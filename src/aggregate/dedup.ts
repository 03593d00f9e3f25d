// Near-duplicate articles (the same story reposted, lightly edited): MinHash signatures of 5-word shingles,
// LSH banding for candidate pairs, confirmed by the estimated Jaccard similarity. Only signatures are kept,
// never texts, so a corpus of any size streams through.
import type { Article } from '../types.js';
import { WORD_RUN } from '../text/chars.js';

export const SHINGLE_WORDS = 5;
export const HASHES = 128;
export const DEFAULT_THRESHOLD = 0.8;

/** A 32-bit mixing permutation (murmur3's finaliser). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text`. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// The i-th hash function is fmix32(shingle hash XOR SEEDS[i]): fixed seeds, so signatures are the same on every run.
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

/** The MinHash signature of a text, or null when it has fewer than five words (too short to compare). */
export function signature(text: string): Uint32Array | null {
  const words = text.toLowerCase().match(WORD_RUN) ?? [];
  if (words.length < SHINGLE_WORDS) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const shingle = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const h = fmix32(shingle ^ SEEDS[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets: the share of equal signature positions. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/**
 * Rows per band: the most (fewest false candidates) that still make a pair at the threshold a candidate
 * with probability 99% or more: 4 for 0.8, 8 for 0.9, 2 for 0.5.
 */
function rowsPerBand(threshold: number): number {
  let best = 1;
  for (let rows = 1; rows <= HASHES; rows *= 2) {
    const bands = HASHES / rows;
    if (1 - (1 - threshold ** rows) ** bands >= 0.99) best = rows;
  }
  return best;
}

/** Signatures bucketed by band: articles sharing a bucket in any band are candidate pairs. */
class LshIndex {
  private readonly rows: number;
  private readonly buckets = new Map<string, number[]>();

  constructor(threshold: number) {
    this.rows = rowsPerBand(threshold);
  }

  private keys(sig: Uint32Array): string[] {
    const keys: string[] = [];
    for (let start = 0; start < HASHES; start += this.rows) keys.push(`${start}:${sig.subarray(start, start + this.rows).join(',')}`);
    return keys;
  }

  /** Items sharing a bucket with `sig`, each once. */
  candidates(sig: Uint32Array): Set<number> {
    const found = new Set<number>();
    for (const key of this.keys(sig)) for (const item of this.buckets.get(key) ?? []) found.add(item);
    return found;
  }

  insert(sig: Uint32Array, item: number): void {
    for (const key of this.keys(sig)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(item);
      else this.buckets.set(key, [item]);
    }
  }
}

export interface DedupOptions {
  /** Estimated Jaccard similarity (0..1) from which two articles are near-duplicates. Default 0.8. */
  threshold?: number;
}

export interface ClusterArticle {
  id: string;
  file: string;
  title: string | null;
  published: string | null;
  site: string | null;
}

export interface Cluster {
  /** The id of its first article (in input order). */
  id: string;
  size: number;
  articles: ClusterArticle[];
  /** The lowest estimated similarity between two of its articles; null for a single article. */
  similarity: number | null;
}

/** Groups near-duplicate articles as they stream past; clusters() at the end. */
export class DuplicateFinder {
  private readonly threshold: number;
  private readonly index: LshIndex;
  private readonly articles: ClusterArticle[] = [];
  private readonly signatures: Array<Uint32Array | null> = [];
  private readonly parent: number[] = [];

  constructor(options: DedupOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.index = new LshIndex(this.threshold);
  }

  add(article: Article): void {
    const item = this.articles.length;
    this.articles.push({ id: article.id, file: article.file, title: article.title, published: article.published, site: article.site });
    this.parent.push(item);
    const sig = signature(article.text);
    this.signatures.push(sig);
    if (!sig) return;
    for (const other of this.index.candidates(sig)) {
      if (this.find(other) !== this.find(item) && similarity(sig, this.signatures[other]!) >= this.threshold) this.union(other, item);
    }
    this.index.insert(sig, item);
  }

  private find(item: number): number {
    while (this.parent[item] !== item) {
      this.parent[item] = this.parent[this.parent[item]!]!; // path halving
      item = this.parent[item]!;
    }
    return item;
  }

  private union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    // The earlier article stays the root, so a cluster's members come out in input order.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }

  /** Clusters of two or more articles (with `all`, single articles too), largest first, then in input order. */
  clusters(all = false): Cluster[] {
    const members = new Map<number, number[]>();
    for (let item = 0; item < this.articles.length; item++) {
      const root = this.find(item);
      const list = members.get(root);
      if (list) list.push(item);
      else members.set(root, [item]);
    }
    return [...members.values()]
      .filter((items) => all || items.length > 1)
      .map((items) => ({
        id: this.articles[items[0]!]!.id,
        size: items.length,
        articles: items.map((i) => this.articles[i]!),
        similarity: this.lowestSimilarity(items),
      }))
      .sort((a, b) => b.size - a.size);
  }

  private lowestSimilarity(items: number[]): number | null {
    let lowest: number | null = null;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const s = similarity(this.signatures[items[i]!]!, this.signatures[items[j]!]!);
        if (lowest === null || s < lowest) lowest = s;
      }
    }
    return lowest;
  }
}

/**
 * Says whether an article repeats one already accepted, so aggregates count each story once (`--dedup`).
 * Only accepted articles are indexed; articles too short to compare are always accepted.
 */
export class Deduplicator {
  private readonly threshold: number;
  private readonly index: LshIndex;
  private readonly signatures: Uint32Array[] = [];
  /** Articles found to be near-duplicates so far. */
  duplicates = 0;

  constructor(options: DedupOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.index = new LshIndex(this.threshold);
  }

  seen(article: Article): boolean {
    const sig = signature(article.text);
    if (!sig) return false;
    for (const other of this.index.candidates(sig)) {
      if (similarity(sig, this.signatures[other]!) >= this.threshold) {
        this.duplicates++;
        return true;
      }
    }
    this.index.insert(sig, this.signatures.length);
    this.signatures.push(sig);
    return false;
  }
}
