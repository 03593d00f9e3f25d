import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodOf, periodsBetween } from '../../src/aggregate/periods.js';

test('periods of a date', () => {
  assert.equal(periodOf('2023-08-07T23:54:00', 'day'), '2023-08-07');
  assert.equal(periodOf('2023-08-07', 'month'), '2023-08');
  assert.equal(periodOf('2023-08-07', 'year'), '2023');
  assert.equal(periodOf('2023-08-07', 'week'), '2023-W32');
  assert.equal(periodOf('2021-01-03', 'week'), '2020-W53');
  assert.equal(periodOf('2024-12-30', 'week'), '2025-W01');
});

test('every period between two dates, both ends included', () => {
  assert.deepEqual(periodsBetween('2023-11-15', '2024-02-01', 'month'), ['2023-11', '2023-12', '2024-01', '2024-02']);
  assert.deepEqual(periodsBetween('2023-01-30', '2023-02-02', 'day'), ['2023-01-30', '2023-01-31', '2023-02-01', '2023-02-02']);
  assert.deepEqual(periodsBetween('2022-06-01', '2024-01-01', 'year'), ['2022', '2023', '2024']);
  assert.deepEqual(periodsBetween('2023-12-28', '2024-01-10', 'week'), ['2023-W52', '2024-W01', '2024-W02']);
});
