// Titles and roles before names ("Chinese Special Representative for Eurasian Affairs Li Hui"): cues, never part of a name.
import { loadData } from '../data.js';
import { WordSet } from '../text/word-set.js';
import { endsInCommonWord, isCalendarWord, isGivenName } from './name-classes.js';
import type { Token } from './tokenize.js';

interface RolesData {
  heads: string[];
  modifiers: string[];
  connectors: string[];
  regnal: string[];
  honorifics: string[];
  jobHeads: string[];
}

interface RoleWords {
  heads: Set<string>;
  modifiers: Set<string>;
  connectors: Set<string>;
  regnal: Set<string>;
  honorifics: Set<string>;
  jobHeads: Set<string>;
  /** Heads and modifiers. */
  any: WordSet;
}

let roles: RoleWords | null = null;
function roleWords(): RoleWords {
  if (!roles) {
    const data = loadData<RolesData>('roles.json');
    const withCaps = (words: string[]) => new Set(words.flatMap((w) => [w, w.toUpperCase()]));
    const heads = withCaps(data.heads);
    const modifiers = withCaps(data.modifiers);
    roles = { heads, modifiers, connectors: new Set(data.connectors), regnal: new Set(data.regnal), honorifics: new Set(data.honorifics), jobHeads: new Set(data.jobHeads), any: new WordSet([...heads, ...modifiers]) };
  }
  return roles;
}

export function isRoleWord(word: string): boolean {
  return roleWords().any.has(word);
}

/** Whether words are a role alone, no name ("Senior Editor", "CEO", "National Security Adviser"): role words, a head among them. */
export function isRolePhrase(words: Token[]): boolean {
  const { any, heads, connectors } = roleWords();
  return words.some((w) => heads.has(w.text)) && words.every((w) => any.has(w.text) || connectors.has(w.text));
}

/** Where one or two capitalised words at `j`, no given name first, end before a job's head ("Strategy" of "Chief Strategy Officer"); else j. */
function jobSubjectEnd(tokens: Token[], j: number): number {
  if (!isNameWord(tokens[j]) || isGivenName(tokens[j]!.text)) return j;
  for (let k = j + 1; k <= j + 2 && isNameWord(tokens[k]); k++) if (roleWords().jobHeads.has(tokens[k]!.text)) return k;
  return j;
}

/** Where the name after a role and "of" starts in a tagged span ("Mozilla" of "CEO of Mozilla"); `start` when none does. */
export function afterRoleOf(tokens: Token[], start: number, end: number): number {
  let k = start;
  while (k < end && isRoleWord(tokens[k]!.text)) k++;
  // A royal title's span may be a club's name ("Queen of the South").
  const head = tokens[k - 1]?.text ?? '';
  if (k === start || tokens[k]?.text !== 'of' || !roleWords().heads.has(head) || isRegnalTitle(head)) return start;
  return tokens[k + 1]?.text === 'the' ? k + 2 : k + 1;
}

/**
 * Whether the one-word known name from `j` to `end`, right after a role's head and before a name word, is a person's
 * given name ("Rep. Alexandria Ocasio-Cortez", "Minister Israel Katz"); a known name inside a role comes after a
 * connector or before the head ("Special Envoy for Syria", "Russian Foreign Minister").
 */
function givenNameOfPlace(tokens: Token[], j: number, end: number, heads: Set<string>): boolean {
  return end === j + 1 && heads.has(tokens[j - 1]?.text ?? '') && isNameWord(tokens[end]) && !isRoleWord(tokens[end]!.text);
}

/** A royal or papal title, part of the name before a lone given name ("Prince Andrew"). */
export function isRegnalTitle(word: string): boolean {
  return roleWords().regnal.has(word);
}

/** Name particles that may be lower-case inside a name ("Luiz Inacio Lula da Silva", "Mohammed bin Salman"). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'da', 'dal', 'das', 'de', 'dei', 'del', 'della', 'den', 'der', 'des', 'di', 'do', 'dos', 'du', 'la', 'le', 'ten', 'ter', 'van', 'von', 'y', 'zu', 'ben', 'abu']);

export function isNameWord(token: Token | undefined): boolean {
  if (!token) return false;
  // Most words start with an ASCII character other than a capital: they are name words only as "al-" or "el-" before one.
  const c = token.text.charCodeAt(0);
  if (c < 128 && (c < 65 || c > 90) && c !== 97 && c !== 101) return false;
  return /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(token.text) || /^(al|el)-\p{Lu}/u.test(token.text);
}

export function isParticle(token: Token | undefined): boolean {
  return token !== undefined && PARTICLES.has(token.text);
}

/** The words of `text` before its end (a space, then where a name starts): the last word and those before it, nearest first. */
function wordsBefore(text: string, end: number): string[] {
  return text.slice(Math.max(0, end - 24), end).split(/\s+/).slice(0, -1).reverse();
}

/** The particles written right before `end` in `text`, with the space after each ("von der " before "Leyen"), or ''. */
export function particlesBefore(text: string, end: number): string {
  let particles = '';
  // The first of the words may be cut off: the words before the particles must hold one more.
  const words = wordsBefore(text, end);
  // A sentence's first word is capitalised: "Von der Leyen said".
  for (let k = 0; k + 1 < words.length && PARTICLES.has(words[k]!.toLowerCase()); k++) particles = `${words[k]} ${particles}`;
  return particles;
}

/** The word right before `end` in `text`, without an opening bracket or quotation mark. */
function wordBefore(text: string, end: number): string {
  return wordsBefore(text, end)[0]?.replace(/^[(“"]/, '') ?? '';
}

/** Whether a personal honorific comes right before `end` in `text` ("Ms. " before "Alley"). */
export function honorificBefore(text: string, end: number): boolean {
  return roleWords().honorifics.has(wordBefore(text, end));
}

/** Whether a personal honorific or a role word comes right before `end` in `text` ("Ms. " or "Coach " before "Love"). */
export function titleBefore(text: string, end: number): boolean {
  const last = wordBefore(text, end);
  return roleWords().honorifics.has(last) || roleWords().any.has(last);
}

/**
 * A role phrase starting at `i` followed by a name: returns where the name starts, or -1.
 * `known(j)` gives the end of a known non-person name at j (a country, demonym or organisation inside
 * the role, as in "Special Envoy for Syria Geir Pedersen"), or -1.
 */
export function nameAfterRole(tokens: Token[], i: number, known: (j: number) => number): number {
  const { heads, modifiers, connectors } = roleWords();
  let j = i;
  let sawHead = false;
  let afterRole = -1;
  while (j < tokens.length) {
    const word = tokens[j]!.text;
    if (heads.has(word) || heads.has(word.toLowerCase()) && word === word.toLowerCase()) {
      sawHead = true;
      j++;
      afterRole = j;
    } else if (modifiers.has(word)) {
      j++;
      afterRole = j;
    } else if (connectors.has(word) && afterRole === j && isNameWord(tokens[j + 1])) {
      j++;
    } else if (afterRole >= 0 && jobSubjectEnd(tokens, j) > j) {
      // "Chief Strategy Officer": the words before a job's head are its subject, no name.
      j = jobSubjectEnd(tokens, j);
    } else if (afterRole >= 0 && known(j) > j && !givenNameOfPlace(tokens, j, known(j), heads)) {
      j = known(j);
      afterRole = j;
    } else if (afterRole >= 0 && tokens[j - 1] && connectors.has(tokens[j - 1]!.text) && isNameWord(tokens[j])) {
      // "for Eurasian Affairs": capitalised words after a connector belong to the role if a role word follows them.
      let k = j;
      while (isNameWord(tokens[k]) && !isRoleWord(tokens[k]!.text)) k++;
      if (k < tokens.length && isRoleWord(tokens[k]!.text) && k - j <= 3) j = k;
      else break;
    } else break;
  }
  // A date is no name ("9 PM Wednesday").
  if (!sawHead || afterRole < 0 || !isNameWord(tokens[afterRole]) || isCalendarWord(tokens[afterRole])) return -1;
  // "General" and "Chief" also open a compound noun: "General Staff" and "General Assembly" name no one.
  const compound = /^(?:General|Chief)$/.test(tokens[afterRole - 1]!.text) && !isNameWord(tokens[afterRole + 1]) && endsInCommonWord([tokens[afterRole]!]);
  return compound ? -1 : afterRole;
}
