// packedMap: Array.prototype.map's result, always without holes; sized: a kept typed array, replaced when too short;
// grown: a kept typed array copied into a longer one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grown, packedMap, sized } from '../../src/text/packed.js';

test('packedMap gives what map gives, index included', () => {
  const items = ['a', 'bb', '', 'dddd'];
  const fn = (s: string, i: number) => `${i}:${s.length}`;
  assert.deepEqual(packedMap(items, fn), items.map(fn));
  assert.deepEqual(packedMap([], fn), []);
});

test('packedMap keeps every slot, undefined results too', () => {
  const out = packedMap([1, 2, 3], () => undefined);
  assert.equal(out.length, 3);
  assert.deepEqual(Object.keys(out), ['0', '1', '2']);
});

test('sized keeps an array long enough and replaces a shorter one with a zeroed one of its kind, twice as long', () => {
  const kept = new Int32Array([7, 8, 9]);
  assert.equal(sized(kept, 3), kept);
  const bigger = sized(kept, 4);
  assert.ok(bigger instanceof Int32Array);
  assert.deepEqual([...bigger], new Array(8).fill(0));
  assert.ok(sized(new Float64Array(0), 1) instanceof Float64Array);
});

test('grown copies the numbers into a new array of the same kind, at least twice as long and as long as asked', () => {
  const kept = new Uint8Array([1, 2, 3]);
  const doubled = grown(kept, 4);
  assert.ok(doubled instanceof Uint8Array);
  assert.notEqual(doubled, kept);
  assert.deepEqual([...doubled], [1, 2, 3, 0, 0, 0]);
  assert.deepEqual([...grown(new Int32Array([5]), 4)], [5, 0, 0, 0]);
  assert.equal(grown(new Int32Array(0), 16).length, 16);
});
