import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Eta, formatDuration, progressLine } from '../../src/render/progress.js';

/** Feeds an Eta updates every 250 ms from `fromMs` to `toMs`, documents done at `perSecond` (a function of the time). */
function feed(eta: Eta, fromMs: number, toMs: number, done: (ms: number) => number): void {
  for (let ms = fromMs; ms <= toMs; ms += 250) eta.update(done(ms), ms);
}

test('no ETA until the throughput has settled, then the smoothed one', () => {
  const eta = new Eta();
  feed(eta, 0, 1000, (ms) => Math.floor(ms / 100)); // 10 documents a second
  assert.equal(eta.secondsLeft(10, 1000), undefined, 'too early');
  feed(eta, 1250, 6000, (ms) => Math.floor(ms / 100));
  const left = eta.secondsLeft(60, 1000)!;
  assert.ok(Math.abs(left - 94) < 3, `about 94 s left at 10/s, got ${left}`);
});

test('the ETA follows a change of pace smoothly, not at once', () => {
  const eta = new Eta();
  feed(eta, 0, 10_000, (ms) => Math.floor(ms / 100)); // 10/s for 10 s: 100 done
  // Then 2/s: a plain average over the run would still say about 8.5/s after a further 5 s.
  feed(eta, 10_250, 15_000, (ms) => 100 + Math.floor((ms - 10_000) / 500));
  const left = eta.secondsLeft(110, 1110)!;
  const rate = 1000 / left;
  assert.ok(rate < 6 && rate > 2, `rate between the old and the new pace, weighted to the recent one: ${rate}`);
});

test('documents arriving in bursts still give a stable ETA', () => {
  const eta = new Eta();
  // 8 documents every 2 s (4/s on average), nothing in between.
  feed(eta, 0, 30_000, (ms) => 8 * Math.floor(ms / 2000) + 1);
  const left = eta.secondsLeft(121, 521)!;
  assert.ok(left > 80 && left < 125, `about 100 s left at 4/s, got ${left}`);
});

test('time spent before the first document (loading) is left out of the rate', () => {
  const eta = new Eta();
  feed(eta, 0, 3000, () => 0);
  feed(eta, 3250, 12_000, (ms) => 1 + Math.floor((ms - 3000) / 100));
  const left = eta.secondsLeft(88, 1088)!;
  assert.ok(Math.abs(left - 100) < 5, `10/s, so about 100 s left, got ${left}`);
});

test('the progress line shows ETA ? until an estimate is given', () => {
  const state = { done: 5, total: 10, bytes: 1e6, elapsedMs: 2000 };
  assert.match(progressLine(state), /ETA \?$/);
  assert.match(progressLine({ ...state, secondsLeft: 75 }), /ETA 1m15s$/);
  assert.match(progressLine({ ...state, total: null }), /^5 documents/);
  assert.ok(progressLine({ ...state, secondsLeft: 75 }, 30).length <= 29);
  assert.equal(formatDuration(7300), '2h01m');
});
