// What kind of thing a tagged name is, from its words (data/name-classes.json): the tagger's type is a guess these words overrule.
import { loadData } from '../data.js';
import { orgWords } from '../text/org-words.js';
import { functionWordsEn } from '../text/stopwords.js';
import type { EntityType } from '../types.js';
import { fold, type Gazetteer } from './gazetteer.js';
import { isRolePhrase } from './roles.js';
import { tokenText, tokenize, type Token } from './tokenize.js';

interface NameClassesData {
  calendar: string[];
  holidays: string[];
  storms: string[];
  features: string[];
  venues: string[];
  productLines: string[];
  products: string[];
  companySuffixes: string[];
}

let classes: { calendar: Set<string>; holidays: Set<string>; storms: Set<string>; features: Set<string>; venues: Set<string>; productLines: Set<string>; products: Set<string>; companySuffixes: Set<string> } | null = null;
function nameClasses() {
  if (!classes) {
    const data = loadData<NameClassesData>('name-classes.json');
    classes = {
      calendar: new Set(data.calendar),
      holidays: new Set(data.holidays),
      storms: new Set(data.storms),
      features: new Set(data.features),
      venues: new Set(data.venues),
      productLines: new Set(data.productLines),
      products: new Set(data.products),
      companySuffixes: new Set(data.companySuffixes),
    };
  }
  return classes;
}

/** A month, a weekday or "Day", as the lists write them (also in capitals). */
export function isCalendarWord(token: Token | undefined): boolean {
  return token !== undefined && inList(nameClasses().calendar, token.text);
}

/** A tagged span without the dates it ran on into ("House Intelligence Committee Tuesday"), if two words or more are left. */
export function withoutTrailingDates(tokens: Token[], start: number, end: number): number {
  let trimmed = end;
  while (trimmed - start > 2 && nameClasses().calendar.has(tokens[trimmed - 1]!.text)) trimmed--;
  return trimmed;
}

interface NameWordsData {
  givenNames: string[];
  commonWords: string[];
  firstNames: string[];
  camelPrefixes: string[];
  englishNames: string[];
  dictionaryWords: string[];
}

let nameWords: { given: Set<string>; common: Set<string>; first: Set<string>; camelPrefixes: Set<string>; english: Set<string>; dictionary: Set<string> } | null = null;
/**
 * data/name-words.json: given names, the common words names of people do not end in and compromise's first names (lower
 * case), and what comes before the capital inside a word of a person's name ("Mc").
 */
function personWords() {
  if (!nameWords) {
    const data = loadData<NameWordsData>('name-words.json');
    nameWords = {
      given: new Set(data.givenNames),
      common: new Set(data.commonWords),
      first: new Set(data.firstNames),
      camelPrefixes: new Set(data.camelPrefixes),
      english: new Set(data.englishNames),
      dictionary: new Set(data.dictionaryWords),
    };
  }
  return nameWords;
}

/** Whether a word is a given name: of CoNLL-2003 train's people or compromise's first names. */
export function isGivenName(word: string): boolean {
  const { given } = personWords();
  const lower = word.toLowerCase();
  // The lists write names without accents ("rene" for "René"); fold gives a plain word back as it is.
  const folded = fold(lower);
  return given.has(lower) || (folded !== lower && given.has(folded));
}

/** Whether a word is an English dictionary word that is no part of a person's name in the lists (data/name-words.json): "gecko", "router"; not "brown". */
export function isDictionaryWord(word: string): boolean {
  return personWords().dictionary.has(word.toLowerCase());
}

/** Whether a word is one of compromise's first names: a list the tagger's training data did not make, unlike givenNames. */
export function isFirstName(word: string): boolean {
  return personWords().first.has(word.toLowerCase());
}

/**
 * Where a tagged name of two words or more starts: after its first word when that opens the sentence and is an
 * English function word, capitalised only for its place ("Because Dempsey", "In Python"), unless it is "the" ("The
 * Hague") or a given name ("Will Smith").
 */
export function taggedNameStart(tokens: Token[], start: number, end: number): number {
  if (start > 0 || end - start < 2) return start;
  const word = tokens[0]!.text.toLowerCase();
  return word !== 'the' && functionWordsEn().has(word) && !isGivenName(word) ? 1 : start;
}

/**
 * Whether a name can be a person's by its words: not when it ends in a common word and starts with no given name
 * ("Light Festival", "Anniversary Tour", "Street" alone; "Theresa May", "Mike Pence" and "Jack" are people), nor when
 * a common word that is no first name starts it ("Rival Lowe", "Live Science"; "Gene Wolfe" is a person).
 */
function mayBePersonName(words: Token[]): boolean {
  const first = words[0]!.text;
  if (isGivenName(first)) return true;
  const { common, english } = personWords();
  const lower = first.toLowerCase();
  return !(words.length > 1 && common.has(lower) && !english.has(lower)) && !endsInCommonWord(words);
}

/** Whether a name's last word is one CoNLL-2003 train mostly writes in lower case ("Research", "Tour"). */
export function endsInCommonWord(words: Token[]): boolean {
  return personWords().common.has(words[words.length - 1]!.text.toLowerCase());
}

/**
 * A word with a capital inside that names of people do not have ("WeWork", "JavaScript", "NoemKristi" of words run
 * together); they have it after a few beginnings only ("McCarthy", "DeFreitas", "MacLean").
 */
export function isCamelCase(word: string): boolean {
  // Most words have no capital after their first letter: they are ruled out without a regular expression.
  let inner = false;
  for (let i = 1; i < word.length && !inner; i++) {
    const c = word.charCodeAt(i);
    inner = (c >= 65 && c <= 90) || c > 127;
  }
  if (!inner) return false;
  const camel = /^(\p{Lu}\p{Ll}*)\p{Lu}\p{Ll}/u.exec(word);
  return camel !== null && !personWords().camelPrefixes.has(camel[1]!);
}

/** A legal form of a company ("Inc.", "GmbH"). */
export function isCompanySuffix(token: Token | undefined): boolean {
  return token !== undefined && nameClasses().companySuffixes.has(token.text);
}

/** A company's name without the legal forms it ends in ("Walmart" of "Walmart Inc.", "Acme" of "Acme, Inc."). */
export function withoutCompanySuffix(name: string): string {
  const { companySuffixes } = nameClasses();
  let end = name.length;
  for (let space = name.lastIndexOf(' '); space > 0 && companySuffixes.has(name.slice(space + 1, end)); space = name.lastIndexOf(' ', end - 1)) {
    end = name[space - 1] === ',' ? space - 1 : space;
  }
  return name.slice(0, end);
}

/**
 * Whether the name of tokens `start` to `end`, which the tagger calls `tagged`, is a product's: a listed product
 * ("Python"), a name that ends with one ("Mozilla Firefox") or, but for a person's, starts with one ("Python Standard Library");
 * or it ends in a product line's word, or one follows it ("iPad Pro", "the Switch Lite"), and it starts with no given
 * name ("Martin Max").
 */
export function isProductName(tokens: Token[], start: number, end: number, tagged: EntityType | undefined): boolean {
  const { productLines, products } = nameClasses();
  if (products.has(tokenText(tokens, start, end)) || products.has(tokens[end - 1]!.text)) return true;
  // A person's name may start with one ("Django Reinhardt").
  if (tagged !== 'person' && products.has(tokens[start]!.text)) return true;
  const endsInLine = end - start > 1 && productLines.has(tokens[end - 1]!.text);
  return (endsInLine || productLines.has(tokens[end]?.text ?? '')) && !isGivenName(tokens[start]!.text);
}

/** Whether the name of tokens `start` to `end` is a storm's: a storm's word starts it or comes right before it ("Hurricane Sandy"). */
export function isStormName(tokens: Token[], start: number, end: number): boolean {
  const { storms } = nameClasses();
  return (end - start > 1 && storms.has(tokens[start]!.text)) || (start > 0 && storms.has(tokens[start - 1]!.text));
}

/** A geographic feature word ("River", "Gulf"). */
export function isFeatureWord(token: Token): boolean {
  return nameClasses().features.has(token.text);
}

/**
 * The type a name of these words has whatever the tagger says, `null` for no entity at all, `undefined` to keep
 * the tagger's (the lists' words also in capitals): dates and holidays are none ("June", "Black Friday", "Halloween"), nor is a role alone ("Senior Editor") or a
 * lawmaker's party and state ("R-La."); a company
 * suffix makes an organisation, and so does an organisation's word last in a name the tagger calls a person's
 * ("Lenoge Technology", "James Madison University"); place words make a place (isPlaceByWords); a regional adjective ("Southeast Asian") is no
 * place; a person's name has no digits, no word like "iPad" or "WeWork" (isCamelCase), no acronym's plural ("APIs"),
 * no contraction ("I've"), and does not end in a common
 * word unless it starts with a given name (mayBePersonName).
 */
export function typeByWords(words: Token[], tagged: EntityType | undefined, g: Gazetteer): EntityType | null | undefined {
  if (words.some(isCalendarWord) || (words.length === 1 && inList(nameClasses().holidays, words[0]!.text)) || (tagged !== 'place' && isRolePhrase(words))) return null;
  // A US lawmaker's party and state ("R-La.", "D-N.Y."): a state named in full inside counts on its own ("Ohio" of
  // "R-Ohio", knownHyphenParts).
  if (/^[RDI]-\p{Lu}/u.test(words[0]!.text)) return null;
  if (isCompanySuffix(words[words.length - 1])) return 'org';
  if (isPlaceByWords(words)) return 'place';
  if (tagged === 'person' && words.length > 1 && orgWords().words.has(words[words.length - 1]!.text)) return 'org';
  if (tagged === 'person' && (words.some((w) => /\p{N}|^\p{Ll}+\p{Lu}|^\p{Lu}{2,}s$|['’](?:ve|ll|re|m|d)$/u.test(w.text) || isCamelCase(w.text)) || !mayBePersonName(words))) return null;
  if (isRegionalAdjective(words, g)) return undefined;
  return tagged;
}

/**
 * Whether a name's words make it a place: a geographic feature word last or, in a longer name, first ("Mekong River",
 * "Gulf of Thailand"), or a venue's word last ("Bridgestone Arena"); also in capitals.
 */
export function isPlaceByWords(words: Token[]): boolean {
  const { features, venues } = nameClasses();
  const last = words[words.length - 1]!.text;
  return inList(features, last) || (words.length > 1 && (inList(features, words[0]!.text) || inList(venues, last)));
}

/** Whether a list has a word, also one in capitals ("THURSDAY", "RIVER" in a headline) that it has in Title Case. */
function inList(list: Set<string>, word: string): boolean {
  if (list.has(word)) return true;
  // Most words have a small second letter: only those with a capital one are looked at again.
  const second = word.charCodeAt(1);
  return ((second >= 65 && second <= 90) || second > 127) && word === word.toUpperCase() && list.has(word[0] + word.slice(1).toLowerCase());
}

/** Names already looked at: many end in "an" ("Japan", "Jordan") and recur. */
const regional = new WeakMap<Gazetteer, Map<string, boolean>>();

/** "Southeast Asian", "European", "Middle Eastern": a known place or area with an adjective ending. */
function isRegionalAdjective(words: Token[], g: Gazetteer): boolean {
  const name = tokenText(words);
  if (!/(?:an|ern)$/.test(name)) return false;
  let seen = regional.get(g);
  if (!seen) regional.set(g, (seen = new Map()));
  let answer = seen.get(name);
  if (answer === undefined) {
    answer = endsLikeAdjective(name, g);
    if (seen.size < 100_000) seen.set(name, answer);
  }
  return answer;
}

function endsLikeAdjective(name: string, g: Gazetteer): boolean {
  for (const base of new Set([name.replace(/n$/, ''), name.replace(/an$/, ''), name.replace(/ern$/, ''), name.replace(/ean$/, 'e'), name.replace(/ian$/, 'ia')])) {
    const tokens = tokenize(base).flat();
    const hit = tokens.length > 0 ? g.matchAt(tokens, 0, false) : null;
    if (hit && hit.end === tokens.length && hit.entry.type === 'place') return true;
  }
  return false;
}
