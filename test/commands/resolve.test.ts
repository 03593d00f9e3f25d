// One person under one name in every command: the articles keywords, kwic and cooccur take for an entity are those
// `mine entities` counts for it, with name variants resolved over the corpus; partial counts merge to the same table.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mineInProcess, tempDir } from '../helpers.js';

/** A ner record (NDJSON) whose text names `people` (one mention each) and the place Harbourton. */
function record(id: string, published: string, people: string[], words: string): string {
  const text = `${people.join(' and ')} visited Harbourton. ${words}`;
  const mention = (name: string, type: string) => {
    const start = text.indexOf(name);
    return { name, type, count: 1, aliases: [name], mentions: [{ start, end: start + name.length, kind: 'name' }] };
  };
  const entities = [...people.map((name) => mention(name, 'person')), mention('Harbourton', 'place')];
  return JSON.stringify({ id, file: `${id}.txt`, title: null, published, author: null, source: null, site: null, tags: [], paragraphs: [text], text, words: text.split(' ').length, entities });
}

const variants = [
  record('a', '2026-01-02', ['Owen Dempsey'], 'The ferry timetable was discussed.'),
  record('b', '2026-01-05', ['Owen John Dempsey'], 'The ferry timetable changed again.'),
  record('c', '2026-01-09', ['Dempsey'], 'Ferry timetable talks went on.'),
  record('d', '2026-01-10', [], 'The library opened a new wing.'),
  record('e', '2026-01-11', [], 'The library wing has a reading room.'),
];

test('keywords, kwic and cooccur --entity take the articles entities counts for the person, variants included', () => {
  const input = variants.join('\n') + '\n';
  const rows = JSON.parse(mineInProcess(['entities', '--json', '-'], { input }).stdout) as Array<{ name: string; documents: number }>;
  const person = rows.find((r) => r.name === 'Owen John Dempsey');
  assert.equal(person?.documents, 3, JSON.stringify(rows));
  const keywords = mineInProcess(['keywords', '--json', '--min-docs', '1', '--entity', 'Owen Dempsey', '-'], { input });
  assert.equal(keywords.status, 0, keywords.stderr);
  assert.match(keywords.stderr, /\b3 article\(s\) in the subset, compared with the other 2\b/);
  const terms = JSON.parse(keywords.stdout) as Array<{ term: string; subsetCount: number }>;
  assert.equal(terms.find((k) => k.term === 'ferry timetable')?.subsetCount, 3);
  for (const query of ['Owen Dempsey', 'Owen John Dempsey', 'Dempsey']) {
    const hits = JSON.parse(mineInProcess(['kwic', '--json', query, '-'], { input }).stdout) as Array<{ id: string; entity: string }>;
    assert.deepEqual(hits.map((h) => `${h.id}:${h.entity}`), ['a:Owen John Dempsey', 'b:Owen John Dempsey', 'c:Owen John Dempsey'], query);
    const pairs = JSON.parse(mineInProcess(['cooccur', '--json', '--entity', query, '-'], { input }).stdout) as Array<{ a: string; b: string; documents: number }>;
    assert.deepEqual(pairs.map((p) => `${p.a}+${p.b}:${p.documents}`), ['Harbourton+Owen John Dempsey:3'], query);
  }
});

test('entities --partial of two halves, merged, give the table of one run: people kept apart stay apart, variants meet', () => {
  const halves = [
    [record('f', '2026-02-01', ['Mike Ford', 'John Ford'], 'The two spoke at the ferry terminal.'), ...variants.slice(0, 1), variants[2]!],
    [record('g', '2026-02-03', ['John M. Ford'], 'The ferry terminal reopened.'), variants[1]!, ...variants.slice(3)],
  ];
  const dir = tempDir();
  const parts = halves.map((half, i) => {
    const r = mineInProcess(['entities', '--partial', '-'], { input: half.join('\n') + '\n' });
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(dir, `part${i}.ndjson`);
    fs.writeFileSync(file, r.stdout);
    return file;
  });
  const whole = mineInProcess(['entities', '--json', '-'], { input: halves.flat().join('\n') + '\n' });
  const merged = mineInProcess(['entities', '--json', '--merge', ...parts]);
  assert.equal(merged.status, 0, merged.stderr);
  const table = (stdout: string) => (JSON.parse(stdout) as Array<{ name: string; type: string; documents: number }>).filter((r) => r.type === 'person').map((r) => `${r.name}:${r.documents}`);
  assert.deepEqual(table(whole.stdout), ['Owen John Dempsey:3', 'John M. Ford:2', 'Mike Ford:1']);
  assert.deepEqual(JSON.parse(merged.stdout), JSON.parse(whole.stdout));
  assert.doesNotMatch(merged.stderr, /rows of --json/);
  // Rows of --json lack the names kept apart: merging them says so.
  const rows = path.join(dir, 'rows.json');
  fs.writeFileSync(rows, whole.stdout);
  assert.match(mineInProcess(['entities', '--merge', rows]).stderr, /some inputs are rows of --json, not --partial/);
});

test('quotes takes speakers under the name the corpus resolves them to, for --entity and --by speaker', () => {
  const quoted = (id: string, name: string) => {
    const text = `"The ferry timetable will change in spring," ${name} said on Monday.`;
    const start = text.indexOf(name);
    const entities = [{ name, type: 'person', count: 1, aliases: [name], mentions: [{ start, end: start + name.length, kind: 'name' }] }];
    return JSON.stringify({ id, file: `${id}.txt`, title: null, published: '2026-01-02', author: null, source: null, site: null, tags: [], paragraphs: [text], text, words: 11, entities });
  };
  const input = [quoted('a', 'Owen Dempsey'), quoted('b', 'Owen John Dempsey'), quoted('c', 'Dempsey')].join('\n') + '\n';
  for (const query of ['Owen Dempsey', 'Owen John Dempsey']) {
    const quotes = JSON.parse(mineInProcess(['quotes', '--json', '--entity', query, '-'], { input }).stdout) as Array<{ id: string; speaker: string }>;
    assert.deepEqual(quotes.map((q) => `${q.id}:${q.speaker}`), ['a:Owen John Dempsey', 'b:Owen John Dempsey', 'c:Owen John Dempsey'], query);
  }
  const speakers = JSON.parse(mineInProcess(['quotes', '--json', '--by', 'speaker', '-'], { input }).stdout) as Array<{ speaker: string; quotes: number }>;
  assert.deepEqual(speakers.map((s) => `${s.speaker}:${s.quotes}`), ['Owen John Dempsey:3']);
});
