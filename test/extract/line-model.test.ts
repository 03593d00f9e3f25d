// The learned line model: its features, and how its scores and thresholds turn the rules' body into the body.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyLines, type Segment } from '../../src/extract/dump-body.js';
import { chooseMain, edgeRows, FEATURES, JOIN_FEATURES, joinFeatures, lineFeatures, lineModel, lineScores, modelBody, SEGMENT_FEATURES, segmentFeatures, smoothed, EDGE_FEATURES, type LineModel } from '../../src/extract/line-model.js';
import { lineWords, toLines, WORD_BUCKETS } from '../../src/extract/lines.js';
import { lineHash } from '../../src/extract/templates.js';
import { readDump, ruleView, segmentTitle } from '../../src/extract/text-dump.js';

const PARAGRAPH = (who: string) => `The council heard from ${who}, who said that the plan for the parks would help the families of the city.`;
const PAGE = ['The Daily Courier', 'Home | World | Business | Sport', 'Council approves new budget for city parks', 'By Jane Roe | March 3, 2024', ...['the mayor', 'a teacher', 'the treasurer', 'a nurse', 'a shop owner'].map(PARAGRAPH), 'Most Read', 'Weather: sunny all week', 'Contact us | Privacy'].join('\n\n');

function view() {
  const dump = readDump({ file: 'page.txt', content: PAGE, format: 'text' })!;
  const { lines, segments, main } = dump;
  const body = bodyLines(lines, main);
  return { lines, body, rules: ruleView(segments, main, body, segmentTitle(lines, segments, main, new Set())?.line ?? null) };
}

/** A model that scores every line the same (its bias), with the given thresholds, no cost of change, and ranks segments by `segment` alone. */
function flat(bias: number, keep: number, add: number, segment = 'ruleMain', weight = 1): LineModel {
  const segmentWeights = SEGMENT_FEATURES.map((f) => (f === segment ? weight : 0));
  return { features: FEATURES, weights: FEATURES.map((_, k) => (k === 0 ? bias : 0)), contextWeights: FEATURES.map(() => 0), segmentFeatures: SEGMENT_FEATURES, segmentWeights, joinFeatures: JOIN_FEATURES, joinWeights: [], join: 0, keep, add, change: 0, wordWeights: [], edgeFeatures: EDGE_FEATURES, edgeWeights: [], edge: 0 };
}

test('each line gets one value per feature, the rules body among them', () => {
  const { lines, body, rules } = view();
  const features = lineFeatures(lines, rules, []);
  assert.equal(features.length, lines.length * FEATURES.length);
  const ruleBody = FEATURES.indexOf('ruleBody');
  lines.forEach((line, i) => assert.equal(features[i * FEATURES.length + ruleBody], body.includes(line) ? 1 : 0));
});

test('the rules body stays above the keep threshold, goes below it; other lines come in only above the add threshold', () => {
  const { lines, body, rules } = view();
  assert.deepEqual(modelBody(lines, rules, flat(0, -1, 1)), body);
  // Inserts ("Most Read" and the lines under it here) and furniture are never body.
  const open = lines.filter((l) => !l.furniture && !l.insert);
  assert.ok(open.length < lines.length);
  assert.deepEqual(modelBody(lines, rules, flat(0, 1, -0.5)), open.filter((l) => !body.includes(l)));
  // A model that would drop every line leaves the rules' body: the page is not emptied.
  assert.deepEqual(modelBody(lines, rules, flat(0, 1, 2)), body);
  assert.deepEqual(modelBody(lines, rules, flat(3, -1, 1)), open);
});

test('the edge model trims the lines at either end of the body that it scores above its threshold, one line always staying', () => {
  const { lines, body, rules } = view();
  assert.equal(body.length, 5);
  const edges = (weights: Record<string, number>) => ({ ...flat(0, -1, 1), edgeWeights: EDGE_FEATURES.map((f) => weights[f] ?? 0) });
  assert.deepEqual(modelBody(lines, rules, edges({ bias: -1 })), body);
  // Only the outermost line at each end scores above 0: the last line goes, then the first.
  assert.deepEqual(modelBody(lines, rules, edges({ bias: 1, trimmed: -10 })), body.slice(1, 4));
  // Only the last lines: trimmed up to the first.
  assert.deepEqual(modelBody(lines, rules, edges({ bias: 1, head: -2 })), body.slice(0, 1));
  assert.deepEqual(modelBody(lines, rules, edges({ bias: 5 })), body.slice(0, 1));
});

test("navWords: the share of a line's words that the page holds only outside prose", () => {
  const notice = 'Sign up for the Courier newsletter';
  const dump = readDump({ file: 'page.txt', content: PAGE.replace('Most Read', `${notice}\n\nNewsletter | Sign up\n\nMost Read`), format: 'text' })!;
  const { lines, segments, main } = dump;
  const features = lineFeatures(lines, ruleView(segments, main, bodyLines(lines, main), null), []);
  const navWords = (text: string) => features[lines.findIndex((l) => l.text === text) * FEATURES.length + FEATURES.indexOf('navWords')];
  // "sign", "up" and "newsletter" are on the menu line, "courier" on the site's name; "for" and "the" are in the paragraphs.
  assert.equal(navWords(notice), 4 / 6);
  assert.equal(navWords(PARAGRAPH('the mayor')), 0);
});

test('smoothing along the page: a doubtful line between body lines comes in, a lone likely line stays out', () => {
  const gain = Float64Array.from([-2, 3, -0.5, 3, -2, -2, 0.8, -2, -2]);
  // Without a cost of change, every line with a gain.
  assert.deepEqual([...smoothed(gain, 0)], [0, 1, 0, 1, 0, 0, 1, 0, 0]);
  // At 0.5 a change, the run 1-3 is worth 5.5 - 1, line 6 alone 0.8 - 1.
  assert.deepEqual([...smoothed(gain, 0.5)], [0, 1, 1, 1, 0, 0, 0, 0, 0]);
  // At 3 a change, no run is worth its two changes (lines 1-3 bring 5.5): none.
  assert.deepEqual([...smoothed(gain, 3)], [0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual([...smoothed(Float64Array.from([]), 1)], []);
});

test("a line of the site's template stays out of the body, however costly the change around it", () => {
  const notice = 'Comments are moderated and may take a day to appear on the site.';
  const content = PAGE.replace(PARAGRAPH('a teacher'), `${PARAGRAPH('a teacher')}\n\n${notice}`);
  const { lines, segments, main } = readDump({ file: 'page.txt', content, format: 'text', templates: [lineHash(notice)] })!;
  const body = bodyLines(lines, main);
  const rules = ruleView(segments, main, body, null);
  // Rule body lines bring 3 each, other lines cost 1: the notice's -1 is cheaper than the two changes (4) around it.
  const smoothing = { ...flat(0, -3, 1), change: 2 };
  const text = modelBody(lines, rules, smoothing).map((l) => l.text);
  assert.ok(lines.some((l) => l.template && l.text === notice));
  assert.equal(text.filter((t) => t.startsWith('The council heard from')).length, 5);
  assert.ok(!text.includes(notice));
});

test('furniture between paragraphs costs the smoothing no change and stays out', () => {
  const content = PAGE.replace(PARAGRAPH('a nurse'), `Share\n\n${PARAGRAPH('a nurse')}`);
  const { lines, segments, main } = readDump({ file: 'page.txt', content, format: 'text' })!;
  const body = bodyLines(lines, main);
  assert.ok(lines.some((l) => l.furniture && l.text === 'Share'));
  // Rule body lines bring 3 each, other lines cost 1: taking "Share" (-1) would be cheaper than two changes (4).
  assert.deepEqual(modelBody(lines, ruleView(segments, main, body, null), { ...flat(0, -3, 1), change: 2 }), body);
});

test('the shipped model keeps the paragraphs of a plain article and leaves the page furniture out', () => {
  const { lines, rules } = view();
  const text = modelBody(lines, rules, lineModel()).map((l) => l.text);
  assert.equal(text.length, 5);
  assert.ok(text.every((t) => t.startsWith('The council heard from')));
});

test("the scores are the dot products of each line's features with the weights", () => {
  const { lines, rules } = view();
  const weights = FEATURES.map((_, k) => ((k * 7) % 5) - 2);
  const features = lineFeatures(lines, rules, []);
  const scores = lineScores(lines, rules, weights, []);
  lines.forEach((_, i) => {
    const dot = weights.reduce((z, w, k) => z + w * features[i * FEATURES.length + k]!, 0);
    assert.ok(Math.abs(scores[i]! - dot) < 1e-9, `line ${i}: ${scores[i]} vs ${dot}`);
  });
});

test('the segment ranker picks the segment its weights score highest', () => {
  const menu = ['Home', 'World', 'Business', 'Sport', 'Weather', 'Contact us'];
  const second = ['a porter', 'a baker', 'the librarian'].map((who) => `The board met with ${who}, who said that the new timetable for the buses would suit most of the town.`);
  const { lines, segments, main } = readDump({ file: 'page.txt', content: [PAGE, ...menu, ...menu.map((m) => `${m} news`), ...second].join('\n\n'), format: 'text' })!;
  assert.ok(segments.length >= 2);
  assert.equal(chooseMain(lines, segments, flat(0, 0, 0)).main, main);
  assert.equal(chooseMain(lines, segments, flat(0, 0, 0, 'order', -1)).main, segments[0]);
  assert.equal(chooseMain(lines, segments, flat(0, 0, 0, 'order', 1)).main, segments.at(-1));
  assert.equal(chooseMain(lines, [segments[1]!], flat(0, 0, 0)).main, segments[1]);
});

test('the join model joins the segments next to the chosen one that it scores above its threshold, and none too far away', () => {
  const menu = ['Home', 'World', 'Business', 'Sport', 'Weather', 'Contact us'];
  const second = ['a porter', 'a baker', 'the librarian'].map((who) => `The board met with ${who}, who said that the new timetable for the buses would suit most of the town.`);
  const page = (gap: string[]) => readDump({ file: 'page.txt', content: [PAGE, ...gap, ...second].join('\n\n'), format: 'text' })!;
  // The first segment chosen; a join model of its bias alone joins every neighbour or none.
  const joining = (bias: number) => ({ ...flat(0, 0, 0, 'order', -1), joinWeights: JOIN_FEATURES.map((f) => (f === 'bias' ? bias : 0)) });
  const near = page([...menu, ...menu.map((m) => `${m} news`)]);
  assert.equal(near.segments.length, 2);
  const [article, more] = near.segments as [Segment, Segment];
  const { main, segments, ranked } = chooseMain(near.lines, near.segments, joining(1));
  assert.deepEqual([main.first, main.last, main.score, main.goodLines], [article.first, more.last, article.score + more.score, article.goodLines + more.goodLines]);
  assert.deepEqual(segments, [main]);
  // The segment the ranker chose stays known (the title is looked for before it).
  assert.equal(ranked, article);
  assert.deepEqual(chooseMain(near.lines, near.segments, joining(-1)), { main: article, segments: near.segments, ranked: article });
  // Past JOIN_LINES lines between them, never.
  const far = page(Array.from({ length: 90 }, (_, k) => `${menu[k % menu.length]} ${k}`));
  assert.equal(far.segments.length, 2);
  assert.equal(chooseMain(far.lines, far.segments, joining(5)).main, far.segments[0]);
});

test('a join is led in by text that ends on a colon at the end of the earlier part, not by a label just before the later one', () => {
  const player = ['Play Video', 'Play', 'Mute', 'Current Time 0:00', '/', 'Duration Time 0:00', 'Loaded: 0%', 'Progress: 0%', 'Playback Rate', 'Chapters', 'Captions', 'Fullscreen', 'Close'];
  const second = ['a porter', 'a baker', 'the librarian'].map((who) => `The board met with ${who}, who said that the new timetable for the buses would suit most of the town.`);
  const article = ['Council approves new budget for city parks', 'By Jane Roe | March 3, 2024', ...['the mayor', 'a teacher', 'the treasurer', 'a nurse'].map(PARAGRAPH)];
  // The first segment chosen; a join model of its bias and leadIn alone joins the neighbour only when led in.
  const model = { ...flat(0, 0, 0, 'order', -1), joinWeights: JOIN_FEATURES.map((f) => (f === 'bias' ? -1 : f === 'leadIn' ? 2 : 0)) };
  const joins = (gap: string[]) => {
    const { lines, segments } = readDump({ file: 'page.txt', content: [...article, ...gap, ...second].join('\n\n'), format: 'text' })!;
    assert.equal(segments.length, 2, gap.join(' / '));
    return chooseMain(lines, segments, model).main.last === segments[1]!.last;
  };
  assert.equal(joins(['The mayor spoke about the plan in a short video:', ...player]), true);
  assert.equal(joins(player), false);
  // "Share this:" leads in to the later part, not to what lies between.
  assert.equal(joins([...player, 'Share this:']), false);
});

test('the join features of a segment below the main one are weighed apart from those of one above it; gapProseShare counts the teasers between', () => {
  const teasers = ['Bus drivers vote on a new timetable for the town', 'Library to open on Sundays from next month', 'New cycle lanes planned along the river'];
  const second = ['a porter', 'a baker', 'the librarian'].map((who) => `The board met with ${who}, who said that the new timetable for the buses would suit most of the town.`);
  const { lines, segments } = readDump({ file: 'page.txt', content: [...second, 'Home', 'World', 'Business', 'Sport', 'Weather', 'Contact us', ...teasers, ...['the mayor', 'a teacher', 'the treasurer', 'a nurse'].map(PARAGRAPH)].join('\n\n'), format: 'text' })!;
  assert.equal(segments.length, 2);
  const rows = segmentFeatures(lines, segments, new Float64Array(lines.length));
  const sided = (JOIN_FEATURES.length - 2) / 2;
  const [above, below] = [joinFeatures(lines, segments, 1, 1, 0, rows)!, joinFeatures(lines, segments, 0, 0, 1, rows)!];
  assert.deepEqual(above.slice(2 + sided), new Array(sided).fill(0));
  assert.deepEqual(below.slice(2 + sided), below.slice(2, 2 + sided));
  // The teasers' words against the segment's own: the same lines lie between either way.
  const share = JOIN_FEATURES.indexOf('gapProseShare');
  const teaserWords = teasers.join(' ').split(' ').length;
  assert.equal(above[share], teaserWords / (teaserWords + segments[0]!.score));
  assert.equal(below[share], teaserWords / (teaserWords + segments[1]!.score));
});

test('innerLike: the edge line and the body line inward of it, both without a full stop and about as long, are items of one list', () => {
  const dates = ['September 5 – Seattle, WA @ White River Amphitheatre', 'September 12 – Mountain View, CA @ Shoreline Amphitheatre', 'October 3 – Phoenix, AZ @ Ak-Chin Pavilion'];
  const innerLike = EDGE_FEATURES.indexOf('innerLike');
  const lastRow = (...tail: string[]) => {
    const { lines } = readDump({ file: 'page.txt', content: [...['the mayor', 'a teacher', 'the treasurer'].map(PARAGRAPH), ...tail].join('\n\n'), format: 'text' })!;
    const body = tail.map((t) => lines.findIndex((l) => l.text === t));
    return edgeRows(lines, [0, ...body], new Float64Array(lines.length), false)[0]!;
  };
  assert.equal(lastRow(...dates)[innerLike], 1);
  assert.equal(lastRow(dates[0]!, 'Sign up')[innerLike], 0, 'a much shorter line');
  assert.equal(lastRow(dates[0]!, PARAGRAPH('a nurse'))[innerLike], 0, 'a sentence');
});

/** The word buckets of a one-line text. */
const buckets = (text: string) => toLines(text).flatMap((line) => [...lineWords(line)]);

test('a line is hashed word by word: case and digits aside, each sign and each character written without spaces on its own', () => {
  assert.deepEqual(buckets('Sign up for the Newsletter'), buckets('sign UP for the newsletter'));
  assert.equal(buckets('Sign up for the newsletter').length, 5);
  assert.deepEqual(buckets('© 2024 Example'), buckets('© 1999 example'));
  assert.notDeepEqual(buckets('© 2024 Example'), buckets('(c) 2024 Example'));
  assert.equal(buckets('新闻报道。').length, 5);
  assert.equal(buckets('Ein Artikel über Österreich').length, 4);
  assert.deepEqual(buckets('über'), buckets('ÜBER'));
  assert.ok(buckets('  ').length === 0 && buckets('').length === 0);
  assert.ok(buckets('a b c d e f g h').every((b) => b >= 0 && b < WORD_BUCKETS));
  // A long line after short ones is read whole.
  assert.equal(buckets('word '.repeat(2000)).length, 2000);
});

test("each line of a page has its own words' buckets, whether scanned or read by the regexes", () => {
  const texts = ['Sign up for the Newsletter', 'İSTANBUL — 2024 😀 news', '  ', '新闻报道。', 'The end'];
  const lines = toLines(texts.join('\n'));
  assert.deepEqual(lines.map((line) => [...lineWords(line)]), texts.filter((t) => t.trim()).map(buckets));
  // A sign or character that sends the line to the regexes is a word of its own like any other sign.
  assert.deepEqual(buckets('Sign up 😀 today').slice(0, 2), buckets('sign up'));
  assert.deepEqual(buckets('Sign up 😀 today').slice(4), buckets('today'));
  assert.equal(buckets('Sign up 😀 today').length, 5);
  // The scan and the regexes' path agree, letters and digits right after characters written without spaces too.
  for (const text of ['新闻Kindle版 ノート100YEN.com', 'プライバシーポリシー', "Don't stop — 2024-10-16, l’été", '서울에서 열린 회의']) {
    assert.deepEqual(buckets(`${text} 😀`).slice(0, -2), buckets(text), text);
  }
});

test("the wordOdds feature is the mean weight of a line's words, and 0 on furniture", () => {
  const content = PAGE.replace(PARAGRAPH('a nurse'), `Share\n\n${PARAGRAPH('a nurse')}`);
  const { lines, segments, main } = readDump({ file: 'page.txt', content, format: 'text' })!;
  const rules = ruleView(segments, main, bodyLines(lines, main), null);
  const wordWeights = new Array<number>(WORD_BUCKETS).fill(1);
  for (const b of buckets('council')) wordWeights[b] = 3;
  const features = lineFeatures(lines, rules, wordWeights);
  const at = FEATURES.indexOf('wordOdds');
  const odds = (i: number) => features[i * FEATURES.length + at]!;
  const paragraph = lines.findIndex((l) => l.text === PARAGRAPH('the mayor'));
  assert.ok(Math.abs(odds(paragraph) - (1 + 2 / buckets(PARAGRAPH('the mayor')).length)) < 1e-12);
  assert.ok(lines.some((l) => l.furniture && l.text === 'Share'));
  lines.forEach((line, i) => assert.equal(odds(i), line.furniture ? 0 : /council/i.test(line.text) ? odds(i) : 1, line.text));
  // Without word weights the feature is 0 on every line.
  const none = lineFeatures(lines, rules, []);
  lines.forEach((_, i) => assert.equal(none[i * FEATURES.length + at], 0));
});

test('echo marks a line printed twice in a row (an image text and its caption), not a line repeated further away', () => {
  const alt = 'The council chamber before the vote on the budget.';
  const content = PAGE.replace(PARAGRAPH('a nurse'), `${alt}\n${alt}\n\n${PARAGRAPH('a nurse')}`).replace(PARAGRAPH('the mayor'), `${PARAGRAPH('the mayor')}\n\nWeather: sunny all week`);
  const { lines, segments, main } = readDump({ file: 'page.txt', content, format: 'text' })!;
  const features = lineFeatures(lines, ruleView(segments, main, bodyLines(lines, main), null), []);
  const at = FEATURES.indexOf('echo');
  const echo = lines.filter((_, i) => features[i * FEATURES.length + at] === 1).map((l) => l.text);
  assert.deepEqual(echo, [alt, alt]);
  assert.equal(lines.filter((l) => l.text === 'Weather: sunny all week').length, 2);
});
