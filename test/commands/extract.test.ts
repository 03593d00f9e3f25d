// mine extract and mine clean, end to end on the samples.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES, mineInProcess, SAMPLES } from '../helpers.js';

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
const CONTRACT = ['id', 'file', 'title', 'published', 'author', 'source', 'site', 'tags', 'paragraphs', 'text', 'words'];

test('extract --json gives one contract record per sample page', () => {
  const r = mineInProcess(['extract', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const records = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(records.length, samples.length);
  for (const record of records) {
    for (const field of CONTRACT) assert.ok(field in record, `${record.file} lacks ${field}`);
    assert.equal(record.text, (record.paragraphs as string[]).join('\n\n'));
    assert.ok((record.words as number) > 50);
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'samples', path.basename(record.file as string).replace(/\.txt$/, '.json')), 'utf8'));
    assert.equal(record.title, expected.title);
  }
});

test('extract --ndjson streams one line per record; --csv has a header and a row per page', () => {
  const nd = mineInProcess(['extract', '--ndjson', 'samples']);
  assert.equal(nd.stdout.trim().split('\n').length, samples.length);
  const csv = mineInProcess(['extract', '--csv', 'samples']);
  const lines = csv.stdout.trim().split('\n');
  assert.equal(lines[0], 'id,file,published,title,author,source,site,tags,words,text');
  assert.equal(csv.stdout.split('\n').filter((l) => /^[0-9a-f]{16},/.test(l)).length, samples.length);
  assert.match(csv.stdout, /,"Sergey Lavrov and Wang Yi reviewed preparations/);
});

test('the default table shows file, date, title and words', () => {
  const r = mineInProcess(['extract', '--table', 'samples']);
  assert.match(r.stdout, /file\s+│ date\s+│ title\s+│ words/);
  assert.match(r.stdout, /001-lavrov-wang-yi/);
});

test('clean normalises quotes and is idempotent through a pipe', () => {
  const once = mineInProcess(['clean', '--ndjson', 'samples']);
  assert.equal(once.status, 0, once.stderr);
  assert.doesNotMatch(once.stdout, /[\u2018\u2019\u201C\u201D\u00a0]/);
  const twice = mineInProcess(['clean', '--ndjson', '-'], { input: once.stdout });
  assert.equal(twice.stdout, once.stdout);
});

test('extract output piped into ner and entities gives the same counts as entities alone', () => {
  const extracted = mineInProcess(['extract', '--ndjson', 'samples']).stdout;
  const tagged = mineInProcess(['ner', '--ndjson', '-'], { input: extracted }).stdout;
  const piped = mineInProcess(['entities', '--json', '-'], { input: tagged });
  const direct = mineInProcess(['entities', '--json', 'samples']);
  assert.equal(piped.status, 0, piped.stderr);
  assert.deepEqual(JSON.parse(piped.stdout), JSON.parse(direct.stdout));
});

test('a bad NDJSON line is named with its line number and the rest goes on', () => {
  const lines = mineInProcess(['extract', '--ndjson', 'samples']).stdout.trim().split('\n');
  const input = [lines[0], '{not json', lines[1]].join('\n') + '\n';
  const r = mineInProcess(['clean', '--ndjson', '-'], { input });
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').length, 2);
  assert.match(r.stderr, /-: line 2: not valid JSON/);
});
