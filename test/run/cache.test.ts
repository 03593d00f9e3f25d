// The cache's own checks: sealed records, the data file's header, and the states openCache finds a cache in.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkCache, DocumentCache, headerProblem, openCache, seal, stampCache, unseal } from '../../src/run/cache.js';
import type { MineRecord } from '../../src/types.js';
import { tempDir } from '../helpers.js';

const record = (text: string): MineRecord => ({ id: 'a1', file: 'page.txt', title: 'A title', published: null, author: null, source: null, site: null, tags: [], paragraphs: [text], text, words: 2 });

test('a sealed value comes back as it was; any changed byte, or a cut, makes it fail', () => {
  const sealed = seal([record('Some text.')]);
  assert.deepEqual(unseal(sealed), [record('Some text.')]);
  for (let i = 0; i < sealed.length; i += 7) {
    const damaged = Buffer.from(sealed);
    damaged[i] ^= 0x20;
    assert.equal(unseal(damaged), undefined, `byte ${i}`);
  }
  assert.equal(unseal(sealed.subarray(0, sealed.length - 1)), undefined);
  assert.equal(unseal(Buffer.alloc(0)), undefined);
});

/** A cache with `n` documents, closed and stamped as a run leaves it. */
async function filledCache(n: number): Promise<{ location: string; keys: string[] }> {
  const location = path.join(tempDir(), 'cache');
  const { cache, problem } = await openCache(location, { stage: 'extract' });
  assert.equal(problem, undefined);
  const keys = Array.from({ length: n }, (_, i) => cache!.key(`page ${i}`));
  keys.forEach((key, i) => cache!.put(key, [record(`Marker text number ${i}.`)]));
  await cache!.close();
  stampCache(location, true);
  return { location, keys };
}

test('the header check passes a sound data file and names a cut or foreign one', async () => {
  const { location } = await filledCache(3);
  const data = path.join(location, 'data.mdb');
  const size = fs.statSync(data).size;
  assert.equal(headerProblem(data, size), undefined);
  const copy = path.join(location, 'copy.mdb');
  for (const cut of [4096, 8192, Math.floor(size / 2)]) {
    fs.copyFileSync(data, copy);
    fs.truncateSync(copy, cut);
    assert.match(headerProblem(copy, cut) ?? '', /cut short/, `cut to ${cut}`);
  }
  fs.writeFileSync(copy, 'not an lmdb file\n');
  assert.match(headerProblem(copy, fs.statSync(copy).size) ?? '', /not an LMDB file/);
});

test('a record whose bytes changed on disk is not trusted: get gives nothing and says why', async () => {
  const { location, keys } = await filledCache(3);
  const data = path.join(location, 'data.mdb');
  const bytes = fs.readFileSync(data);
  const at = bytes.indexOf('Marker text number 1.');
  assert.ok(at > 0);
  bytes[at] = 'N'.charCodeAt(0);
  fs.writeFileSync(data, bytes);
  const cache = DocumentCache.attach(location, { stage: 'extract' });
  assert.equal(cache.get(keys[1]!), undefined);
  assert.match(cache.problem ?? '', /checksum/);
  assert.deepEqual(cache.get(keys[0]!), [record('Marker text number 0.')]);
  await cache.close();
  // The full check finds the same damage, whatever the stamp says.
  assert.deepEqual(await checkCache(location, true), { kind: 'damaged', problem: '1 stored record(s) failed their checksum' });
});

test('a cache as a clean run left it opens without the full check; one changed since is checked', async () => {
  const { location } = await filledCache(2);
  assert.deepEqual(await checkCache(location), { kind: 'ok' });
  assert.deepEqual(await checkCache(location, true), { kind: 'ok', documents: 2 });
  stampCache(location, false);
  assert.deepEqual(await checkCache(location), { kind: 'ok', documents: 2 });
});

test('a cache written by an older mine (values not sealed) is emptied, not reported', async () => {
  const location = path.join(tempDir(), 'cache');
  const { open } = await import('lmdb');
  const db = open<unknown, string>({ path: location, compression: true, noSubdir: false });
  await db.put('old-key', [{ text: 'x'.repeat(2000) }]);
  await db.close();
  assert.deepEqual(await checkCache(location), { kind: 'stale' });
  const opened = await openCache(location, { stage: 'extract' });
  assert.equal(opened.problem, undefined);
  await opened.cache!.close();
  assert.deepEqual(await checkCache(location, true), { kind: 'ok', documents: 0 });
});

test("another process's check probe, caught mid-write, is no record: a new cache is empty, not an old one to empty", async () => {
  const location = path.join(tempDir(), 'cache');
  const { open } = await import('lmdb');
  const db = open<Buffer, string>({ path: location, encoding: 'binary', compression: false, noSubdir: false });
  db.putSync('check:write:12345', Buffer.from('probe'));
  await db.close();
  assert.deepEqual(await checkCache(location), { kind: 'empty' });
});

test("a document's records for counting are kept beside the full ones, under what the run adds, and are not documents of their own", async () => {
  const { location, keys } = await filledCache(2);
  const cache = DocumentCache.attach(location, { stage: 'extract' });
  assert.equal(cache.getCounts(keys[0]!, {}), undefined);
  const slim = { ...record(''), paragraphs: [] };
  cache.putCounts(keys[0]!, {}, [slim]);
  await cache.close();
  const reopened = DocumentCache.attach(location, { stage: 'extract' });
  assert.deepEqual(reopened.getCounts(keys[0]!, {}), [slim]);
  // A run that adds quotations to its records (entities) does not take those of one that does not.
  assert.equal(reopened.getCounts(keys[0]!, { quotes: true }), undefined);
  // Nor does a run that takes only who speaks in each quotation (entities) take those of one with whole quotations (quotes).
  reopened.putCounts(keys[0]!, { quotes: true }, [slim]);
  assert.equal(reopened.getCounts(keys[0]!, { quotes: 'speakers' }), undefined);
  assert.deepEqual(reopened.get(keys[0]!), [record('Marker text number 0.')]);
  await reopened.close();
  assert.deepEqual(await checkCache(location, true), { kind: 'ok', documents: 2 });
});

test("a run's packed records come back in order, chunk by chunk, for that run only; a damaged chunk is not taken", async () => {
  const location = path.join(tempDir(), 'cache');
  const { cache } = await openCache(location, { stage: 'extract' });
  const packed = cache!.packedKey(['a.txt', 'b.txt'], 'options', { quotes: 'speakers' });
  // What the run adds to its records, and which files it reads, are in the key.
  assert.notEqual(packed, cache!.packedKey(['a.txt', 'b.txt'], 'options', {}));
  assert.notEqual(packed, cache!.packedKey(['a.txt', 'c.txt'], 'options', { quotes: 'speakers' }));
  const documents = Array.from({ length: 40 }, (_, i) => [record(`Marker text number ${i}.`)]);
  const packer = cache!.packRun(packed, 'run:one', 0, 1000);
  for (const records of documents) packer.add(records);
  packer.finish();
  await cache!.close();
  stampCache(location, true);

  const readBack = (c: DocumentCache) => {
    const read: MineRecord[][] = [];
    let chunks = 0;
    for (let chunk = c.getPacked(packed, 'run:one', 0); chunk; chunk = c.getPacked(packed, 'run:one', read.length), chunks++) {
      read.push(...chunk);
    }
    return { read, chunks };
  };
  const reopened = DocumentCache.attach(location, { stage: 'extract' });
  const { read, chunks } = readBack(reopened);
  assert.deepEqual(read, documents);
  assert.ok(chunks > 1, `${chunks} chunk(s)`);
  assert.equal(reopened.getPacked(packed, 'run:another', 0), undefined);
  assert.equal(reopened.problem, undefined);
  await reopened.close();
  assert.deepEqual(await checkCache(location, true), { kind: 'ok', documents: 0 });

  const data = path.join(location, 'data.mdb');
  const bytes = fs.readFileSync(data);
  // Every copy: the full check's write probe may have left the page's older copy behind.
  let copies = 0;
  for (let at = bytes.indexOf('Marker text number 0.'); at >= 0; at = bytes.indexOf('Marker text number 0.', at + 1), copies++) bytes[at] = 'N'.charCodeAt(0);
  assert.ok(copies > 0);
  fs.writeFileSync(data, bytes);
  const damaged = DocumentCache.attach(location, { stage: 'extract' });
  assert.deepEqual(readBack(damaged), { read: [], chunks: 0 });
  assert.match(damaged.problem ?? '', /checksum/);
  await damaged.close();
  assert.deepEqual(await checkCache(location, true), { kind: 'damaged', problem: '1 stored record(s) failed their checksum' });
});
