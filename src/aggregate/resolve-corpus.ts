// Resolution across a corpus: one person's name variants ("Owen Dempsey", "Owen John Dempsey", a bare "Dempsey") in
// different articles meet under one name when that is unambiguous. Every counting aggregate resolves with it.
import { nameKey } from '../ner/resolve.js';
import { personVariants } from '../ner/person-names.js';
import type { EntityType } from '../types.js';

/** A line of a counter's `--partial` state: two names one document kept apart. */
export interface ApartLine {
  apart: [string, string];
}

export function isApartLine(line: object): line is ApartLine {
  const apart = (line as ApartLine).apart;
  return Array.isArray(apart) && apart.length === 2 && apart.every((key) => typeof key === 'string');
}

/**
 * The person names of a corpus, read document by document. Names that one document keeps apart as two entities
 * are two people and never merge, which also means that a merged name counts each document once.
 */
export class CorpusPeople {
  /** Name key -> documents per spelling. */
  private readonly spellings = new Map<string, Map<string, number>>();
  /** Pairs of name keys sharing a last word that one document named as two entities. */
  private readonly apart = new Set<string>();

  /** Notes the people named in one document. */
  add(entities: ReadonlyArray<{ name: string; type: EntityType }>): void {
    const byLastWord = new Map<string, Set<string>>();
    for (const e of entities) {
      if (e.type !== 'person') continue;
      this.addName(e.name, 1);
      const last = lastNameWord(e.name);
      byLastWord.set(last, (byLastWord.get(last) ?? new Set()).add(nameKey(e.name)));
    }
    for (const keys of byLastWord.values()) {
      const sorted = [...keys].sort();
      for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) this.apart.add(`${sorted[i]}\n${sorted[j]}`);
    }
  }

  /** Notes a person's name seen in `documents` documents (from a partial count). */
  addName(name: string, documents: number): void {
    const key = nameKey(name);
    const seen = this.spellings.get(key) ?? new Map<string, number>();
    seen.set(name, (seen.get(name) ?? 0) + documents);
    this.spellings.set(key, seen);
  }

  addApart(line: ApartLine): void {
    this.apart.add(line.apart.join('\n'));
  }

  /** The pairs kept apart, as lines of a partial count. */
  *partial(): Generator<ApartLine> {
    for (const pair of this.apart) yield { apart: pair.split('\n') as [string, string] };
  }

  /**
   * The name each person name of the corpus stands for: the fullest variant it may extend to when there is one
   * (see personVariants), a one-word name the one full name ending with it, else the name itself (its most
   * seen spelling). Names a document kept apart stay apart: the later-listed of them keeps its own name.
   * Null when no two names merge.
   */
  resolver(): ((name: string) => string) | null {
    const display = new Map([...this.spellings].map(([key, seen]) => [key, mostSeen(seen)]));
    const target = personVariants([...display.values()].map((name) => ({ name, known: false })));
    const bySurname = new Map<string, string | null>();
    for (const name of new Set(target.values())) {
      const surname = name.slice(name.lastIndexOf(' ') + 1);
      bySurname.set(surname, bySurname.has(surname) && bySurname.get(surname) !== name ? null : name);
    }
    for (const name of display.values()) if (!name.includes(' ')) target.set(name, bySurname.get(name) ?? name);
    // Each target with the names that join it, none of them kept apart from another.
    const joined = new Map<string, string[]>();
    const resolved = new Map<string, string>();
    for (const [key, name] of [...display].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const to = target.get(name) ?? name;
      const members = joined.get(to) ?? [nameKey(to)];
      const ok = members.every((other) => other === key || !this.apart.has(key < other ? `${key}\n${other}` : `${other}\n${key}`));
      if (ok && !members.includes(key)) members.push(key);
      joined.set(to, members);
      resolved.set(key, ok ? to : name);
    }
    const merges = [...resolved].some(([key, name]) => nameKey(name) !== key);
    return merges ? (name) => resolved.get(nameKey(name)) ?? name : null;
  }
}

/** The last word of a name's key: variants of one person's name share it. */
export function lastNameWord(name: string): string {
  const key = nameKey(name);
  return key.slice(key.lastIndexOf(' ') + 1);
}

/** The spelling seen in most documents (the first alphabetically on a tie). */
export function mostSeen(spellings: Map<string, number> | Record<string, number>): string {
  const entries = spellings instanceof Map ? [...spellings] : Object.entries(spellings);
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
