// mine timeline and cooccur --format svg|png: the chart on stdout, PNG refused on a terminal, conflicts said.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { refuseBinaryOnTerminal } from '../../src/commands/chart.js';
import { UsageError } from '../../src/errors.js';
import { mineInProcess, ROOT } from '../helpers.js';

test('a PNG is refused on a terminal with a usage error that suggests redirecting; SVG and pipes are fine', () => {
  assert.throws(() => refuseBinaryOnTerminal('png', { isTTY: true }), (e: Error) => e instanceof UsageError && /> chart\.png/.test(e.message));
  assert.doesNotThrow(() => refuseBinaryOnTerminal('png', { isTTY: false }));
  assert.doesNotThrow(() => refuseBinaryOnTerminal('svg', { isTTY: true }));
  assert.doesNotThrow(() => refuseBinaryOnTerminal(undefined, { isTTY: true }));
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

test('in a pseudo-terminal, --format png exits 2 before reading anything and writes no bytes', { skip: !hasScript && 'script (util-linux) not installed' }, () => {
  for (const args of ["timeline --entity Lavrov --format png samples", 'cooccur --format png samples']) {
    const r = spawnSync('script', ['-qec', `node bin/mine.js ${args} 2>/dev/null; echo "status $?"`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    assert.match(r.stdout, /^status 2\s*$/, args);
  }
});

test('timeline --format svg: one chart with a bar per month; an unknown entity exits 1', () => {
  const r = mineInProcess(['timeline', '--entity', 'Lavrov', '--format', 'svg', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<svg [^>]*data-chart="timeline"/);
  const json = JSON.parse(mineInProcess(['timeline', '--entity', 'Lavrov', '--json', 'samples']).stdout) as { series: unknown[] };
  assert.equal([...r.stdout.matchAll(/<rect data-period=/g)].length, json.series.length);
  assert.match(r.stdout, /<title>Sergey Lavrov: documents per month<\/title>/);
  assert.equal(mineInProcess(['timeline', '--entity', 'Nobody Anywhere', '--format', 'svg', 'samples']).status, 1);
});

test('cooccur --format svg draws the pairs --top keeps; --format conflicts with --json', () => {
  const r = mineInProcess(['cooccur', '--top', '5', '--format', 'svg', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal([...r.stdout.matchAll(/<line data-a=/g)].length, 5);
  const conflict = mineInProcess(['cooccur', '--format', 'svg', '--json', 'samples']);
  assert.equal(conflict.status, 2);
  assert.equal(mineInProcess(['timeline', '--entity', 'Lavrov', '--format', 'png', '--csv', 'samples']).status, 2);
  assert.equal(mineInProcess(['timeline', '--entity', 'Lavrov', '--format', 'pdf', 'samples']).status, 2);
  assert.equal(mineInProcess(['timeline', '--entity', 'Lavrov', '--format', 'png', '--width', '20000', 'samples']).status, 2);
});
