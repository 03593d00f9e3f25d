// Bytes to text: byte-order marks, UTF-16, invalid UTF-8, and refusing binary and empty files.
import { InputError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/** How many leading bytes are sniffed to tell text from binary. */
const SNIFF_BYTES = 8192;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** True when invalid bytes were replaced by U+FFFD. */
  repaired: boolean;
}

/** Decodes a file's bytes, or throws InputError naming the file (empty, binary). */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError(file, 'empty', 'empty file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checkText(decodeUtf8(bytes.subarray(3)), file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText({ text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', repaired: false }, file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText({ text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', repaired: false }, file);
  const bom16 = sniffUtf16WithoutBom(bytes);
  if (bom16) return checkText({ text: new TextDecoder(bom16).decode(bytes), encoding: bom16, repaired: false }, file);
  if (looksBinary(bytes)) throw new InputError(file, 'binary', 'binary file (not text or HTML)');
  return checkText(decodeUtf8(bytes), file);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', repaired: false };
  } catch {
    // Not valid UTF-8. A legacy single-byte page has isolated high bytes that never form UTF-8
    // sequences; a mostly-UTF-8 file with a few broken bytes gets them replaced instead.
    const text = utf8.decode(bytes);
    const replaced = countChar(text, '\uFFFD');
    const highBytes = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
    if (replaced > 0 && replaced >= highBytes * 0.5) return { text: windows1252.decode(bytes), encoding: 'windows-1252', repaired: false };
    return { text, encoding: 'utf-8', repaired: true };
  }
}

function checkText(decoded: Decoded, file: string): Decoded {
  if (decoded.text.trim() === '') throw new InputError(file, 'empty', 'no text (only white space)');
  return decoded;
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** UTF-16 text saved without a BOM has a NUL in every other byte of its ASCII characters. */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  // Most files have no NUL at all, found by a native search.
  if (n < 4 || bytes.subarray(0, n).indexOf(0) < 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Binary: a NUL byte, or many control characters, in the first bytes. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > n * 0.1;
}
