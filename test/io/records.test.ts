import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeRecords, toRecord } from '../../src/io/records.js';
import { hasEntities } from '../../src/types.js';

test('record streams are told from page dumps by their first characters', () => {
  assert.equal(looksLikeRecords('{"id":"a","file":"x"}\n'), true);
  assert.equal(looksLikeRecords('  [\n{"id": 1}]'), true);
  assert.equal(looksLikeRecords('[]'), true);
  assert.equal(looksLikeRecords('Al Mayadeen English\n  • News'), false);
  assert.equal(looksLikeRecords('[Updated] Talks resume'), false);
});

test('a record with only text gets paragraphs from its blank lines', () => {
  const r = toRecord({ file: 'a.txt', text: 'One.\n\nTwo.' });
  assert.deepEqual(r.paragraphs, ['One.', 'Two.']);
  assert.equal(r.title, null);
  assert.deepEqual(r.tags, []);
});

test('records keep their entities and unknown extra fields', () => {
  const r = toRecord({ file: 'a.txt', text: 'Lavrov', language: 'en', entities: [{ name: 'Sergey Lavrov', type: 'person', count: 1, aliases: ['Lavrov'], mentions: [{ start: 0, end: 6 }] }] });
  assert.ok(hasEntities(r));
  assert.equal(r.entities[0]!.name, 'Sergey Lavrov');
  assert.equal((r as unknown as { language: string }).language, 'en');
});

test('objects that are not records are refused with a reason', () => {
  assert.throws(() => toRecord([1, 2]), /not a JSON object/);
  assert.throws(() => toRecord({ file: 'a' }), /neither "text" nor "paragraphs"/);
});
