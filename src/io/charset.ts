// Bytes of a web page to text: the charset its HTTP headers declare, else the one its markup declares, else sniffed.
import { decodeBytes } from './decode.js';

/** How far into a page a `<meta charset>` is looked for (HTML requires it within the first 1024 bytes; pages overrun). */
const META_SCAN_BYTES = 4096;

/** The text of a fetched or archived page; throws InputError (named `file`) for empty or binary content. */
export function decodePage(bytes: Uint8Array, contentType: string | null | undefined, file: string): string {
  const declared = charsetOf(contentType) ?? metaCharset(bytes);
  // UTF-8 and UTF-16 (BOMs, repairs, sniffing) are decodeBytes' job; a legacy charset is only known from its label.
  if (declared && !/^utf-?(8|16)/i.test(declared)) {
    try {
      const text = new TextDecoder(declared).decode(bytes);
      if (text.trim() !== '') return text;
    } catch {
      // An unknown label: sniffed like a file instead.
    }
  }
  return decodeBytes(bytes, file).text;
}

function charsetOf(contentType: string | null | undefined): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

/** `<meta charset="...">` or `<meta http-equiv="Content-Type" content="text/html; charset=...">`. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES)).toString('latin1');
  return /<meta\s[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}
