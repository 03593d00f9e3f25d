import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparkline } from '../../src/render/sparkline.js';

test('sparklines scale to their peak; zero is the baseline, any other value at least one step up', () => {
  assert.equal(sparkline([0, 1, 2, 4, 8]), '▁▃▄▅█');
  assert.equal(sparkline([0, 0]), '▁▁');
  assert.equal(sparkline([1, 1000])[0], '▂');
  assert.equal(sparkline([]), '');
});

test('long series are summed into at most `width` marks', () => {
  assert.equal(sparkline([1, 1, 0, 0, 2, 2], 3), '▅▁█');
  assert.equal(sparkline([1, 2, 3, 4, 5], 2), '▆█');
  assert.equal(sparkline([5, 5], 10), '██');
});
