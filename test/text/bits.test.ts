import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasBit, setBit } from '../../src/text/bits.js';

test('a bit set is found, its neighbours and the same bit of other words are not', () => {
  const bits = new Int32Array(4);
  for (const bit of [0, 31, 37, 127]) setBit(bits, bit);
  assert.deepEqual([0, 31, 37, 127].map((b) => hasBit(bits, b)), [true, true, true, true]);
  assert.deepEqual([1, 30, 32, 36, 38, 63, 69, 126].map((b) => hasBit(bits, b)), [false, false, false, false, false, false, false, false]);
});
