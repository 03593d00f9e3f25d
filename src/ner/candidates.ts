// Finds entity mentions in one text: known names, ministries by pattern, people after roles, acronym definitions.
import { orgWords } from '../text/org-words.js';
import { anyStopwords, stopwordLists } from '../text/stopwords.js';
import { WordSet } from '../text/word-set.js';
import type { EntityType } from '../types.js';
import { loadGazetteer, type Gazetteer, type GazEntry, type GazMatch } from './gazetteer.js';
import { afterRoleOf, isNameWord, isParticle, isRegnalTitle, isRoleWord, nameAfterRole } from './roles.js';
import type { Tagger, TaggedSpan } from './tagger.js';
import { documentContext, listMatchAt } from './tagger-features.js';
import { endsInCommonWord, isCalendarWord, isCamelCase, isCompanySuffix, isFeatureWord, isGivenName, isPlaceByWords, isProductName, isStormName, taggedNameStart, typeByWords, withoutTrailingDates } from './name-classes.js';
import { tokenText, tokenize, type Token } from './tokenize.js';

export interface Candidate {
  start: number;
  end: number;
  field?: 'title';
  type: EntityType;
  /** Canonical name when known, else the name as written (cleaned). */
  name: string;
  surface: string;
  kind: 'name' | 'demonym';
  /** Known to the gazetteer (canonical), or found by a rule and still to be resolved. */
  known: boolean;
  country?: string;
  capital?: boolean;
  /** Sentence and token position, for resolving short names to the nearest full one. */
  order: number;
}

/** What a candidate is, apart from where it is. */
export type CandidateProps = Omit<Candidate, 'start' | 'end' | 'surface' | 'order' | 'field'>;

/**
 * A candidate with all its properties, always in this order: candidates then share one object shape, and the loops
 * over them (here and in resolve.ts) read their properties directly rather than looking them up shape by shape.
 */
export function candidateAt(start: number, end: number, surface: string, field: 'title' | undefined, order: number, props: CandidateProps): Candidate {
  return { start, end, field, type: props.type, name: props.name, surface, kind: props.kind, known: props.known, country: props.country, capital: props.capital, order };
}

/** The longest known name starting at token j of the sentence (null past its end). */
type KnownAt = (j: number) => GazMatch | null;

type PushCandidate = (tokens: Token[], s: number, e: number, props: CandidateProps) => void;

export interface TextScan {
  sentences: Token[][];
  candidates: Candidate[];
}

/**
 * Scans a text (title or body) for candidates. `order` numbers continue from `orderBase`.
 * With a tagger, its spans add the names no list or rule knows; in a Title Case sentence, where every word
 * looks like a name, only those the `evidence` text (the body, for a title) also has.
 */
export function findCandidates(text: string, g: Gazetteer, field: 'title' | undefined, orderBase: number, tagger?: Tagger, evidence?: string): TextScan {
  const sentences = tokenize(text);
  const context = tagger ? documentContext(sentences) : undefined;
  const ministryWords = ministryFirstWords(g);
  // The document context looked up the shipped lists' names at capitalised words outside headlines: those are reused.
  const listed = context && g === loadGazetteer() ? context : undefined;
  const candidates: Candidate[] = [];
  let order = orderBase;
  const push: PushCandidate = (tokens, s, e, props) => {
    const start = tokens[s]!.start;
    const end = tokens[e - 1]!.end;
    candidates.push(candidateAt(start, end, text.slice(start, end), field, order++, props));
  };
  for (const tokens of sentences) {
    const sentenceStart = candidates.length;
    const allCaps = isAllCaps(tokens);
    // Rules ask for the names at a token several times: each is looked up once.
    const matches: (GazMatch | null | undefined)[] = new Array(tokens.length);
    // A dateline's place in capitals is read as a headline's words are ("ISTANBUL (Reuters) -").
    const dateline = datelineEnd(tokens);
    const known: KnownAt = (j) => {
      if (j >= tokens.length) return null;
      // The context holds the lists' matches at capitalised words only: a word starting with an ASCII small letter is looked up here.
      if (matches[j] === undefined && listed && !allCaps && j >= dateline && !startsSmall(tokens[j]!.text)) matches[j] = listMatchAt(listed, tokens, j);
      if (matches[j] === undefined) matches[j] = g.matchAt(tokens, j, allCaps) ?? (j < dateline ? g.matchAt(tokens, j, true) : null);
      return matches[j] ?? null;
    };
    const knownEnd = (j: number) => {
      const hit = known(j);
      return hit && hit.entry.type !== 'person' ? hit.end : -1;
    };
    let i = 0;
    while (i < tokens.length) {
      const region = allCaps ? null : postalRegionAt(tokens, i, g);
      if (region) {
        // The place before the comma is one too ("Plano, TX"), when nothing was found there.
        const { place } = region;
        const last = candidates[candidates.length - 1];
        if (candidates.length === sentenceStart || last!.end <= tokens[place]!.start) push(tokens, place, i - 1, { type: 'place', name: tokenText(tokens, place, i - 1), kind: 'name', known: false });
        // The abbreviation's period may end the sentence too; the mention stops before it, as for other names ("Calif").
        push(tokens, i, tokens[region.end - 1]!.text === '.' ? region.end - 1 : region.end, fromEntry(region.entry));
        i = region.end;
        continue;
      }
      const ministry = matchMinistry(tokens, i, g, ministryWords, known);
      if (ministry) {
        push(tokens, i, ministry.end, { type: 'org', name: ministry.name, kind: 'name', known: true, country: ministry.country });
        i = ministry.end;
        continue;
      }
      const hit = known(i);
      // A name inside a longer one counts for the longest only; "US$" is a currency, not the country.
      if (hit && !(hit.entry.ambiguous && !supportsPlace(tokens, i))) {
        if (!isCurrencyPrefix(tokens, hit.end) && !isModelName(tokens, i, hit.end, hit.entry)) push(tokens, i, hit.end, fromEntry(hit.entry));
        i = hit.end;
        continue;
      }
      // In a line of capitals a role word may be any word ("MAJOR LEAGUE STANDINGS"): the tagger reads those.
      const nameStart = !allCaps && isRoleWord(tokens[i]!.text) ? nameAfterRole(tokens, i, knownEnd) : -1;
      if (nameStart > 0) {
        // The known names inside the role count ("Syria" of "Special Envoy for Syria Geir Pedersen").
        for (let j = i + 1; j < nameStart; j++) {
          const inRole = known(j);
          if (inRole && inRole.entry.type !== 'person' && inRole.end <= nameStart) {
            push(tokens, j, inRole.end, fromEntry(inRole.entry));
            j = inRole.end - 1;
          }
        }
        const nameEnd = endOfName(tokens, nameStart, knownEnd);
        const entry = known(nameStart);
        // "Prince Andrew", "Pope Francis": a royal or papal title before a lone given name is part of the name.
        const start = keepsTitle(tokens, nameStart, nameEnd) ? nameStart - 1 : nameStart;
        const name = text.slice(tokens[start]!.start, tokens[nameEnd - 1]!.end);
        if (entry && entry.entry.type === 'person' && entry.end === nameEnd && start === nameStart) push(tokens, nameStart, nameEnd, fromEntry(entry.entry));
        else push(tokens, start, nameEnd, { type: 'person', name, kind: 'name', known: false });
        i = nameEnd;
        continue;
      }
      if (tokens[i]!.text.includes('-')) {
        for (const { start, end, entry } of knownHyphenParts(tokens[i]!, g)) candidates.push(candidateAt(start, end, text.slice(start, end), field, order++, fromEntry(entry)));
      }
      i++;
    }
    if (tagger && mayName(tokens)) {
      let spans = tagger.tagSentence(tokens, context);
      if (evidence !== undefined && isTitleCase(tokens)) spans = spans.filter((s) => evidence.includes(text.slice(tokens[s.start]!.start, tokens[s.end - 1]!.end)));
      addTagged(spans, tokens, sentenceStart, candidates, g, push);
    }
  }
  return { sentences, candidates };
}

const TAGGED_TYPES: Record<string, EntityType | undefined> = { PER: 'person', ORG: 'org', LOC: 'place' };

/**
 * The tagger's spans where lists and rules found nothing, or where its span is longer and holds only places ("Real
 * Madrid"), or is an organisation the lists know as a place (teamNamedAfterPlace). Organisations with a word of
 * data/org-words.json may also hold countries ("Bank of China"), and a known organisation's one-word name after their
 * first word ("Moro National Liberation Front", "Seattle Times"); people may hold a country or an organisation when they
 * start with a given name ("Neil Jordan", "Chad Curtis", "Robert Wagner"). Other known organisations and people inside
 * a span win. A longer MISC span ("West Indian", "U.S. Open") drops the demonyms, countries and places inside it.
 */
function addTagged(spans: TaggedSpan[], tokens: Token[], sentenceStart: number, candidates: Candidate[], g: Gazetteer, push: PushCandidate): void {
  if (spans.length === 0) return;
  // The sentence's list and rule candidates are in order of start, and the spans are in order of start:
  // one pass over both keeps long sentences linear. Candidates the spans replace are dropped at the end.
  const listed = candidates.length;
  const replaced = new Set<Candidate>();
  // A sentence without a quotation mark holds no quoted title.
  const quoted = tokens.some((t) => isQuoteMark(t.text));
  let first = sentenceStart;
  for (const tagged of spans) {
    const span = { start: taggedNameStart(tokens, tagged.start, tagged.end), end: taggedEnd(tokens, tagged, g), type: tagged.type };
    // A role and "of" before a name are no part of it, and a field of work after them is no name ("CEO of Mozilla"; "Head of Research").
    const named = afterRoleOf(tokens, span.start, span.end);
    if (named > span.start && (named >= span.end || endsInCommonWord(tokens.slice(named, span.end)))) continue;
    span.start = named;
    // A product is no entity, nor are the names inside it, as inside any other name ("Apple" of "Apple Watch").
    if (isProductName(tokens, span.start, span.end, TAGGED_TYPES[tagged.type])) {
      const from = tokens[span.start]!.start;
      const to = tokens[span.end - 1]!.end;
      for (let k = sentenceStart; k < listed; k++) if (candidates[k]!.start >= from && candidates[k]!.end <= to) replaced.add(candidates[k]!);
      continue;
    }
    const type = typeByWords(tokens.slice(span.start, span.end), TAGGED_TYPES[tagged.type], g);
    // One word before a weekday, a month or "Day" is part of a holiday's name ("Black Friday", "Cyber Monday", "Boxing
    // Day"), unless a number follows: then it is a date ("v Durham May 22").
    const holiday = span.end - span.start === 1 && isCalendarWord(tokens[span.end]) && !/^\d/.test(tokens[span.end + 1]?.text ?? '');
    if (type === null || holiday || isStormName(tokens, span.start, span.end) || (quoted && insideQuotedTitle(tokens, span))) continue;
    const start = tokens[span.start]!.start;
    const end = tokens[span.end - 1]!.end;
    const inside: Candidate[] = [];
    let blocked = false;
    let nameBefore = false;
    let company: Candidate | undefined;
    while (first < listed && candidates[first]!.end <= start) first++;
    for (let k = first; k < listed && candidates[k]!.start < end; k++) {
      const c = candidates[k]!;
      if (c.end <= start) continue;
      const within = c.start >= start && c.end <= end && ((c.end - c.start < end - start && span.end - span.start > 1) || teamNamedAfterPlace(type, c));
      // A known organisation's one-word name after the span's first word ("Liberation" in "Moro National Liberation Front").
      const innerOrg = c.type === 'org' && c.start > start && !c.surface.includes(' ');
      // A known organisation's name that ends a longer one, whose words before it name nothing else: another
      // organisation ("National Security Council" is not the UN's "Security Council", nor "Library of Congress" Congress).
      const endsLongerOrg = type === 'org' && c.type === 'org' && c.known && c.end === end && !nameBefore && wordsBeforeName(tokens, span.start, c.start);
      nameBefore = true;
      // A known company's name with more words and its legal form after it ("LM Ericsson AB"): the company, whole.
      if (type === 'org' && c.type === 'org' && c.known && c.kind === 'name' && isCompanySuffix(tokens[span.end - 1])) company = c;
      // A known organisation's name that starts a longer one is another entity's part: a product, a venue, a unit
      // ("Mozilla Firefox", "Verizon Amphitheatre", "Uber Eats"), which the organisation's name inside does not count for.
      const startsLongerName = type !== 'person' && c.type === 'org' && c.known && c.kind === 'name' && c.start === start && !orgWords().notLast.has(tokens[span.end - 1]!.text);
      const overridden = company === c || startsLongerName || endsLongerOrg || (type === 'org' ? c.type === 'place' || ((c.type === 'country' || innerOrg) && c.kind === 'name' && hasOrgWord(tokens, span))
        : type === 'person' ? c.type === 'place' || ((c.type === 'country' || c.type === 'org') && c.kind === 'name' && isGivenName(tokens[span.start]!.text))
        : type === 'place' ? c.type === 'place' && c.kind === 'name' && holdsPlace(tokens, span, c.start)
        : type === undefined && (c.kind === 'demonym' || c.type === 'country' || c.type === 'place'));
      // A state's abbreviation after a place, and that place, stay what they are ("Toronto, ON" is no team).
      if (within && overridden && !isPostalRegion(c, g) && !(k + 1 < listed && isPostalRegion(candidates[k + 1]!, g) && candidates[k + 1]!.start - c.end <= 2)) inside.push(c);
      else blocked = true;
    }
    if (blocked || isCurrencyPrefix(tokens, span.end)) continue;
    if (!type) {
      for (const c of inside) replaced.add(c);
      continue;
    }
    // A name in capitals the lists know ("LONDON" in a dateline).
    const upper = inCapitals(tokens, span.start, span.end) ? g.matchAt(tokens, span.start, true) : null;
    if (upper && isModelName(tokens, span.start, span.end, upper.entry)) continue;
    const name = tokenText(tokens, span.start, span.end).replace(/ (,|['’]s\b)/g, '$1');
    // A dateline's place is that place, whatever the tagger says ("LOS ANGELES (Reuters) -").
    const dateline = span.start === 0 && tokens[span.end]?.text === '(';
    const entry = upper && upper.end === span.end && (dateline || !teamNamedAfterPlace(type, upper.entry)) ? upper.entry : null;
    // A document's or an event's name is no entity, and the names inside it still count ("Astana" of "Astana Declaration").
    if (!entry && ((type === 'org' && notAnOrg(tokens, span, name, g)) || (type === 'place' && orgWords().notLast.has(tokens[span.end - 1]!.text)))) continue;
    for (const c of inside) replaced.add(c);
    push(tokens, span.start, span.end, entry ? fromEntry(entry) : company ? { ...company } : { type, name, kind: 'name', known: false });
  }
  if (replaced.size === 0) return;
  let kept = sentenceStart;
  for (let k = sentenceStart; k < candidates.length; k++) if (!replaced.has(candidates[k]!)) candidates[kept++] = candidates[k]!;
  candidates.length = kept;
}

/** The most words a quoted title spans for insideQuotedTitle (a bound that keeps long Title Case lines linear). */
const MAX_TITLE = 20;
const TITLE_SMALL_WORDS = /^(?:a|an|and|at|by|for|in|of|on|the|to|with|['’]s)$/;

/** Quotation marks around a title: double or single, straight or typographic, as outlets' styles differ. */
const QUOTE_MARK = /^["“”„‟«»'‘’]$/;

/**
 * Whether a tagged span lies within a longer quoted Title Case phrase ('"China's Position on the Political
 * Settlement of the Ukraine Crisis"', "‘My Heart Will Go On’"): the title of a document, song, book or film, a name of
 * its own (CoNLL's MISC) whose capitalised words are not names of people, organisations or places. Title Case is
 * the English convention, and NER reads English only; the lists' names inside a title are still found.
 */
function insideQuotedTitle(tokens: Token[], span: { start: number; end: number }): boolean {
  let open = span.start - 1;
  while (open >= 0 && span.start - open <= MAX_TITLE && isTitleWord(tokens[open]!)) open--;
  // Most spans have no quotation mark before them: the words after are not read.
  if (!isQuoteAt(tokens, open)) return false;
  let close = span.end;
  while (close < tokens.length && close - span.end < MAX_TITLE && isTitleWord(tokens[close]!)) close++;
  // A comma or full stop may sit inside the closing quote.
  return (isQuoteAt(tokens, close) || (/^[,.]$/.test(tokens[close]?.text ?? '') && isQuoteAt(tokens, close + 1))) && close - open - 1 > span.end - span.start;
}

function isTitleWord(t: Token): boolean {
  return isNameWord(t) || TITLE_SMALL_WORDS.test(t.text);
}

function isQuoteAt(tokens: Token[], k: number): boolean {
  return k >= 0 && k < tokens.length && isQuoteMark(tokens[k]!.text);
}

function isQuoteMark(text: string): boolean {
  return text.length === 1 && QUOTE_MARK.test(text);
}

function inCapitals(tokens: Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (tokens[k]!.text !== tokens[k]!.text.toUpperCase()) return false;
  return true;
}

/** An organisation the tagger found where the lists know a place of that name: a team or club named after its city ("Newcastle", "NEW YORK" in a league table). */
function teamNamedAfterPlace(type: EntityType | undefined, known: { type: EntityType }): boolean {
  return type === 'org' && known.type === 'place';
}

/**
 * Where a tagged name ends: over a company suffix after it, also after a comma ("Acme, Inc."); and, for an
 * organisation or a geographic feature, over "for" or "of" and Title Case words no list knows, where the
 * tagger often stops inside a long name ("Group of Friends for Peace", "Gulf of Martaban").
 */
function taggedEnd(tokens: Token[], span: TaggedSpan, g: Gazetteer): number {
  let end = span.type === 'PER' ? beforeCapitals(tokens, span.start, span.end) : span.end;
  while ((span.type === 'ORG' || isFeatureWord(tokens[end - 1]!)) && /^(for|of)$/.test(tokens[end]?.text ?? '') && isNameWord(tokens[end + 1]) && !g.knows(tokens[end + 1]!.text)) {
    end += 2;
    while (isNameWord(tokens[end]) && !g.knows(tokens[end]!.text)) end++;
  }
  // Over the possessive of a plural that takes "'s" and the Title Case words after it: "Donetsk People's Republic",
  // "Boston Children's Hospital", not "Donetsk People".
  while (span.type !== 'PER' && IRREGULAR_PLURALS.has(tokens[end - 1]!.text) && /^['’]s$/.test(tokens[end]?.text ?? '') && isNameWord(tokens[end + 1])) {
    end += 2;
    while (isNameWord(tokens[end]) && !g.knows(tokens[end]!.text)) end++;
  }
  // Over "and" and Title Case words to a word of events and documents: the name of an initiative or a treaty is the
  // whole ("Belt and Road Initiative"), not its first word.
  if (span.type !== 'PER' && tokens[end]?.text === 'and') {
    let k = end + 1;
    while (k - end <= 3 && isNameWord(tokens[k]) && !g.knows(tokens[k]!.text)) k++;
    if (k > end + 1 && orgWords().notLast.has(tokens[k - 1]!.text)) end = k;
  }
  const suffix = tokens[end]?.text === ',' ? end + 1 : end;
  return isCompanySuffix(tokens[suffix]) ? suffix + 1 : withoutTrailingDates(tokens, span.start, end);
}

/** English plurals whose possessive is "'s", which names of organisations hold inside ("People's", "Children's"). */
const IRREGULAR_PLURALS = new Set(['People', 'Children', 'Women', 'Men']);

/**
 * Where a person's name written in Title Case ends before a word in capitals: a byline runs into a dateline ("Larry
 * Fine NEW YORK"). Roman numerals, "JR" and the initials that end a name in a citation ("Napier JA") are part of it.
 */
function beforeCapitals(tokens: Token[], start: number, end: number): number {
  for (let k = start + 1; k < end; k++) {
    const word = tokens[k]!.text;
    if (!isCapitalsWord(word) || isCapitalsWord(tokens[k - 1]!.text) || /^(?:[IVX]+|JR|SR)$/.test(word)) continue;
    if (k === end - 1 && word.length <= 2) continue;
    return k;
  }
  return end;
}

/** Where a sentence's opening words in capitals end when a bracket, a dash or a comma follows them, as in a dateline ("NEW YORK (AP) -"); else 0. */
function datelineEnd(tokens: Token[]): number {
  let k = 0;
  while (k < tokens.length && k < 4 && isCapitalsWord(tokens[k]!.text)) k++;
  return k > 0 && /^[(,\-–—]$/.test(tokens[k]?.text ?? '') ? k : 0;
}

function isCapitalsWord(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word);
}

function hasOrgWord(tokens: Token[], span: TaggedSpan): boolean {
  const { words } = orgWords();
  for (let k = span.start; k < span.end; k++) if (words.has(tokens[k]!.text)) return true;
  return false;
}

/**
 * Whether the span's words from `from` to the character `nameStart` hold a name word of their own beyond a leading
 * "The" ("The Times" is the known paper) and join no other name ("Fridays For Future and Extinction Rebellion").
 */
function wordsBeforeName(tokens: Token[], from: number, nameStart: number): boolean {
  let ownWord = false;
  for (let k = from; tokens[k]!.start < nameStart; k++) {
    const word = tokens[k]!.text;
    if (/^(?:and|&|,|;)$/.test(word)) return false;
    if (isNameWord(tokens[k]) && !(k === from && /^the$/i.test(word))) ownWord = true;
  }
  return ownWord;
}

/**
 * Whether a tagged place may hold a known place: when its words make it a place ("Hollywood Casino Amphitheatre") or
 * it ends in "City" ("Atlantic City"), or when words other than "The" come before the known one ("East Chicago", "Holy
 * City of Jerusalem"). A known place that starts a span the tagger alone calls a place keeps it ("Cambridge Analytica").
 */
function holdsPlace(tokens: Token[], span: TaggedSpan, knownStart: number): boolean {
  // "The" before the known name is no word of another place ("The Hague").
  const first = /^the$/i.test(tokens[span.start]!.text) ? span.start + 1 : span.start;
  return knownStart > tokens[first]!.start || tokens[span.end - 1]!.text === 'City' || isPlaceByWords(tokens.slice(span.start, span.end));
}

/** Tagger organisations that are documents, events or buildings ("Astana Declaration"), or a ministry with no country. */
function notAnOrg(tokens: Token[], span: TaggedSpan, name: string, g: Gazetteer): boolean {
  const { notLast, buildings } = orgWords();
  const last = tokens[span.end - 1]!.text;
  return notLast.has(last) || buildings.has(last) || g.ministries.has(name);
}

/**
 * A US state's or Canadian province's postal code or agency abbreviation at token i, after a place's name and a comma
 * ("Plano, TX", "Sacramento, Calif."): where it ends, the region, and where the place's name before it starts. Not
 * after a person's name ("Jane Smith, MD").
 */
function postalRegionAt(tokens: Token[], i: number, g: Gazetteer): { end: number; entry: GazEntry; place: number } | null {
  if (i < 2 || tokens[i - 1]!.text !== ',' || !isNameWord(tokens[i - 2])) return null;
  const first = tokens[i]!.text.charCodeAt(0);
  if (first < 65 || first > 90) return null;
  for (const { words, entry } of g.postal) {
    if (words[0] !== tokens[i]!.text || !words.every((w, k) => tokens[i + k]?.text === w)) continue;
    const end = i + words.length;
    // A name goes on after it, or more capitals after a comma: no region ("Yu-Xiao Yang, MD, MSCE" lists degrees).
    if (isNameWord(tokens[end]) && !tokens[end - 1]!.text.endsWith('.')) return null;
    if (tokens[end]?.text === ',' && /^\p{Lu}/u.test(tokens[end + 1]?.text ?? '')) return null;
    // The name before it is a known place, ends in a place's word ("Virginia Beach"), or has no given name and no
    // initial, as a person's has ("John, OK?", "Jaya K. Rao, MD").
    const place = placeBefore(tokens, i - 1);
    if (place < 0) return null;
    const name = tokens.slice(place, i - 1);
    const known = g.matchAt(tokens, place, false);
    const placeName = (known?.end === i - 1 && known.entry.type === 'place') || isPlaceByWords(name);
    if (!placeName && name.some((t) => isGivenName(t.text) || /^\p{Lu}\.$/u.test(t.text))) return null;
    return { end, entry, place };
  }
  return null;
}

/** Whether a candidate is a state or province named by its postal code or abbreviation (postalRegionAt). */
function isPostalRegion(c: Candidate, g: Gazetteer): boolean {
  return g.postalForms.get(c.surface) === c.name;
}

/** Where the name of up to four capitalised words ending before token `comma` starts, or -1. */
function placeBefore(tokens: Token[], comma: number): number {
  let k = comma;
  while (k > 0 && comma - k < 4 && isNameWord(tokens[k - 1]) && !isRoleWord(tokens[k - 1]!.text)) k--;
  return k < comma ? k : -1;
}

function fromEntry(entry: GazEntry): CandidateProps {
  return { type: entry.type, name: entry.name, kind: entry.kind, known: true, country: entry.country, capital: entry.capital };
}

const firstWords = new WeakMap<Gazetteer, WordSet>();
/** The words ministry names start with: most tokens are ruled out with one lookup. */
function ministryFirstWords(g: Gazetteer): WordSet {
  let words = firstWords.get(g);
  if (!words) firstWords.set(g, (words = new WordSet([...g.ministries.keys()].map((k) => k.split(' ')[0]!))));
  return words;
}

/** "Russian Foreign Ministry", "China's Defense Ministry", "Ministry of Foreign Affairs of Russia". `firstWords`: ministryFirstWords(g). */
function matchMinistry(tokens: Token[], i: number, g: Gazetteer, firstWords: WordSet, known: KnownAt): { end: number; name: string; country: string } | null {
  const country = countryAt(i, known);
  if (country) {
    let j = country.end;
    if (tokens[j] && /^['’]s$/.test(tokens[j]!.text)) j++;
    const ministry = ministryAt(tokens, j, g, firstWords);
    if (ministry) return { end: ministry.end, name: `${ministry.canonical} of ${country.entry.name}`, country: country.entry.name };
    return null;
  }
  const ministry = ministryAt(tokens, i, g, firstWords);
  if (ministry && tokens[ministry.end]?.text === 'of') {
    const of = countryAt(ministry.end + 1, known);
    if (of) return { end: of.end, name: `${ministry.canonical} of ${of.entry.name}`, country: of.entry.name };
  }
  return null;
}

function countryAt(j: number, known: KnownAt): GazMatch | null {
  const hit = known(j);
  return hit && hit.entry.type === 'country' ? hit : null;
}

/** The ministry named by up to four words at j ("Foreign Ministry"), the longest. */
function ministryAt(tokens: Token[], j: number, g: Gazetteer, firstWords: WordSet): { end: number; canonical: string } | null {
  if (j >= tokens.length || !firstWords.has(tokens[j]!.text)) return null;
  for (let len = 4; len >= 1; len--) {
    if (j + len > tokens.length) continue;
    const words = tokenText(tokens, j, j + len);
    const canonical = g.ministries.get(words);
    if (canonical) return { end: j + len, canonical };
  }
  return null;
}

/** Extends a name from `start` over capitalised words and particles, up to four words, stopping at known non-person names. */
function endOfName(tokens: Token[], start: number, knownEnd: (j: number) => number): number {
  let end = start + 1;
  // Four words at most, particles aside ("Mohammed bin Zayed Al Nahyan").
  let words = 1;
  while (end < tokens.length && words < 4) {
    const t = tokens[end]!;
    // Particles, also in runs ("von der Leyen", "de la Cruz"), count only when a name word follows them.
    let after = end;
    while (isParticle(tokens[after])) after++;
    if (after > end && isNameWord(tokens[after])) {
      end = after + 1;
      words++;
      continue;
    }
    // Words run together ("NoemKristi") end the name too.
    if (!isNameWord(t) || isCamelCase(t.text) || (isRoleWord(t.text) && !isRoleWordSurname(tokens, start, end)) || (knownEnd(end) > end && !isKnownSurname(tokens, start, end, knownEnd))) break;
    // A date after the name ("Secretary John Kerry Monday"); a month may be a surname ("Prime Minister Theresa May").
    if (WEEKDAY.test(t.text) || (end - start >= 2 && isCalendarWord(t))) break;
    end++;
    words++;
  }
  return end;
}

const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;

/** Whether the one-word known name at `end` is the surname of the given name at `start` ("Senator Tim Jordan", "President Andrew Jackson"). */
function isKnownSurname(tokens: Token[], start: number, end: number, knownEnd: (j: number) => number): boolean {
  return end - start === 1 && knownEnd(end) === end + 1 && isGivenName(tokens[start]!.text);
}

/**
 * Whether the role word at `end` is the surname of the given name at `start` ("Prime Minister John Major says"): it
 * ends the name, as no name follows it ("President Biden Secretary Blinken").
 */
function isRoleWordSurname(tokens: Token[], start: number, end: number): boolean {
  return end - start === 1 && isGivenName(tokens[start]!.text) && !isNameWord(tokens[end + 1]);
}

/**
 * The parts of a hyphenated compound that are known names ("China-Russia", "US-Israeli", "Trump-era", "anti-Biden"),
 * and a country's combining form before a hyphen ("Sino" of "Sino-Russian").
 */
function knownHyphenParts(token: Token, g: Gazetteer): Array<{ start: number; end: number; entry: GazEntry }> {
  const known: Array<{ start: number; end: number; entry: GazEntry }> = [];
  let offset = token.start;
  const parts = token.text.split('-');
  for (const [k, part] of parts.entries()) {
    const entry = part.length > 1 ? (g.knows(part) ?? (k + 1 < parts.length ? g.combiningForms.get(part) : undefined)) : undefined;
    if (entry) known.push({ start: offset, end: offset + part.length, entry });
    offset += part.length + 1;
  }
  return known;
}

/** A currency written with a country's code ("US$100", "HK$"): the code touches the sign. */
function isCurrencyPrefix(tokens: Token[], end: number): boolean {
  const next = tokens[end];
  return next !== undefined && next.start === tokens[end - 1]!.end && /^[$€£¥]$/.test(next.text);
}

/** An organisation's acronym before a model number is a product's name ("RTX 3080" is a graphics card, not RTX Corporation). */
function isModelName(tokens: Token[], start: number, end: number, entry: GazEntry): boolean {
  return end - start === 1 && entry.type === 'org' && /^\d{3,}/.test(tokens[end]?.text ?? '') && /^[A-Z]{2,5}$/.test(tokens[start]!.text) && tokens[start]!.text !== entry.name;
}

/** A regnal title right before a one-word name, with or without a regnal number ("King Charles III"). */
function keepsTitle(tokens: Token[], nameStart: number, nameEnd: number): boolean {
  const length = nameEnd - nameStart - (/^[IVX]+$/.test(tokens[nameEnd - 1]!.text) ? 1 : 0);
  return length === 1 && isRegnalTitle(tokens[nameStart - 1]!.text);
}

/** An ambiguous place name ("Georgia" the state, "Nice") counts after a locative preposition only. */
function supportsPlace(tokens: Token[], i: number): boolean {
  return /^(in|to|from|near|at|outside|around)$/i.test(tokens[i - 1]?.text ?? '');
}

/**
 * Whether a sentence can hold a name: a capital after its first word, or a first word that is not a
 * function word ("Lavrov said..."). Sentences in lower case after "The", "He", "It" are not worth tagging.
 */
function mayName(tokens: Token[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (/\p{Lu}/u.test(tokens[i]!.text)) return true;
  return tokens.length > 0 && !anyStopwords().has(tokens[0]!.text.toLowerCase());
}

/**
 * Every word after the first but English function words capitalised, as in a headline ("Traders Expect Busy Weekend",
 * "Performant Python").
 */
function isTitleCase(tokens: Token[]): boolean {
  const stop = stopwordLists().get('en')!;
  const words = tokens.slice(1).filter((t) => /^\p{L}/u.test(t.text) && !stop.has(t.text.toLowerCase()));
  return words.length >= 1 && words.every((t) => /^\p{Lu}/u.test(t.text));
}

/** Whether a word starts with an ASCII small letter (most words): no capital initial, and a letter. */
function startsSmall(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122;
}

function isAllCaps(tokens: Token[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const t of tokens) {
    // A word starting with an ASCII small letter (most words) has a letter and is not in capitals: no regex, no copy.
    const small = startsSmall(t.text);
    if (!small && !/\p{L}/u.test(t.text)) continue;
    letters++;
    if (!small && t.text === t.text.toUpperCase()) upper++;
    // Too many words with lower case for capitals to make up 80% of them, whatever follows.
    else if (letters - upper >= tokens.length * 0.2) return false;
  }
  return letters >= 3 && upper / letters > 0.8;
}
