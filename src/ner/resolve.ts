// From mentions to entities: short names resolved to full ones, acronyms tied to their expansions, one canonical name each.
import { loadData } from '../data.js';
import type { Entity, EntityType, Mention } from '../types.js';
import { candidateAt, type Candidate, type TextScan } from './candidates.js';
import { fold, loadGazetteer } from './gazetteer.js';
import { givenNames, personVariants } from './person-names.js';
import { honorificBefore, isNameWord, particlesBefore, titleBefore } from './roles.js';
import { isDictionaryWord, isGivenName, withoutCompanySuffix } from './name-classes.js';
import { stopwordLists } from '../text/stopwords.js';
import type { Token } from './tokenize.js';
import { packedMap } from '../text/packed.js';
import { hasBit, setBit } from '../text/bits.js';
import { LETTER_OR_DIGIT_PATTERN } from '../text/chars.js';

export interface ResolveOptions {
  /** Capitals used for governments ("Moscow said") count for their country. */
  metonymy?: boolean;
}

export interface Scanned extends TextScan {
  field?: 'title';
  text: string;
}

let surnameFirst: Set<string> | null = null;
function surnamesFirst(): Set<string> {
  return (surnameFirst ??= new Set(loadData<{ surnames: string[] }>('surname-first.json').surnames));
}

let orgNames: Set<string> | null = null;
/** Names already looked up: they recur (up to a bound, as nameKeys). */
const listedOrgs = new Map<string, boolean>();
/**
 * Whether a name is one of compromise's organisations (data/org-names.json): companies the tagger, trained on 1996
 * news, reads as people or places ("Walmart", "Home Depot", "McDonald's").
 */
function isListedOrg(name: string): boolean {
  let listed = listedOrgs.get(name);
  if (listed === undefined) {
    orgNames ??= new Set(loadData<{ names: string[] }>('org-names.json').names);
    const key = name.toLowerCase().replace(/’/g, "'").replace(/-/g, ' ').replace(/\./g, '');
    listed = orgNames.has(key) || orgNames.has(key.replace(/'/g, ''));
    if (listedOrgs.size < 100_000) listedOrgs.set(name, listed);
  }
  return listed;
}

/** Builds the entity list of one article from the candidates of its title and body. */
export function resolveEntities(scans: Scanned[], options: ResolveOptions): Entity[] {
  // A loop, not flatMap: V8's flatMap is generic and slow on arrays this short.
  const candidates: Candidate[] = [];
  for (const scan of scans) for (const c of scan.candidates) candidates.push(c);
  addAcronymDefinitions(scans, candidates);
  // Before resolvePeople, so that their words are no person's name ("Home" of "Home Depot"); a surname alone is still
  // the person's ("Ford" after "Mike Ford").
  for (const c of candidates) if (!c.known && (c.type === 'person' || c.type === 'place') && isListedOrg(c.name)) c.type = 'org';
  // The title's and the body's text, which the rules below read around the candidates.
  const texts = new Map(scans.map((scan) => [scan.field, scan.text]));
  peopleByHonorific(texts, candidates);
  unifyTypes(candidates);
  addRepeatedNames(scans, candidates);
  // Multi-word organisations' first words: no given names (resolvePeople), and organisations alone (orgWordsAlone).
  const orgFirstWords = firstWordsOfOrgs(candidates);
  resolvePeople(scans, candidates, orgFirstWords);
  orgWordsAlone(candidates, orgFirstWords);
  orgsInLists(scans, candidates);
  placesAfterPrepositions(scans, candidates);
  placesNamedLikeCountries(candidates);
  if (options.metonymy) {
    for (const c of candidates) if (c.type === 'place' && c.capital && c.country) Object.assign(c, { type: 'country', name: c.country });
  }
  withParticles(texts, candidates);
  namesByCountry(candidates);
  dropDictionaryWordsAlone(texts, candidates);
  return group(candidates);
}

/**
 * A name that two organisations of the lists have ("Congress": the United States Congress, the Indian National
 * Congress) is the one whose country the article names, in a country's name, a demonym or the country of a place,
 * person or organisation it names, when it names that country and not the other's (gazetteer.ts, countryAliases).
 */
function namesByCountry(candidates: Candidate[]): void {
  const g = loadGazetteer();
  if (g.countryAliases.size === 0 || !candidates.some((c) => c.known && g.countryAliases.has(c.surface))) return;
  const countries = new Set<string>();
  for (const c of candidates) {
    if (g.countryAliases.has(c.surface)) continue;
    if (c.type === 'country') countries.add(c.name);
    else if (c.country) countries.add(c.country);
  }
  for (const c of candidates) {
    const others = c.known ? g.countryAliases.get(c.surface) : undefined;
    if (!others || (c.country && countries.has(c.country))) continue;
    const named = others.filter((e) => e.country && countries.has(e.country));
    if (named.length === 1) Object.assign(c, { name: named[0]!.name, type: named[0]!.type, country: named[0]!.country });
  }
}

/**
 * A dictionary word alone that the tagger calls a person ("Gecko", "Router", "Lightning": products, teams, words in
 * Title Case) is no entity, unless the article makes it one: a full name it stands for (resolvePeople has given it
 * that name by now), an honorific or a role before it somewhere ("Ms. Smart"), or another type the word has in the
 * article. Surnames that are words ("Brown", "Hill") are in no dictionary list (isDictionaryWord).
 */
function dropDictionaryWordsAlone(texts: FieldTexts, candidates: Candidate[]): void {
  let doubtful: Set<string> | undefined;
  const supported = new Set<string>();
  for (const c of candidates) {
    if (c.name.includes(' ')) continue;
    if (c.type !== 'person') supported.add(c.name);
    else if (!c.known && c.kind === 'name' && isDictionaryWord(c.name)) {
      (doubtful ??= new Set()).add(c.name);
      if (titleBefore(texts.get(c.field)!, c.start)) supported.add(c.name);
    }
  }
  if (!doubtful) return;
  let kept = 0;
  for (const c of candidates) if (c.type !== 'person' || !doubtful.has(c.name) || supported.has(c.name)) candidates[kept++] = c;
  candidates.length = kept;
}

/**
 * A person's surname alone takes in the particles the article writes before it when the full name has them there:
 * the mention is "von der Leyen", not "Leyen".
 */
function withParticles(texts: FieldTexts, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.type !== 'person' || c.surface.includes(' ') || !c.name.includes(' ')) continue;
    const particles = particlesBefore(texts.get(c.field)!, c.start);
    if (particles && c.name.toLowerCase().endsWith(` ${particles}${c.surface}`.toLowerCase())) Object.assign(c, { start: c.start - particles.length, surface: particles + c.surface });
  }
}

/** "SCO (Shanghai Cooperation Organization)" and "Shanghai Cooperation Organization (SCO)": one entity, and later bare "SCO"s too. */
function addAcronymDefinitions(scans: Scanned[], candidates: Candidate[]): void {
  const defined = new Map<string, Candidate>();
  for (const scan of scans) {
    // "(" is a token of its own: sentences before the next one in the text are passed over without reading their tokens.
    let paren = scan.text.indexOf('(');
    for (const tokens of scan.sentences) {
      if (paren < 0) break;
      if (tokens.length === 0 || tokens[tokens.length - 1]!.end <= paren) continue;
      paren = scan.text.indexOf('(', tokens[tokens.length - 1]!.end);
      for (let i = 1; i + 2 < tokens.length; i++) {
        if (tokens[i]!.text !== '(') continue;
        const close = indexOfText(tokens, ')', i + 1);
        if (close < 0 || close - i > 8) continue;
        const inner = tokens.slice(i + 1, close);
        const before = candidateEndingAt(candidates, scan.field, tokens[i - 1]!.end);
        if (inner.length === 1 && isAcronym(inner[0]!.text)) {
          const acronym = inner[0]!.text;
          const full = before && spellsAcronym(before.surface, acronym) ? before : before ? undefined : unknownOrg(scan, tokens, i, acronym, candidates);
          if (full && full.type === 'org') defined.set(acronym, full);
        } else if (before && isAcronym(before.surface) && inner.every(isNameWordOrConnector)) {
          defined.set(before.surface, before);
        }
      }
    }
  }
  addInitialisms(candidates, defined);
  if (defined.size === 0) return;
  // Every bare use of a defined acronym in the article is that entity.
  for (const scan of scans) {
    for (const tokens of scan.sentences) {
      for (const t of tokens) {
        // Acronyms start with a capital A-Z (isAcronym): other tokens are not looked up.
        const first = t.text.charCodeAt(0);
        if (first < 65 || first > 90) continue;
        const full = defined.get(t.text);
        if (full) addAcronymUse(t, full, scan.field, candidates);
      }
    }
  }
}

const CAPITALISED = /^\p{Lu}/u;
/** Small words an organisation's name may hold between its capitalised ones, without a letter in its acronym. */
const INITIAL_CONNECTOR = /^(?:of|for|and|the|on|&)$/;

/**
 * Acronyms of organisations and places the article names in full without defining them ("National Security Council"
 * ... "the NSC", "British Virgin Islands" ... "BVI"): an organisation acronym no list knows is the one name of the
 * article, a person's aside, whose capitalised words' initials spell it. Initials two names share tie nothing.
 */
function addInitialisms(candidates: Candidate[], defined: Map<string, Candidate>): void {
  let byInitials: Map<string, Candidate | null> | undefined;
  for (const c of candidates) {
    if (c.type !== 'org' || c.known || defined.has(c.surface) || !/^[A-Z]{2,6}$/.test(c.surface)) continue;
    if (!byInitials) {
      byInitials = new Map();
      for (const full of candidates) {
        const words = full.type !== 'person' && full.kind === 'name' ? full.surface.split(' ') : [];
        if (words.length < 2 || !words.every((w) => CAPITALISED.test(w) || INITIAL_CONNECTOR.test(w))) continue;
        const initials = words.filter((w) => CAPITALISED.test(w)).map((w) => w[0]).join('');
        const seen = byInitials.get(initials);
        byInitials.set(initials, seen === undefined || seen?.name === full.name ? full : null);
      }
    }
    const full = byInitials.get(c.surface);
    if (full) defined.set(c.surface, full);
  }
}

/** A bare use of an acronym defined as `full`'s: that entity (a function of its own: closures in the loop over tokens would allocate per token). */
function addAcronymUse(t: Token, full: Candidate, field: 'title' | undefined, candidates: Candidate[]): void {
  // Inside a longer name ("UN Security Council") the acronym counts for that name only.
  if (candidates.some((c) => c.field === field && c.start <= t.start && c.end >= t.end && (c.name === full.name || c.end - c.start > t.end - t.start))) return;
  const existing = candidates.find((c) => c.field === field && c.start === t.start && c.end === t.end);
  if (existing) Object.assign(existing, { type: full.type, name: full.name, known: full.known, country: full.country });
  else candidates.push(candidateAt(t.start, t.end, t.text, field, full.order, full));
}

/** The index of the first token from `from` whose text is `text`, or -1. */
function indexOfText(tokens: Token[], text: string, from: number): number {
  for (let k = from; k < tokens.length; k++) if (tokens[k]!.text === text) return k;
  return -1;
}

/** The first candidate of a field ending at `end`. */
function candidateEndingAt(candidates: Candidate[], field: 'title' | undefined, end: number): Candidate | undefined {
  for (const c of candidates) if (c.field === field && c.end === end) return c;
  return undefined;
}

/**
 * "Integrated Food Security Phase Classification (IPC)": an organisation no list knows, named by its expansion, whose
 * words' initials hold the acronym's letters in order (as in Schwartz and Hearst's abbreviation finder), from the word
 * with its first letter on; "Jearl Miles (U.S.)" names no organisation.
 */
function unknownOrg(scan: Scanned, tokens: Token[], paren: number, acronym: string, candidates: Candidate[]): Candidate | null {
  let start = paren;
  while (start > 0 && (isNameWord(tokens[start - 1]) || (/^(of|for|and|the|on)$/.test(tokens[start - 1]!.text) && isNameWord(tokens[start - 2])))) start--;
  start = expansionStart(tokens, start, paren, acronym);
  if (start < 0 || paren - start < 2) return null;
  const s = tokens[start]!.start, e = tokens[paren - 1]!.end;
  if (candidates.some((c) => c.field === scan.field && c.start < e && c.end > s)) return null;
  const surface = scan.text.slice(s, e);
  const candidate = candidateAt(s, e, surface, scan.field, candidates.length, { name: surface, type: 'org', kind: 'name', known: false });
  candidates.push(candidate);
  return candidate;
}

/** Where the expansion of `acronym` among tokens[from..to) starts: the last word whose initials from there on hold its letters in order, or -1. */
function expansionStart(tokens: Token[], from: number, to: number, acronym: string): number {
  const letters = acronym.replace(/[^A-Z]/g, '');
  for (let start = to - 1; start >= from; start--) {
    if (tokens[start]!.text[0] !== letters[0] || !isNameWord(tokens[start])) continue;
    let matched = 0;
    for (let k = start; k < to && matched < letters.length; k++) if (isNameWord(tokens[k]) && tokens[k]!.text[0] === letters[matched]) matched++;
    if (matched === letters.length) return start;
  }
  return -1;
}

/**
 * Whether a name can stand for an acronym in brackets after it: half of the acronym's letters or more are in it, in any
 * case and order ("Volkswagen (VW)", "Shanghai Pudong (PVG)"; not "LONDON (AP)", a dateline).
 */
function spellsAcronym(name: string, acronym: string): boolean {
  const letters = acronym.replace(/[^A-Z]/g, '').toLowerCase();
  const lower = name.toLowerCase();
  let found = 0;
  for (const letter of letters) if (lower.includes(letter)) found++;
  return found * 2 >= letters.length;
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9&.-]{1,9}$/.test(text) && /[A-Z].*[A-Z]/.test(text);
}

function isNameWordOrConnector(t: Token): boolean {
  return isNameWord(t) || /^(of|for|and|the|on|de|des|du)$/.test(t.text);
}

/**
 * Variants of a full name meet under the fullest when that is unambiguous ("Owen Dempsey", "Owen John Dempsey"),
 * and short person names ("Lavrov", "Wang", a given name alone) become the full name they stand for in this article.
 */
function resolvePeople(scans: Scanned[], candidates: Candidate[], orgFirstWords: Set<string>): void {
  const people = candidates.filter((c) => c.type === 'person');
  const knownNames = new Set(people.filter((c) => c.known).map((c) => c.name));
  const variants = personVariants(people);
  // A word that starts an organisation's name in the article is no given name there ("Mozilla" of "Mozilla Foundation",
  // though the tagger calls "Mozilla Webmaker" a person).
  const given = givenNames(variants, (word) => surnamesFirst().has(word) || orgFirstWords.has(word));
  for (const c of people) {
    const name = variants.get(c.name);
    if (name && name !== c.name) Object.assign(c, { name, known: knownNames.has(name) });
  }
  const bySurname = new Map<string, Candidate[]>();
  const addSurname = (surname: string, c: Candidate) => {
    const list = bySurname.get(surname);
    if (list) list.push(c);
    else bySurname.set(surname, [c]);
  };
  for (const c of people) {
    const space = c.name.indexOf(' ');
    if (space < 0) continue;
    // A family name written first ("Wang Yi") is a surname too.
    const first = c.name.slice(0, space);
    if (surnamesFirst().has(first)) addSurname(fold(first), c);
    addSurname(fold(surnameOf(c.name)), c);
  }
  for (const [surname, list] of bySurname) {
    list.sort((a, b) => a.order - b.order);
    // Of full names that share a surname, those that start with a given name (or a family name written first) are
    // people's names; the others may be a nickname or a product ("Canine Dion" beside "Céline Dion").
    const named = list.filter((c) => startsLikeName(c.name));
    if (named.length > 0 && named.length < list.length) bySurname.set(surname, named);
  }
  /** The full name with this surname mentioned last before `order` (else the first one). */
  const nearest = (word: string, order: number) => {
    const options = bySurname.get(fold(word));
    if (!options) return null;
    const before = lastBelow(options, order, (c) => c.order);
    return before >= 0 ? options[before]! : options[0]!;
  };
  // A country's or an organisation's one-word name is a person's surname when the article names that person and
  // nothing else shows the country or the organisation: no demonym of the country ("Jordan" after "Neil Jordan", in
  // an article with no "Jordanian"), no other name of the organisation ("Wagner" after "Robert Wagner", in one with
  // no "Wagner Group").
  const demonyms = new Set<string>();
  const orgSurfaces = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.kind === 'demonym') demonyms.add(c.name);
    else if (c.known && c.type === 'org') orgSurfaces.set(c.name, (orgSurfaces.get(c.name) ?? new Set()).add(c.surface));
  }
  const shownElse = (c: Candidate) => (c.type === 'country' ? c.surface !== c.name || demonyms.has(c.name) : orgSurfaces.get(c.name)!.size > 1);
  for (const c of candidates) {
    const known = c.known && (c.type === 'country' || c.type === 'org') && c.kind === 'name';
    if (known && !c.surface.includes(' ') && !shownElse(c)) {
      const target = nearest(c.surface, c.order);
      if (target) {
        Object.assign(c, { type: 'person', name: target.name, known: target.known, country: undefined, capital: undefined });
        continue;
      }
    }
    // The tagger's one-word organisations and places may be surnames ("Liu" after "Liu Jianchao").
    if (c.name.includes(' ') || (c.type !== 'person' && c.known)) continue;
    const target = nearest(c.name, c.order);
    const byGiven = c.type === 'person' ? given.get(c.name) : undefined;
    if (target) Object.assign(c, { type: 'person', name: target.name, known: target.known });
    // A given name alone ("Owen", after "Owen Dempsey") when one person of the article has it.
    else if (byGiven) Object.assign(c, { name: byGiven, known: knownNames.has(byGiven) });
    // A lone family name from the list of those written first ("Liu told reporters") is a person's.
    else if (!c.known && surnamesFirst().has(c.name)) c.type = 'person';
  }
  // Bare surnames and given names no rule picked up ("Lavrov said"), when the full name is in the article.
  if (bySurname.size === 0 && given.size === 0) return;
  // English function words only ("He", "May"): the text is English, and "Ma" or "Du" are family names here.
  const stop = stopwordLists().get('en')!;
  // Most tokens are ruled out by their first character: a name word starts with a letter, which folding leaves as it is when ASCII.
  // Bits of 128 (ASCII) fit 16 bytes, which V8 keeps on its heap: cheap to make per article.
  const initials = new Int32Array(4);
  for (const surname of bySurname.keys()) if (surname.charCodeAt(0) < 128) setBit(initials, surname.charCodeAt(0));
  for (const name of given.keys()) if (name.charCodeAt(0) < 128) setBit(initials, name.charCodeAt(0));
  for (const scan of scans) {
    const index = new SpanIndex(candidates, scan.field, scan.field === 'title' ? -1 : 0);
    for (const tokens of scan.sentences) {
      for (const t of tokens) {
        const first = t.text.charCodeAt(0);
        if ((first < 128 && !hasBit(initials, first)) || !isNameWord(t)) continue;
        // A given name opening a sentence may be an ordinary word ("Grant", "Mark").
        const byGiven = t === tokens[0] ? undefined : given.get(t.text);
        if (!(bySurname.has(fold(t.text)) || byGiven) || stop.has(t.text.toLowerCase()) || index.overlaps(t.start, t.end)) continue;
        const byOrder = index.orderAt(t.start);
        const target = nearest(t.text, byOrder);
        if (target) candidates.push(candidateAt(t.start, t.end, t.text, scan.field, byOrder, { ...target, kind: 'name' }));
        else if (byGiven) candidates.push(candidateAt(t.start, t.end, t.text, scan.field, byOrder, { type: 'person', name: byGiven, kind: 'name', known: knownNames.has(byGiven) }));
      }
    }
  }
}

/** Generational suffixes that end a name after the surname ("Robert F. Kennedy Jr.", "Ken Griffey, Sr."). */
const GENERATION = /,? (?:Jr\.?|Sr\.?|II|III|IV)$/;

/** The last word of a full name, its generational suffix aside ("Kennedy" of "Robert F. Kennedy Jr."). */
function surnameOf(name: string): string {
  const bare = name.replace(GENERATION, '');
  return bare.slice(bare.lastIndexOf(' ') + 1);
}

/** Whether a person's full name starts with a given name, or a family name of those written first ("Wang Yi"). */
function startsLikeName(name: string): boolean {
  const first = name.slice(0, name.indexOf(' '));
  return isGivenName(first) || surnamesFirst().has(first);
}

/**
 * A one-word name taken for a person, with no person's full name to stand for, that begins a longer organisation's
 * name in the article is an organisation ("Rotor" after "Rotor Volgograd", "Kia" after "Kia Motor Corp"). It keeps its
 * own name: the longer one is often a part or a product of it ("Disney Plus", "MIT Museum").
 */
function orgWordsAlone(candidates: Candidate[], orgFirstWords: Set<string>): void {
  if (orgFirstWords.size === 0) return;
  for (const c of candidates) if (c.type === 'person' && !c.known && orgFirstWords.has(c.name)) c.type = 'org';
}

/** The first words of the article's organisations' names of two words or more ("Rotor" of "Rotor Volgograd"). */
function firstWordsOfOrgs(candidates: Candidate[]): Set<string> {
  const firstWords = new Set<string>();
  for (const c of candidates) {
    const space = c.name.indexOf(' ');
    if (c.type === 'org' && c.kind === 'name' && space > 0) firstWords.add(c.name.slice(0, space));
  }
  return firstWords;
}

let countryTwins: Map<string, string> | null = null;
/** Places of data/places.json marked ambiguous that share a country's name ("Georgia", the US state): the name and the place's country. */
function placesLikeCountries(): Map<string, string> {
  if (!countryTwins) {
    const g = loadGazetteer();
    countryTwins = new Map();
    for (const p of loadData<{ places: Array<{ name: string; country?: string; ambiguous?: boolean }> }>('places.json').places) {
      const country = p.country && g.countryByCode.get(p.country);
      if (p.ambiguous && country && g.knows(p.name)?.type === 'country') countryTwins.set(p.name, country);
    }
  }
  return countryTwins;
}

/**
 * A country's name that is also a place's in another country is the place when the article names other places of
 * that country, its capital aside, and nothing of the country's own: its demonym, its places ("Atlanta, Georgia" is the
 * US state; "Tbilisi" or "Georgian" keep the country).
 */
function placesNamedLikeCountries(candidates: Candidate[]): void {
  const twins = placesLikeCountries();
  const named = candidates.filter((c) => c.type === 'country' && c.kind === 'name' && twins.has(c.name));
  for (const name of new Set(named.map((c) => c.name))) {
    const placeCountry = twins.get(name)!;
    const ownEvidence = candidates.some((c) => (c.type === 'country' && c.name === name && c.kind === 'demonym') || (c.type === 'place' && c.country === name));
    // A capital is news of its government's ("Washington welcomed it"), not of where the story is.
    const twinEvidence = candidates.some((c) => c.type === 'place' && c.country === placeCountry && !c.capital);
    if (ownEvidence || !twinEvidence) continue;
    for (const c of named) if (c.name === name) Object.assign(c, { type: 'place', country: placeCountry, capital: false });
  }
}

/** What joins two items of a list: a comma, "and", "or", "&", or a comma and one of those. */
const LIST_JOINT = /^(?:\s*,\s+(?:(?:and|or|&)\s+(?:also\s+)?)?|\s+(?:and|or|&)\s+(?:also\s+)?)$/;
const CONJUNCTION = /\b(?:and|or)\b|&/;

/**
 * A name taken for a person, with no given name first and no person's full name to stand for, is an organisation when
 * the article lists it with more organisations than people ("Gannett and GateHouse Media", "Astrobotic, Draper,
 * Firefly Aerospace"): the items of a list are things of one kind. Other such names, and given names alone, count for
 * neither. Two names and a comma are no list: the second may describe the first ("Luli Popescu, Bucharest Newsroom").
 */
function orgsInLists(scans: Scanned[], candidates: Candidate[]): void {
  const votes = new Map<string, number>();
  for (const scan of scans) {
    const inText = candidates.filter((c) => c.field === scan.field && c.kind === 'name').sort((a, b) => a.start - b.start);
    const joint = (k: number) => LIST_JOINT.exec(scan.text.slice(inText[k]!.end, inText[k + 1]!.start))?.[0];
    for (let k = 0; k < inText.length; k++) {
      const c = inText[k]!;
      if (!isUncertainPerson(c)) continue;
      let conjunction = false;
      let first = k;
      for (let j: string | undefined; first > 0 && (j = joint(first - 1)) !== undefined; first--) conjunction ||= CONJUNCTION.test(j);
      let last = k;
      for (let j: string | undefined; last + 1 < inText.length && (j = joint(last)) !== undefined; last++) conjunction ||= CONJUNCTION.test(j);
      if (!conjunction && last - first < 2) continue;
      let vote = 0;
      for (let j = first; j <= last; j++) {
        const item = inText[j]!;
        // A given name alone is no organisation, whatever the tagger says ("Lechner, Anke": a surname and a given name).
        const neither = isUncertainPerson(item) || (!item.name.includes(' ') && isGivenName(item.name));
        if (j !== k && !neither) vote += item.type === 'org' ? 1 : item.type === 'person' ? -1 : 0;
      }
      if (vote !== 0) votes.set(c.name, (votes.get(c.name) ?? 0) + vote);
    }
  }
  for (const c of candidates) if (c.type === 'person' && !c.known && (votes.get(c.name) ?? 0) > 0) c.type = 'org';
}

/** A name taken for a person that starts with no given name and stands for no person's full name. */
function isUncertainPerson(c: Candidate): boolean {
  const space = c.name.indexOf(' ');
  return c.type === 'person' && !c.known && c.surface === c.name && !isGivenName(space < 0 ? c.name : c.name.slice(0, space));
}

/** "in", "near" or "from" right before a name, and no possessive after it ("in Dempsey's view"). */
const LOCATIVE_BEFORE = /(?:^|\s)(?:in|near|from)\s+$/;
const POSSESSIVE_AFTER = /^['’]s\b/;

/**
 * A one-word name taken for a person, with no person's full name to stand for, is a place when the article writes
 * "in", "near" or "from" before it in two of its mentions or more, and in half of them or more ("in Longyear", "from
 * Longyear", "Longyear is a town"): the tagger weighs one sentence's words at a time, the article's evidence together.
 */
function placesAfterPrepositions(scans: Scanned[], candidates: Candidate[]): void {
  const counts = new Map<string, { mentions: number; locative: number }>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.known || c.name.includes(' ') || c.surface !== c.name) continue;
    const text = scans.find((scan) => scan.field === c.field)!.text;
    let n = counts.get(c.name);
    if (!n) counts.set(c.name, (n = { mentions: 0, locative: 0 }));
    n.mentions++;
    if (LOCATIVE_BEFORE.test(text.slice(Math.max(0, c.start - 8), c.start)) && !POSSESSIVE_AFTER.test(text.slice(c.end, c.end + 3))) n.locative++;
  }
  for (const c of candidates) {
    const n = c.type === 'person' && !c.known ? counts.get(c.name) : undefined;
    if (n && n.locative >= 2 && n.locative * 2 >= n.mentions) c.type = 'place';
  }
}

/**
 * A name no list knows has, throughout the article, the type it has most often in it (when no other type ties): the
 * tagger reads one sentence at a time, and may call "Coinbase Pro" an organisation in most and a person in some.
 * A name it also writes with a company's legal form is an organisation.
 */
function unifyTypes(candidates: Candidate[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const c of candidates) {
    if (c.known || c.kind !== 'name') continue;
    let byType = votes.get(c.name);
    if (!byType) votes.set(c.name, (byType = new Map()));
    byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
  }
  const winners = new Map<string, EntityType>();
  for (const [name, byType] of votes) {
    if (byType.size === 1) continue;
    const [[first, most], [, second]] = [...byType].sort((a, b) => b[1] - a[1]) as [[EntityType, number], [EntityType, number]];
    if (most > second) winners.set(name, first);
  }
  // A name the article also writes with a company's legal form is the company's ("Moderna said", after "Moderna Inc").
  for (const name of votes.keys()) {
    const base = withoutCompanySuffix(name);
    if (base !== name && votes.has(base)) winners.set(base, 'org');
  }
  if (winners.size === 0) return;
  for (const c of candidates) if (!c.known && c.kind === 'name') c.type = winners.get(c.name) ?? c.type;
}

/** The title's and the body's text, by field. */
type FieldTexts = Map<'title' | undefined, string>;

/**
 * A name no list knows that the article writes after a personal honorific is a person's wherever the tagger reads it
 * ("Ms. Alley attributes her weight loss ...", though "Alley" alone is mostly an organisation to the tagger).
 */
function peopleByHonorific(texts: FieldTexts, candidates: Candidate[]): void {
  let people: Set<string> | undefined;
  for (const c of candidates) {
    if (c.known || c.kind !== 'name' || (people?.has(c.name) ?? false)) continue;
    if (honorificBefore(texts.get(c.field)!, c.start)) (people ??= new Set()).add(c.name);
  }
  if (people) for (const c of candidates) if (!c.known && c.kind === 'name' && people.has(c.name)) c.type = 'person';
}

/**
 * The other occurrences of names of two words or more that lists do not know, where nothing else was found: the same
 * words are the same entity throughout the article, though the tagger, reading each sentence, may find them in some
 * places only ("Home Depot" in the title and five times in the body, tagged once). One word alone may be an ordinary
 * word ("Black"), so it is not looked for.
 */
function addRepeatedNames(scans: Scanned[], candidates: Candidate[]): void {
  /**
   * The names by their first two words, each once, longest first: a list of names can hold thousands that share a
   * first word ("John ..."), but few share two.
   */
  const byOpening = new Map<string, Candidate[]>();
  const firstWords = new Set<string>();
  const surfaces = new Set<string>();
  // Bits of 128 (ASCII) for the first characters of the names: most tokens are ruled out by theirs.
  const initials = new Int32Array(4);
  for (const c of candidates) {
    const space = c.surface.indexOf(' ');
    if (c.known || c.kind !== 'name' || space < 0 || surfaces.has(c.surface)) continue;
    surfaces.add(c.surface);
    const second = c.surface.indexOf(' ', space + 1);
    const opening = second < 0 ? c.surface : c.surface.slice(0, second);
    const list = byOpening.get(opening);
    if (list) list.push(c);
    else byOpening.set(opening, [c]);
    firstWords.add(c.surface.slice(0, space));
    if (c.surface.charCodeAt(0) < 128) setBit(initials, c.surface.charCodeAt(0));
  }
  if (byOpening.size === 0) return;
  for (const list of byOpening.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  for (const scan of scans) {
    const index = new SpanIndex(candidates, scan.field, scan.field === 'title' ? -1 : 0);
    // The end of the last name added: names found here do not overlap either.
    let addedEnd = -1;
    for (const tokens of scan.sentences) {
      for (let i = 0; i + 1 < tokens.length; i++) {
        const t = tokens[i]!;
        const code = t.text.charCodeAt(0);
        if ((code < 128 && !hasBit(initials, code)) || t.start < addedEnd || !firstWords.has(t.text)) continue;
        const names = byOpening.get(`${t.text} ${tokens[i + 1]!.text}`);
        const name = names?.find((c) => scan.text.startsWith(c.surface, t.start) && endsWord(scan.text, t.start + c.surface.length));
        if (!name || index.overlaps(t.start, t.start + name.surface.length)) continue;
        addedEnd = t.start + name.surface.length;
        candidates.push(candidateAt(t.start, addedEnd, name.surface, scan.field, index.orderAt(t.start), name));
      }
    }
  }
}

/** Whether a word ends at `at` of the text: no letter or digit follows. */
function endsWord(text: string, at: number): boolean {
  return at >= text.length || !LETTER_OR_DIGIT_PATTERN.test(text[at]!);
}

/** Index of the last item whose key is below `limit` in a list sorted by key, or -1. */
function lastBelow<T>(sorted: T[], limit: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The mentions of one text (field) sorted by start, with running maxima: overlap and order questions in log time. */
class SpanIndex {
  private readonly spans: Candidate[];
  private readonly maxEnd: number[] = [];
  private readonly maxOrder: number[] = [];

  constructor(candidates: Candidate[], field: 'title' | undefined, private readonly baseOrder: number) {
    this.spans = candidates.filter((c) => c.field === field).sort((a, b) => a.start - b.start);
    let end = -1;
    let order = baseOrder;
    for (const c of this.spans) {
      this.maxEnd.push((end = Math.max(end, c.end)));
      this.maxOrder.push((order = Math.max(order, c.order)));
    }
  }

  /** Whether a mention overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const i = lastBelow(this.spans, end, (c) => c.start);
    return i >= 0 && this.maxEnd[i]! > start;
  }

  /** The order number a new mention at `start` gets: just after the last mention before it. */
  orderAt(start: number): number {
    const i = lastBelow(this.spans, start, (c) => c.start);
    return (i >= 0 ? this.maxOrder[i]! : this.baseOrder) + 0.5;
  }
}

/** Mentions grouped into entities by type and name (transliteration variants folded together). */
function group(candidates: Candidate[]): Entity[] {
  // By name key, then type: no key string is built per mention. A name has a group or two (one per type), so they
  // are kept in a list rather than a map of their own. The groups in order of their first mention.
  const byKey = new Map<string, Candidate[][]>();
  const groups: Candidate[][] = [];
  for (const c of candidates) {
    const key = nameKey(c.name);
    let sameName = byKey.get(key);
    if (!sameName) byKey.set(key, (sameName = []));
    let members: Candidate[] | undefined;
    for (const g of sameName) if (g[0]!.type === c.type) members = g;
    if (members) members.push(c);
    else {
      sameName.push([c]);
      groups.push(sameName[sameName.length - 1]!);
    }
  }
  const entities: Entity[] = [];
  for (const members of groups) {
    const first = members.find((m) => m.known) ?? mostCommonName(members);
    const mentions: Mention[] = packedMap(members, (m) => (m.field ? { start: m.start, end: m.end, kind: m.kind, field: m.field } : { start: m.start, end: m.end, kind: m.kind }));
    // Most groups' mentions are in that order already (a stable sort keeps them as they are): the sort is left out for them.
    if (!isSorted(mentions, byPlace)) mentions.sort(byPlace);
    // Distinct surfaces in order of first use: a group has a few, so a list is cheaper than a set.
    const aliases: string[] = [];
    for (const m of members) if (!aliases.includes(m.surface)) aliases.push(m.surface);
    const entity: Entity = { name: first.name, type: first.type as EntityType, count: mentions.length, aliases, mentions };
    const country = members.find((m) => m.country)?.country;
    if (country && first.type === 'place') entity.country = country;
    entities.push(entity);
  }
  return entities.sort((a, b) => b.count - a.count || byName.compare(a.name, b.name));
}

/** Title mentions first, then by start. */
function byPlace(a: Mention, b: Mention): number {
  return a.field === b.field ? a.start - b.start : a.field ? -1 : 1;
}

function isSorted<T>(items: T[], compare: (a: T, b: T) => number): boolean {
  for (let k = 1; k < items.length; k++) if (compare(items[k - 1]!, items[k]!) > 0) return false;
  return true;
}

/** Orders as String.prototype.localeCompare does (same locale and options), without building a collator per call. */
const byName = new Intl.Collator();

function mostCommonName(members: Candidate[]): Candidate {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  return members.reduce((best, m) => (counts.get(m.name)! > counts.get(best.name)! || (counts.get(m.name) === counts.get(best.name) && m.name.length > best.name.length) ? m : best));
}

/** Names repeat across mentions and articles: their keys are kept (up to a bound). */
const nameKeys = new Map<string, string>();

/**
 * A key under which spellings of one name meet: case, diacritics and common transliteration
 * variants folded (Sergei/Sergey, Zelenskyy/Zelenskiy/Zelensky, Aleksandr/Alexander), and a company's legal form
 * left out ("Walmart Inc." and "Walmart").
 */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = fold(withoutCompanySuffix(name))
      .toLowerCase()
      .replace(/['’.]/g, '')
      .replace(/x/g, 'ks')
      .split(/[\s-]+/)
      .map((w) => (w.length >= 5 ? w.replace(/(?:yy|iy|ii|yi)$/, 'y').replace(/ei$/, 'ey') : w))
      .join(' ');
    if (nameKeys.size < 100_000) nameKeys.set(name, key);
  }
  return key;
}
