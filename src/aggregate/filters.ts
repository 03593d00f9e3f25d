// Which articles and entities an aggregate counts: date bounds given as YYYY, YYYY-MM or YYYY-MM-DD (both ends
// inclusive), a site, and the names a user's query answers to.
import { nameKey } from '../ner/resolve.js';
import type { Article } from '../types.js';

export interface DateRange {
  since?: string;
  until?: string;
}

/** With no bound every article counts; with a bound, only dated articles inside it. */
export function inDateRange(article: Article, range: DateRange): boolean {
  if (!range.since && !range.until) return true;
  const date = article.published;
  if (!date) return false;
  if (range.since && date.slice(0, range.since.length) < range.since) return false;
  if (range.until && date.slice(0, range.until.length) > range.until) return false;
  return true;
}

/** `--site`: articles from that site (case-insensitive); with no site given, every article. */
export function onSite(article: Article, site: string | undefined): boolean {
  return site === undefined || article.site?.trim().toLowerCase() === site.trim().toLowerCase();
}

/**
 * Whether a name answers to a user's query ("lavrov", "Sergei Lavrov"): the same name case-insensitively,
 * or the same spelling variant. Built once per query, then asked of many names.
 */
export function nameMatcher(query: string): (name: string) => boolean {
  const lower = query.trim().toLowerCase();
  const key = nameKey(query.trim());
  return (name) => name.toLowerCase() === lower || nameKey(name) === key;
}

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD; returns null for anything else. */
export function parseDateBound(text: string): string | null {
  return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(text) ? text : null;
}
