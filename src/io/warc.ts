// Web archives (WARC, WARC.gz from Common Crawl, the Internet Archive, Browsertrix...): each HTML response is a page
// with its URL and crawl date; every other record is passed over and counted by kind. Streamed record by record.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { WARCRecord } from 'warcio';
import { InputError } from '../errors.js';
import { decodePage } from './charset.js';
import { describeFsError, fsPath } from './find.js';
import type { Page } from '../types.js';

export type WarcItem = { page: Page } | { error: InputError } | { passed: string };

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** The pages of a WARC file (gzipped when its name ends in .gz), in order; a record larger than `maxBytes` is skipped. */
export async function* readWarc(file: string, maxBytes: number): AsyncGenerator<WarcItem> {
  const stream = fs.createReadStream(fsPath(file));
  // Node's zlib (multi-member, native) is much faster than the pure-JS inflate warcio would use.
  const source = /\.gz$/i.test(file) ? stream.pipe(zlib.createGunzip()) : stream;
  let failure: Error | undefined;
  const fail = (error: Error) => (failure ??= error);
  stream.on('error', fail);
  source.on('error', fail);
  try {
    // Loaded here, not with this module: warcio and its dependencies take a while to load, and every worker loads read.ts.
    const { WARCParser } = await import('warcio');
    for await (const record of WARCParser.iterRecords(source)) {
      const item = await readRecord(file, record, maxBytes);
      if (item) yield item;
    }
  } catch (error) {
    failure ??= error as Error;
  } finally {
    stream.destroy();
  }
  if (failure) yield { error: warcError(file, failure) };
}

async function readRecord(file: string, record: WARCRecord, maxBytes: number): Promise<WarcItem | undefined> {
  if (!record.warcHeaders.statusline.startsWith('WARC/')) throw new Error(`a record starts with "${record.warcHeaders.statusline.slice(0, 40)}", not WARC/`);
  const type = record.warcType;
  if (type !== 'response' && type !== 'resource') return { passed: type ?? 'untyped' };
  const status = Number(record.httpHeaders?.statusCode ?? 200);
  if (status >= 300 && status < 400) return { passed: 'redirect' };
  if (status !== 200) return { passed: `${status} response` };
  const contentType = record.httpHeaders ? record.httpHeaders.headers.get('content-type') : record.warcContentType;
  if (!HTML_TYPE.test(contentType ?? '')) return { passed: 'not HTML' };
  const url = record.warcTargetURI ?? undefined;
  const where = `${file}: ${url ?? `record at byte ${record._offset ?? '?'}`}`;
  if (record.warcContentLength > maxBytes) return { error: new InputError(where, 'too large', `record too large (${record.warcContentLength} bytes; see --max-size)`) };
  let content: string;
  try {
    content = decodePage(await record.readFully(true), contentType, where);
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
  const page: Page = { file, content, format: 'html' };
  if (url) page.url = url;
  const crawled = record.warcDate;
  if (crawled && !Number.isNaN(Date.parse(crawled))) page.crawled = crawled;
  return { page };
}

function warcError(file: string, error: Error): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code?.startsWith('Z_')) return new InputError(file, 'bad gzip', `not valid gzip (${error.message}); the pages before were read`);
  if (code?.startsWith('E')) return new InputError(file, 'unreadable', describeFsError(error));
  return new InputError(file, 'bad warc', `not a readable WARC (${error.message.split('\n')[0]}); the pages before were read`);
}
