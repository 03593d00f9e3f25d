// mine cache stats|verify|clear: what the document cache holds, whether it is sound, and emptying it.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { formatBytes } from '../io/sizes.js';
import { checkCache, clearCache, defaultCachePath } from '../run/cache.js';

export const CACHE_ACTIONS = ['stats', 'verify', 'clear'] as const;

/** The line to print, and whether the cache is sound (verify exits 1 when it is not). */
export async function runCacheCommand(action: string, options: { cache?: string }): Promise<{ text: string; ok: boolean }> {
  const location = options.cache ?? defaultCachePath();
  if (!(CACHE_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`cache: unknown action '${action}' (${CACHE_ACTIONS.join(', ')})`);
  if (!fs.existsSync(location)) return { text: `${location}: no cache yet\n`, ok: true };
  const check = await checkCache(location, true);
  const documents = check.kind === 'ok' ? (check.documents ?? 0) : 0;
  const problem = check.kind === 'damaged' || check.kind === 'unusable' ? check.problem : undefined;
  if (action === 'clear') {
    if (check.kind === 'unusable') return { text: `${location}: ${problem}; nothing removed\n`, ok: false };
    clearCache(location);
    return { text: `${location}: removed ${problem ? `the damaged cache (${problem})` : `${documents} cached documents`}\n`, ok: true };
  }
  if (problem) return { text: `${location}: ${check.kind === 'damaged' ? 'damaged' : 'cannot be used'}: ${problem}\n`, ok: action !== 'verify' };
  const stale = check.kind === 'stale' ? ' (from an older mine: emptied by the next run)' : '';
  const line = action === 'verify' ? `ok, ${documents} cached documents checked${stale}` : `${documents} cached documents, ${formatBytes(diskBytes(location))} on disk${stale}`;
  return { text: `${location}: ${line}\n`, ok: true };
}

function diskBytes(location: string): number {
  return fs.readdirSync(location).reduce((sum, name) => sum + fs.statSync(path.join(location, name)).size, 0);
}
