// The command line in a terminal and in a pipe: tables fit the terminal's width, piped output is complete
// tab-separated lines, empty results and bad values are said and exit non-zero, completion scripts parse.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { mineInProcess, ROOT, SAMPLES, tempDir } from '../helpers.js';

const TEMP = tempDir();
/** Three sample pages, enough for every table to have rows, few enough to keep the runs short. */
const CORPUS = path.join(TEMP, 'corpus');
fs.mkdirSync(CORPUS);
for (const name of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt')).slice(0, 3)) fs.copyFileSync(path.join(SAMPLES, name), path.join(CORPUS, name));
const CACHE = path.join(TEMP, 'cache');

/** Every command that prints a table (or kwic's aligned lines), with arguments that give rows on the corpus. */
const TABLES: string[][] = [
  ['extract'],
  ['clean'],
  ['ner'],
  ['entities'],
  ['sources'],
  ['dedup', '--all'],
  ['cooccur', '--min-docs', '1'],
  ['kwic', 'Lavrov'],
  ['keywords', '--min-docs', '1'],
  ['timeline', '--entity', 'Lavrov'],
  ['timeline', '--entity', 'Lavrov', '--entity', 'China'],
];

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

test('in a pseudo-terminal 60, 80 and 120 columns wide, no line of any table is wider than the terminal', { skip: !hasScript && 'script (util-linux) not installed' }, () => {
  // One terminal, resized between widths; at each, one process runs every table command (test/mine-in-process.ts).
  const runs = path.join(TEMP, 'table-runs.json');
  fs.writeFileSync(runs, JSON.stringify(TABLES.map((args) => [...args, '--cache', CACHE, CORPUS])));
  const widths = [60, 80, 120];
  const session = widths.map((width) => `echo '## ${width}'; stty cols ${width} rows 40; node dist/test/mine-in-process.js '${runs}' 2>/dev/null`);
  const r = spawnSync('script', ['-qec', session.join('; '), '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  const terminals = r.stdout.replace(/\r/g, '').split(/^## /m).slice(1);
  assert.equal(terminals.length, widths.length, r.stdout);
  for (const [i, terminal] of terminals.entries()) {
    const width = widths[i]!;
    assert.ok(terminal.startsWith(`${width}\n`), terminal.slice(0, 20));
    const outputs = terminal.split(/^@@ /m).slice(1);
    assert.equal(outputs.length, TABLES.length, terminal);
    for (const output of outputs) {
      const [name, ...lines] = output.split('\n');
      assert.ok(lines.filter((l) => l.trim()).length >= 3, `${name}: no rows at ${width} columns:\n${output}`);
      const widest = Math.max(...lines.map((l) => stringWidth(l)));
      assert.ok(widest <= width, `${name}: a line of ${widest} columns in a terminal of ${width}:\n${output}`);
    }
  }
});

test('piped, a table is tab-separated lines: a header, one line per record, no cell cut', () => {
  const tsv = (args: string[]) => {
    const r = mineInProcess([...args, '--cache', CACHE, CORPUS]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[│┌└]/);
    const [header, ...rows] = r.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    for (const row of rows) assert.equal(row.length, header!.length, row.join('|'));
    return { header: header!, rows };
  };
  const json = (args: string[]) => JSON.parse(mineInProcess([...args, '--json', '--cache', CACHE, CORPUS]).stdout) as Array<Record<string, unknown>>;
  const entities = tsv(['entities']);
  const entityRows = json(['entities']);
  assert.equal(entities.rows.length, entityRows.length);
  assert.deepEqual(entities.rows.map((r) => r[0]), entityRows.map((e) => e.name));
  assert.ok(entities.rows.some((r) => r[0]!.length > 20), 'long names are whole');
  const articles = tsv(['extract']);
  const articleRows = json(['extract']);
  assert.deepEqual(articles.header.slice(0, 4), ['id', 'file', 'published', 'title']);
  assert.deepEqual(articles.rows.map((r) => [r[1], r[3]]), articleRows.map((a) => [a.file, a.title]));
  assert.ok(!articles.rows.flat().some((cell) => cell.includes('…')));
  for (const args of TABLES.slice(2)) tsv(args);
});

test('tabs and line breaks in a field cannot split a piped line', () => {
  const dir = path.join(TEMP, 'tabs');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'records.ndjson'), JSON.stringify({ id: 'a', file: 'a\tb.txt', title: 'One\ttwo\nthree', text: 'Officials met in Paris on Monday.' }) + '\n');
  const lines = mineInProcess(['extract', dir]).stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /\ta\\tb\.txt\t.*One\\ttwo\\nthree/);
});

test('a folder of nothing mine reads: the files are named by kind, exit 1, even with -q', () => {
  const dir = path.join(TEMP, 'unread');
  fs.mkdirSync(dir);
  for (const name of ['a.pdf', 'b.pdf', 'c.md']) fs.writeFileSync(path.join(dir, name), 'x');
  for (const args of [['entities', dir], ['entities', '-q', dir]]) {
    const r = mineInProcess(args);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no input could be read.*3 file\(s\) skipped, not a kind mine reads: \.pdf 2, \.md 1/);
  }
});

test('-q silences the summary and notes, not the problems', () => {
  const dir = path.join(TEMP, 'mixed');
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(CORPUS, fs.readdirSync(CORPUS)[0]!), path.join(dir, 'page.txt'));
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  const r = mineInProcess(['entities', '-q', '--cache', CACHE, dir]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `mine: ${dir}/empty.txt: empty file\n`);
});

test('a query that matches nothing exits 1, as grep does', () => {
  for (const args of [['kwic', 'zzzzqx'], ['keywords', '--entity', 'Nobody Atall'], ['timeline', '--entity', 'Nobody Atall'], ['cooccur', '--entity', 'Nobody Atall']]) {
    const r = mineInProcess([...args, '--cache', CACHE, CORPUS]);
    assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
  }
  assert.equal(mineInProcess(['kwic', 'Lavrov', '--cache', CACHE, CORPUS]).status, 0);
});

test('bad numbers and dates are usage errors that say what is expected', () => {
  const cases: Array<[string[], RegExp]> = [
    [['entities', '--top', '-3'], /--top must be a positive whole number/],
    [['entities', '--top', '0'], /--top must be a positive whole number/],
    [['entities', '--jobs', '0'], /--jobs must be a positive whole number/],
    [['entities', '--since', '2023-02-30'], /--since 2023-02-30: no such day/],
    [['entities', '--since', '2024-03', '--until', '2024-02-10'], /--since 2024-03 is later than --until 2024-02-10/],
    [['entities', '--type', 'person,planet'], /--type takes person, country, org, place or a comma-separated list/],
  ];
  for (const [args, message] of cases) {
    const r = mineInProcess([...args, CORPUS]);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
  assert.equal(mineInProcess(['entities', '--since', '2024-02-29', '--until', '2024', '--json', '--cache', CACHE, CORPUS]).status, 0);
});

test('entities --type takes a list', () => {
  const rows = JSON.parse(mineInProcess(['entities', '--type', 'person,org', '--json', '--cache', CACHE, CORPUS]).stdout) as Array<{ type: string }>;
  assert.ok(rows.length > 0);
  assert.deepEqual([...new Set(rows.map((r) => r.type))].sort(), ['org', 'person']);
});

test('completion scripts for bash, zsh and fish name every command; bash parses its own', () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = mineInProcess(['completion', shell]);
    assert.equal(r.status, 0, r.stderr);
    for (const command of ['extract', 'entities', 'timeline', 'kwic', 'cooccur']) assert.match(r.stdout, new RegExp(`\\b${command}\\b`));
    assert.match(r.stdout, /\bsince\b/);
  }
  const bash = mineInProcess(['completion', 'bash']).stdout;
  const check = spawnSync('bash', ['-c', `${bash}\nCOMP_WORDS=(mine entities --to); COMP_CWORD=2; _mine; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
  assert.equal(check.stdout.trim(), '--top');
  assert.equal(mineInProcess(['completion', 'tcsh']).status, 2);
});

test('top-level help has examples, formats, exit codes, environment and the cache', () => {
  const help = mineInProcess(['--help']).stdout;
  for (const section of ['Examples:', 'Output formats:', 'Exit codes:', 'Environment:', 'NO_COLOR', 'XDG_CACHE_HOME', 'completion']) assert.ok(help.includes(section), section);
});
