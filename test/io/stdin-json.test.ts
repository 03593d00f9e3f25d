// On stdin, JSON that holds no records is a usage error with a clear message, not an empty page; text that
// only starts like JSON (a lynx link number, a figure) is still a page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notRecords } from '../../src/io/records.js';
import { mine } from '../helpers.js';

const NOT_RECORDS = ['null', '42', '"str"', '[1,2,3]', '[1, 2, {"a": }', 'true', '[["a"]]'];

test('JSON values and arrays that are not records are named as such', () => {
  for (const text of NOT_RECORDS) assert.match(notRecords(text) ?? '', /^stdin (holds JSON|is not valid JSON)/, text);
  for (const text of ['[1]Home [2]News\n\nA page about the summit.', '42 people attended the meeting.', '"Quoted," he said, opening the page.', 'Plain text.']) {
    assert.equal(notRecords(text), undefined, text);
  }
});

test('non-record JSON on stdin exits 2 with one line on stderr', () => {
  for (const input of NOT_RECORDS) {
    const run = mine(['extract', '--json', '-'], { input });
    assert.equal(run.status, 2, input);
    assert.equal(run.stdout, '', input);
    assert.match(run.stderr, /^mine: stdin (holds JSON \(.+\), not a record or an array of records|is not valid JSON)/, input);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, input);
  }
});

test('records on stdin, and a page that starts like JSON, still work', () => {
  const records = mine(['extract', '--json', '-'], { input: '[{"id":"a","text":"Ministers met in Rome."}]' });
  assert.equal(records.status, 0, records.stderr);
  assert.equal((JSON.parse(records.stdout) as unknown[]).length, 1);
  const page = mine(['extract', '--json', '-'], { input: '[1]Home [2]World\n\nMinisters met in Rome on Monday to discuss trade.\n' });
  assert.notEqual(page.status, 2, page.stderr);
});
