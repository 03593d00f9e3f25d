// Resolution across a corpus: rows of one person under name variants ("Owen Dempsey", "Owen John Dempsey", a bare "Dempsey") meet when that is unambiguous.
import { personVariants } from '../ner/person-names.js';
import type { EntityRow } from './entities.js';

/**
 * Merges person rows whose names are variants of one fuller name in the corpus (see personVariants), and a
 * one-word name into the one full name with that last word, when only one has it. Other rows pass unchanged.
 */
export function mergePersonRows(rows: EntityRow[]): EntityRow[] {
  const people = rows.filter((r) => r.type === 'person');
  const target = personVariants(people.map((r) => ({ name: r.name, known: false })));
  const bySurname = new Map<string, string | null>();
  for (const name of new Set(target.values())) {
    const surname = name.slice(name.lastIndexOf(' ') + 1);
    bySurname.set(surname, bySurname.has(surname) && bySurname.get(surname) !== name ? null : name);
  }
  for (const r of people) if (!r.name.includes(' ')) target.set(r.name, bySurname.get(r.name) ?? r.name);
  const merged = new Map<string, EntityRow>();
  const out: EntityRow[] = [];
  for (const r of rows) {
    const name = r.type === 'person' ? target.get(r.name) ?? r.name : r.name;
    if (name === r.name && r.type !== 'person') {
      out.push(r);
      continue;
    }
    const into = merged.get(name);
    if (into) addInto(into, r);
    else {
      const row = { ...r, name, aliases: [...r.aliases], names: { ...r.names } };
      merged.set(name, row);
      out.push(row);
    }
  }
  if (merged.size === people.length) return rows;
  return out.sort((a, b) => b.mentions - a.mentions || b.documents - a.documents || a.name.localeCompare(b.name));
}

function addInto(row: EntityRow, other: EntityRow): void {
  row.mentions += other.mentions;
  row.documents += other.documents;
  row.quotes += other.quotes;
  if (other.first && (!row.first || other.first < row.first)) row.first = other.first;
  if (other.last && (!row.last || other.last > row.last)) row.last = other.last;
  row.aliases = [...new Set([...row.aliases, ...other.aliases])].sort();
  for (const [name, n] of Object.entries(other.names)) row.names[name] = (row.names[name] ?? 0) + n;
}
