// A rerun from the cache: the same files give the same output, read from the run's packed records; files edited
// (even to the same size, with their modification time set back), removed, added or renamed since give the
// output of a run without the cache.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mineInProcess, SAMPLES, tempDir } from '../helpers.js';

const pages = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).slice(0, 6);
const DAY = Date.UTC(2024, 0, 2) / 1000;

/** A folder of sample pages, left long enough for a run over it to be recorded (a file changed within a file system tick of the run is not trusted). */
function corpus(): string {
  const dir = tempDir();
  for (const page of pages) {
    fs.copyFileSync(path.join(SAMPLES, page), path.join(dir, page));
    // A time in whole seconds, which a test can set back exactly.
    fs.utimesSync(path.join(dir, page), DAY, DAY);
  }
  settle();
  return dir;
}

function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
}

/** How many chunks of packed records the cache holds. */
async function packedChunks(cache: string): Promise<number> {
  const { open } = await import('lmdb');
  const db = open<Buffer, string>({ path: cache, encoding: 'binary', compression: false, noSubdir: false, readOnly: true });
  const n = [...db.getKeys()].filter((key) => String(key).startsWith('packed:')).length;
  await db.close();
  return n;
}

test('each counting command run twice over the same files prints the same output, the second from the packed run', async () => {
  const dir = corpus();
  const cache = path.join(tempDir(), 'cache');
  const commands = [['entities'], ['timeline', '--entity', 'Russia'], ['cooccur'], ['sources'], ['quotes']];
  for (const [i, command] of commands.entries()) {
    const first = mineInProcess([...command, '--json', '--cache', cache, dir]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(mineInProcess([...command, '--json', '--cache', cache, dir]).stdout, first.stdout, command[0]);
    if (i === 0) assert.equal(await packedChunks(cache), 1);
  }
});

test('a rerun sees a file edited to the same size with its time set back, a removed file, a new one and a renamed one', () => {
  const dir = corpus();
  const cache = path.join(tempDir(), 'cache');
  const run = () => mineInProcess(['entities', '--json', '--cache', cache, dir]).stdout;
  const fresh = () => mineInProcess(['entities', '--json', dir]).stdout;
  const first = run();
  assert.equal(run(), first);

  const edited = path.join(dir, pages[0]!);
  const before = fs.statSync(edited);
  const text = fs.readFileSync(edited, 'utf8');
  assert.match(text, /Lavrov/);
  fs.writeFileSync(edited, text.replaceAll('Lavrov', 'Lavrin'));
  fs.utimesSync(edited, DAY, DAY);
  assert.equal(fs.statSync(edited).size, before.size);
  assert.equal(fs.statSync(edited).mtimeMs, before.mtimeMs);
  const afterEdit = fresh();
  assert.notEqual(afterEdit, first);
  assert.equal(run(), afterEdit, 'same size and time, edited');
  settle();
  assert.equal(run(), afterEdit);

  const changes: Array<[string, () => void]> = [
    ['removed', () => fs.rmSync(path.join(dir, pages[1]!))],
    ['added', () => fs.copyFileSync(path.join(SAMPLES, pages[2]!), path.join(dir, `copy-${pages[2]}`))],
    ['renamed', () => fs.renameSync(path.join(dir, pages[3]!), path.join(dir, `zz-${pages[3]}`))],
  ];
  let last = afterEdit;
  for (const [what, change] of changes) {
    change();
    settle();
    const expected = fresh();
    if (what !== 'renamed') assert.notEqual(expected, last, what);
    assert.equal(run(), expected, what);
    assert.equal(run(), expected, `${what}, again`);
    last = expected;
  }
});
