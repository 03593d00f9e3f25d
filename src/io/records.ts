// Reading records written by an earlier stage (NDJSON lines or a JSON array) back into typed records.
import { ENTITY_TYPES, type Article, type Entity, type EntityType, type Mention, type MineRecord, type NerArticle } from '../types.js';

/** True when the text starts like a record stream: `{"...` on the first line or a JSON array of objects. */
export function looksLikeRecords(head: string): boolean {
  const start = head.trimStart();
  return /^\{\s*"/.test(start) || /^\[\s*(\{\s*"|\])/.test(start);
}

/** How a JSON text starts: a value alone, or an array whose first item is a value (`[1]Home` is a lynx link, not JSON). */
const JSON_START = /^(\[\s*([{["]|-?\d[\d.eE+-]*\s*,)|["\d-]|null\b|true\b|false\b)/;

/**
 * Why stdin's `text`, which is not a record stream (see looksLikeRecords), is JSON nonetheless: a value or an
 * array that holds no records, or an array that is not valid JSON. Undefined for text that is not JSON (a page).
 */
export function notRecords(text: string): string | undefined {
  const start = text.trimStart();
  if (!JSON_START.test(start)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return start.startsWith('[') ? `stdin is not valid JSON (${(error as Error).message})` : undefined;
  }
  const what = value === null ? 'null' : Array.isArray(value) ? 'an array of other values' : `a ${typeof value}`;
  return `stdin holds JSON (${what}), not a record or an array of records such as mine extract --json prints`;
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
    published: isoDateOrNull(o.published),
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
  const entities = o.entities.map(toEntity).filter((e): e is Entity => e !== null);
  return { ...article, entities } satisfies NerArticle;
}

/** An entity the aggregate commands can count safely, or null: unknown types and malformed mentions are dropped. */
function toEntity(value: unknown): Entity | null {
  const e = value as Record<string, unknown> | null;
  if (typeof e !== 'object' || e === null || typeof e.name !== 'string' || e.name === '') return null;
  if (!ENTITY_TYPES.includes(e.type as EntityType) || !Array.isArray(e.mentions)) return null;
  const mentions = e.mentions.map(toMention).filter((m): m is Mention => m !== null);
  const aliases = Array.isArray(e.aliases) ? e.aliases.filter((a): a is string => typeof a === 'string') : [];
  const count = typeof e.count === 'number' && Number.isInteger(e.count) && e.count >= 0 ? e.count : mentions.length;
  const entity: Entity = { ...e, name: e.name, type: e.type as EntityType, count, aliases: aliases.length ? aliases : [e.name], mentions };
  if (typeof e.country !== 'string') delete entity.country;
  return entity;
}

function toMention(value: unknown): Mention | null {
  const m = value as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return null;
  const mention: Mention = { start: m.start as number, end: m.end as number, kind: m.kind === 'demonym' ? 'demonym' : 'name' };
  if (m.field === 'title') mention.field = 'title';
  return mention;
}

/** The contract's dates (`2023-08-07`, `2023-08-07T23:54:00+03:00`); anything else would break date arithmetic later. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function isoDateOrNull(value: unknown): string | null {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
