// mine quotes end to end on the samples.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { cachedMine, mine, mineInProcess, tempDir } from '../helpers.js';

/** The samples' entities are found once for the whole file (the test of --cache has a cache of its own). */
const cached = cachedMine();

interface QuoteRow { file: string; id: string; published: string | null; site: string | null; speaker: string | null; speakerType: string | null; speakerText: string | null; verb: string | null; kind: string; text: string; start: number; end: number; segments: Array<[number, number]>; field?: string }
interface Article { id: string; title: string | null; text: string }

test('quotes --json: one record per quotation, its parts at their offsets in the article text', () => {
  const r = cached(['quotes', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const quotes = JSON.parse(r.stdout) as QuoteRow[];
  assert.ok(quotes.length >= 20, `${quotes.length} quotations`);
  const articles = new Map((JSON.parse(cached(['ner', '--json', 'samples']).stdout) as Article[]).map((a) => [a.id, a]));
  for (const q of quotes) {
    const article = articles.get(q.id)!;
    const source = q.field === 'title' ? article.title! : article.text;
    assert.equal(q.segments.map(([s, e]) => source.slice(s, e)).join(' … '), q.text);
    assert.deepEqual([q.start, q.end], [q.segments[0]![0], q.segments.at(-1)![1]]);
    assert.ok(['direct', 'indirect'].includes(q.kind) && q.file && 'speakerType' in q && 'site' in q && 'published' in q);
    if (q.speaker !== null) assert.ok(q.speakerType !== null && q.speakerText !== null);
  }
  assert.ok(quotes.some((q) => q.kind === 'direct') && quotes.some((q) => q.kind === 'indirect'));
  assert.ok(quotes.some((q) => q.speaker === 'Sergey Lavrov' && q.speakerType === 'person'));
  assert.match(r.stderr, /\d+ quotation\(s\)/);
});

test('quotes --entity keeps one speaker; --by speaker counts quotations and articles per speaker', () => {
  const all = JSON.parse(cached(['quotes', '--json', 'samples']).stdout) as QuoteRow[];
  const lavrov = JSON.parse(cached(['quotes', '--entity', 'Lavrov', '--json', 'samples']).stdout) as QuoteRow[];
  assert.ok(lavrov.length > 0);
  assert.equal(lavrov.length, all.filter((q) => q.speaker === 'Sergey Lavrov').length);
  const rows = JSON.parse(cached(['quotes', '--by', 'speaker', '--json', 'samples']).stdout) as Array<{ speaker: string; quotes: number; articles: number }>;
  const row = rows.find((s) => s.speaker === 'Sergey Lavrov')!;
  assert.equal(row.quotes, lavrov.length);
  assert.equal(row.articles, new Set(lavrov.map((q) => q.id)).size);
  assert.ok(rows.every((s, i) => i === 0 || rows[i - 1]!.quotes >= s.quotes), 'most quoted first');
  assert.equal(cached(['quotes', '--by', 'topic', 'samples']).status, 2);
});

test('quotes --csv has the record fields as columns; --cache gives the same quotations again', () => {
  const csv = cached(['quotes', '--csv', 'samples']);
  assert.equal(csv.status, 0, csv.stderr);
  assert.equal(csv.stdout.split('\n')[0], 'file,id,published,site,speaker,speakerType,speakerText,verb,kind,text,start,end,field');
  const cache = path.join(tempDir(), 'cache');
  const first = mine(['quotes', '--json', '--cache', cache, 'samples']);
  const second = mine(['quotes', '--json', '--cache', cache, 'samples']);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(second.stdout, first.stdout);
  assert.equal(first.stdout, mineInProcess(['quotes', '--json', 'samples']).stdout);
});

test('entities has a quotes column and timeline --quotes counts quotations per period, as quotes --by speaker does', () => {
  const speakers = JSON.parse(cached(['quotes', '--by', 'speaker', '--json', 'samples']).stdout) as Array<{ speaker: string; quotes: number }>;
  const lavrov = speakers.find((s) => s.speaker === 'Sergey Lavrov')!.quotes;
  const entities = JSON.parse(cached(['entities', '--json', 'samples']).stdout) as Array<{ name: string; quotes: number }>;
  assert.equal(entities.find((e) => e.name === 'Sergey Lavrov')!.quotes, lavrov);
  assert.match(cached(['entities', '--top', '3', '--table', 'samples']).stdout.split('\n')[1]!, /│ quotes │/);
  const timeline = JSON.parse(cached(['timeline', '--entity', 'Lavrov', '--quotes', '--json', 'samples']).stdout) as { series: Array<{ quotes: number }> };
  assert.equal(timeline.series.reduce((n, p) => n + p.quotes, 0), lavrov);
});

test('tone: all articles first, then entities; --entity, --by and --explain', () => {
  const r = cached(['tone', '--json', 'samples']);
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Array<{ name: string; type: string | null; articles: number; units: number; tone: number; drivers?: Array<{ word: string; value: number }> }>;
  assert.equal(rows[0]!.type, null);
  assert.ok(rows.length > 10 && rows.slice(1).every((row, i) => row.type !== null && row.units <= rows[i === 0 ? 1 : i]!.units));
  const lavrov = JSON.parse(cached(['tone', '--entity', 'Lavrov', '--by', 'year', '--explain', '--json', 'samples']).stdout) as Array<{ period: string; name: string; type: string | null; drivers: Array<{ word: string; value: number }> }>;
  assert.ok(lavrov.some((row) => row.name === 'Sergey Lavrov') && lavrov.every((row) => row.type === null || row.name === 'Sergey Lavrov'));
  assert.ok(lavrov.every((row, i) => i === 0 || lavrov[i - 1]!.period <= row.period));
  assert.ok(lavrov.filter((row) => row.type === null).every((row) => row.drivers.length > 0 && row.drivers.every((d) => d.value !== 0)));
  assert.match(cached(['tone', '--entity', 'Nobody Here', 'samples']).stderr, /no entity called 'Nobody Here'/);
});
