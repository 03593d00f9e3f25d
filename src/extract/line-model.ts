// The learned pass over a dump's lines: a logistic regression on each line's features, its neighbours' and what
// the rules (dump-body.ts) found says how likely the line is body text; it drops the rules' body lines it finds
// very unlikely and adds other lines it finds very likely (text the rules' segments cut off). Weights and
// thresholds are learned from labelled pages (scripts/train-lines.mjs) and shipped in data/line-model.json.
import { loadModel } from '../data.js';
import type { Scored, Segment } from './dump-body.js';

export interface LineModel {
  /** Names of the features, in the order of the weights (a check that data and code agree). */
  features: string[];
  weights: number[];
  /** Log-odds above which a line the rules took stays body, and above which a line they left becomes body. */
  keep: number;
  add: number;
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
const OWN = ['ruleBody', 'inMain', 'beforeMain', 'afterMain', 'otherArticle', 'good', 'neargood', 'short', 'logWords', 'stopDensity', 'sentenceEnd', 'listItem', 'listed', 'furniture', 'dated', 'repeated', 'insert', 'end', 'title', 'position', 'wordShare'] as const;
/** The neighbours' features that the line's own are joined by. */
const NEIGHBOUR = ['ruleBody', 'good', 'logWords', 'sentenceEnd', 'furniture'] as const;
const OFFSETS = [-2, -1, 1, 2];
/** Lines around a line whose share of rule body is a feature. */
const WINDOW = 5;

export const FEATURES: string[] = ['bias', ...OWN, ...OFFSETS.flatMap((o) => NEIGHBOUR.map((f) => `${f}@${o}`)), 'ruleBodyNear'];
const OWN_COUNT = OWN.length;
const NEIGHBOUR_INDEX = NEIGHBOUR.map((f) => OWN.indexOf(f));

/** The logWords feature of lines up to 255 words, looked up rather than reckoned. */
const LOG_WORDS = Float64Array.from({ length: 256 }, (_, words) => Math.log1p(words) / 4);

/** Per line: its OWN features, then the share of rule body lines around it (ruleBodyNear). */
const OWN_WIDTH = OWN_COUNT + 1;
/** Kept from page to page (grown when a page needs more): a page's own features are read before the next's are made. */
let ownBuffer = new Float64Array(0);

/** Each line's OWN features and ruleBodyNear, OWN_WIDTH numbers a line (valid until the next call). */
function ownFeatures(lines: Scored[], rules: RuleView): Float64Array {
  const n = lines.length;
  if (ownBuffer.length < n * OWN_WIDTH) ownBuffer = new Float64Array(n * OWN_WIDTH * 2);
  const own = ownBuffer;
  const otherArticle = new Uint8Array(n);
  for (const s of rules.articles) if (s !== rules.main) otherArticle.fill(1, s.first, s.last + 1);
  let longest = 1;
  for (const line of lines) longest = Math.max(longest, line.words);
  const { first, last } = rules.main;
  let nextBody = 0; // the next rule body line
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let at = i * OWN_WIDTH;
    // In the order of OWN.
    if (rules.body[nextBody] === line) {
      own[at++] = 1;
      nextBody++;
    } else own[at++] = 0;
    own[at++] = i >= first && i <= last ? 1 : 0;
    own[at++] = i < first ? 1 : 0;
    own[at++] = i > last ? 1 : 0;
    own[at++] = otherArticle[i]!;
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
    own[at++] = line === rules.title ? 1 : 0;
    own[at++] = n > 1 ? i / (n - 1) : 0;
    own[at] = line.words / longest;
  }
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
export function lineFeatures(lines: Scored[], rules: RuleView): Float64Array {
  const n = lines.length;
  const width = FEATURES.length;
  const own = ownFeatures(lines, rules);
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
 */
export function lineScores(lines: Scored[], rules: RuleView, weights: number[]): Float64Array {
  const n = lines.length;
  const own = ownFeatures(lines, rules);
  const neighbourWeights = 1 + OWN_COUNT;
  const nearWeight = weights[weights.length - 1]!;
  const scores = new Float64Array(n).fill(weights[0]!);
  for (let j = 0; j < n; j++) {
    const at = j * OWN_WIDTH;
    let z = own[at + OWN_COUNT]! * nearWeight;
    for (let k = 0; k < OWN_COUNT; k++) z += own[at + k]! * weights[1 + k]!;
    scores[j]! += z;
    // Line j as neighbour `offset` of line j - offset.
    for (let o = 0; o < OFFSETS.length; o++) {
      const i = j - OFFSETS[o]!;
      if (i < 0 || i >= n) continue;
      let part = 0;
      for (let k = 0; k < NEIGHBOUR_INDEX.length; k++) part += own[at + NEIGHBOUR_INDEX[k]!]! * weights[neighbourWeights + o * NEIGHBOUR_INDEX.length + k]!;
      scores[i]! += part;
    }
  }
  return scores;
}

let shipped: LineModel | null = null;

export function lineModel(): LineModel {
  if (shipped) return shipped;
  return (shipped = loadModel<LineModel>('line-model.json', FEATURES, 'scripts/train-lines.mjs'));
}

/**
 * The lines the model takes as body, in page order: the rules' body lines unless the model finds them very
 * unlikely, and other lines it finds very likely (the thresholds are learned, see LineModel).
 */
export function modelBody(lines: Scored[], rules: RuleView, model: LineModel = lineModel()): Scored[] {
  const scores = lineScores(lines, rules, model.weights);
  const body: Scored[] = [];
  let nextBody = 0; // the next rule body line
  for (let i = 0; i < lines.length; i++) {
    const inBody = rules.body[nextBody] === lines[i];
    if (inBody) nextBody++;
    if (scores[i]! > (inBody ? model.keep : model.add)) body.push(lines[i]!);
  }
  return body;
}
