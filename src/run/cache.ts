// The document cache: each document's records keyed by content hash and by everything that changes them,
// in LMDB (crash-safe, shared safely by concurrent processes). It is only a cache: whatever is wrong with it
// (a damaged file, a bad location, a full disk) costs a warning and the time to recompute, never a result.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { RootDatabase } from 'lmdb';
import { describeFsError } from '../io/find.js';
import type { PipelineOptions } from '../pipeline.js';
import type { MineRecord } from '../types.js';
import { Packer, unpack } from './pack.js';

/** LMDB, loaded when a cache is first opened (synchronously, for the worker threads' constructors): runs without a cache never load it. */
function loadLmdb(): typeof import('lmdb') {
  return createRequire(import.meta.url)('lmdb') as typeof import('lmdb');
}

/** `$XDG_CACHE_HOME/mine` (or `~/.cache/mine`). */
export function defaultCachePath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'mine');
}

const DAMAGED = 'a stored document failed its checksum (recomputed)';
/** Marks a cache whose values are sealed by this code; an older one is emptied rather than misread. */
export const FORMAT_KEY = 'format';
export const FORMAT = Buffer.from('mine sealed JSON 1');
/** Before the key of a document's records for counting (DocumentCache.getCounts): not a document of its own. */
export const COUNTS_PREFIX = 'counts:';
/** Before the keys of a counting run's packed records (DocumentCache.packedKey): not a document of its own. */
export const PACKED_PREFIX = 'packed:';
/** Packed bytes per chunk of a run's records: what a run holds in memory to pack them, and a value LMDB writes whole. */
const PACK_BYTES = 8 << 20;
/** Written after a clean run: the data file as it was left, so the next run can skip the full check. */
const STAMP_FILE = 'checked';
const DATA_FILE = 'data.mdb';
/** The pages fetched from the web (src/io/fetch.ts), kept beside the documents' results. */
export const FETCHED_FOLDER = 'fetched';
const LOCK_FILE = 'lock.mdb';
/** Documents, or bytes, written in one transaction. */
const WRITE_BATCH = 64;
const WRITE_BATCH_BYTES = 4 << 20;
/** How long LMDB may take to open (a path on a hung mount, a special file) before the run goes on without it. */
const OPEN_BUDGET_MS = 5000;
/** The full check's time on top of that, per byte of cache (20 MB/s, slower than any disk it could be on). */
const CHECK_MS_PER_BYTE = 1 / 20_000;

export class DocumentCache {
  /** The first thing that went wrong with the cache in this thread, in words; the caller reports it. */
  problem?: string;
  /** Set when the cache failed to read or write: it is no longer used in this thread. */
  private broken = false;
  private pending: Array<[string, Buffer]> = [];
  private pendingBytes = 0;

  private constructor(private readonly db: RootDatabase<Buffer, string>, readonly location: string, private readonly config: string) {}

  /**
   * Opens LMDB at `location`, which openCache has checked in this process (a worker thread relies on the main
   * thread's check). Throws when LMDB cannot open it.
   */
  static attach(location: string, options: PipelineOptions, empty = false): DocumentCache {
    // noSubdir: false, or lmdb takes a folder name with a dot ("my.cache") for a file name. No compression:
    // lmdb prints undecodable compressed values to stderr; values are sealed and checked here instead.
    const db = loadLmdb().open<Buffer, string>({ path: location, encoding: 'binary', compression: false, noSubdir: false });
    const cache = new DocumentCache(db, location, configHash(options));
    // Emptied inside LMDB, not by removing its files: another process may have them open.
    if (empty) db.clearSync();
    if (!db.get(FORMAT_KEY)) db.putSync(FORMAT_KEY, FORMAT);
    return cache;
  }

  /**
   * The key of a document: its content (and the day of its file time, which bounds plausible dates, and which
   * of its lines are its site's template) under this configuration.
   */
  key(content: string, mtime?: Date, templates: number[] = []): string {
    return createHash('sha256').update(this.config).update('\0').update(mtime ? mtime.toISOString().slice(0, 10) : '').update('\0').update(templates.join(','))
      .update('\0').update(content).digest('base64url');
  }

  /** The records stored under `key`; undefined when there are none or they fail their checksum (then they are recomputed). */
  get(key: string): MineRecord[] | undefined {
    return this.read(key) as MineRecord[] | undefined;
  }

  put(key: string, records: MineRecord[]): void {
    this.write(key, seal(records));
  }

  /**
   * A document's records as counting commands take them (no body, no mention offsets; see JobSettings.countsOnly),
   * kept beside the full ones: a rerun of such a command reads and parses a fraction of the bytes.
   */
  getCounts(key: string, adds: CountsAdds): MineRecord[] | undefined {
    return this.get(countsKey(key, adds));
  }

  putCounts(key: string, adds: CountsAdds, records: MineRecord[]): void {
    this.write(countsKey(key, adds), seal(records));
  }

  /**
   * The key of a whole run's inputs: every file's path, size, modification and change times and inode, in order.
   * A run over the same unchanged files can then take every document from the cache without reading one. As for
   * git, these stand for the content: an edit that keeps the size and sets the modification time back still
   * changes the change time, which no one can set, and a file put in place of another has its own inode.
   */
  runKey(files: InputFile[], extra: string): string {
    const hash = createHash('sha256').update(this.config).update('\0run\0').update(extra);
    for (const f of files) hash.update(`\0${f.file}\0${f.size}\0${f.mtimeMs}\0${f.ctimeMs}\0${f.ino}`);
    return `run:${hash.digest('base64url')}`;
  }

  /** The document keys (and sizes) of a run recorded by putRun. */
  getRun(key: string): Array<[string, number]> | undefined {
    return this.read(key) as Array<[string, number]> | undefined;
  }

  putRun(key: string, documents: Array<[string, number]>): void {
    this.write(key, seal(documents));
  }

  /**
   * Where a counting run keeps its documents' records packed (pack.ts), a chunk of documents per value, so that a
   * rerun reads and decodes a few values instead of one per document. Keyed by the input paths, not their sizes and
   * times: a corpus's next state takes the place of the last one instead of adding to the cache.
   */
  packedKey(files: string[], extra: string, adds: CountsAdds): string {
    const hash = createHash('sha256').update(this.config).update('\0packed\0').update(extra).update('\0').update(countsKey('', adds));
    for (const file of files) hash.update(`\0${file}`);
    return `${PACKED_PREFIX}${hash.digest('base64url')}`;
  }

  /**
   * The records of the documents of run `run` packed from document `first` on, one array per document, decoded as
   * they are taken; undefined when there are none.
   */
  getPacked(packed: string, run: string, first: number): Iterable<MineRecord[]> | undefined {
    const bytes = this.readBytes(`${packed}:${first}`);
    if (!bytes) return undefined;
    try {
      const values = unpack(bytes);
      // A chunk of another state of the same files, or of another chunking of it, is not this one.
      if (values.next().value === run && values.next().value === first) return this.decoded(values as Iterator<MineRecord[]>);
    } catch {
      this.problem ??= DAMAGED;
    }
    return undefined;
  }

  /** The values of an unpacking, up to any that fails to decode (the checksum passed, so it never should). */
  private *decoded<T>(values: Iterator<T>): Generator<T> {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = values.next();
      } catch {
        this.problem ??= DAMAGED;
        return;
      }
      if (next.done) return;
      yield next.value;
    }
  }

  /** Packs the records of a run's documents from document `first` on, given one document at a time; `finish` writes the last chunk. */
  packRun(packed: string, run: string, first: number, chunkBytes = PACK_BYTES): { add(records: MineRecord[]): void; finish(): void } {
    let chunk: Packer | undefined;
    let documents = 0;
    const write = () => {
      if (!chunk) return;
      this.write(`${packed}:${first}`, sealBytes(chunk.bytes()));
      first += documents;
      chunk = undefined;
      documents = 0;
    };
    return {
      add: (records) => {
        if (!chunk) {
          chunk = new Packer();
          chunk.add(run);
          chunk.add(first);
        }
        chunk.add(records);
        documents++;
        if (chunk.size >= chunkBytes) write();
      },
      finish: write,
    };
  }

  /** Writes what is pending and closes; a failure is kept in `problem`. */
  async close(): Promise<void> {
    this.flush();
    try {
      await this.db.close();
    } catch (error) {
      this.fail(error);
    }
  }

  private read(key: string): unknown {
    const bytes = this.readBytes(key);
    if (!bytes) return undefined;
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      this.problem ??= DAMAGED;
      return undefined;
    }
  }

  /** The bytes sealed under `key`, when they pass their checksum. */
  private readBytes(key: string): Buffer | undefined {
    if (this.broken) return undefined;
    let stored: Buffer | undefined;
    try {
      stored = this.db.get(key);
    } catch (error) {
      this.fail(error);
      return undefined;
    }
    if (!stored) return undefined;
    const bytes = unsealBytes(stored);
    if (bytes === undefined) this.problem ??= DAMAGED;
    return bytes;
  }

  /**
   * Writes go in batches, each a synchronous transaction: a failure (a full disk) is then an exception here,
   * where lmdb's asynchronous writes would print it to stderr themselves.
   */
  private write(key: string, sealed: Buffer): void {
    if (this.broken) return;
    this.pending.push([key, sealed]);
    this.pendingBytes += sealed.length;
    if (this.pending.length >= WRITE_BATCH || this.pendingBytes >= WRITE_BATCH_BYTES) this.flush();
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    if (this.broken || batch.length === 0) return;
    try {
      this.db.transactionSync(() => {
        for (const [key, sealed] of batch) this.db.putSync(key, sealed);
      });
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.broken = true;
    this.problem ??= `${lmdbError(error)}; going on without it`;
  }
}

/** An input file as a run's key takes it. */
export interface InputFile {
  file: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What a counting run adds to each record (see JobSettings.quotes and .tone): its records are kept under it. */
export interface CountsAdds {
  quotes?: boolean | 'speakers';
  tone?: boolean;
}

function countsKey(key: string, adds: CountsAdds): string {
  return `${COUNTS_PREFIX}${adds.quotes === 'speakers' ? 's' : adds.quotes ? 'q' : ''}${adds.tone ? 't' : ''}:${key}`;
}

/** A value as stored: the SHA-1 of its JSON, then the JSON. */
export function seal(value: unknown): Buffer {
  return sealBytes(Buffer.from(JSON.stringify(value)));
}

function sealBytes(bytes: Buffer): Buffer {
  return Buffer.concat([createHash('sha1').update(bytes).digest(), bytes]);
}

const SUM_BYTES = 20;

/** The value of a sealed buffer, or undefined when its checksum does not match (a damaged record is never trusted). */
export function unseal(stored: Uint8Array): unknown {
  const json = unsealBytes(stored);
  if (!json) return undefined;
  try {
    return JSON.parse(json.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The bytes of a sealed buffer, or undefined when they fail their checksum. */
export function unsealBytes(stored: Uint8Array): Buffer | undefined {
  const buffer = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (buffer.length <= SUM_BYTES) return undefined;
  const bytes = buffer.subarray(SUM_BYTES);
  return createHash('sha1').update(bytes).digest().equals(buffer.subarray(0, SUM_BYTES)) ? bytes : undefined;
}

export interface Opened {
  /** The cache, or undefined when the run goes on without one. */
  cache?: DocumentCache;
  /** What was wrong, for one warning (the cache may still be there, rebuilt). */
  problem?: string;
}

/**
 * Opens the cache at `location` for a run, never throwing: the location and the data file's header are checked
 * before LMDB maps the file (LMDB trusts it, and a damaged one can crash the process); unless the file is as a
 * clean run left it, LMDB first opens it in a child process that reads every record (a crash there is a damaged
 * cache, not a dead run), within a time budget. A damaged cache is moved aside and rebuilt.
 */
export async function openCache(location: string, options: PipelineOptions): Promise<Opened> {
  const check = await checkCache(location);
  if (check.kind === 'unusable') return { problem: `${check.problem}; going on without it` };
  let problem: string | undefined;
  if (check.kind === 'damaged') {
    const aside = `${location}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      fs.renameSync(location, aside);
      fs.mkdirSync(location);
    } catch (error) {
      return { problem: `${check.problem}; could not move it aside (${describeFsError(error)}); going on without it` };
    }
    problem = `${check.problem}; moved to ${aside} and rebuilt`;
  }
  try {
    return { cache: DocumentCache.attach(location, options, check.kind === 'stale'), problem };
  } catch (error) {
    return { problem: `${lmdbError(error)}; going on without it` };
  }
}

export type Check =
  | { kind: 'ok'; documents?: number }
  | { kind: 'empty' }
  /** Written by an older mine: emptied, not reported. */
  | { kind: 'stale' }
  | { kind: 'damaged'; problem: string }
  /** Not a place a cache can be (a file, no permission, a hung path): the run goes on without it. */
  | { kind: 'unusable'; problem: string };

/** What state the cache at `location` is in; `full`: read every record even when a clean run left it as it is. */
export async function checkCache(location: string, full = false): Promise<Check> {
  try {
    makeFolder(location);
    if (!fs.statSync(location).isDirectory()) return { kind: 'unusable', problem: 'not a folder' };
    for (const name of [DATA_FILE, LOCK_FILE]) {
      const stat = statOrUndefined(path.join(location, name));
      if (stat && !stat.isFile()) return { kind: 'unusable', problem: `${name} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}` };
    }
  } catch (error) {
    return { kind: 'unusable', problem: describeFsError(error) };
  }
  const data = path.join(location, DATA_FILE);
  const size = statOrUndefined(data)?.size ?? 0;
  if (size > 0) {
    const damage = headerProblem(data, size);
    if (damage) return { kind: 'damaged', problem: damage };
  }
  if (!full && size > 0 && readStamp(location) === dataStamp(location)) return { kind: 'ok' };
  return checkInChild(location, size);
}

/** Creates `dir` and its missing parents, one by one: Node's recursive mkdir spins forever on some paths under /proc. */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d) && d !== path.dirname(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (error) {
      // Another run on the same new cache may make it at the same moment.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(d).isDirectory()) throw error;
    }
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function readStamp(location: string): string | undefined {
  try {
    return fs.readFileSync(path.join(location, STAMP_FILE), 'utf8');
  } catch {
    return undefined;
  }
}

/** The data file's identity: size, times and inode (ctime changes on any write, and cannot be set back). */
function dataStamp(location: string): string | undefined {
  const stat = statOrUndefined(path.join(location, DATA_FILE));
  return stat && `${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}`;
}

/**
 * After a run: `clean` (nothing went wrong with the cache anywhere in it) stamps the data file as checked, so the
 * next run opens it without the full check; otherwise the stamp goes and the next run checks every record.
 */
export function stampCache(location: string, clean: boolean): void {
  const stamp = path.join(location, STAMP_FILE);
  try {
    if (clean) fs.writeFileSync(stamp, dataStamp(location) ?? '');
    else fs.rmSync(stamp, { force: true });
  } catch {
    // Without a stamp the next run checks the cache in full; nothing is lost.
  }
}

/** Empties the cache by removing its files: works whatever state they are in. */
export function clearCache(location: string): void {
  for (const name of [DATA_FILE, LOCK_FILE, STAMP_FILE]) fs.rmSync(path.join(location, name), { force: true });
  fs.rmSync(path.join(location, FETCHED_FOLDER), { recursive: true, force: true });
}

// An LMDB data file starts with two meta pages (the newer one is used). Each holds, after a page header, the
// magic number, the page size (in the free-list database's pad field), the last page used and the roots.
const META_OFFSET = 24;
const MAGIC = 0xbeefc0de;
const MIN_PAGE = 512;
const MAX_PAGE = 65536;

/** What is wrong with an LMDB data file's header, or undefined: a file LMDB would read past the end of, or not LMDB's. */
export function headerProblem(file: string, size: number): string | undefined {
  const head = Buffer.alloc(Math.min(size, 2 * MAX_PAGE));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const pageSize = head.length >= META_OFFSET + 32 ? head.readUInt32LE(META_OFFSET + 24) : 0;
  if (head.length < META_OFFSET + 32 || head.readUInt32LE(META_OFFSET) !== MAGIC || pageSize < MIN_PAGE || pageSize > MAX_PAGE || (pageSize & (pageSize - 1)) !== 0) {
    return `${DATA_FILE} is not an LMDB file`;
  }
  const pages = Math.floor(size / pageSize);
  if (pages < 2) return `${DATA_FILE} is cut short (${size} bytes)`;
  for (const meta of [META_OFFSET, pageSize + META_OFFSET]) {
    if (head.length < meta + 136 || head.readUInt32LE(meta) !== MAGIC) return `${DATA_FILE} is not an LMDB file`;
    const lastPage = head.readBigUInt64LE(meta + 120);
    const roots = [head.readBigUInt64LE(meta + 64), head.readBigUInt64LE(meta + 112)];
    if (lastPage >= BigInt(pages) || roots.some((root) => root !== 0xffffffffffffffffn && root > lastPage)) {
      return `${DATA_FILE} is cut short (${size} bytes, its pages need more)`;
    }
  }
  return undefined;
}

/**
 * Runs cache-check.js on `location` in a child process: it opens LMDB, says so, then reads and checks every
 * record. Its stderr (LMDB's own messages) is kept, never shown.
 */
function checkInChild(location: string, size: number): Promise<Check> {
  const script = fileURLToPath(new URL('./cache-check.js', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, location], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let settled = false;
    const finish = (check: Check) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(check);
    };
    const expire = (what: string) => {
      child.kill('SIGKILL');
      finish({ kind: 'unusable', problem: what });
    };
    let timer = setTimeout(() => expire(`did not open within ${OPEN_BUDGET_MS / 1000} s`), OPEN_BUDGET_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!out.includes('\n') && (out + chunk).includes('\n')) {
        clearTimeout(timer);
        timer = setTimeout(() => expire('took too long to check'), OPEN_BUDGET_MS + size * CHECK_MS_PER_BYTE);
      }
      out += chunk;
    });
    child.stderr.resume();
    child.on('error', (error) => finish({ kind: 'unusable', problem: `could not be checked (${error.message})` }));
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').pop() ?? '';
      // A crash (a signal) is LMDB's on a damaged file; another failure is not the file's doing.
      if (code === 0 && last.startsWith('{')) finish(JSON.parse(last) as Check);
      else if (signal) finish({ kind: 'damaged', problem: `LMDB crashed (${signal}) reading it` });
      else finish({ kind: 'unusable', problem: `could not be checked (exit ${code})` });
    });
  });
}

/** LMDB's error codes that mean its files are damaged, in words. */
export const LMDB_DAMAGE: Array<[string, string]> = [
  ['MDB_CORRUPTED', 'a page is corrupted'],
  ['MDB_PAGE_NOTFOUND', 'a page is missing'],
  ['MDB_INVALID', 'not an LMDB file'],
  ['MDB_VERSION_MISMATCH', 'written by another LMDB version'],
  ['MDB_BAD_TXN', 'a transaction is inconsistent'],
  ['MDB_BAD_VALSIZE', 'a value has an impossible size'],
  ['MDB_BAD_RSLOT', 'the lock file is inconsistent'],
  ['MDB_PANIC', 'LMDB gave up on it'],
];

/** A plain description of an error from LMDB: its code in words, without LMDB's own wording of paths. */
export function lmdbError(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code && /^E[A-Z]+$/.test(code)) return describeFsError(error);
  if (/MDB_MAP_FULL|No space left|ENOSPC/i.test(message)) return 'no space left (the disk or the cache size limit)';
  if (/Input\/output error/.test(message)) return 'input/output error (is the disk full?)';
  if (/Permission denied|EACCES|EPERM|read-only/i.test(message)) return 'permission denied';
  if (/Is a directory/i.test(message)) return 'a file in it is a folder';
  for (const [code, words] of LMDB_DAMAGE) if (message.includes(code)) return `damaged (${words})`;
  return message.split('\n')[0]!.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 200);
}

let codeHash: string | null = null;

/**
 * Everything that changes a document's records: the options, a user gazetteer, and the code and data of
 * this installation (hashed, so an upgrade or a rebuild never serves stale results).
 */
function configHash(options: PipelineOptions): string {
  if (!codeHash) {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const hash = createHash('sha256');
    for (const dir of ['dist/src', 'data']) for (const file of listFiles(path.join(root, dir))) hash.update(file).update(fs.readFileSync(file));
    codeHash = hash.digest('hex');
  }
  return createHash('sha256').update(codeHash).update(JSON.stringify(options)).digest('hex');
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
