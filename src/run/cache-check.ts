// Run by checkCache (src/run/cache.ts) in a child process: opens the LMDB cache named by the argument, says so
// on stdout, reads and checks every record, writes and removes one, and prints its verdict (a Check) as a JSON
// line. LMDB crashing on a damaged file ends only this process; its messages go to a stderr nobody shows.
import { open } from 'lmdb';
import { COUNTS_PREFIX, FORMAT, FORMAT_KEY, LMDB_DAMAGE, lmdbError, PACKED_PREFIX, unseal, unsealBytes, type Check } from './cache.js';

const location = process.argv[2]!;
const PROBE_PREFIX = 'check:write:';

function verdict(check: Check): void {
  process.stdout.write(`${JSON.stringify(check)}\n`);
}

/** Damaged files, or a place the cache cannot be used in (no permission, a read-only file system). */
function failed(error: unknown): Check {
  const message = String((error as Error)?.message);
  return { kind: LMDB_DAMAGE.some(([code]) => message.includes(code)) ? 'damaged' : 'unusable', problem: lmdbError(error) };
}

let db;
try {
  db = open<Buffer, string>({ path: location, encoding: 'binary', compression: false, noSubdir: false });
} catch (error) {
  verdict(failed(error));
  process.exit(0);
}
process.stdout.write('opened\n');
try {
  let entries = 0;
  let documents = 0;
  let bad = 0;
  for (const { key, value } of db.getRange()) {
    // Another process's check may be writing its probe now; it is not a record.
    if (typeof key === 'string' && key.startsWith(PROBE_PREFIX)) continue;
    entries++;
    if (key === FORMAT_KEY) continue;
    const packed = typeof key === 'string' && key.startsWith(PACKED_PREFIX);
    if ((packed ? unsealBytes(value) : unseal(value)) === undefined) bad++;
    else if (typeof key !== 'string' || !(packed || key.startsWith('run:') || key.startsWith(COUNTS_PREFIX))) documents++;
  }
  const format = db.get(FORMAT_KEY);
  // A write goes through the free list, which reads alone never touch.
  const probe = `${PROBE_PREFIX}${process.pid}`;
  db.putSync(probe, FORMAT);
  db.removeSync(probe);
  await db.close();
  if (entries > 0 && !(format && FORMAT.equals(format))) verdict({ kind: 'stale' });
  else if (bad > 0) verdict({ kind: 'damaged', problem: `${bad} stored record(s) failed their checksum` });
  else verdict(entries === 0 ? { kind: 'empty' } : { kind: 'ok', documents });
} catch (error) {
  verdict(failed(error));
}
