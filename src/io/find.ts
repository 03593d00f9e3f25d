// Turns the paths a user typed (files, folders, globs, `-`) into a sorted list of files to read.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

export type Found = { file: string } | { stdin: true } | { url: string } | { error: InputError };

const GLOB_CHARS = /[*?[\]{}]/;

/** A web address (what URL arguments and URL lists hold). */
export function isUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

/**
 * What a folder walk reads: page dumps, HTML, records, exports, web archives, and files without an extension, each also gzipped
 * ("page.html.gz"). Named files are always read.
 */
const PAGE_EXTENSIONS = new Set(['', '.txt', '.text', '.dump', '.html', '.htm', '.xhtml', '.shtml', '.ndjson', '.jsonl', '.json', '.csv', '.tsv', '.warc']);

function isPageFile(name: string): boolean {
  return PAGE_EXTENSIONS.has(path.extname(name.replace(/\.gz$/i, '')).toLowerCase());
}

/**
 * Yields every input named by `args`, in order (web addresses as `url`); folders are walked recursively (hidden
 * entries and other file types skipped, the latter told to `onIgnored`).
 */
export async function* findInputs(args: string[], onIgnored?: (file: string) => void): AsyncGenerator<Found> {
  for await (const batch of findInputBatches(args, onIgnored)) yield* batch;
}

/** Inputs given out together by findInputBatches. */
const BATCH = 1024;

/**
 * findInputs, many inputs at a time: for a caller that takes each quickly (a rerun from the cache stats them
 * all), an await per input costs more than the input.
 */
export async function* findInputBatches(args: string[], onIgnored?: (file: string) => void): AsyncGenerator<Found[]> {
  for (const arg of args) {
    if (arg === '-') {
      yield [{ stdin: true }];
      continue;
    }
    if (isUrl(arg)) {
      yield [{ url: arg }];
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(arg);
    } catch (error) {
      if (GLOB_CHARS.test(arg)) {
        const { default: fg } = await import('fast-glob'); // only for globs: it costs start-up time
        const files = await fg(arg, { onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
        yield files.length === 0 ? [{ error: new InputError(arg, 'missing', 'no file matches this pattern') }] : files.sort().map((file) => ({ file }));
        continue;
      }
      yield [{ error: new InputError(arg, codeOf(error) === 'ENOENT' ? 'missing' : 'unreadable', describeFsError(error)) }];
      continue;
    }
    if (!stat.isDirectory()) {
      yield [{ file: arg }];
      continue;
    }
    let batch: Found[] = [];
    for (const found of walk(path.join(arg, '.'), new Set(), onIgnored)) {
      batch.push(found);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** path.join(dir, name) for a `dir` that path.join made and an entry's name, without normalizing `dir` again for every entry of a folder. */
function entryPath(dir: string, name: string): string {
  return dir === '.' ? name : dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** What a folder entry is, kept in place of its Dirent (a huge folder's Dirents take hundreds of bytes each). */
const enum Kind {
  Other,
  Folder,
  File,
  Link,
}

function kindOf(entry: fs.Dirent): Kind {
  return entry.isDirectory() ? Kind.Folder : entry.isFile() ? Kind.File : entry.isSymbolicLink() ? Kind.Link : Kind.Other;
}

/** The names and kinds of a folder's entries, in the folder's order. */
function readFolder(dir: string, encoding: 'utf8' | 'buffer'): { names: string[]; kinds: Kind[] } {
  const names: string[] = [];
  const kinds: Kind[] = [];
  const folder = fs.opendirSync(fsPath(dir), { encoding: encoding as BufferEncoding, bufferSize: 1024 });
  try {
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      names.push(encoding === 'buffer' ? nameFromBytes(entry.name as unknown as Buffer) : entry.name);
      kinds.push(kindOf(entry));
    }
  } finally {
    folder.closeSync();
  }
  return { names, kinds };
}

/**
 * Depth-first, sorted walk that remembers real paths so symlink loops end. A name that is not UTF-8 is found and
 * read too (see nameFromBytes). A folder's entries are streamed and only their names and kinds kept, so that a
 * folder of a million files costs tens of MB, not hundreds. Synchronous: a walk of thousands of files took
 * several times longer with an await per entry.
 */
function* walk(dir: string, seen: Set<string>, onIgnored?: (file: string) => void): Generator<Found> {
  let names: string[];
  let kinds: Kind[];
  try {
    const real = fs.realpathSync(fsPath(dir), { encoding: 'buffer' });
    if (seen.has(real.toString('latin1'))) return;
    seen.add(real.toString('latin1'));
    // Names read as text, unless one is not UTF-8 (read as text, it holds U+FFFD): then as bytes, which costs more.
    ({ names, kinds } = readFolder(dir, 'utf8'));
    if (names.some((name) => name.includes('\ufffd'))) ({ names, kinds } = readFolder(dir, 'buffer'));
  } catch (error) {
    yield { error: new InputError(dir, 'unreadable', describeFsError(error)) };
    return;
  }
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  for (const i of order) {
    const name = names[i]!;
    if (name.startsWith('.')) continue;
    const full = entryPath(dir, name);
    if (kinds[i] === Kind.Folder) yield* walk(full, seen, onIgnored);
    else if (kinds[i] === Kind.File) {
      if (isPageFile(name)) yield { file: full };
      else onIgnored?.(full);
    } else if (kinds[i] === Kind.Link) {
      try {
        const target = fs.statSync(fsPath(full));
        if (target.isDirectory()) yield* walk(full, seen, onIgnored);
        else if (target.isFile()) {
          if (isPageFile(name)) yield { file: full };
          else onIgnored?.(full);
        }
      } catch (error) {
        yield { error: new InputError(full, 'unreadable', describeFsError(error)) };
      }
    }
  }
}

/**
 * A file name read as bytes, as a string: UTF-8 where the bytes are UTF-8, and each other byte as a lone
 * surrogate U+DC80..U+DCFF (as Python's "surrogateescape"), so that fsPath gives the same bytes back and
 * escapeForTerminal shows it as `\xHH`.
 */
export function nameFromBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  if (!text.includes('\ufffd') || Buffer.from(text).equals(bytes)) return text;
  let name = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0;
    const sequence = bytes.subarray(i, i + length);
    const char = sequence.toString('utf8');
    if (length > 0 && sequence.length === length && Buffer.from(char).equals(sequence)) {
      name += char;
      i += length;
    } else {
      name += String.fromCharCode(0xdc00 + b);
      i++;
    }
  }
  return name;
}

/** A lone surrogate that stands for a byte (see nameFromBytes); a pair's second half is a character's. */
export const ESCAPED_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/g;
const LONE_LOW_SURROGATE = /[\udc80-\udcff]/;

/** What to give fs for a path: the path itself, or its bytes when it holds bytes that are not UTF-8. */
export function fsPath(file: string): string | Buffer {
  // Most paths hold no such byte: checked without collecting matches (a rerun from the cache calls this for every file).
  if (!LONE_LOW_SURROGATE.test(file)) return file;
  const bytes = [...file.matchAll(ESCAPED_BYTE)];
  if (bytes.length === 0) return file;
  const parts: Buffer[] = [];
  let start = 0;
  for (const match of bytes) {
    parts.push(Buffer.from(file.slice(start, match.index)), Buffer.from([match[0].charCodeAt(0) - 0xdc00]));
    start = match.index! + 1;
  }
  parts.push(Buffer.from(file.slice(start)));
  return Buffer.concat(parts);
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** "permission denied", "no such file" and the like, without a stack or the path twice. */
export function describeFsError(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    case 'ENOSPC': return 'no space left on device';
    default: return (error as Error)?.message?.replace(/^[A-Z]+: /, '') ?? String(error);
  }
}
