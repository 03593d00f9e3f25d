// Organisation words (data/org-words.json), loaded once: extraction and NER both ask whether a word makes a name an organisation's.
import { loadData } from '../data.js';

export interface OrgWords {
  /** "Holdings", "Group", "Inc.": words that make a name an organisation's. */
  words: Set<string>;
  /** Last words of names of documents and events ("Declaration", "Summit", "War"): no organisation's, no place's. */
  notLast: Set<string>;
  /** Last words of names of buildings ("Palace"): places, no organisation's. */
  buildings: Set<string>;
}

let cached: OrgWords | null = null;

export function orgWords(): OrgWords {
  if (cached) return cached;
  const data = loadData<{ words: string[]; notLastWords: string[]; buildingWords: string[] }>('org-words.json');
  return (cached = { words: new Set(data.words), notLast: new Set(data.notLastWords), buildings: new Set(data.buildingWords) });
}
