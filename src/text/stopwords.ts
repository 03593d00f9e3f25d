// Stop-word lists per language (natural's lists, plus German from data/), for stop-word density and language guessing.
import { createRequire } from 'node:module';
import { loadData } from '../data.js';

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

/** The union of all stop words: a language-blind density measure. */
let all: Set<string> | null = null;
export function anyStopwords(): Set<string> {
  if (!all) all = new Set([...stopwordLists().values()].flatMap((s) => [...s]));
  return all;
}

let membership: { codes: string[]; lists: Set<string>[]; of: Map<string, number[]> } | null = null;
/** Each stop word with the indexes of the lists it is in, so a text's words are looked up once, not once per language. */
function stopwordMembership(): { codes: string[]; lists: Set<string>[]; of: Map<string, number[]> } {
  if (membership) return membership;
  const codes = [...stopwordLists().keys()];
  const lists = [...stopwordLists().values()];
  const of = new Map<string, number[]>();
  lists.forEach((list, k) => { for (const w of list) of.set(w, [...(of.get(w) ?? []), k]); });
  return (membership = { codes, lists, of });
}

/**
 * The stop-word list that covers most of the (lower-case) words, with its language code and how many words it
 * covers (the first such list on a tie); null when no list covers any.
 */
export function commonestStopwordList(words: Iterable<string>): { code: string; list: Set<string>; hits: number } | null {
  const { codes, lists, of } = stopwordMembership();
  const hits = new Array<number>(lists.length).fill(0);
  for (const w of words) {
    const member = of.get(w);
    if (member) for (const k of member) hits[k]!++;
  }
  let best = 0;
  for (let k = 1; k < hits.length; k++) if (hits[k]! > hits[best]!) best = k;
  return hits[best]! > 0 ? { code: codes[best]!, list: lists[best]!, hits: hits[best]! } : null;
}
