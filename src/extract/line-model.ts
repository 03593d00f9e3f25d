// The learned passes over a dump's lines. First a linear ranker over the rules' segments (dump-body.ts) picks the
// main article's, and a logistic regression joins the segments next to it that continue it; then a logistic
// regression on each line's features, its neighbours' and what the rules found says how likely the line is body
// text: it drops the rules' body lines it finds very unlikely and adds other lines it finds very likely (text the
// rules' segments cut off). Among the features is the mean learned weight of the line's hashed words, so that
// notices and sign-up lines tell by their wording in any language the weights saw, and the share of its words that
// the page holds only outside prose (a menu's, a notice's: in any language, seen or not). Last, a logistic regression
// on the body's first and last lines trims notices and teasers off its ends. Weights and thresholds are learned from
// labelled pages (scripts/train-lines.mjs) and shipped in data/line-model.json.
import { loadModel } from '../data.js';
import { packedMap, sized } from '../text/packed.js';
import { furnitureBlocks, isArticle, segmentTraits, segmentWeight, type Scored, type Segment } from './dump-body.js';
import { WORD_BUCKETS } from './lines.js';

export interface LineModel {
  /** Names of the features, in the order of the weights (a check that data and code agree). */
  features: string[];
  weights: number[];
  /** Weights of FEATURES for a line's log-odds of being body before the rules chose a segment (see contextScores). */
  contextWeights: number[];
  /** The same for the segment ranker (SEGMENT_FEATURES). */
  segmentFeatures: string[];
  segmentWeights: number[];
  /** The same for joining a segment next to the main one to it (JOIN_FEATURES; empty: never), and the log-odds above which it does. */
  joinFeatures: string[];
  joinWeights: number[];
  join: number;
  /** Log-odds above which a line the rules took stays body, and above which a line they left becomes body. */
  keep: number;
  add: number;
  /** What each change between body and other text costs along the page, in log-odds (see modelBody). */
  change: number;
  /** Log-odds of body for each of WORD_BUCKETS hashed words (see lineWords), learned from labelled lines; empty: none. */
  wordWeights: number[];
  /** Names and weights of the edge model's features (EDGE_FEATURES; empty: no edge model), and the log-odds above which it trims the body's first or last line. */
  edgeFeatures: string[];
  edgeWeights: number[];
  edge: number;
}

/** What the rules found on the page: the main segment, its body lines, its title line and the other articles. */
export interface RuleView {
  main: Segment;
  /** The rules' body lines, in page order. */
  body: Scored[];
  title: Scored | null;
  articles: Segment[];
}

/** Features of one line on its own, before its neighbours'. */
const OWN = ['ruleBody', 'inMain', 'beforeMain', 'afterMain', 'mainStart', 'mainEnd', 'otherArticle', 'good', 'neargood', 'short', 'logWords', 'stopDensity', 'sentenceEnd', 'listItem', 'listed', 'furniture', 'dated', 'repeated', 'insert', 'end', 'echo', 'title', 'position', 'wordShare', 'wordOdds', 'navWords'] as const;
/** The neighbours' features that the line's own are joined by. */
const NEIGHBOUR = ['ruleBody', 'good', 'logWords', 'sentenceEnd', 'furniture', 'wordOdds'] as const;
const OFFSETS = [-2, -1, 1, 2];
/** Lines at the main segment's start and end whose nearness to it is a feature (mainStart, mainEnd): teasers, notices. */
const EDGE_LINES = 6;
/** Lines around a line whose share of rule body is a feature. */
const WINDOW = 5;

export const FEATURES: string[] = ['bias', ...OWN, ...OFFSETS.flatMap((o) => NEIGHBOUR.map((f) => `${f}@${o}`)), 'ruleBodyNear'];
const OWN_COUNT = OWN.length;
const NEIGHBOUR_INDEX = NEIGHBOUR.map((f) => OWN.indexOf(f));
/** NEIGHBOUR_INDEX one by one, for lineScores (which reads the six by hand). */
const [N0, N1, N2, N3, N4, N5] = NEIGHBOUR_INDEX as [number, number, number, number, number, number];
if (NEIGHBOUR_INDEX.length !== 6) throw new Error('lineScores reads six NEIGHBOUR features by hand: make it read them all');

/** The logWords feature of lines up to 255 words, looked up rather than reckoned. */
const LOG_WORDS = Float64Array.from({ length: 256 }, (_, words) => Math.log1p(words) / 4);

/** Per line: its OWN features, then the share of rule body lines around it (ruleBodyNear). */
const OWN_WIDTH = OWN_COUNT + 1;
/** Kept from page to page (grown when a page needs more): a page's own features are read before the next's are made. */
let ownBuffer = new Float64Array(0);
/** The lines whose features that do not depend on the rules' choice ownBuffer holds (the context pass and the line model share them). */
let filledFor: Scored[] | null = null;
/** The word weights ownBuffer's features were made with. */
let filledWith: number[] | null = null;
const [OTHER_ARTICLE, GOOD, TITLE, LOG_WORDS_INDEX, WORD_ODDS, NAV_WORDS] = (['otherArticle', 'good', 'title', 'logWords', 'wordOdds', 'navWords'] as const).map((f) => OWN.indexOf(f));

/** The OWN features that do not depend on the rules' choice: from `good` on, but for `title`. */
function fillLineFeatures(lines: Scored[], own: Float64Array, wordWeights: number[]): void {
  const n = lines.length;
  let longest = 1;
  for (const line of lines) longest = Math.max(longest, line.words);
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let at = i * OWN_WIDTH + GOOD;
    // In the order of OWN.
    own[at++] = line.kind === 'good' ? 1 : 0;
    own[at++] = line.kind === 'neargood' ? 1 : 0;
    own[at++] = line.kind === 'short' ? 1 : 0;
    own[at++] = line.words < LOG_WORDS.length ? LOG_WORDS[line.words]! : Math.log1p(line.words) / 4;
    own[at++] = line.stopDensity;
    own[at++] = line.sentenceEnd ? 1 : 0;
    own[at++] = line.listItem ? 1 : 0;
    own[at++] = line.listed ? 1 : 0;
    own[at++] = line.furniture ? 1 : 0;
    own[at++] = line.dated ? 1 : 0;
    own[at++] = line.repeats > 1 ? 1 : 0;
    own[at++] = line.insert ? 1 : 0;
    own[at++] = line.end ? 1 : 0;
    // echo: the same text as the line before or after (an image's alt text and its caption).
    own[at++] = line.repeats > 1 && ((i > 0 && lines[i - 1]!.keyHash === line.keyHash) || (i + 1 < n && lines[i + 1]!.keyHash === line.keyHash)) ? 1 : 0;
    at++; // title
    own[at++] = n > 1 ? i / (n - 1) : 0;
    own[at] = line.words / longest;
  }
  fillWordFeatures(lines, own, wordWeights);
}

/**
 * Per word bucket, in one number (one small array, which stays in the processor's cache): how many of the page's
 * prose lines (good or neargood) hold it, up to 2, in bits 0-1; how many of its other lines, in bits 2-3; and from bit
 * 4 the number of the last line counted (lines are numbered on from page to page: a line holding a word twice counts
 * once, and a number from before the page's first line means no line of the page holds it yet).
 */
const bucketCounts = new Int32Array(WORD_BUCKETS);
const LAST_STAMP = 0xfffffff;
let lineStamp = 0;

const isProse = (line: Scored) => line.kind === 'good' || line.kind === 'neargood';

/** Word weights of no word: wordOdds is 0 when there are none. */
const NO_WORD_WEIGHTS = new Array<number>(WORD_BUCKETS).fill(0);

/**
 * The wordOdds and navWords features of each line, into `own`: the mean weight of its words (0 on furniture, which is
 * never body: a close button's "x" or a "Share" says nothing of the caption or paragraph beside it), summed in the
 * pass that counts the words; and the share of its words that the page's other lines hold only outside prose (a
 * site's name, its menu's and notices' words, in any language).
 */
function fillWordFeatures(lines: Scored[], own: Float64Array, wordWeights: number[]): void {
  const n = lines.length;
  if (n === 0) return;
  const counts = bucketCounts;
  if (lineStamp + n >= LAST_STAMP) {
    lineStamp = 0;
    counts.fill(0);
  }
  const pageFirst = lineStamp + 1;
  // The page's buckets, one array for all its lines (see lineWords).
  const buckets = lines[0]!.wordBuckets;
  const weights = wordWeights.length > 0 ? wordWeights : NO_WORD_WEIGHTS;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    const shift = isProse(line) ? 0 : 2;
    const stamp = pageFirst + i;
    let sum = 0;
    for (let k = line.bucketsStart; k < line.bucketsEnd; k++) {
      const b = buckets[k]!;
      sum += weights[b]!;
      let cell = counts[b]!;
      if (cell >>> 4 === stamp) continue;
      if (cell >>> 4 < pageFirst) cell = 0;
      const held = ((cell >>> shift) & 3) < 2 ? 1 << shift : 0;
      counts[b] = (stamp << 4) | ((cell & 15) + held);
    }
    own[i * OWN_WIDTH + WORD_ODDS] = line.furniture || line.bucketsEnd === line.bucketsStart ? 0 : sum / (line.bucketsEnd - line.bucketsStart);
  }
  lineStamp += n;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    // The other lines' counts: less this line's own.
    const ownProse = isProse(line) ? 1 : 0;
    let nav = 0;
    for (let k = line.bucketsStart; k < line.bucketsEnd; k++) {
      const cell = counts[buckets[k]!]!;
      if ((cell & 3) === ownProse && ((cell >>> 2) & 3) > 1 - ownProse) nav++;
    }
    own[i * OWN_WIDTH + NAV_WORDS] = nav / Math.max(1, line.bucketsEnd - line.bucketsStart);
  }
}

/** Each line's OWN features and ruleBodyNear, OWN_WIDTH numbers a line (valid until the next call). */
function ownFeatures(lines: Scored[], rules: RuleView, wordWeights: number[]): Float64Array {
  const n = lines.length;
  if (ownBuffer.length < n * OWN_WIDTH) [ownBuffer, filledFor] = [new Float64Array(n * OWN_WIDTH * 2), null];
  const own = ownBuffer;
  if (lines !== filledFor || wordWeights !== filledWith) {
    fillLineFeatures(lines, own, wordWeights);
    [filledFor, filledWith] = [lines, wordWeights];
  }
  const { first, last } = rules.main;
  let nextBody = 0; // the next rule body line
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let at = i * OWN_WIDTH;
    // In the order of OWN, up to `good`.
    if (rules.body[nextBody] === line) {
      own[at++] = 1;
      nextBody++;
    } else own[at++] = 0;
    own[at++] = i >= first && i <= last ? 1 : 0;
    own[at++] = i < first ? 1 : 0;
    own[at++] = i > last ? 1 : 0;
    own[at++] = i >= first && i <= last ? Math.max(0, 1 - (i - first) / EDGE_LINES) : 0;
    own[at++] = i >= first && i <= last ? Math.max(0, 1 - (last - i) / EDGE_LINES) : 0;
    own[at] = 0; // otherArticle: set below
    own[i * OWN_WIDTH + TITLE] = line === rules.title ? 1 : 0;
  }
  for (const s of rules.articles) if (s !== rules.main) for (let i = s.first; i <= s.last; i++) own[i * OWN_WIDTH + OTHER_ARTICLE] = 1;
  // Rule body lines among the WINDOW lines on each side, as a running sum.
  let near = 0;
  for (let j = 0; j <= Math.min(n - 1, WINDOW); j++) near += own[j * OWN_WIDTH]!;
  for (let i = 0; i < n; i++) {
    own[i * OWN_WIDTH + OWN_COUNT] = (near - own[i * OWN_WIDTH]!) / (2 * WINDOW);
    if (i - WINDOW >= 0) near -= own[(i - WINDOW) * OWN_WIDTH]!;
    if (i + WINDOW + 1 < n) near += own[(i + WINDOW + 1) * OWN_WIDTH]!;
  }
  return own;
}

/** Each line's features (FEATURES, in order), FEATURES.length numbers a line, in one array: for training. */
export function lineFeatures(lines: Scored[], rules: RuleView, wordWeights: number[]): Float64Array {
  const n = lines.length;
  const width = FEATURES.length;
  const own = ownFeatures(lines, rules, wordWeights);
  const features = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    let at = i * width;
    features[at++] = 1;
    for (let k = 0; k < OWN_COUNT; k++) features[at++] = own[i * OWN_WIDTH + k]!;
    for (const offset of OFFSETS) {
      const j = i + offset;
      for (const k of NEIGHBOUR_INDEX) features[at++] = j >= 0 && j < n ? own[j * OWN_WIDTH + k]! : 0;
    }
    features[at] = own[i * OWN_WIDTH + OWN_COUNT]!;
  }
  return features;
}

/**
 * The classifier's log-odds that each line is body: the dot product of lineFeatures' rows with the weights,
 * reckoned from the lines' own features without making the rows (each line's part in its neighbours' sums once).
 * Into `scores` (one number a line) when given.
 */
export function lineScores(lines: Scored[], rules: RuleView, weights: number[], wordWeights: number[], scores: Float64Array = new Float64Array(lines.length)): Float64Array {
  const n = lines.length;
  const own = ownFeatures(lines, rules, wordWeights);
  const neighbourWeights = 1 + OWN_COUNT;
  const nearWeight = weights[weights.length - 1]!;
  scores.fill(weights[0]!);
  for (let j = 0; j < n; j++) {
    const at = j * OWN_WIDTH;
    let z = own[at + OWN_COUNT]! * nearWeight;
    for (let k = 0; k < OWN_COUNT; k++) z += own[at + k]! * weights[1 + k]!;
    scores[j]! += z;
    // Line j as neighbour `offset` of line j - offset: its NEIGHBOUR features read once for the four.
    const [f0, f1, f2, f3, f4, f5] = [own[at + N0]!, own[at + N1]!, own[at + N2]!, own[at + N3]!, own[at + N4]!, own[at + N5]!];
    for (let o = 0; o < OFFSETS.length; o++) {
      const i = j - OFFSETS[o]!;
      if (i < 0 || i >= n) continue;
      const w = neighbourWeights + o * NEIGHBOUR.length;
      let part = 0;
      part += f0 * weights[w]!;
      part += f1 * weights[w + 1]!;
      part += f2 * weights[w + 2]!;
      part += f3 * weights[w + 3]!;
      part += f4 * weights[w + 4]!;
      part += f5 * weights[w + 5]!;
      scores[i]! += part;
    }
  }
  return scores;
}

let shipped: LineModel | null = null;

export function lineModel(): LineModel {
  if (shipped) return shipped;
  const model = loadModel<LineModel>('line-model.json', FEATURES, 'scripts/train-lines.mjs');
  if (model.segmentFeatures?.join() !== SEGMENT_FEATURES.join() || model.joinFeatures?.join() !== JOIN_FEATURES.join() || model.edgeFeatures?.join() !== EDGE_FEATURES.join()) throw new Error('data/line-model.json was trained on other segment, join or edge features: retrain it with scripts/train-lines.mjs');
  return (shipped = model);
}

/** No segment chosen: the features that depend on the rules' choice are the same on every line. */
function noChoice(lines: Scored[]): RuleView {
  const none: Segment = { first: lines.length, last: lines.length, score: 0, goodLines: 0 };
  return { main: none, body: [], title: null, articles: [] };
}

/** Each line's log-odds of being body from its own and its neighbours' features only, before a segment is chosen (valid until the next call). */
export function contextScores(lines: Scored[], weights: number[], wordWeights: number[]): Float64Array {
  return lineScores(lines, noChoice(lines), weights, wordWeights, keptScores(CONTEXT_SCORES, lines.length));
}

/**
 * Arrays of scores, one for contextScores' and one for smoothedBody's, kept from page to page (grown when a page needs
 * more): an array of its own for each page is allocated and freed outside the heap.
 */
const scoreBuffers = [new Float64Array(0), new Float64Array(0)];
const [CONTEXT_SCORES, GAIN] = [0, 1];

/** The first `n` numbers of a kept array of scores. */
function keptScores(which: number, n: number): Float64Array {
  return (scoreBuffers[which] = sized(scoreBuffers[which]!, n)).subarray(0, n);
}

/** lineFeatures before a segment is chosen: what contextScores weighs. */
export function contextFeatures(lines: Scored[], wordWeights: number[]): Float64Array {
  return lineFeatures(lines, noChoice(lines), wordWeights);
}

/** Log-odds beyond which a line's context score adds no more to its segment's (one sure line does not make an article). */
const ODDS_CAP = 4;

/**
 * What the segment ranker knows of each segment: the rules' view of it, its size, place and text, and the lines'
 * context scores (their capped log-odds summed, and the segment's share of the page's likely body lines).
 */
export const SEGMENT_FEATURES = ['ruleMain', 'ruleShare', 'logWords', 'wordShare', 'logGoodLines', 'article', 'position', 'order', 'header', 'afterEnd', 'headlineShare', 'datedPosts', 'stopDensity', 'sentenceEnds', 'odds', 'bodyShare'];

/**
 * Each segment's SEGMENT_FEATURES, SEGMENT_FEATURES.length numbers a segment, in one array (`features` when given);
 * `odds` from contextScores.
 */
export function segmentFeatures(lines: Scored[], segments: Segment[], odds: Float64Array, features: Float64Array = new Float64Array(segments.length * SEGMENT_FEATURES.length)): Float64Array {
  const width = SEGMENT_FEATURES.length;
  const traits = packedMap(segments, (s) => segmentTraits(lines, s));
  const ruleWeights = packedMap(segments, (s, k) => segmentWeight(lines, s, traits[k]));
  const ruleMain = ruleWeights.indexOf(Math.max(...ruleWeights));
  const topWeight = Math.max(1, ruleWeights[ruleMain]!);
  let pageWords = 0;
  for (const s of segments) pageWords += s.score;
  // Into a kept array by a loop: a typed array's map with a function, and an array of its own for each page, cost more.
  const probability = (probabilityBuffer = sized(probabilityBuffer, odds.length));
  let pageBody = 0;
  for (let i = 0; i < odds.length; i++) pageBody += probability[i] = 1 / (1 + Math.exp(-odds[i]!));
  segments.forEach((segment, k) => {
    const { header, afterEnd, headlines, datedPosts } = traits[k]!;
    let [stops, sentences, sum, body] = [0, 0, 0, 0];
    for (let i = segment.first; i <= segment.last; i++) {
      sum += Math.max(-ODDS_CAP, Math.min(ODDS_CAP, odds[i]!));
      body += probability[i]!;
      const line = lines[i]!;
      if (line.kind !== 'good') continue;
      stops += line.stopDensity * line.words;
      if (line.sentenceEnd) sentences++;
    }
    const row = [
      k === ruleMain ? 1 : 0,
      Math.max(-1, ruleWeights[k]! / topWeight),
      Math.log1p(segment.score) / 4,
      segment.score / Math.max(1, pageWords),
      Math.log1p(segment.goodLines) / 2,
      isArticle(segment) ? 1 : 0,
      lines.length > 1 ? segment.first / (lines.length - 1) : 0,
      segments.length > 1 ? k / (segments.length - 1) : 0,
      header ? 1 : 0,
      afterEnd ? 1 : 0,
      headlines / segment.goodLines,
      datedPosts >= 2 ? 1 : 0,
      stops / Math.max(1, segment.score),
      sentences / segment.goodLines,
      sum / 20,
      body / Math.max(1, pageBody),
    ];
    features.set(row, k * width);
  });
  return features;
}

/** chooseMain's segment features, kept from page to page likewise. */
let segmentBuffer = new Float64Array(0);

/** segmentFeatures' line probabilities, kept from page to page (grown when a page needs more). */
let probabilityBuffer = new Float64Array(0);

/**
 * The segment the ranker scores highest (`ranked`), joined with the segments next to it that the join model takes as
 * more of the same article (one parted by a video, a box or a list): the main article's segment, and the page's
 * segments with it in place of those it joins.
 */
export function chooseMain(lines: Scored[], segments: Segment[], model: LineModel = lineModel()): { main: Segment; segments: Segment[]; ranked: Segment } {
  if (segments.length === 1) return { main: segments[0]!, segments, ranked: segments[0]! };
  const width = SEGMENT_FEATURES.length;
  const odds = contextScores(lines, model.contextWeights, model.wordWeights);
  segmentBuffer = sized(segmentBuffer, segments.length * width);
  const features = segmentFeatures(lines, segments, odds, segmentBuffer.subarray(0, segments.length * width));
  let [main, best] = [0, -Infinity];
  for (let k = 0; k < segments.length; k++) {
    let z = 0;
    for (let f = 0; f < width; f++) z += features[k * width + f]! * model.segmentWeights[f]!;
    if (z > best) [main, best] = [k, z];
  }
  if (model.joinWeights.length === 0) return { main: segments[main]!, segments, ranked: segments[main]! };
  let [first, last] = [main, main];
  const joins = (k: number) => {
    const row = joinFeatures(lines, segments, first, last, k, features);
    return row !== null && dot(row, model.joinWeights) > model.join;
  };
  while (first > 0 && joins(first - 1)) first--;
  while (last + 1 < segments.length && joins(last + 1)) last++;
  return { ...joined(segments, first, last), ranked: segments[main]! };
}

/** Most lines between the main segment and the one next to it that the join model weighs. */
const JOIN_LINES = 80;

/** Text that ends on a colon (in most scripts' forms): it leads in to what follows. */
const LEAD_IN = /[:：]\s*$/u;

/** What the join model weighs of a segment on either side (see joinFeatures). */
const SIDED_JOIN_FEATURES = ['gap', 'gapBlocks', 'gapDated', 'gapEnd', 'gapInsert', 'gapHeadlines', 'laterHeader', 'wordShare', 'leadIn', 'gapProseShare', ...SEGMENT_FEATURES.map((f) => `segment.${f}`)];
/** What the join model weighs: SIDED_JOIN_FEATURES, then the same again for a segment below the main one only (0 above it). */
export const JOIN_FEATURES = ['bias', 'after', ...SIDED_JOIN_FEATURES, ...SIDED_JOIN_FEATURES.map((f) => `after.${f}`)];

/**
 * JOIN_FEATURES of segment `k` next to segments first..last (the main one and those joined to it): which side it is
 * on, what lies between (lines, blocks of furniture, a date or byline, an end marker or insert heading, headline-like
 * lines), whether a date or byline heads the later of the two, its share of their words, whether text that ends on
 * a colon leads in to what lies between (a code block, a list or a video), the share of the words the join brings
 * that are in prose lines between (teasers, a promotion), and its SEGMENT_FEATURES (`segmentRows`,
 * segmentFeatures'); all but the first two again for a segment below (what lies between tells differently above and
 * below an article). Null when more than JOIN_LINES lines lie between: never joined.
 */
export function joinFeatures(lines: Scored[], segments: Segment[], first: number, last: number, k: number, segmentRows: Float64Array): number[] | null {
  const after = k > last;
  const [from, to] = after ? [segments[last]!.last + 1, segments[k]!.first] : [segments[k]!.last + 1, segments[first]!.first];
  if (to - from > JOIN_LINES) return null;
  let [dated, end, insert, headlines, words, gapProse] = [0, 0, 0, 0, 0, 0];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if ((line.kind === 'good' || line.kind === 'neargood') && !line.furniture) gapProse += line.words;
    // Headline-like lines, as segmentTraits counts them (teasers of other stories).
    if (line.kind !== 'bad' && line.words >= 3 && !line.sentenceEnd) headlines++;
    if (line.dated) dated = 1;
    if (line.end && !line.insert) end = 1;
    if (line.insert) insert = 1;
  }
  // The earlier segment's last line or one between, but not the one just before the later segment ("Share this:"
  // leads in to that segment, not to what lies between).
  let leadIn = 0;
  for (let i = from - 1; i < to - 1 && leadIn === 0; i++) if (lines[i]!.kind !== 'bad' && LEAD_IN.test(lines[i]!.text)) leadIn = 1;
  for (let j = first; j <= last; j++) words += segments[j]!.score;
  const later = segments[after ? k : first]!;
  const width = SEGMENT_FEATURES.length;
  const sided = [(to - from) / JOIN_LINES, Math.min(8, furnitureBlocks(lines, from, to)) / 4, dated, end, insert, Math.min(5, headlines) / 5, segmentTraits(lines, later).header ? 1 : 0, segments[k]!.score / (segments[k]!.score + words), leadIn, gapProse / (gapProse + segments[k]!.score), ...segmentRows.subarray(k * width, (k + 1) * width)];
  return [1, after ? 1 : 0, ...sided, ...sided.map((x) => (after ? x : 0))];
}

/** The page's segments with first..last joined into one, and that one. */
function joined(segments: Segment[], first: number, last: number): { main: Segment; segments: Segment[] } {
  if (first === last) return { main: segments[first]!, segments };
  const parts = segments.slice(first, last + 1);
  const main: Segment = { first: parts[0]!.first, last: parts[parts.length - 1]!.last, score: 0, goodLines: 0 };
  for (const part of parts) [main.score, main.goodLines] = [main.score + part.score, main.goodLines + part.goodLines];
  return { main, segments: [...segments.slice(0, first), main, ...segments.slice(last + 1)] };
}

/**
 * The lines the model takes as body, in page order: the rules' body lines unless the model finds them unlikely, and
 * other lines it finds very likely (text the rules' segments cut off), smoothed along the page. Each line's log-odds
 * less its threshold (keep for the rules' lines, add for others) is what it brings to the body; every change between
 * body and other text costs `change`, so a lone likely line among unlikely ones stays out and a doubtful one between
 * body lines comes in (a two-state Viterbi, as jusText's context pass). Thresholds and cost are learned (see LineModel).
 * Lines that are never body (furniture, inserts, template) are left out of the path, so they cost no change.
 * Then the edge model trims notices and teasers off the body's ends, the last lines first (see edgeRows).
 * When it would take none, the rules' body: a page the rules found text on never yields an empty body.
 */
export function modelBody(lines: Scored[], rules: RuleView, model: LineModel = lineModel()): Scored[] {
  const { body, gain } = smoothedBody(lines, rules, model);
  let [start, end] = [0, body.length];
  if (model.edgeWeights.length > 0) {
    // Each row is made when the one before it trimmed (most bodies lose no line).
    const trims = (count: number, head: boolean, trimmed: number) => {
      const row = edgeRow(lines, body, count, gain, head, trimmed);
      return row !== null && dot(row, model.edgeWeights) > model.edge;
    };
    while (trims(body.length, false, body.length - end)) end--;
    while (trims(end, true, start)) start++;
  }
  return end > 0 ? packedMap(body.slice(start, end), (i) => lines[i]!) : rules.body;
}

/** The page indices of the lines the smoothing takes as body, and each page line's gain (see modelBody; valid until the next call). */
export function smoothedBody(lines: Scored[], rules: RuleView, model: LineModel): { body: number[]; gain: Float64Array } {
  const n = lines.length;
  const gain = lineScores(lines, rules, model.weights, model.wordWeights, keptScores(GAIN, n));
  let nextBody = 0; // the next rule body line
  for (let i = 0; i < n; i++) {
    const inBody = rules.body[nextBody] === lines[i];
    if (inBody) nextBody++;
    gain[i]! -= inBody ? model.keep : model.add;
  }
  // Furniture (a "Read more: ..." line, an empty or image line), inserts and the site's template lines stay out, and
  // do not part the text around them: the smoothing runs over the other lines.
  const open: number[] = [];
  for (let i = 0; i < n; i++) if (!(lines[i]!.furniture || lines[i]!.insert || lines[i]!.template)) open.push(i);
  // Copied by hand into a kept array: Float64Array.from with a map function costs several times more, and an array
  // of its own for each page is allocated and freed outside the heap.
  const openGain = (openGainBuffer = sized(openGainBuffer, open.length)).subarray(0, open.length);
  for (let k = 0; k < open.length; k++) openGain[k] = gain[open[k]!]!;
  const taken = smoothed(openGain, model.change);
  return { body: open.filter((_, k) => taken[k] === 1), gain };
}

/** smoothedBody's open lines' gains, kept from page to page (grown when a page needs more). */
let openGainBuffer = new Float64Array(0);

const dot = (row: number[], weights: number[]) => row.reduce((z, x, f) => z + x * weights[f]!, 0);

/** Most lines the edge model trims off each end of the body. */
const TRIM_LINES = 6;
/** What the edge model weighs of the body's first or last line (see edgeRows). */
export const EDGE_FEATURES = ['bias', 'head', 'gain', 'good', 'neargood', 'short', 'logWords', 'sentenceEnd', 'listItem', 'dated', 'wordOdds', 'navWords', 'gap', 'trimmed', 'position', 'inner.sentenceEnd', 'inner.logWords', 'inner.gain', 'innerLike'];

/**
 * EDGE_FEATURES of the lines at one end of the body (`body`: page indices; `gain`: the line model's log-odds less its
 * threshold, per page line; `head`: the first lines, else the last), the outermost first, each as the edge once those
 * beyond it are trimmed: its own features (OWN, as lineScores last made them), how many page lines part it from the
 * next body line inward and that line's features, whether the two are shaped alike (likeInner), how many lines are
 * trimmed beyond it, and its place in the body.
 * Never the innermost line: one always stays. Notices after the article (a sign-up, a licence, an author's bio) and
 * teasers before it.
 */
export function edgeRows(lines: Scored[], body: number[], gain: Float64Array, head: boolean): number[][] {
  const rows: number[][] = [];
  for (let row; (row = edgeRow(lines, body, body.length, gain, head, rows.length)) !== null; ) rows.push(row);
  return rows;
}

/** The edgeRows row of the first `count` lines of `body` with `trimmed` lines trimmed beyond it; null past the last row. */
function edgeRow(lines: Scored[], body: number[], count: number, gain: Float64Array, head: boolean, trimmed: number): number[] | null {
  if (trimmed >= Math.min(TRIM_LINES, count - 1)) return null;
  const feature = (i: number, index: number) => ownBuffer[i * OWN_WIDTH + index]!;
  const clamped = (i: number) => Math.max(-4, Math.min(4, gain[i]!)) / 4;
  const k = head ? trimmed : count - 1 - trimmed;
  const [i, inner] = [body[k]!, body[head ? k + 1 : k - 1]!];
  const line = lines[i]!;
  return [1, head ? 1 : 0, clamped(i), line.kind === 'good' ? 1 : 0, line.kind === 'neargood' ? 1 : 0, line.kind === 'short' ? 1 : 0, feature(i, LOG_WORDS_INDEX), line.sentenceEnd ? 1 : 0, line.listItem ? 1 : 0, line.dated ? 1 : 0, feature(i, WORD_ODDS), feature(i, NAV_WORDS), Math.min(8, Math.abs(i - inner) - 1) / 8, trimmed / TRIM_LINES, k / (count - 1), lines[inner]!.sentenceEnd ? 1 : 0, feature(inner, LOG_WORDS_INDEX), clamped(inner), likeInner(line, lines[inner]!)];
}

/** 1 when the edge line is shaped as the line inward of it, as one more item of a list: neither ends like a sentence, and they are about as long. */
function likeInner(line: Scored, inner: Scored): number {
  return !line.sentenceEnd && !inner.sentenceEnd && Math.abs(Math.log1p(line.words) - Math.log1p(inner.words)) < 0.5 ? 1 : 0;
}

/**
 * The two-state path along the lines (1: body) with the most gain, less `change` for each switch between states; the
 * path starts and ends out of the body. Valid until the next call.
 */
export function smoothed(gain: Float64Array, change: number): Uint8Array {
  const n = gain.length;
  // The best paths' scores ending out of and in the body, and per line whether each came from the body line before:
  // FROM_BODY_OUT for the path ending out of the body, FROM_BODY_IN for the one ending in it.
  fromBody = sized(fromBody, n);
  let [out, inside] = [0, -Infinity];
  for (let i = 0; i < n; i++) {
    const [stayOut, leave, enter, stayIn] = [out, inside - change, out - change, inside];
    fromBody[i] = (leave > stayOut ? FROM_BODY_OUT : 0) | (stayIn >= enter ? FROM_BODY_IN : 0);
    [out, inside] = [Math.max(stayOut, leave), Math.max(enter, stayIn) + gain[i]!];
  }
  const taken = (takenBuffer = sized(takenBuffer, n)).subarray(0, n); // every number set below
  let inBody = inside - change > out;
  for (let i = n - 1; i >= 0; i--) {
    taken[i] = inBody ? 1 : 0;
    inBody = (fromBody[i]! & (inBody ? FROM_BODY_IN : FROM_BODY_OUT)) !== 0;
  }
  return taken;
}

const FROM_BODY_OUT = 1;
const FROM_BODY_IN = 2;
/** smoothed's back-pointers, kept from call to call (grown when a page needs more). */
let fromBody = new Uint8Array(0);
/** smoothed's answer, kept likewise. */
let takenBuffer = new Uint8Array(0);
