// The learned pass over a dump's lines: a logistic regression on each line's features, its neighbours' and what
// the rules (dump-body.ts) found says how likely the line is body text; it drops the rules' body lines it finds
// very unlikely and adds other lines it finds very likely (text the rules' segments cut off). Weights and
// thresholds are learned from labelled pages (scripts/train-lines.mjs) and shipped in data/line-model.json.
import { loadData } from '../data.js';
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
  /** The Line.index of the rules' body lines and of the title line (-1 for none). */
  body: Set<number>;
  title: number;
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

/** Arrays kept from page to page (grown when a page needs more): a page's features are only read until the next's. */
let ownBuffer = new Float64Array(0);
let featureBuffer = new Float64Array(0);

/** Each line's features, FEATURES.length numbers a line, in one array (valid until the next call). */
export function lineFeatures(lines: Scored[], rules: RuleView): Float64Array {
  const n = lines.length;
  const width = FEATURES.length;
  if (ownBuffer.length < n * OWN_COUNT) [ownBuffer, featureBuffer] = [new Float64Array(n * OWN_COUNT * 2), new Float64Array(n * width * 2)];
  const own = ownBuffer;
  const otherArticle = new Uint8Array(n);
  for (const s of rules.articles) if (s !== rules.main) otherArticle.fill(1, s.first, s.last + 1);
  let longest = 1;
  for (const line of lines) longest = Math.max(longest, line.words);
  const { first, last } = rules.main;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    let at = i * OWN_COUNT;
    // In the order of OWN.
    own[at++] = rules.body.has(line.index) ? 1 : 0;
    own[at++] = i >= first && i <= last ? 1 : 0;
    own[at++] = i < first ? 1 : 0;
    own[at++] = i > last ? 1 : 0;
    own[at++] = otherArticle[i]!;
    own[at++] = line.kind === 'good' ? 1 : 0;
    own[at++] = line.kind === 'neargood' ? 1 : 0;
    own[at++] = line.kind === 'short' ? 1 : 0;
    own[at++] = Math.log1p(line.words) / 4;
    own[at++] = line.stopDensity;
    own[at++] = line.sentenceEnd ? 1 : 0;
    own[at++] = line.listItem ? 1 : 0;
    own[at++] = line.listed ? 1 : 0;
    own[at++] = line.furniture ? 1 : 0;
    own[at++] = line.dated ? 1 : 0;
    own[at++] = line.repeats > 1 ? 1 : 0;
    own[at++] = line.insert ? 1 : 0;
    own[at++] = line.end ? 1 : 0;
    own[at++] = line.index === rules.title ? 1 : 0;
    own[at++] = n > 1 ? i / (n - 1) : 0;
    own[at++] = line.words / longest;
  }
  const ruleBody = OWN.indexOf('ruleBody');
  // Rule body lines among the WINDOW lines on each side, as a running sum.
  let near = 0;
  for (let j = 0; j <= Math.min(n - 1, WINDOW); j++) near += own[j * OWN_COUNT + ruleBody]!;
  const features = featureBuffer.subarray(0, n * width);
  features.fill(0);
  for (let i = 0; i < n; i++) {
    let at = i * width;
    features[at++] = 1;
    for (let k = 0; k < OWN_COUNT; k++) features[at++] = own[i * OWN_COUNT + k]!;
    for (const offset of OFFSETS) {
      const j = i + offset;
      if (j < 0 || j >= n) {
        at += NEIGHBOUR_INDEX.length;
        continue;
      }
      for (const k of NEIGHBOUR_INDEX) features[at++] = own[j * OWN_COUNT + k]!;
    }
    features[at] = (near - own[i * OWN_COUNT + ruleBody]!) / (2 * WINDOW);
    if (i - WINDOW >= 0) near -= own[(i - WINDOW) * OWN_COUNT + ruleBody]!;
    if (i + WINDOW + 1 < n) near += own[(i + WINDOW + 1) * OWN_COUNT + ruleBody]!;
  }
  return features;
}

/** The classifier's log-odds that each line is body. */
export function lineScores(features: Float64Array, weights: number[]): Float64Array {
  const width = weights.length;
  const n = features.length / width;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let k = 0; k < width; k++) z += features[i * width + k]! * weights[k]!;
    scores[i] = z;
  }
  return scores;
}

let shipped: LineModel | null = null;

export function lineModel(): LineModel {
  if (shipped) return shipped;
  const model = loadData<LineModel>('line-model.json');
  if (model.features.join() !== FEATURES.join()) throw new Error('data/line-model.json was trained on other features: retrain it with scripts/train-lines.mjs');
  return (shipped = model);
}

/**
 * The lines the model takes as body, in page order: the rules' body lines unless the model finds them very
 * unlikely, and other lines it finds very likely (the thresholds are learned, see LineModel).
 */
export function modelBody(lines: Scored[], rules: RuleView, model: LineModel = lineModel()): Scored[] {
  const scores = lineScores(lineFeatures(lines, rules), model.weights);
  return lines.filter((line, i) => scores[i]! > (rules.body.has(line.index) ? model.keep : model.add));
}
