// The document cache: each document's records keyed by content hash and by everything that changes them,
// in LMDB (crash-safe, shared safely by concurrent processes).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { open, type RootDatabase } from 'lmdb';
import type { PipelineOptions } from '../pipeline.js';
import type { MineRecord } from '../types.js';

/** `$XDG_CACHE_HOME/mine` (or `~/.cache/mine`). */
export function defaultCachePath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'mine');
}

export class DocumentCache {
  private constructor(private readonly db: RootDatabase<MineRecord[], string>, readonly location: string, private readonly config: string) {}

  /** Opens (creating) the cache at `location` for results computed with `options`. */
  static open(location: string, options: PipelineOptions): DocumentCache {
    fs.mkdirSync(location, { recursive: true });
    // noSubdir: false, or lmdb takes a folder name with a dot ("my.cache") for a file name.
    const db = open<MineRecord[], string>({ path: location, compression: true, noSubdir: false });
    return new DocumentCache(db, location, configHash(options));
  }

  /**
   * The key of a document: its content (and the day of its file time, which bounds plausible dates, and which
   * of its lines are its site's template) under this configuration.
   */
  key(content: string, mtime?: Date, templates: number[] = []): string {
    return createHash('sha256').update(this.config).update('\0').update(mtime ? mtime.toISOString().slice(0, 10) : '').update('\0').update(templates.join(','))
      .update('\0').update(content).digest('base64url');
  }

  get(key: string): MineRecord[] | undefined {
    return this.db.get(key);
  }

  /**
   * The key of a whole run's inputs: every file's path, size and modification time, in order. A run over
   * the same unchanged files can then take every document from the cache without reading one.
   */
  runKey(files: Array<{ file: string; size: number; mtimeMs: number }>, extra: string): string {
    const hash = createHash('sha256').update(this.config).update('\0run\0').update(extra);
    for (const f of files) hash.update(`\0${f.file}\0${f.size}\0${f.mtimeMs}`);
    return `run:${hash.digest('base64url')}`;
  }

  /** The document keys (and sizes) of a run recorded by putRun. */
  getRun(key: string): Array<[string, number]> | undefined {
    return this.db.get(key) as unknown as Array<[string, number]> | undefined;
  }

  putRun(key: string, documents: Array<[string, number]>): void {
    void this.db.put(key, documents as unknown as MineRecord[]);
  }

  put(key: string, records: MineRecord[]): void {
    void this.db.put(key, records);
  }

  async close(): Promise<void> {
    await this.db.flushed;
    await this.db.close();
  }

  stats(): { entries: number; bytes: number } {
    let bytes = 0;
    for (const f of fs.readdirSync(this.location)) bytes += fs.statSync(path.join(this.location, f)).size;
    let entries = 0;
    for (const key of this.db.getKeys()) if (!key.startsWith('run:')) entries++;
    return { entries, bytes };
  }

  async clear(): Promise<void> {
    await this.db.clearAsync();
  }
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
