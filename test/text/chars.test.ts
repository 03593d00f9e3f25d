// codeUnits hands out one kept array (and its own to a very long text): each call's units are the text's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeUnits } from '../../src/text/chars.js';

const unitsOf = (text: string) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

test('code units are the text’s, whatever the length of the texts before', () => {
  const texts = ['Grüße, 世界 😀', '', 'a'.repeat(40_000), 'short again', 'é'.repeat((1 << 20) + 3), 'after the longest'];
  for (const text of texts) {
    const codes = codeUnits(text);
    assert.equal(codes.length, text.length);
    assert.deepEqual(Array.from(codes.subarray(0, 50)), unitsOf(text.slice(0, 50)));
    if (text) assert.equal(codes[text.length - 1], text.charCodeAt(text.length - 1));
    assert.equal(codes[text.length], undefined, 'no units past the text');
  }
});
