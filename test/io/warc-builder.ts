// Builds web archives and HTML pages for the tests and the WARC measure: the samples' articles as HTML responses.
import zlib from 'node:zlib';

export interface ArticleFields { title: string | null; published: string | null; text: string }

/** An article as a plain HTML page: its title in the head and an h1, its date in a meta tag, its paragraphs as <p>. */
export function htmlPage(article: ArticleFields): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const title = escape(article.title ?? '');
  const date = article.published ? `<meta property="article:published_time" content="${escape(article.published)}">` : '';
  const body = article.text.split('\n\n').map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title>${date}</head>\n<body><article><h1>${title}</h1>\n${body}\n</article></body></html>\n`;
}

export interface WarcRecordSpec {
  type: 'response' | 'request' | 'warcinfo' | 'metadata';
  url?: string;
  date?: string;
  /** For responses: status line and headers of the HTTP message, and its body. */
  status?: number;
  contentType?: string;
  body?: string | Buffer;
}

let recordNumber = 0;

/** One WARC/1.0 record, as bytes. */
export function warcRecord(spec: WarcRecordSpec): Buffer {
  const body = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body ?? '');
  let block: Buffer;
  let blockType: string;
  if (spec.type === 'response') {
    const status = spec.status ?? 200;
    const head = `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Other'}\r\nContent-Type: ${spec.contentType ?? 'text/html; charset=utf-8'}\r\nContent-Length: ${body.length}\r\n\r\n`;
    block = Buffer.concat([Buffer.from(head), body]);
    blockType = 'application/http; msgtype=response';
  } else if (spec.type === 'request') {
    block = Buffer.from(`GET ${new URL(spec.url ?? 'http://example.org/').pathname} HTTP/1.1\r\nHost: ${new URL(spec.url ?? 'http://example.org/').host}\r\n\r\n`);
    blockType = 'application/http; msgtype=request';
  } else {
    block = body.length ? body : Buffer.from('software: mine tests\r\n');
    blockType = spec.type === 'warcinfo' ? 'application/warc-fields' : 'application/warc-fields';
  }
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(++recordNumber).padStart(12, '0')}>`,
    `WARC-Date: ${spec.date ?? '2024-03-05T10:15:00Z'}`,
    ...(spec.url ? [`WARC-Target-URI: ${spec.url}`] : []),
    `Content-Type: ${blockType}`,
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n'), block, Buffer.from('\r\n\r\n')]);
}

/** A WARC file of these records; gzipped record by record (as crawlers write .warc.gz) when `gzip`. */
export function warcFile(records: WarcRecordSpec[], gzip: boolean): Buffer {
  return Buffer.concat(records.map((r) => (gzip ? zlib.gzipSync(warcRecord(r)) : warcRecord(r))));
}
