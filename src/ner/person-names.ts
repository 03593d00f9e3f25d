// Variants of one person's name ("Owen Dempsey", "Owen John Dempsey", "O. J. Dempsey") told from two people's names.
import { fold } from './gazetteer.js';
import { packedMap } from '../text/packed.js';

/** Words of a name, folded and lower-cased, periods dropped ("John M. Ford": john, m, ford). */
function wordsOf(name: string): string[] {
  return fold(name).toLowerCase().replace(/\./g, '').split(/\s+/);
}

/** One given name standing for another: the same word, or an initial and a word starting with it. */
function sameGiven(a: string, b: string): boolean {
  return a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/** How specific a name is: more words, then fewer initials. */
function specificity(words: string[]): number {
  return words.length * 10 - words.filter((w) => w.length === 1).length;
}

/** A name's words with how specific they are, both read once. */
interface NameWords {
  words: string[];
  specificity: number;
}

/**
 * Whether `longer` may be the fuller name of the person `shorter` names: the same surname, and the given
 * names of `shorter`, in order, among those of `longer` (initials standing for names). "Mike Ford" and
 * "John M. Ford" may be one person; "Wang Yi" and "Wang Wenbin", or "John Ford" and "Mike Ford", are not.
 */
function mayExtend(shorter: NameWords, longer: NameWords): boolean {
  const short = shorter.words;
  const long = longer.words;
  if (short[short.length - 1] !== long[long.length - 1] || longer.specificity <= shorter.specificity) return false;
  let j = 0;
  for (let i = 0; i < short.length - 1; i++) {
    while (j < long.length - 1 && !sameGiven(short[i]!, long[j]!)) j++;
    if (j++ >= long.length - 1) return false;
  }
  return true;
}

/**
 * For full names (two words or more) of people, the name each stands for: the fullest variant it may extend to,
 * when there is exactly one such (else itself); a known (listed) name of the group wins over the fullest.
 */
export function personVariants(names: Iterable<{ name: string; known: boolean }>): Map<string, string> {
  // Each full name once (its last occurrence tells whether it is known), its words read once.
  const last = new Map<string, { name: string; known: boolean }>();
  for (const p of names) if (p.name.includes(' ')) last.set(p.name, p);
  const people = packedMap([...last.values()], ({ name, known }) => {
    const words = wordsOf(name);
    return { name, known, words, specificity: specificity(words) };
  });
  // Only names with one surname can be variants of each other.
  const bySurname = new Map<string, typeof people>();
  for (const p of people) {
    const surname = p.words[p.words.length - 1]!;
    const same = bySurname.get(surname);
    if (same) same.push(p);
    else bySurname.set(surname, [p]);
  }
  const top = new Map<string, string>();
  for (const p of people) {
    const fuller = bySurname.get(p.words[p.words.length - 1]!)!.filter((q) => mayExtend(p, q));
    // The fullest of those no other one extends (names are distinct): one means the name is unambiguous.
    const tops = fuller.filter((q) => !fuller.some((r) => mayExtend(q, r)));
    top.set(p.name, tops.length === 1 ? tops[0]!.name : p.name);
  }
  // "Mike Ford" -> "John M. Ford" -> "John Milo Ford": follow to the end.
  for (const [name, t] of top) {
    let end = t;
    for (let steps = 0; top.get(end) !== end && steps < people.length; steps++) end = top.get(end)!;
    top.set(name, end);
  }
  const knownOf = new Map<string, string>();
  for (const p of people) if (p.known) knownOf.set(top.get(p.name)!, p.name);
  for (const [name, t] of top) top.set(name, knownOf.get(t) ?? t);
  return top;
}

/**
 * First given names of full names as written, each with the one name it stands for (`names`: written -> resolved), or
 * null when it stands for several; `notGiven` rules out first words that are no given names (a family name written
 * first, a word that starts an organisation's name).
 */
export function givenNames(names: Map<string, string>, notGiven: (word: string) => boolean): Map<string, string | null> {
  const byGiven = new Map<string, string | null>();
  for (const [written, name] of names) {
    const space = written.indexOf(' ');
    if (space < 0) continue;
    const first = written.slice(0, space);
    if (notGiven(first)) continue;
    const seen = byGiven.get(first);
    byGiven.set(first, seen === undefined || seen === name ? name : null);
  }
  return byGiven;
}
