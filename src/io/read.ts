// Reads what findInputs found: each file or stdin becomes pages (raw dumps, HTML) or records (NDJSON/JSON).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { InputError, UsageError } from '../errors.js';
import type { MineRecord, Page } from '../types.js';
import { decodeBytes } from './decode.js';
import { describeFsError, findInputs, fsPath, isUrl } from './find.js';
import { csvRows, isMineRecord, jsonRow, type ExportOptions, type ExportRow } from './exports.js';
import { readWarc } from './warc.js';
import { Fetcher, urlList, type Fetched, type FetchOptions } from './fetch.js';
import { looksLikeRecords, notRecords, toRecord } from './records.js';
import { formatBytes } from './sizes.js';

export type Input =
  /** `part`: one of several pages of one input file (an export's rows). */
  | { kind: 'page'; page: Page; part?: boolean }
  | { kind: 'record'; record: MineRecord; file: string }
  | { kind: 'skip'; error: InputError }
  /** A part of an input that holds no page and is no fault (a web archive's request records): counted by `what`. */
  | { kind: 'passed'; what: string };

export interface ReadOptions {
  /** Files larger than this are skipped as "too large". */
  maxBytes: number;
  /** Where `-` reads from (process.stdin by default). */
  stdin?: NodeJS.ReadableStream;
  /** How rows of exports (CSV, TSV, JSON objects that are not mine's records) are read. */
  exports?: ExportOptions;
  /** How web pages are fetched (URL arguments, --urls, a URL list on stdin). */
  fetch?: FetchOptions;
  /** A file of URLs to fetch, one a line (--urls), read before the other inputs. */
  urlFile?: string;
  /** Told of each file a folder walk passes over (not a kind mine reads). */
  onIgnored?: (file: string) => void;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const RECORD_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.json']);
const EXPORT_EXTENSIONS = new Set(['.csv', '.tsv']);
const NO_EXPORT_OPTIONS: ExportOptions = { fields: {}, extract: false };
const DEFAULT_FETCH_OPTIONS: FetchOptions = { delaySeconds: 1, timeoutSeconds: 30 };

/** Every input named by `args`, read and decoded, in order. Problems come out as `skip` items, never as throws. */
export async function* readInputs(args: string[], options: ReadOptions): AsyncGenerator<Input> {
  for await (const input of listInputs(args, options)) {
    if (input.kind === 'file') yield* readFile(input.file, options);
    else yield input;
  }
}

/**
 * The same, except that page files are named, not read (`file` items): reading them is left to the
 * thread that will process them. Stdin and record files are read here, since they hold many records.
 */
export async function* listInputs(args: string[], options: ReadOptions): AsyncGenerator<Input | { kind: 'file'; file: string }> {
  const fetcher = new Fetcher(options.fetch ?? DEFAULT_FETCH_OPTIONS);
  if (options.urlFile) yield* fetchUrlFile(options.urlFile, fetcher);
  // Web addresses in a row are fetched together, so that several hosts are asked at once.
  let urls: string[] = [];
  const fetchUrls = async function* () {
    const batch = urls;
    urls = [];
    for await (const fetched of fetcher.pages(batch)) yield fromFetched(fetched);
  };
  for await (const found of findInputs(args, options.onIgnored)) {
    if ('url' in found) {
      urls.push(found.url);
      continue;
    }
    yield* fetchUrls();
    if ('error' in found) yield { kind: 'skip', error: found.error };
    else if ('stdin' in found) yield* readStdin(options.stdin ?? process.stdin, options, fetcher);
    else if (isWarcFile(found.file)) yield* fromWarc(found.file, options);
    else if (isRecordFile(found.file)) yield* readFile(found.file, options);
    else yield { kind: 'file', file: found.file };
  }
  yield* fetchUrls();
}

/** The pages of a --urls file; a line that is no web address is skipped with its number. */
async function* fetchUrlFile(file: string, fetcher: Fetcher): AsyncGenerator<Input> {
  let text: string;
  try {
    text = fs.readFileSync(fsPath(file), 'utf8');
  } catch (error) {
    throw new UsageError(`--urls ${file}: ${describeFsError(error)}`);
  }
  const urls: string[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (isUrl(trimmed)) urls.push(trimmed);
    else yield { kind: 'skip', error: new InputError(file, 'bad url', `line ${i + 1}: not a web address (http:// or https://)`) };
  }
  for await (const fetched of fetcher.pages(urls)) yield fromFetched(fetched);
}

function fromFetched(fetched: Fetched): Input {
  return 'error' in fetched ? { kind: 'skip', error: fetched.error } : { kind: 'page', page: fetched.page };
}

/** Files whose content may be many records (NDJSON, a JSON array, an export, a web archive) rather than a page. */
export function isRecordFile(file: string): boolean {
  const ext = innerExtension(file);
  return RECORD_EXTENSIONS.has(ext) || EXPORT_EXTENSIONS.has(ext) || ext === '.warc';
}

function isWarcFile(file: string): boolean {
  return innerExtension(file) === '.warc';
}

/** A web archive's pages, streamed: not held to --max-size as a whole (archives run to gigabytes), only record by record. */
async function* fromWarc(file: string, options: ReadOptions): AsyncGenerator<Input> {
  for await (const item of readWarc(file, options.maxBytes)) {
    if ('page' in item) yield { kind: 'page', page: item.page, part: true };
    else if ('error' in item) yield { kind: 'skip', error: item.error };
    else yield { kind: 'passed', what: `WARC ${item.passed}` };
  }
}

/** The extension that says what a file holds: a gzipped file's is the one before ".gz" ("page.html.gz": ".html"). */
function innerExtension(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return ext === '.gz' ? path.extname(file.slice(0, -ext.length)).toLowerCase() : ext;
}

/**
 * One file, read and decoded: a page, its records, or a skip. Synchronous, since it runs on a worker thread
 * (or on the main thread when that is the only one): small reads from the page cache cost less than the
 * round trips of asynchronous ones.
 */
export function* readFile(file: string, options: ReadOptions): Generator<Input> {
  const read = readBytes(file, options.maxBytes);
  if (read instanceof InputError) {
    yield { kind: 'skip', error: read };
    return;
  }
  let { bytes } = read;
  const { mtime } = read;
  if (path.extname(file).toLowerCase() === '.gz') {
    try {
      bytes = gunzip(file, bytes, options.maxBytes);
    } catch (error) {
      if (error instanceof InputError) yield { kind: 'skip', error };
      else throw error;
      return;
    }
  }
  yield* fromText(file, bytes, options, mtime);
}

/** A file's bytes and modification time, or why they cannot be had (unreadable, too large to read). */
function readBytes(file: string, maxBytes: number): { bytes: Buffer; mtime: Date } | InputError {
  let fd: number | undefined;
  try {
    // One open, its size and time from the open file: a stat of the path first would look the path up twice.
    fd = fs.openSync(fsPath(file), 'r');
    const stat = fs.fstatSync(fd);
    if (stat.size > maxBytes) return new InputError(file, 'too large', `too large (${formatBytes(stat.size)}, limit ${formatBytes(maxBytes)}; see --max-size)`);
    return { bytes: fs.readFileSync(fd), mtime: stat.mtime };
  } catch (error) {
    return new InputError(file, 'unreadable', describeFsError(error));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A gzipped file's content, held to the size limit of files (a small file can unpack to gigabytes). */
function gunzip(file: string, bytes: Buffer, maxBytes: number): Buffer {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputError(file, 'too large', `too large uncompressed (over ${formatBytes(maxBytes)}; see --max-size)`);
    }
    throw new InputError(file, 'bad gzip', `not valid gzip (${(error as Error).message})`);
  }
}

function* fromText(file: string, bytes: Uint8Array, options: ReadOptions, mtime?: Date): Generator<Input> {
  let text: string;
  try {
    text = decodeBytes(bytes, file).text;
  } catch (error) {
    if (error instanceof InputError) yield { kind: 'skip', error };
    else throw error;
    return;
  }
  const ext = innerExtension(file);
  const exports = options.exports ?? NO_EXPORT_OPTIONS;
  if (EXPORT_EXTENSIONS.has(ext)) {
    for (const row of csvRows(file, text, ext === '.tsv', exports)) yield fromExport(row);
    return;
  }
  if ((RECORD_EXTENSIONS.has(ext) || file === '-') && looksLikeRecords(text.slice(0, 1024))) {
    yield* parseRecordText(file, text, exports);
    return;
  }
  const problem = file === '-' ? notRecords(text) : undefined;
  if (problem) throw new UsageError(problem);
  const format = HTML_EXTENSIONS.has(ext) || /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024)) ? 'html' : 'text';
  yield { kind: 'page', page: { file, content: text, format, mtime } };
}

/** A JSON array of records, or NDJSON: a bad line is skipped with its line number and the rest goes on. */
function* parseRecordText(file: string, text: string, exports: ExportOptions): Generator<Input> {
  if (text.trimStart().startsWith('[')) {
    let values: unknown[];
    try {
      values = JSON.parse(text) as unknown[];
    } catch (error) {
      yield { kind: 'skip', error: new InputError(file, 'bad record', `not valid JSON (${(error as Error).message})`) };
      return;
    }
    for (const [i, value] of values.entries()) yield recordOrSkip(file, value, `item ${i + 1}`, exports);
    return;
  }
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    if (line.trim() !== '') yield parseRecordLine(file, line, lineNumber, exports);
  }
}

function parseRecordLine(file: string, line: string, lineNumber: number, exports: ExportOptions): Input {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: 'skip', error: new InputError(file, 'bad record', `line ${lineNumber}: not valid JSON`) };
  }
  return recordOrSkip(file, value, `line ${lineNumber}`, exports);
}

/** A record mine wrote, or else an export's row. */
function recordOrSkip(file: string, value: unknown, where: string, exports: ExportOptions): Input {
  if (!isMineRecord(value, exports)) return fromExport(jsonRow(file, value, where, exports));
  try {
    const record = toRecord(value);
    return { kind: 'record', record, file: record.file || file };
  } catch (error) {
    return { kind: 'skip', error: new InputError(file, 'bad record', `${where}: ${(error as Error).message}`) };
  }
}

/** Stdin streams NDJSON line by line (so pipelines flow); anything else is read whole as one page or array. */
function fromExport(row: ExportRow): Input {
  return 'error' in row ? { kind: 'skip', error: row.error } : { kind: 'page', page: row.page, part: true };
}

async function* readStdin(stream: NodeJS.ReadableStream, options: ReadOptions, fetcher: Fetcher): AsyncGenerator<Input> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let first: string | null = null;
  while (first === null) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    const sofar = Buffer.concat(head).toString('utf8').trimStart();
    if (sofar !== '') first = sofar[0]!;
  }
  if (first === '{') {
    yield* streamNdjson(head, iterator, options.exports ?? NO_EXPORT_OPTIONS);
    return;
  }
  const rest: Buffer[] = [...head];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    rest.push(typeof next.value === 'string' ? Buffer.from(next.value) : next.value);
  }
  const bytes = Buffer.concat(rest);
  const urls = first === 'h' ? urlList(bytes.toString('utf8')) : undefined;
  if (urls) {
    for await (const fetched of fetcher.pages(urls)) yield fromFetched(fetched);
    return;
  }
  yield* fromText('-', bytes, options);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function* streamNdjson(head: Buffer[], iterator: AsyncIterator<Buffer | string>, exports: ExportOptions): AsyncGenerator<Input> {
  let pending: Buffer = Buffer.concat(head);
  // A byte-order mark would make the first line invalid JSON.
  if (pending.subarray(0, 3).equals(UTF8_BOM)) pending = pending.subarray(3);
  let lineNumber = 0;
  const flush = function* (final: boolean): Generator<Input> {
    let newline = pending.indexOf(0x0a);
    while (newline >= 0 || (final && pending.length > 0)) {
      const end = newline >= 0 ? newline : pending.length;
      const line = pending.subarray(0, end).toString('utf8');
      pending = pending.subarray(Math.min(end + 1, pending.length));
      lineNumber++;
      if (line.trim() !== '') yield parseRecordLine('-', line, lineNumber, exports);
      newline = pending.indexOf(0x0a);
    }
  };
  yield* flush(false);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    yield* flush(false);
  }
  yield* flush(true);
}
