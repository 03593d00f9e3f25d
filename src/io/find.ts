// Turns the paths a user typed (files, folders, globs, `-`) into a sorted list of files to read.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { InputError } from '../errors.js';

export type Found = { file: string } | { stdin: true } | { error: InputError };

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * What a folder walk reads: page dumps, HTML, records, and files without an extension, each also gzipped
 * ("page.html.gz"). Named files are always read.
 */
const PAGE_EXTENSIONS = new Set(['', '.txt', '.text', '.dump', '.html', '.htm', '.xhtml', '.shtml', '.ndjson', '.jsonl', '.json']);

function isPageFile(name: string): boolean {
  return PAGE_EXTENSIONS.has(path.extname(name.replace(/\.gz$/i, '')).toLowerCase());
}

/** Yields every input named by `args`, in order; folders are walked recursively (hidden entries and other file types skipped). */
export async function* findInputs(args: string[]): AsyncGenerator<Found> {
  for (const arg of args) {
    if (arg === '-') {
      yield { stdin: true };
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(arg);
    } catch (error) {
      if (GLOB_CHARS.test(arg)) {
        const files = await fg(arg, { onlyFiles: true, dot: false, followSymbolicLinks: false, suppressErrors: true });
        if (files.length === 0) yield { error: new InputError(arg, 'missing', 'no file matches this pattern') };
        for (const file of files.sort()) yield { file };
        continue;
      }
      yield { error: new InputError(arg, codeOf(error) === 'ENOENT' ? 'missing' : 'unreadable', describeFsError(error)) };
      continue;
    }
    if (stat.isDirectory()) yield* walk(arg, new Set());
    else yield { file: arg };
  }
}

/** Depth-first, sorted walk that remembers real paths so symlink loops end. */
async function* walk(dir: string, seen: Set<string>): AsyncGenerator<Found> {
  let real: string;
  let entries: fs.Dirent[];
  try {
    real = await fs.promises.realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { error: new InputError(dir, 'unreadable', describeFsError(error)) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full, seen);
    else if (entry.isFile()) {
      if (isPageFile(entry.name)) yield { file: full };
    } else if (entry.isSymbolicLink()) {
      try {
        const target = await fs.promises.stat(full);
        if (target.isDirectory()) yield* walk(full, seen);
        else if (target.isFile() && isPageFile(entry.name)) yield { file: full };
      } catch (error) {
        yield { error: new InputError(full, 'unreadable', describeFsError(error)) };
      }
    }
  }
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
