// mine dedup and --dedup, end to end on a folder holding one sample twice (once edited) and an unrelated one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, SAMPLES, tempDir } from '../helpers.js';

/** The samples' entities are found once for the whole file. */
const mine = cachedMine();

const STORY = fs.readFileSync(path.join(SAMPLES, '001-lavrov-wang-yi-phone-call.txt'), 'utf8');
const SENTENCE = 'The call came nine days after Lavrov visited Beijing for a forum on infrastructure and trade';
const EDITED = 'The conversation followed a visit by Lavrov to Beijing for a forum on infrastructure and trade';

/** A folder with the story, the other sample and (with `copy`) the story with one sentence reworded. */
function corpus(copy: boolean): string {
  const dir = tempDir();
  assert.ok(STORY.includes(SENTENCE));
  fs.writeFileSync(path.join(dir, 'a-story.txt'), STORY);
  fs.copyFileSync(path.join(SAMPLES, '008-opec-plus-output-meeting.txt'), path.join(dir, 'c-other.txt'));
  if (copy) fs.writeFileSync(path.join(dir, 'b-story-edited.txt'), STORY.replace(SENTENCE, EDITED));
  return dir;
}

interface Cluster { id: string; size: number; similarity: number | null; articles: Array<{ id: string; file: string; title: string | null; published: string | null; site: string | null }> }
interface EntityRow { name: string; type: string; documents: number }

test('dedup finds the edited copy: exactly one cluster of two', () => {
  const dir = corpus(true);
  const r = mine(['dedup', '--json', dir]);
  assert.equal(r.status, 0, r.stderr);
  const clusters = JSON.parse(r.stdout) as Cluster[];
  assert.equal(clusters.length, 1);
  const [cluster] = clusters;
  assert.equal(cluster!.size, 2);
  assert.deepEqual(cluster!.articles.map((a) => path.basename(a.file)), ['a-story.txt', 'b-story-edited.txt']);
  assert.equal(cluster!.id, cluster!.articles[0]!.id);
  assert.ok(cluster!.similarity! >= 0.8 && cluster!.similarity! < 1, String(cluster!.similarity));
  assert.equal(cluster!.articles[0]!.site, 'Eastbridge News');
  assert.match(r.stderr, /1 cluster\(s\) of near-duplicates, 1 article\(s\) repeating another/);
});

test('dedup --all lists singletons; a strict threshold splits the pair; bad thresholds are usage errors', () => {
  const dir = corpus(true);
  const all = JSON.parse(mine(['dedup', '--all', '--json', dir]).stdout) as Cluster[];
  assert.deepEqual(all.map((c) => c.size), [2, 1]);
  assert.equal(all[1]!.similarity, null);
  assert.deepEqual(JSON.parse(mine(['dedup', '--threshold', '1', '--json', dir]).stdout), []);
  for (const bad of ['1.5', '-0.1', 'high']) {
    const r = mine(['dedup', '--threshold', bad, dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--threshold takes a number from 0 to 1/);
  }
});

test('dedup table and CSV: one line per article, the cluster named on its first line', () => {
  const dir = corpus(true);
  const table = mine(['dedup', '--table', dir]).stdout.split('\n').filter((l) => l.includes('2023-10-27'));
  assert.equal(table.length, 2);
  assert.match(table[0]!, /^│ [0-9a-f]{16} │\s+2 │\s+0\.\d\d │ 2023-10-27 │ Eastbridge News/);
  assert.match(table[1]!, /^│\s+│\s+│\s+│ 2023-10-27 │/);
  // The file column tells the members of a cluster apart.
  assert.ok(table.every((line) => /\.txt\s+│$/.test(line)));
  assert.notEqual(table[0]!.split('│').at(-2), table[1]!.split('│').at(-2));
  const csv = mine(['dedup', '--csv', dir]).stdout.trim().split('\n');
  assert.equal(csv[0], 'cluster,size,similarity,id,file,published,site,title');
  assert.equal(csv.length, 3);
});

test('entities --dedup counts the duplicated story once', () => {
  const withCopy = corpus(true);
  const rows = (args: string[]) => JSON.parse(mine(['entities', '--json', ...args]).stdout) as EntityRow[];
  const documents = (list: EntityRow[]) => Object.fromEntries(list.map((r) => [`${r.type}|${r.name}`, r.documents]));
  const deduped = mine(['entities', '--json', '--dedup', withCopy]);
  assert.equal(deduped.status, 0, deduped.stderr);
  assert.match(deduped.stderr, /1 near-duplicate article\(s\) not counted \(--dedup\)/);
  const expected = documents(rows([corpus(false)]));
  assert.deepEqual(documents(JSON.parse(deduped.stdout) as EntityRow[]), expected);
  // Without --dedup the copy counts twice.
  assert.equal(documents(rows([withCopy]))['person|Sergey Lavrov'], expected['person|Sergey Lavrov']! + 1);
});

test('timeline --dedup counts the duplicated story once', () => {
  const dir = corpus(true);
  const documents = (args: string[]) => (JSON.parse(mine(['timeline', '--entity', 'Wang Yi', '--json', ...args, dir]).stdout) as { series: Array<{ documents: number }> }).series.reduce((n, p) => n + p.documents, 0);
  assert.equal(documents([]), 2);
  assert.equal(documents(['--dedup']), 1);
});
