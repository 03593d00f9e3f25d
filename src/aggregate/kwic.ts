// Concordance (keyword in context): every occurrence of an entity or a word, with the text around it.
import type { Entity, NerArticle } from '../types.js';
import { nameKey } from '../ner/resolve.js';

export interface Hit {
  file: string;
  id: string;
  published: string | null;
  title: string | null;
  left: string;
  match: string;
  right: string;
  /** Offsets of the match in `text`, or in `title` when `field` is "title". */
  start: number;
  end: number;
  field?: 'title';
  /** The entity the match is a mention of, when it is one. */
  entity?: string;
}

export type KwicSort = 'order' | 'left' | 'right';

/**
 * Whether an entity answers to the query: its canonical name or an alias seen (case and spelling variants
 * folded), or, for people, their surname ("Lavrov" finds "Sergey Lavrov" where only the full name is written).
 */
export function entityAnswers(entity: Entity, query: string): boolean {
  const q = query.trim().toLowerCase();
  const key = nameKey(query.trim());
  const same = (name: string) => name.toLowerCase() === q || nameKey(name) === key;
  if (same(entity.name) || entity.aliases.some(same)) return true;
  return entity.type === 'person' && !q.includes(' ') && entity.name.toLowerCase().split(' ').at(-1) === q;
}

/** The hits of one article: the mentions of entities answering to the query, or else the query's whole-word occurrences. */
export function articleHits(article: NerArticle, query: string, width: number): Hit[] {
  const hits: Hit[] = [];
  const hit = (field: 'title' | undefined, start: number, end: number, entity?: string) => {
    const source = field === 'title' ? article.title ?? '' : article.text;
    hits.push({
      file: article.file, id: article.id, published: article.published, title: article.title,
      left: context(source.slice(Math.max(0, start - width * 3), start), width, 'left'),
      match: oneLine(source.slice(start, end)),
      right: context(source.slice(end, end + width * 3), width, 'right'),
      start, end, ...(field ? { field } : {}), ...(entity ? { entity } : {}),
    });
  };
  for (const e of article.entities) {
    if (!entityAnswers(e, query)) continue;
    for (const m of e.mentions) hit(m.field, m.start, m.end, e.name);
  }
  if (hits.length === 0) {
    const pattern = wordPattern(query);
    for (const field of ['title', undefined] as const) {
      const source = field === 'title' ? article.title ?? '' : article.text;
      for (const m of source.matchAll(pattern)) hit(field, m.index!, m.index! + m[0].length);
    }
  }
  return hits.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field ? -1 : 1));
}

/** Hits sorted by the words just left of the match (nearest first) or just right of it; document order is kept otherwise. */
export function sortHits(hits: Hit[], sort: KwicSort): Hit[] {
  if (sort === 'order') return hits;
  const keyOf = (h: Hit) => (sort === 'left' ? h.left.toLowerCase().split(' ').reverse().join(' ') : h.right.toLowerCase());
  return hits.map((h) => ({ h, k: keyOf(h) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map(({ h }) => h);
}

/** The query as a case-insensitive whole-word pattern; white space in it matches any run of white space. */
function wordPattern(query: string): RegExp {
  const escaped = query.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The `width` characters next to the match, on one line, cut without splitting a surrogate pair. */
function context(text: string, width: number, side: 'left' | 'right'): string {
  const flat = oneLine(text);
  const chars = Array.from(side === 'left' ? flat.trimStart() : flat.trimEnd());
  return (side === 'left' ? chars.slice(-width) : chars.slice(0, width)).join('');
}
