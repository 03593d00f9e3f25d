// Command-line behaviour shared by all commands: usage errors, help, exit codes, colour, broken pipes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, mine, mineInProcess, ROOT, tempDir } from '../helpers.js';

/** For the runs over the samples that check the output's form: their entities are found once. */
const cached = cachedMine();

test('an unknown command or option exits 2 with one line on stderr', () => {
  for (const args of [['frobnicate', 'samples'], ['extract', '--frob', 'samples'], ['entities', '--top', 'many', 'samples'], ['timeline', 'samples'], ['timeline', '--entity', 'x', '--by', 'hour', 'samples']]) {
    const r = mine(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^mine/);
  }
});

test('every command has --help with an example, exiting 0', () => {
  for (const command of ['extract', 'clean', 'ner', 'entities', 'timeline']) {
    const r = mineInProcess([command, '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Examples:\n {2}\$ mine /);
  }
});

test('a missing input is named on stderr, the others still processed, exit 1', () => {
  const r = mine(['extract', '--json', 'samples/001-lavrov-wang-yi-phone-call.txt', 'no/such/file.txt']);
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).length, 1);
  assert.match(r.stderr, /no\/such\/file\.txt: no such file/);
  assert.match(r.stderr, /1 skipped \(1 missing\)/);
});

test('empty and binary files are skipped with a reason, and counted', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  fs.copyFileSync(path.join(ROOT, 'samples', '001-lavrov-wang-yi-phone-call.txt'), path.join(dir, 'page.txt'));
  const r = mine(['extract', '--ndjson', dir]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').length, 1);
  assert.match(r.stderr, /empty\.txt: empty file/);
  assert.match(r.stderr, /image\.txt: binary file/);
  assert.match(r.stderr, /2 skipped \(1 binary, 1 empty\)|2 skipped \(1 empty, 1 binary\)/);
});

test('no colour when piped or with NO_COLOR, colour when forced', () => {
  assert.doesNotMatch(cached(['entities', 'samples']).stdout, /\u001b\[/);
  assert.doesNotMatch(cached(['entities', '--table', 'samples'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
  assert.match(cached(['entities', '--table', 'samples'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout, /\u001b\[/);
  assert.match(cached(['entities', '--table', '--color', 'always', 'samples']).stdout, /\u001b\[/);
  assert.doesNotMatch(cached(['entities', '--table', '--color', 'never', 'samples'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout, /\u001b\[/);
  assert.equal(cached(['entities', '--color', 'sometimes', 'samples']).status, 2);
});

test('`mine ... | head -1` exits quietly', () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; node bin/mine.js extract --ndjson samples samples samples | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim(), '0');
});

test('with no paths and a pipe on stdin, stdin is read', () => {
  const page = fs.readFileSync(path.join(ROOT, 'samples', '001-lavrov-wang-yi-phone-call.txt'), 'utf8');
  const r = mine(['extract', '--json'], { input: page });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout)[0].file, '-');
});

test('a run in-process (as most tests make them) prints and exits as a run in its own process', () => {
  const page = 'samples/001-lavrov-wang-yi-phone-call.txt';
  const runs: Array<[string[], string]> = [
    [['entities', page], ''],
    [['extract', '--json', page, 'no/such/file.txt'], ''],
    [['entities', '--top', '0', page], ''],
    [['kwic', '--json', 'Lavrov', '-'], fs.readFileSync(path.join(ROOT, page), 'utf8')],
  ];
  for (const [args, input] of runs) assert.deepEqual(mineInProcess(args, { input }), mine(args, { input }), args.join(' '));
});
