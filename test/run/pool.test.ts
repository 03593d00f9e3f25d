// The pool runs jobs on worker threads exactly as this thread would: same results, skips named, order kept by the caller.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { JobRunner, type Job, type JobResult, type JobSettings } from '../../src/run/jobs.js';
import { Pool } from '../../src/run/pool.js';
import type { Article, MineRecord } from '../../src/types.js';
import { mineAsync, slowText, tempDir } from '../helpers.js';

const samples = path.resolve('samples');
const files = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => path.join(samples, f));
const settings: JobSettings = { pipeline: { stage: 'ner' }, maxBytes: 1 << 20 };

async function runAll(jobs: number, work: Job[], options = settings): Promise<JobResult[]> {
  const pool = new Pool(options, jobs);
  try {
    return await Promise.all(work.map((job) => pool.run(job)));
  } finally {
    await pool.close();
  }
}

test('file jobs give the same records on two workers as on this thread', async () => {
  const work: Job[] = files.map((file) => ({ kind: 'file', file }));
  const [here, there] = await Promise.all([runAll(1, work), runAll(2, work)]);
  // Results come from the workers as JSON, the form records have in the JSON contract.
  assert.deepEqual(there, JSON.parse(JSON.stringify(here)));
  assert.ok(here.every((r) => r.kind === 'records' && r.records.length === 1 && r.records[0]!.file.startsWith(samples)));
});

test('a file that cannot be read is a skip with its reason, and the other jobs go on', async () => {
  const [missing, found] = await runAll(2, [{ kind: 'file', file: path.join(samples, 'no-such-page.txt') }, { kind: 'file', file: files[0]! }]);
  assert.deepEqual(missing, { kind: 'skipped', reason: 'unreadable', detail: 'no such file or folder' });
  assert.equal(found!.kind, 'records');
});

test('hash jobs give each text dump its long-line hashes, and nothing for a file that is not one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mine-pool-'));
  const html = path.join(dir, 'page.html');
  fs.writeFileSync(html, '<html><body><p>One two three four five six seven eight nine ten.</p></body></html>');
  const [result] = await runAll(2, [{ kind: 'hashes', files: [files[0]!, html, path.join(dir, 'missing.txt')] }]);
  assert.equal(result!.kind, 'hashes');
  const [dump, page, missing] = (result as Extract<JobResult, { kind: 'hashes' }>).hashes;
  assert.ok(dump!.length > 0);
  assert.equal(page, null);
  assert.equal(missing, null);
});

test('counting runs get records without bodies or mention offsets, with the same entity counts', async () => {
  const full = new JobRunner(settings).run({ kind: 'file', file: files[0]! });
  const slim = new JobRunner({ ...settings, countsOnly: true }).run({ kind: 'file', file: files[0]! });
  assert.ok(full.kind === 'records' && slim.kind === 'records');
  const [a, b] = [full.records[0]!, slim.records[0]!] as Array<{ text: string; entities: Array<{ name: string; count: number; mentions: unknown[] }> }>;
  assert.equal(b.text, '');
  assert.ok(a.text.length > 0);
  assert.deepEqual(b.entities.map((e) => [e.name, e.count]), a.entities.map((e) => [e.name, e.count]));
  assert.ok(b.entities.every((e) => e.mentions.length === 0));
});

function article(id: string, text: string): Article {
  return { id, file: `${id}.ndjson`, title: null, published: null, author: null, source: null, site: null, tags: [], paragraphs: text.split('\n\n'), text, words: 0 };
}

/** A record whose entities are already found: counting runs (reuseEntities) hand it back at once. */
function countedRecord(id: string): MineRecord {
  return { ...article(id, 'Some text.'), entities: [] };
}

function outcome(result: PromiseSettledResult<JobResult>): string {
  if (result.status === 'rejected') return `failed: ${(result.reason as Error).message}`;
  return result.value.kind === 'skipped' ? `skipped: ${result.value.reason}` : result.value.kind;
}

test('a document past --timeout is stopped with its worker; the jobs queued behind it run on a new worker', async () => {
  const slow = article('slow', slowText());
  // Two workers: the slow record goes to the first, the quick ones to the second and behind the slow one.
  const pool = new Pool({ pipeline: { stage: 'ner', reuseEntities: true }, maxBytes: 1 << 30, timeoutSeconds: 0.5 }, 2);
  try {
    const work: Job[] = [slow, countedRecord('a'), countedRecord('b'), countedRecord('c')].map((record) => ({ kind: 'record', record }));
    const results = await Promise.allSettled(work.map((job) => pool.run(job)));
    assert.deepEqual(results.map(outcome), ['skipped: too slow', 'records', 'records', 'records']);
    assert.match((results[0] as PromiseFulfilledResult<JobResult & { kind: 'skipped' }>).value.detail, /took over 0\.5 s \(--timeout\)/);
  } finally {
    await pool.close();
  }
});

test('a document done just before one past --timeout, its result not sent yet, is done again and not skipped in its place', async () => {
  const slow = article('slow', slowText());
  // Two workers, jobs sent to the least busy: the first and the slow record go to the first worker, which runs both
  // before it sends the first one's result.
  const pool = new Pool({ pipeline: { stage: 'ner', reuseEntities: true }, maxBytes: 1 << 30, timeoutSeconds: 0.5 }, 2);
  try {
    const work: Job[] = [countedRecord('a'), countedRecord('b'), slow].map((record) => ({ kind: 'record', record }));
    const results = await Promise.allSettled(work.map((job) => pool.run(job)));
    assert.deepEqual(results.map(outcome), ['records', 'records', 'skipped: too slow']);
  } finally {
    await pool.close();
  }
});

test('a document that needs more heap than --max-memory is skipped as out of memory, and the others go on', async () => {
  // 8 MB of distinct paragraphs (each copy's numbered): a page printing the same paragraphs over is not all body.
  const content = [1, 2, 3, 4].map((copy) => slowText().replace(/^(?=\S)/gm, `Copy ${copy}: `)).join('\n\n');
  const big = { kind: 'page', page: { file: 'big.txt', content, format: 'text' } } as const;
  const pool = new Pool({ pipeline: { stage: 'ner' }, maxBytes: 1 << 30, heapLimitMb: 48 }, 2);
  try {
    const results = await Promise.allSettled([big, { kind: 'file', file: files[0]! }, { kind: 'file', file: files[1]! }].map((job) => pool.run(job as Job)));
    assert.deepEqual(results.map(outcome), ['skipped: out of memory', 'records', 'records']);
  } finally {
    await pool.close();
  }
});

test('mine stops a record that runs past --timeout, names it in the summary and counts the rest', async () => {
  const dir = tempDir();
  const slow = path.join(dir, 'slow.ndjson');
  fs.writeFileSync(slow, JSON.stringify({ id: 'slow', text: slowText() + slowText() }) + '\n');
  const counted = path.join(dir, 'counted.ndjson');
  const entity = { name: 'Lisbon', type: 'place', count: 1, aliases: ['Lisbon'], mentions: [{ start: 0, end: 6, kind: 'name' }] };
  fs.writeFileSync(counted, JSON.stringify({ id: 'counted', text: 'Lisbon.', entities: [entity] }) + '\n');
  const run = await mineAsync(['entities', '--json', '--timeout', '1', '--jobs', '2', slow, counted], { killAfterMs: 120_000 });
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual((JSON.parse(run.stdout) as Array<{ name: string }>).map((r) => r.name), ['Lisbon']);
  assert.match(run.stderr, /slow\.ndjson: took over 1 s \(--timeout\); stopped\n/);
  assert.match(run.stderr, /1 skipped \(1 too slow\)/);
});

test('a batch run stage by stage gives each job what it gives run alone, a failing one included', () => {
  const page = { file: 'page.txt', content: fs.readFileSync(files[1]!, 'utf8'), format: 'text' } as const;
  const work: Job[] = [
    { kind: 'file', file: files[0]! },
    { kind: 'file', file: path.join(samples, 'no-such-page.txt') },
    // A record without paragraphs: cleaning it throws.
    { kind: 'record', record: { ...article('broken', 'Some text.'), paragraphs: null as unknown as string[] } },
    { kind: 'page', page },
    { kind: 'record', record: article('a', 'Lisbon and Madrid signed it in Porto.') },
    { kind: 'record', record: countedRecord('b') },
    { kind: 'hashes', files: [files[2]!] },
  ];
  const quoting: JobSettings = { ...settings, quotes: true, tone: true };
  const alone = work.map((job) => {
    try {
      return { result: new JobRunner(quoting).run(job) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  const batched = new JobRunner(quoting).runBatch(work).map(({ result, error }) => (error ? { error: error.message } : { result }));
  assert.deepEqual(batched, alone);
  assert.deepEqual(batched.map((o) => ('error' in o ? 'failed' : o.result!.kind)), ['records', 'skipped', 'failed', 'records', 'records', 'records', 'hashes']);
});

test('in this thread, a document past --timeout is skipped and the others of its batch are not', async () => {
  const slow = { kind: 'page', page: { file: 'slow.txt', content: slowText(), format: 'text' } } as const;
  const work = [{ kind: 'file', file: files[0]! }, slow, { kind: 'file', file: files[1]! }] as Job[];
  const pool = new Pool({ ...settings, timeoutSeconds: 0.5 }, 1);
  try {
    const results = await Promise.allSettled(work.map((job) => pool.run(job)));
    assert.deepEqual(results.map(outcome), ['records', 'skipped: too slow', 'records']);
  } finally {
    await pool.close();
  }
});
