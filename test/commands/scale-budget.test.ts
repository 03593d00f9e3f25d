// One document never fails the run: a document past its time budget, or one an aggregate fails on, is skipped
// with its name and the reason.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { countGuarded, type Reporter } from '../../src/commands/documents.js';
import type { InputError } from '../../src/errors.js';
import { JobRunner } from '../../src/run/jobs.js';
import type { MineRecord } from '../../src/types.js';
import { SAMPLES } from '../helpers.js';

const sample = fs.readFileSync(path.join(SAMPLES, '001-lavrov-wang-yi-phone-call.txt'), 'utf8');
// Long enough that extracting it takes more than the millisecond of a zero budget.
const page = { file: 'long.txt', format: 'text' as const, content: sample.repeat(200) };

test('a page past its time budget is skipped as too slow; within it, it gives its records', () => {
  const settings = { pipeline: { stage: 'clean' as const }, maxBytes: 1 << 30 };
  const late = new JobRunner({ ...settings, timeoutSeconds: 0 }).run({ kind: 'page', page });
  assert.equal(late.kind, 'skipped');
  assert.equal(late.kind === 'skipped' && late.reason, 'too slow');
  const inTime = new JobRunner({ ...settings, timeoutSeconds: 600 }).run({ kind: 'page', page });
  assert.equal(inTime.kind, 'records');
  assert.deepEqual(inTime, new JobRunner(settings).run({ kind: 'page', page }), 'the budget does not change the records');
});

test('a record an aggregate fails on is reported with its file and skipped; the others are counted', () => {
  const skipped: InputError[] = [];
  const reporter: Reporter = { skipped: (e) => skipped.push(e), processed: () => undefined, warn: () => undefined };
  const counted: string[] = [];
  const count = (r: MineRecord) => {
    if (r.file === 'bad.txt') throw new Error('no such field');
    counted.push(r.file);
  };
  for (const file of ['a.txt', 'bad.txt', 'b.txt']) countGuarded({ file } as MineRecord, count, reporter);
  assert.deepEqual(counted, ['a.txt', 'b.txt']);
  assert.equal(skipped.length, 1);
  assert.equal(skipped[0]!.file, 'bad.txt');
  assert.match(skipped[0]!.message, /could not be counted: no such field/);
});
