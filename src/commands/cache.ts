// mine cache stats|clear: what the document cache holds, and emptying it.
import fs from 'node:fs';
import { UsageError } from '../errors.js';
import { formatBytes } from '../io/read.js';
import { DocumentCache, defaultCachePath } from '../run/cache.js';

export async function runCacheCommand(action: string, options: { cache?: string }): Promise<string> {
  const location = options.cache ?? defaultCachePath();
  if (action !== 'stats' && action !== 'clear') throw new UsageError(`cache: unknown action '${action}' (stats or clear)`);
  if (!fs.existsSync(location)) return `${location}: no cache yet\n`;
  const cache = DocumentCache.open(location, { stage: 'extract' });
  try {
    if (action === 'clear') {
      const { entries } = cache.stats();
      await cache.clear();
      return `${location}: removed ${entries} cached documents\n`;
    }
    const { entries, bytes } = cache.stats();
    return `${location}: ${entries} cached documents, ${formatBytes(bytes)} on disk\n`;
  } finally {
    await cache.close();
  }
}
