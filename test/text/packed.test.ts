// packedMap: Array.prototype.map's result, always without holes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packedMap } from '../../src/text/packed.js';

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
