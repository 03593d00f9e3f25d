// Stop-word lists per language (natural's lists, plus German from data/), for stop-word density and language guessing.
import { createRequire } from 'node:module';
import { loadData } from '../data.js';
import { hasBit, setBit } from './bits.js';
import { hashOf, lowerCase, smallHash } from './chars.js';

const require = createRequire(import.meta.url);

const NATURAL_LISTS: Record<string, string> = {
  en: 'stopwords.js', es: 'stopwords_es.js', fr: 'stopwords_fr.js', id: 'stopwords_id.js', it: 'stopwords_it.js',
  nl: 'stopwords_nl.js', no: 'stopwords_no.js', pl: 'stopwords_pl.js', pt: 'stopwords_pt.js', ru: 'stopwords_ru.js',
  sv: 'stopwords_sv.js', uk: 'stopwords_uk.js',
};

let lists: Map<string, Set<string>> | null = null;

/** Language code -> its stop words (lower case). Loaded once. */
export function stopwordLists(): Map<string, Set<string>> {
  if (lists) return lists;
  lists = new Map();
  for (const [lang, file] of Object.entries(NATURAL_LISTS)) {
    const { words } = require(`natural/lib/natural/util/${file}`) as { words: string[] };
    lists.set(lang, new Set(words.map((w) => w.toLowerCase())));
  }
  for (const [lang, words] of Object.entries(loadData<Record<string, string[]>>('stopwords-extra.json'))) {
    lists.set(lang, new Set([...(lists.get(lang) ?? []), ...words.map((w) => w.toLowerCase())]));
  }
  return lists;
}

let englishFunctionWords: Set<string> | null = null;
/**
 * natural's English stop words of two letters or more, without data/'s additions (which hold "new", "first"): words
 * that are never a name's first word, as "Because" or "Like" opening a sentence.
 */
export function functionWordsEn(): Set<string> {
  if (!englishFunctionWords) {
    const { words } = require(`natural/lib/natural/util/${NATURAL_LISTS.en}`) as { words: string[] };
    englishFunctionWords = new Set(words.filter((w) => w.length > 1));
  }
  return englishFunctionWords;
}

/** The union of all stop words: a language-blind density measure. */
let all: Set<string> | null = null;
export function anyStopwords(): Set<string> {
  if (!all) all = new Set([...stopwordLists().values()].flatMap((s) => [...s]));
  return all;
}

let stopBits: StopwordBits | null = null;

/** The stop-word lists as bits of a number (so at most 31 lists): bit k for the k-th list. */
export interface StopwordBits {
  /** Language codes and lists, in the order of lineLists(). */
  codes: string[];
  lists: Set<string>[];
  /** Each stop word with bit k set for each list k it is in, so a text's words are looked up once, not once per language. */
  bitsOf: Map<string, number>;
  /** Length of the longest stop word: longer words need no look-up. */
  longest: number;
  /**
   * The distinct values of bitsOf (the sets of lists stop words are in; sets[0] is 0, no list), and the index of
   * each: there are few, so a text's stop words can be counted per set, then per list.
   */
  sets: number[];
  setIndex: Map<number, number>;
  /** The set index of a stop word that a scan has only hashed (hashOf its lower case), not cut out. */
  table: StopwordTable;
}

/**
 * Languages natural has no list for, taken from stopwords-iso (a maintained list per language) for the stop-word
 * density of page lines only, so that text in them reads as text: the lists are long and hold words that are
 * names or common words elsewhere ("ben", "han"), so anyStopwords leaves them out. With natural's and data/'s
 * lists they make 31, the most stopwordBits holds.
 */
const ISO_LINE_LISTS = ['ar', 'fa', 'he', 'fi', 'et', 'hu', 'tr', 'el', 'cs', 'sk', 'hr', 'bg', 'ko', 'hi', 'vi', 'da', 'ro', 'ca'];

/** The lists stopwordBits is made of: stopwordLists(), then ISO_LINE_LISTS. */
function lineLists(): Map<string, Set<string>> {
  const lists = new Map(stopwordLists());
  for (const lang of ISO_LINE_LISTS) if (!lists.has(lang)) lists.set(lang, isoStopwords(lang));
  return lists;
}

const isoLists = new Map<string, Set<string>>();

/** stopwords-iso's list of a language (lower case; empty when it has none), loaded once. */
export function isoStopwords(lang: string): Set<string> {
  let list = isoLists.get(lang);
  if (!list) {
    const iso = require('stopwords-iso') as Record<string, string[]>;
    isoLists.set(lang, (list = new Set((iso[lang] ?? []).map((w) => w.toLowerCase()))));
  }
  return list;
}

export function stopwordBits(): StopwordBits {
  if (stopBits) return stopBits;
  const all = lineLists();
  const codes = [...all.keys()];
  const lists = [...all.values()];
  const bitsOf = new Map<string, number>();
  let longest = 0;
  lists.forEach((list, k) => {
    for (const w of list) {
      bitsOf.set(w, (bitsOf.get(w) ?? 0) | (1 << k));
      longest = Math.max(longest, w.length);
    }
  });
  const sets = [0, ...new Set(bitsOf.values())];
  const setIndex = new Map(sets.map((bits, i) => [bits, i]));
  return (stopBits = { codes, lists, bitsOf, longest, sets, setIndex, table: new StopwordTable(bitsOf, setIndex) });
}

/** The list (its index) covering most words, given each list's count; the first on a tie; -1 when none covers any. */
export function commonestList(hits: number[]): number {
  let best = 0;
  for (let k = 1; k < hits.length; k++) if (hits[k]! > hits[best]!) best = k;
  return hits[best]! > 0 ? best : -1;
}

/**
 * How many of the (lower-case) words each list of stopwordBits() covers, by language code: as words of the text
 * (`words`) and as distinct words (`distinct`). A guess reads stopwords-iso's long line lists only when those of
 * stopwordLists() cover too little: they would take Russian for Bulgarian.
 */
export function stopwordHits(words: Iterable<string>): { codes: string[]; words: number[]; distinct: number[] } {
  const { codes, bitsOf, longest } = stopwordBits();
  const counts = new Array<number>(codes.length).fill(0);
  const distinct = new Array<number>(codes.length).fill(0);
  const seen = new Set<string>();
  for (const w of words) {
    let bits = w.length <= longest ? bitsOf.get(w) ?? 0 : 0;
    if (bits === 0) continue;
    const first = !seen.has(w);
    if (first) seen.add(w);
    for (let k = 0; bits !== 0; k++, bits >>>= 1) {
      if ((bits & 1) === 0) continue;
      counts[k]!++;
      if (first) distinct[k]!++;
    }
  }
  return { codes, words: counts, distinct };
}

/** Numbers a StopwordTable slot holds. */
const SLOT = 4;
/** Size of a StopwordTable's filter, in bits (a power of two). */
const FILTER_BITS = 1 << 17;

/**
 * Stop words in an open-addressing hash table, looked up by a hash and a stretch of text compared in place.
 * Kept in typed arrays (a slot's word as a range of `chars`), so a look-up touches no objects.
 */
class StopwordTable {
  private readonly mask: number;
  /**
   * SLOT numbers per slot, side by side so that a probe reads one stretch of memory: the word's set index
   * (0: empty slot), its hashOf, and where its characters are in `chars` and how many.
   */
  private readonly slots: Int32Array;
  private readonly chars: Uint16Array;
  /**
   * A bit per FILTER_BITS hash value, set for the stop words' hashes: most words are not stop words, and this
   * small array (it stays in the processor's cache, the slots do not) rules them out without a probe.
   */
  private readonly filter = new Int32Array(FILTER_BITS / 32);

  constructor(bitsOf: Map<string, number>, setIndex: Map<number, number>) {
    let size = 1;
    while (size < bitsOf.size * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * SLOT);
    this.chars = new Uint16Array([...bitsOf.keys()].join('').length);
    let at = 0;
    for (const [word, bits] of bitsOf) {
      const hash = hashOf(word);
      let s = hash & this.mask;
      while (this.slots[s * SLOT] !== 0) s = (s + 1) & this.mask;
      this.slots.set([setIndex.get(bits)!, hash, at, word.length], s * SLOT);
      setBit(this.filter, hash & (FILTER_BITS - 1));
      for (let i = 0; i < word.length; i++) this.chars[at++] = word.charCodeAt(i);
    }
  }

  /**
   * The set index of the word `codes` has from `start` to `end`, lower-cased (0 when it is not a stop word);
   * `hash` is hashStep's over that lower case from HASH_SEED, as in hashOf before smallHash.
   */
  find(hash: number, codes: Uint16Array, start: number, end: number): number {
    const slot = this.slotOf(hash, codes, start, end);
    return slot < 0 ? 0 : this.slots[slot]!;
  }

  /** Where the word is in the table (one number per stop word, below 2^31), or -1 when it is not a stop word; arguments as find's. */
  slotOf(hash: number, codes: Uint16Array, start: number, end: number): number {
    const small = smallHash(hash);
    if (!hasBit(this.filter, small & (FILTER_BITS - 1))) return -1;
    const { slots } = this;
    for (let s = (hash & this.mask) * SLOT; slots[s] !== 0; s = (s + SLOT) & (this.mask * SLOT + SLOT - 1)) {
      if (slots[s + 1] !== small || slots[s + 3] !== end - start) continue;
      const at = slots[s + 2]! - start;
      let i = start;
      for (; i < end; i++) {
        const c = codes[i]!;
        if (this.chars[at + i] !== (c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerCase(c))) break;
      }
      if (i === end) return s;
    }
    return -1;
  }

  /** The bound of the numbers slotOf gives. */
  slotCount(): number {
    return this.slots.length;
  }

  /** The set index (as find gives it) of the word at a slot slotOf gave. */
  setAt(slot: number): number {
    return this.slots[slot]!;
  }
}
