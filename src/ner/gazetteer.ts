// Known names (countries, demonyms, organisations, people, places) matched as token sequences, longest first.
import { createRequire } from 'node:module';
import { loadData } from '../data.js';
import { anyStopwords } from '../text/stopwords.js';
import type { EntityType } from '../types.js';
import { hasBit, setBit } from '../text/bits.js';
import { packedMap } from '../text/packed.js';
import { isRoleWord } from './roles.js';
import { tokenize, type Token } from './tokenize.js';

export interface GazEntry {
  /** Canonical name. */
  name: string;
  type: EntityType;
  kind: 'name' | 'demonym';
  /** For places and national bodies: the canonical name of their country. */
  country?: string;
  /** A national capital (used for the country with --metonymy). */
  capital?: boolean;
  /** A person's short form (surname) that stands alone in the news ("Putin"). */
  short?: boolean;
  /** A place whose name is also a common word or name: only taken with support from context. */
  ambiguous?: boolean;
}

/** A known name found in a sentence: the token it ends before (exclusive) and its entry. */
export interface GazMatch {
  end: number;
  entry: GazEntry;
}

/** A user's own entities (`--gazetteer FILE`): added to, and taking precedence over, the shipped lists. */
export interface UserGazetteer {
  entities: Array<{ name: string; type: EntityType; aliases?: string[]; country?: string }>;
}

interface TrieNode {
  /** The nodes of the names that go on with another word (none for a word that ends every name it is in: most of them). */
  next?: Map<string, TrieNode>;
  entry?: GazEntry;
  /** Rank of the source that set `entry`: a later add with a lower rank does not replace it. */
  rank?: number;
}

interface WorldCountry {
  cca2: string;
  independent?: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

interface CountriesExtra {
  canonical: Record<string, string>;
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  combiningForms: Record<string, string[]>;
  historical: Array<{ name: string; aliases?: string[]; demonyms?: string[] }>;
  notNames: string[];
}

interface OrgsData {
  orgs: Array<{ name: string; aliases?: string[]; kind?: string; country?: string; caseSensitiveAliases?: string[]; countryAliases?: string[] }>;
  ministries: Record<string, string>;
}
interface PeopleData {
  people: Array<{ name: string; aliases?: string[]; short?: string[]; country?: string }>;
}
interface PlacesData {
  places: Array<{ name: string; country?: string; kind?: string; capital?: boolean; aliases?: string[]; ambiguous?: boolean; postal?: string[] }>;
  areas?: Array<{ name: string; aliases?: string[] }>;
}

/** Source ranks: on an alias clash the higher rank keeps it (a user's file beats everything; countries beat places). */
const RANK = { place: 1, person: 2, org: 3, territoryDemonym: 3.5, country: 4, listedDemonym: 4.5, user: 9 } as const;

const foldCache = new Map<string, string>();

/** ASCII without a backquote: folding changes nothing (most words). A loop over the codes: a regex call costs more on short words. */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || c === 0x60) return false;
  }
  return true;
}

/** The folded tokens of a name, in a packed array (flat() makes holey ones, another elements kind than split's). */
function foldedWords(name: string): string[] {
  const words: string[] = [];
  for (const sentence of tokenize(name)) for (const t of sentence) words.push(fold(t.text));
  return words;
}

/** Token key: diacritics and curly apostrophes folded, case kept. */
export function fold(text: string): string {
  if (isPlain(text)) return text;
  let key = foldCache.get(text);
  if (key === undefined) {
    key = text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`]/g, "'");
    if (foldCache.size < 200_000) foldCache.set(text, key);
  }
  return key;
}

export class Gazetteer {
  private readonly exact = new Map<string, TrieNode>();
  /** Upper-cased aliases, consulted only in ALL-CAPS headlines. */
  private readonly upper = new Map<string, TrieNode>();
  /** A bit per startBit of the first words of `exact` and of `upper`: most words of a text are ruled out before the map. */
  private readonly exactStarts = new Int32Array(1 << (START_BITS - 5));
  private readonly upperStarts = new Int32Array(1 << (START_BITS - 5));
  /**
   * A bit per ASCII pair (asciiPair) beginning a first word of `exact` and of `upper`: rules out most words by their first two
   * characters as written, without folding them first (folding leaves an ASCII start as it is). Made at the first match after an add.
   */
  private exactPairs: Int32Array | undefined;
  private upperPairs: Int32Array | undefined;
  /** Country canonical name by ISO code, and by canonical name the country's ISO code. */
  readonly countryByCode = new Map<string, string>();
  /** A country's demonym by its combining form, which is one only before a hyphen ("Sino" of "Sino-Russian"). */
  readonly combiningForms = new Map<string, GazEntry>();
  /** Ministry words ("Foreign Ministry") -> canonical ministry ("Ministry of Foreign Affairs"). */
  readonly ministries = new Map<string, string>();
  /**
   * A state's or province's postal code and agency abbreviation, as tokens ("CA"; "Calif", "."), and its entry: they name
   * it after a place and a comma only (candidates.ts, postalRegionAt), so they are no aliases.
   */
  readonly postal: Array<{ words: string[]; entry: GazEntry }> = [];
  /**
   * Names that another entry has as an alias ("Congress") and these entries have in an article about their country
   * (resolve.ts, namesByCountry): the organisations' own alias lists in data/orgs.json, countryAliases.
   */
  readonly countryAliases = new Map<string, GazEntry[]>();
  /** The postal codes and abbreviations as written, and the name of their region: what a tagged name never takes in. */
  readonly postalForms = new Map<string, string>();

  /** `caseSensitive`: the alias is also an English word in capitals ("WHO", "US"), so it is left out of ALL-CAPS matching. */
  add(alias: string, entry: GazEntry, rank: number, options: { caseSensitive?: boolean } = {}): void {
    const name = alias.replace(/^the\s+/i, '');
    const words = PLAIN_WORDS.test(name) ? name.split(' ') : foldedWords(name);
    if (words.length === 0) return;
    insert(this.exact, words, entry, rank);
    setBit(this.exactStarts, startBit(words[0]!));
    this.exactPairs = this.upperPairs = undefined;
    if (options.caseSensitive) return;
    const upper = packedMap(words, (w) => w.toUpperCase());
    insert(this.upper, upper, entry, rank);
    setBit(this.upperStarts, startBit(upper[0]!));
  }

  /** The longest known name starting at token `i`: its end (exclusive) and entry. */
  matchAt(tokens: Token[], i: number, allCaps: boolean): GazMatch | null {
    const pair = asciiPair(tokens[i]!.text, allCaps);
    const pairs = allCaps ? (this.upperPairs ??= firstPairs(this.upper)) : (this.exactPairs ??= firstPairs(this.exact));
    if (pair >= 0 && !hasBit(pairs, pair)) return null;
    const first = key(tokens[i]!, allCaps);
    if (!hasBit(allCaps ? this.upperStarts : this.exactStarts, startBit(first))) return null;
    const trie = allCaps ? this.upper : this.exact;
    let node = trie.get(first);
    let best: GazMatch | null = null;
    let j = i + 1;
    while (node) {
      if (node.entry) best = { end: j, entry: node.entry };
      if (j >= tokens.length || !node.next) break;
      node = node.next.get(key(tokens[j]!, allCaps));
      j++;
    }
    return best;
  }

  /** Whether a single word is a known name of any kind (for telling names from other capitalised words). */
  knows(word: string): GazEntry | undefined {
    return this.exact.get(fold(word))?.entry;
  }
}

/** Words of ASCII letters and digits, each starting with a letter, one space apart: their own tokens, which folding leaves as they are. */
const PLAIN_WORDS = /^[A-Za-z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*)*$/;

const START_BITS = 16;

/** A hash of a word's length and first two characters, START_BITS wide. */
function startBit(word: string): number {
  const h = Math.imul(word.length ^ (word.charCodeAt(0) << 8) ^ ((word.length > 1 ? word.charCodeAt(1) : 0) << 20), 0x9e3779b1);
  return h >>> (32 - START_BITS);
}

const ASCII_PAIRS = 128 * 128;

/**
 * The first two characters of `word` (0 for a second of a one-character word), upper-cased when `upper`, as one number
 * below ASCII_PAIRS; -1 when either is not ASCII or is the backquote that folding changes.
 */
function asciiPair(word: string, upper: boolean): number {
  let c0 = word.charCodeAt(0);
  let c1 = word.length > 1 ? word.charCodeAt(1) : 0;
  if (c0 >= 128 || c1 >= 128 || c0 === 0x60 || c1 === 0x60) return -1;
  if (upper && c0 >= 97 && c0 <= 122) c0 -= 32;
  if (upper && c1 >= 97 && c1 <= 122) c1 -= 32;
  return (c0 << 7) | c1;
}

/** The asciiPair bits of the first words of a trie (folded, and upper-cased in the upper-case trie). */
function firstPairs(trie: Map<string, TrieNode>): Int32Array {
  const bits = new Int32Array(ASCII_PAIRS >>> 5);
  for (const word of trie.keys()) {
    const pair = asciiPair(word, false);
    if (pair >= 0) setBit(bits, pair);
  }
  return bits;
}

function key(token: Token, allCaps: boolean): string {
  const k = fold(token.text);
  return allCaps ? k.toUpperCase() : k;
}

function insert(trie: Map<string, TrieNode>, words: string[], entry: GazEntry, rank: number): void {
  let node: TrieNode = trie.get(words[0]!) ?? {};
  trie.set(words[0]!, node);
  for (let k = 1; k < words.length; k++) {
    const level: Map<string, TrieNode> = (node.next ??= new Map());
    const child: TrieNode = level.get(words[k]!) ?? {};
    level.set(words[k]!, child);
    node = child;
  }
  if (node.rank === undefined || rank >= node.rank) {
    node.entry = entry;
    node.rank = rank;
  }
}

let shipped: Gazetteer | null = null;
const withUser = new WeakMap<UserGazetteer, Gazetteer>();

/** The gazetteer built from the shipped data, extended by a user's entities when given; built once each. */
export function loadGazetteer(user?: UserGazetteer): Gazetteer {
  if (!user) return (shipped ??= buildGazetteer());
  let gazetteer = withUser.get(user);
  if (!gazetteer) {
    gazetteer = buildGazetteer();
    for (const e of user.entities) {
      const entry: GazEntry = { name: e.name, type: e.type, kind: 'name', country: e.country };
      for (const alias of [e.name, ...(e.aliases ?? [])]) gazetteer.add(alias, entry, RANK.user);
    }
    withUser.set(user, gazetteer);
  }
  return gazetteer;
}

function buildGazetteer(): Gazetteer {
  const g = new Gazetteer();
  addCountries(g);
  const orgs = loadData<OrgsData>('orgs.json');
  for (const [words, ministry] of Object.entries(orgs.ministries)) g.ministries.set(words, ministry);
  for (const o of orgs.orgs) {
    const entry: GazEntry = { name: o.name, type: 'org', kind: 'name', country: o.country ? g.countryByCode.get(o.country) : undefined };
    const caseSensitive = new Set(o.caseSensitiveAliases ?? []);
    for (const alias of [o.name, ...(o.aliases ?? [])]) g.add(alias, entry, RANK.org, { caseSensitive: caseSensitive.has(alias) || isWordInCapitals(alias) });
    for (const alias of o.countryAliases ?? []) g.countryAliases.set(alias, [...(g.countryAliases.get(alias) ?? []), entry]);
  }
  for (const p of loadData<PeopleData>('people.json').people) {
    const entry: GazEntry = { name: p.name, type: 'person', kind: 'name', country: p.country ? g.countryByCode.get(p.country) : undefined };
    for (const alias of [p.name, ...(p.aliases ?? [])]) g.add(withoutTitle(alias, p.name), entry, RANK.person);
    for (const alias of p.short ?? []) g.add(alias, { ...entry, short: true }, RANK.person);
  }
  const places = loadData<PlacesData>('places.json');
  for (const p of places.places) {
    const entry: GazEntry = { name: p.name, type: 'place', kind: 'name', country: p.country ? g.countryByCode.get(p.country) : undefined, capital: p.capital, ambiguous: p.ambiguous };
    for (const alias of [p.name, ...(p.aliases ?? [])]) g.add(alias, entry, RANK.place);
    for (const code of p.postal ?? []) {
      g.postal.push({ words: tokenize(code).flat().map((t) => t.text), entry });
      // Mentions stop before an abbreviation's own period ("Calif"), not an initialism's ("N.Y.").
      g.postalForms.set(code, p.name).set(code.replace(/([a-z])\.$/, '$1'), p.name);
    }
  }
  for (const a of places.areas ?? []) {
    const entry: GazEntry = { name: a.name, type: 'place', kind: 'name' };
    for (const alias of [a.name, ...(a.aliases ?? [])]) g.add(alias, entry, RANK.place);
  }
  return g;
}

function addCountries(g: Gazetteer): void {
  const require = createRequire(import.meta.url);
  const world = require('world-countries/countries.json') as WorldCountry[];
  const extra = loadData<CountriesExtra>('countries-extra.json');
  const notNames = new Set(extra.notNames);
  for (const c of world) {
    const name = extra.canonical[c.cca2] ?? c.name.common;
    g.countryByCode.set(c.cca2, name);
    const entry: GazEntry = { name, type: 'country', kind: 'name' };
    const names = [name, c.name.common, c.name.official, ...c.altSpellings, ...(extra.aliases[c.cca2] ?? [])];
    for (const alias of new Set(names)) {
      // Skip ISO codes and names that are ordinary words; keep deliberate aliases such as "US" and "UK".
      if (notNames.has(alias) || (/^[A-Z]{2,3}$/.test(alias) && !(extra.aliases[c.cca2] ?? []).includes(alias))) continue;
      if (/[^\p{Script=Latin}\p{N}\p{P}\s]/u.test(alias)) continue;
      g.add(alias, entry, RANK.country, { caseSensitive: isWordInCapitals(alias) });
    }
    // "Indian" is also the demonym of the British Indian Ocean Territory: a sovereign state keeps a shared demonym.
    const demonymRank = c.independent ? RANK.country : RANK.territoryDemonym;
    const demonym: GazEntry = { ...entry, kind: 'demonym' };
    const eng = c.demonyms?.eng;
    for (const d of new Set([eng?.m, eng?.f])) if (d && !notNames.has(d)) g.add(d, demonym, demonymRank);
    // Demonyms listed in our own data say which country a shared demonym means ("Congolese": DR Congo).
    for (const d of extra.demonyms[c.cca2] ?? []) g.add(d, demonym, RANK.listedDemonym);
    for (const form of extra.combiningForms[c.cca2] ?? []) g.combiningForms.set(form, demonym);
  }
  for (const h of extra.historical) {
    const entry: GazEntry = { name: h.name, type: 'country', kind: 'name' };
    for (const alias of [h.name, ...(h.aliases ?? [])]) g.add(alias, entry, RANK.country, { caseSensitive: isWordInCapitals(alias) });
    for (const d of h.demonyms ?? []) g.add(d, { ...entry, kind: 'demonym' }, RANK.country);
  }
}

/**
 * A person's alias without the titles before it ("President Xi": "Xi"), unless the canonical name starts
 * with the title ("King Charles"): a title is a cue, never part of a mention, so that "President Xi Jinping" is one mention.
 */
function withoutTitle(alias: string, canonical: string): string {
  const words = alias.split(' ');
  let i = 0;
  while (i < words.length - 1 && isRoleWord(words[i]!) && !canonical.startsWith(`${words[i]} `)) i++;
  return words.slice(i).join(' ');
}

/** An acronym that spells an English word ("US", "WHO", "IS"): in an ALL-CAPS headline it is the word. */
function isWordInCapitals(alias: string): boolean {
  return /^[A-Z]{2,4}$/.test(alias) && anyStopwords().has(alias.toLowerCase());
}
