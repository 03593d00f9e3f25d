// The pool runs jobs on worker threads exactly as this thread would: same results, skips named, order kept by the caller.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { JobRunner, type Job, type JobResult, type JobSettings } from '../../src/run/jobs.js';
import { Pool } from '../../src/run/pool.js';

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
  assert.deepEqual(there, here);
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
  assert.equal(page, undefined);
  assert.equal(missing, undefined);
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
