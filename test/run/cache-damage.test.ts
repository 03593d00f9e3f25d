// The cache is only a cache: damaged, in a bad place, on a full disk or shared by two processes, a run still
// exits 0 or 1 with one warning naming it, prints what an uncached run prints byte for byte, never crashes
// (exit 134, 135, 139) and never hangs (a run still going after HANG_MS is killed, and fails its test).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mineAsync, mulberry32, SAMPLES, tempDir, type TimedRun } from '../helpers.js';

const pages = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).slice(0, 3).map((f) => path.join(SAMPLES, f));
const command = (cache: string) => ['entities', '--cache', cache, ...pages];
/** Far beyond a run over three pages (about a second), however busy the machine. */
const HANG_MS = 60_000;
const cached = (cache: string, options: Parameters<typeof mineAsync>[1] = {}) => mineAsync(command(cache), { killAfterMs: HANG_MS, ...options });

let uncachedRun: Promise<TimedRun> | undefined;

/** The uncached run, made once: every run on a cache in whatever state must print the same. */
async function reference(): Promise<TimedRun> {
  uncachedRun ??= mineAsync(['entities', ...pages]);
  const run = await uncachedRun;
  assert.equal(run.status, 0, run.stderr);
  return run;
}

let firstBuilt: Promise<string> | undefined;

/**
 * A cache as one run over the pages leaves it, at `cache`; returns its data file. The run is made once and its
 * cache copied: every test starts from the same files, without finding the pages' entities again.
 */
async function builtCache(cache: string): Promise<string> {
  firstBuilt ??= (async () => {
    const original = path.join(tempDir(), 'cache');
    const first = await mineAsync(command(original));
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    return original;
  })();
  fs.cpSync(await firstBuilt, cache, { recursive: true });
  return path.join(cache, 'data.mdb');
}

/** A run on a cache in a bad state: right output, a warning naming the cache (when `warns`), no crash, no hang. */
async function assertSurvives(cache: string, warns: boolean, run?: TimedRun, options: Parameters<typeof mineAsync>[1] = {}): Promise<TimedRun> {
  const ref = await reference();
  run ??= await cached(cache, options);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status} (signal ${run.signal}): ${run.stderr}`);
  assert.equal(run.stdout, ref.stdout);
  if (warns) {
    const lines = run.stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, new RegExp(`^mine: cache ${cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  } else {
    assert.equal(run.stderr, '');
  }
  assert.doesNotMatch(run.stderr, /MDB_|lmdb|internal error|Error:/);
  return run;
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, offset);
  fs.closeSync(fd);
}

function randomBytes(n: number, seed: number): Buffer {
  const random = mulberry32(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
}

const PAGE = 4096;

const DAMAGE: Array<[string, (data: string) => void]> = [
  ['truncated to 4096 bytes', (data) => fs.truncateSync(data, 4096)],
  ['truncated to 8192 bytes', (data) => fs.truncateSync(data, 8192)],
  ['truncated to half its size', (data) => fs.truncateSync(data, Math.floor(fs.statSync(data).size / 2))],
  ['replaced by a line of text', (data) => fs.writeFileSync(data, 'not an lmdb file\n')],
  ['random bytes over the first 16 KB', (data) => overwrite(data, 0, randomBytes(16384, 1))],
  [
    'every other page zeroed from page 4',
    (data) => {
      for (let page = 4; page * PAGE < fs.statSync(data).size; page += 2) overwrite(data, page * PAGE, Buffer.alloc(PAGE));
    },
  ],
  ['random bytes mid-file', (data) => overwrite(data, Math.floor(fs.statSync(data).size / 2), randomBytes(8192, 2))],
  ['random bytes over every page from page 2', (data) => overwrite(data, 2 * PAGE, randomBytes(fs.statSync(data).size - 2 * PAGE, 3))],
];

for (const [name, damage] of DAMAGE) {
  test(`a cache whose data file is ${name} is moved aside and rebuilt, with the uncached output`, async () => {
    const cache = path.join(tempDir(), 'cache');
    damage(await builtCache(cache));
    await assertSurvives(cache, true);
    const aside = fs.readdirSync(path.dirname(cache)).filter((f) => f.startsWith('cache.broken-'));
    assert.equal(aside.length, 1);
    // Rebuilt: the next run is quiet and right, and verify finds it sound.
    await assertSurvives(cache, false);
    const verify = spawnSync(process.execPath, ['bin/mine.js', 'cache', 'verify', '--cache', cache], { encoding: 'utf8' });
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /ok, 3 cached documents checked/);
  });
}

test('a stale lock (a run killed mid-write, then a lock file of junk) changes nothing', async () => {
  const cache = path.join(tempDir(), 'cache');
  await builtCache(cache);
  await mineAsync(['ner', '--json', '--cache', cache, SAMPLES], { started: (child) => setTimeout(() => child.kill('SIGKILL'), 700) });
  await assertSurvives(cache, false);
  fs.writeFileSync(path.join(cache, 'lock.mdb'), randomBytes(8272, 4));
  const run = await assertSurvives(cache, false);
  assert.equal(run.stderr, '');
});

test('two processes at once on one cache, new and then damaged, both print the uncached output', async () => {
  const cache = path.join(tempDir(), 'cache');
  const uncached = await reference();
  const pair = () => Promise.all([cached(cache), cached(cache)]);
  const runs = await pair();
  fs.truncateSync(path.join(cache, 'data.mdb'), 8192);
  const afterDamage = await pair();
  for (const run of [...runs, ...afterDamage]) {
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, uncached.stdout);
    assert.doesNotMatch(run.stderr, /MDB_|lmdb|internal error|Error:/);
  }
  assert.equal(runs[0]!.stderr + runs[1]!.stderr, '');
  assert.match(afterDamage[0]!.stderr + afterDamage[1]!.stderr, /^mine: cache .*: data\.mdb is cut short/m);
});

test('bad cache locations give a warning and the uncached output: a file, a folder for data.mdb, a FIFO, a path under /proc', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'file');
  fs.writeFileSync(file, 'x');
  assert.match((await assertSurvives(file, true)).stderr, /not a folder; going on without it/);
  fs.mkdirSync(path.join(dir, 'folder', 'data.mdb'), { recursive: true });
  assert.match((await assertSurvives(path.join(dir, 'folder'), true)).stderr, /data\.mdb is a folder/);
  fs.mkdirSync(path.join(dir, 'fifo'));
  if (spawnSync('mkfifo', [path.join(dir, 'fifo', 'data.mdb')]).status === 0) {
    assert.match((await assertSurvives(path.join(dir, 'fifo'), true)).stderr, /data\.mdb is not a regular file/);
  }
  assert.match((await assertSurvives('/proc/self/mine-cache', true)).stderr, /no such file or folder/);
});

/** Runs `body` with a tmpfs of `size` mounted on a fresh folder (root only); false when it cannot be mounted. */
async function withTmpfs(size: string, body: (dir: string) => Promise<void>, readOnlyAfter?: (dir: string) => Promise<void>): Promise<boolean> {
  const dir = path.join(tempDir(), 'mount');
  fs.mkdirSync(dir);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return false;
  try {
    await body(dir);
    if (readOnlyAfter) {
      assert.equal(spawnSync('mount', ['-o', 'remount,ro', dir]).status, 0);
      await readOnlyAfter(dir);
    }
  } finally {
    spawnSync('umount', [dir]);
  }
  return true;
}

test('a full disk (a 32 KB tmpfs) gives a warning and the uncached output, run after run', async (t) => {
  const mounted = await withTmpfs('32k', async (dir) => {
    const cache = path.join(dir, 'cache');
    for (let i = 0; i < 2; i++) assert.match((await assertSurvives(cache, true)).stderr, /input\/output error|no space left/);
  });
  if (!mounted) t.skip('cannot mount a tmpfs here (not root)');
});

test('a read-only cache, and a new cache on a read-only file system, give a warning and the uncached output', async (t) => {
  const mounted = await withTmpfs(
    '4m',
    async (dir) => void (await builtCache(path.join(dir, 'cache'))),
    async (dir) => {
      assert.match((await assertSurvives(path.join(dir, 'cache'), true)).stderr, /permission denied|read-only/);
      assert.match((await assertSurvives(path.join(dir, 'new'), true)).stderr, /read-only/);
    },
  );
  if (!mounted) t.skip('cannot mount a tmpfs here (not root)');
});

test('a cache folder the user may not enter gives a warning and the uncached output', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to run mine as another user');
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'locked'), { mode: 0o700 });
  fs.chmodSync(dir, 0o755);
  const cache = path.join(dir, 'locked', 'cache');
  const probe = spawnSync(process.execPath, ['bin/mine.js', '--version'], { uid: 65534, gid: 65534 });
  if (probe.status !== 0) return t.skip('the project is not readable by another user here');
  const run = await assertSurvives(cache, true, undefined, { uid: 65534, gid: 65534 });
  assert.match(run.stderr, /permission denied; going on without it/);
});

test('mine cache verify names the damage and exits 1; mine cache clear removes a damaged cache', async () => {
  const cache = path.join(tempDir(), 'cache');
  fs.truncateSync(await builtCache(cache), 8192);
  const cacheCommand = (action: string) => spawnSync(process.execPath, ['bin/mine.js', 'cache', action, '--cache', cache], { encoding: 'utf8' });
  const verify = cacheCommand('verify');
  assert.equal(verify.status, 1);
  assert.match(verify.stdout, /: damaged: data\.mdb is cut short/);
  assert.equal(cacheCommand('clear').status, 0);
  assert.match(cacheCommand('verify').stdout, /: ok, 0 cached documents checked/);
  assert.equal(fs.readdirSync(path.dirname(cache)).filter((f) => f.includes('broken')).length, 0);
});
