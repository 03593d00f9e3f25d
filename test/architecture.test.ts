// The pure stages never touch the terminal or the file system: checked on their import lines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

const PURE = ['extract', 'clean', 'ner', 'aggregate', 'text'];
const FORBIDDEN = /from '(node:fs|fs|node:process|process|chalk|cli-table3|commander|node:child_process|\.\.\/(io|render|commands|cli)\b[^']*)'/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

test('pure stages import no I/O, terminal or CLI modules', () => {
  for (const stage of PURE) {
    for (const file of sources(path.join(ROOT, 'src', stage))) {
      const text = fs.readFileSync(file, 'utf8');
      const bad = text.split('\n').filter((l) => /^import /.test(l) && FORBIDDEN.test(l));
      assert.deepEqual(bad, [], `${path.relative(ROOT, file)} imports I/O or terminal code`);
      assert.doesNotMatch(text, /\bconsole\.|process\.(stdout|stderr|exit|argv)/, `${path.relative(ROOT, file)} prints or exits`);
    }
  }
});
