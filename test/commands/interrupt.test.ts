// Ctrl-C during a slow document: the run ends the workers at once, counts their documents as interrupted,
// prints the summary and exits 130, within 2 seconds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mineAsync, SAMPLES, slowText, tempDir } from '../helpers.js';

/** A record of some 2 MB of distinct sentences: minutes of work for the NER stage. */
function slowRecord(dir: string): string {
  const file = path.join(dir, 'slow.ndjson');
  fs.writeFileSync(file, JSON.stringify({ id: 'slow', title: 'A long report', text: slowText() }) + '\n');
  return file;
}

test('the first Ctrl-C during a slow document exits 130 within 2 s, with the summary', async () => {
  const quick = path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.endsWith('.txt'))!);
  const slow = slowRecord(tempDir());
  let interruptedAt = 0;
  const run = await mineAsync(['ner', '--ndjson', '--jobs', '2', quick, slow], {
    started: (child) => {
      // The quick page's record is printed once it is done: by then the slow one is on the other worker.
      child.stdout!.once('data', () => {
        setTimeout(() => {
          interruptedAt = Date.now();
          child.kill('SIGINT');
        }, 300);
      });
    },
  });
  assert.ok(interruptedAt > 0, 'the run never printed its first record');
  assert.equal(run.status, 130, run.stderr);
  const end = Date.now() - interruptedAt;
  assert.ok(end < 2000, `ended ${end} ms after Ctrl-C`);
  assert.equal(run.stdout.trim().split('\n').length, 1);
  assert.equal(run.stderr, 'mine: interrupted; 1 input(s) processed, 1 record(s); 1 skipped (1 interrupted)\n');
});
