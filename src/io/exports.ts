// Exports with one article per row (CSV, TSV, JSON Lines, JSON arrays from Media Cloud, GDELT-style pipelines,
// newsroom tools, scrapers): each row becomes a page whose text, title, date, URL and site come from its columns.
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { parseDate } from '../extract/dates.js';
import { webUrl } from '../extract/web-url.js';
import type { ArticleMetadata, Page } from '../types.js';

export const ROLES = ['text', 'title', 'date', 'url', 'site'] as const;
export type Role = (typeof ROLES)[number];

export interface ExportOptions {
  /** The column of each role the user named (--text-field...); the others are looked for under COMMON_NAMES. */
  fields: Partial<Record<Role, string>>;
  /** The rows hold whole pages: run boilerplate removal on them (--extract). Else the text is the article's. */
  extract: boolean;
}

/** Where exports keep each role, in order of preference; matched without regard to case. */
const COMMON_NAMES: Record<Role, string[]> = {
  text: ['text', 'body', 'content', 'maintext'],
  title: ['title', 'headline'],
  date: ['publish_date', 'date', 'published', 'seendate'],
  url: ['url', 'link'],
  site: ['media_name', 'domain', 'source'],
};

export type ExportRow = { page: Page } | { error: InputError };

/** csv-parse, loaded on the first CSV (not with this module, which every worker loads). */
let csvParse: typeof import('csv-parse/sync').parse | undefined;

/**
 * Whether a parsed JSON object is a record a mine command wrote (it has `paragraphs`, or the `file` it came from)
 * rather than an export row. With field flags given, every object is an export row.
 */
export function isMineRecord(value: unknown, options: ExportOptions): boolean {
  if (Object.keys(options.fields).length > 0 || typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return Array.isArray(o.paragraphs) || typeof o.file === 'string';
}

/** The rows of a CSV or TSV export, each a page or the reason it was skipped. */
export function* csvRows(file: string, text: string, tabs: boolean, options: ExportOptions): Generator<ExportRow> {
  const problems: InputError[] = [];
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    csvParse ??= (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse;
    rows = csvParse(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      delimiter: tabs ? '\t' : sniffDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: Error | undefined) => void problems.push(new InputError(file, 'bad row', error?.message ?? 'unreadable row')),
    });
  } catch (error) {
    yield { error: new InputError(file, 'bad export', `not readable as ${tabs ? 'TSV' : 'CSV'} (${(error as Error).message})`) };
    return;
  }
  yield* problems.map((error) => ({ error }));
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!.record);
  const missing = ROLES.filter((role) => options.fields[role] !== undefined && !columns.includes(options.fields[role]!));
  if (missing.length > 0) {
    const named = missing.map((role) => `"${options.fields[role]}" (--${role}-field)`).join(', ');
    yield { error: new InputError(file, 'no text', `no column ${named}; its columns: ${columns.join(', ')}`) };
    return;
  }
  const picked = pickColumns(columns, options);
  if (picked.text === undefined) {
    yield { error: new InputError(file, 'no text', `no text column (named ${COMMON_NAMES.text.join(', ')}; see --text-field); its columns: ${columns.join(', ')}`) };
    return;
  }
  for (const [i, { record, info }] of rows.entries()) yield rowToPage(file, record, picked, `row ${i + 1} (line ${info.lines})`, options);
}

/** One JSON object of an export (a JSON Lines line or an array item), as a page or the reason it was skipped. */
export function jsonRow(file: string, value: unknown, where: string, options: ExportOptions): ExportRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: new InputError(file, 'bad record', `${where}: not a JSON object`) };
  const row = value as Record<string, unknown>;
  return rowToPage(file, row, pickColumns(Object.keys(row), options), where, options);
}

/** The column that holds each role: the one the user named, else the first common name present. */
function pickColumns(columns: string[], options: ExportOptions): Partial<Record<Role, string>> {
  const byLowerName = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const picked: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const column = options.fields[role] ?? COMMON_NAMES[role].map((name) => byLowerName.get(name)).find((c) => c !== undefined);
    if (column !== undefined) picked[role] = column;
  }
  return picked;
}

function rowToPage(file: string, row: Record<string, unknown>, columns: Partial<Record<Role, string>>, where: string, options: ExportOptions): ExportRow {
  const value = (role: Role) => {
    const v = columns[role] === undefined ? undefined : row[columns[role]!];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  };
  const text = value('text');
  if (text === undefined) {
    const why = columns.text === undefined ? `no text column (named ${COMMON_NAMES.text.join(', ')}; see --text-field)` : `no text in "${columns.text}"`;
    return { error: new InputError(file, 'no text', `${where}: ${why}`) };
  }
  const given: Partial<ArticleMetadata> = {};
  const title = value('title');
  const published = exportDate(value('date'));
  const site = value('site');
  if (title) given.title = title;
  if (published) given.published = published;
  if (site) given.site = site;
  const url = webUrl(value('url'));
  const html = options.extract && /<(p|div|html|body|article|br)\b/i.test(text);
  const page: Page = { file, content: text, format: html ? 'html' : 'text', raw: !options.extract, given };
  if (url) page.url = url;
  return { page };
}

/** The commonest of comma, semicolon and tab in the header line: spreadsheets in many locales write CSV with semicolons. */
function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** An export's date as ISO 8601: GDELT's compact `20240305T101500Z`, or any form the page date reader knows. */
function exportDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z?))?$/.exec(text);
  if (compact) {
    const [, y, mo, d, h, mi, s, z] = compact;
    return h ? `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${z}` : `${y}-${mo}-${d}`;
  }
  return parseDate(text)?.iso;
}
