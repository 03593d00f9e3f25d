// The README's example outputs are what mine prints today: each ```text block that starts with a `$ mine` command
// on samples/ is run, and every line it shows must be in the output, in order (a block may leave lines out). The
// blocks show a terminal, so the commands run with --table (what a terminal gets) unless they ask for JSON or CSV.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mineInProcess, ROOT } from './helpers.js';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const EXAMPLES = [...README.matchAll(/```text\n\$ (?:npx )?mine ([^\n]*)\n([^`]*)```/g)].map(([, command, shown]) => ({ command: command!, shown: shown! }));

/** The command's arguments, "quoted" ones kept whole, and the lines `| head -N` keeps (all when there is none). */
function parse(command: string): { args: string[]; head: number } {
  const [, line, head] = command.match(/^(.*?)(?: \| head -(\d+))?$/)!;
  const args = [...line!.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  if (!args.some((a) => /^--(table|json|ndjson|csv)$/.test(a))) args.push('--table');
  return { args, head: head ? Number(head) : Infinity };
}

test('the README has examples of several commands', () => {
  assert.ok(EXAMPLES.length >= 6, `${EXAMPLES.length} examples found`);
});

for (const { command, shown } of EXAMPLES) {
  test(`README example: mine ${command}`, () => {
    const { args, head } = parse(command);
    const { status, stdout, stderr } = mineInProcess(args);
    assert.equal(status, 0, stderr);
    const printed = stdout.split('\n').slice(0, head).map((line) => line.trimEnd());
    let from = 0;
    for (const line of shown.split('\n').filter((l) => l.trim())) {
      const at = printed.indexOf(line.trimEnd(), from);
      assert.ok(at >= 0, `the README shows a line mine no longer prints (or not in this order):\n${line}\nmine prints:\n${printed.join('\n')}`);
      from = at + 1;
    }
  });
}

/** The README's JSON contract section: the fields it names (in code spans) are those records may have. */
const CONTRACT_AT = README.indexOf('## The JSON contract');
const CONTRACT = README.slice(CONTRACT_AT, README.indexOf('\n## ', CONTRACT_AT));
const DOCUMENTED = new Set([...CONTRACT.matchAll(/`([^`]*)`/g)].flatMap(([, span]) => span!.match(/[A-Za-z_]\w*/g) ?? []));

/**
 * The field names of JSON output, at any depth: the keys of records, not of maps (an object with a key that is not
 * a lower-case identifier, such as an entity row's names and their counts, holds data in its keys).
 */
function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) fieldNames(item, into);
  else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const record = keys.every((k) => /^[a-z]\w*$/.test(k));
    for (const key of keys) {
      if (record) into.add(key);
      fieldNames((value as Record<string, unknown>)[key], into);
    }
  }
  return into;
}

const JSON_COMMANDS = [
  ['ner'],
  ['entities'],
  ['timeline', '--entity', 'Lavrov'],
  ['timeline', '--entity', 'Lavrov', '--entity', 'Wang Yi', '--share'],
  ['cooccur', '--top', '3'],
  ['kwic', 'Lavrov'],
  ['keywords', '--top', '3', '--entity', 'BRICS'],
  ['sources'],
  ['quotes'],
  ['quotes', '--by', 'speaker'],
  ['tone', '--top', '3', '--explain'],
];

test('every field of the JSON output is named in the README JSON contract', () => {
  for (const command of JSON_COMMANDS) {
    const { status, stdout, stderr } = mineInProcess([...command, '--json', 'samples']);
    assert.equal(status, 0, stderr);
    const undocumented = [...fieldNames(JSON.parse(stdout))].filter((f) => !DOCUMENTED.has(f));
    assert.deepEqual(undocumented, [], `mine ${command.join(' ')} --json prints fields the README does not name`);
  }
});
