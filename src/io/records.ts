// Reading records written by an earlier stage (NDJSON lines or a JSON array) back into typed records.
import type { Article, Entity, MineRecord, NerArticle } from '../types.js';

/** True when the text starts like a record stream: `{"...` on the first line or a JSON array of objects. */
export function looksLikeRecords(head: string): boolean {
  const start = head.trimStart();
  return /^\{\s*"/.test(start) || /^\[\s*(\{\s*"|\])/.test(start);
}

/** Validates one parsed JSON value as a record; throws an Error with a short reason when it is not one. */
export function toRecord(value: unknown): MineRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const o = value as Record<string, unknown>;
  const paragraphs = Array.isArray(o.paragraphs) ? o.paragraphs.filter((p): p is string => typeof p === 'string') : null;
  const text = typeof o.text === 'string' ? o.text : paragraphs ? paragraphs.join('\n\n') : null;
  if (text === null) throw new Error('record has neither "text" nor "paragraphs"');
  const article: Article = {
    id: stringOr(o.id, ''),
    file: stringOr(o.file, ''),
    title: stringOrNull(o.title),
    published: stringOrNull(o.published),
    author: stringOrNull(o.author),
    source: stringOrNull(o.source),
    site: stringOrNull(o.site),
    tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [],
    paragraphs: paragraphs ?? text.split(/\n\s*\n/).filter((p) => p.trim() !== ''),
    text,
    words: typeof o.words === 'number' ? o.words : 0,
  };
  for (const [key, v] of Object.entries(o)) if (!(key in article) && key !== 'entities') (article as unknown as Record<string, unknown>)[key] = v;
  if (!Array.isArray(o.entities)) return article;
  const entities = o.entities.filter(isEntity);
  return { ...article, entities } satisfies NerArticle;
}

function isEntity(value: unknown): value is Entity {
  const e = value as Entity;
  return typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.type === 'string' && Array.isArray(e.mentions);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
