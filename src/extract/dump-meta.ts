// Metadata of an article in a page dump: title, byline, published date, site and tags, read from lines near the body.
import { loadModel } from '../data.js';
import { charClass, HASH_SEED, hashOf, hashStep, isHanOrKana, LETTER_OR_DIGIT, lowerCase, smallHash, UNREADABLE, WORD_RUN } from '../text/chars.js';
import { anyStopwords } from '../text/stopwords.js';
import { boilerplate, isFurniture } from './boilerplate.js';
import { findDates, isDateLine, type FoundDate } from './dates.js';
import { bodyStart, type Scored, type Segment } from './dump-body.js';
import { lineKey } from './lines.js';
import { keyOf } from '../text/words.js';
import { hasBit, setBit } from '../text/bits.js';
import { packedMap } from '../text/packed.js';

/**
 * The headline: of the lines around the body's start (after the previous article, if any), the one a logistic model
 * (data/title-model.json, trained by scripts/train-titles.mjs) rates likeliest, when it rates it likely enough: the
 * whole line or its end after a kicker or breadcrumb.
 */
export function findTitle(lines: Scored[], segment: Segment, previous: Segment | null, used: Set<string>): TitleChoice | null {
  const { weights, threshold } = titleModel();
  const { candidates, advance } = lazyTitleCandidates(lines, segment, previous, used);
  // The LAZY_STAGES features cost the most: each candidate's score is bounded from its other features (each lazy one
  // is between 0 and 1), and they are found, a stage at a time, only for the candidates whose bound can still beat
  // the best score; each stage puts its features' values in the bounds in place of their most and least.
  const { lazyMax, lazyMin, stageMax, stageMin, weighed, weighedWeights } = boundParts(weights);
  const bounds: number[] = [];
  const lows: number[] = [];
  for (const { features } of candidates) {
    let known = 0;
    for (let j = 0; j < weighed.length; j++) known += weighedWeights[j]! * features[weighed[j]!]!;
    bounds.push(known + lazyMax + SCORE_SLACK);
    lows.push(known + lazyMin - SCORE_SLACK);
  }
  // The best-scoring candidate at or above the threshold, the last in page order on a tie; candidates are taken in
  // the order of their bounds, the highest first (picked one by one: few are taken). A scored candidate's bound is
  // -Infinity: it is not taken again.
  let best = -1;
  let bestScore = threshold;
  for (;;) {
    let i = -1;
    let runnerUp = -Infinity; // the highest bound of the others
    for (let j = 0; j < candidates.length; j++) {
      if (i < 0 || bounds[j]! > bounds[i]!) [i, runnerUp] = [j, i < 0 ? runnerUp : bounds[i]!];
      else runnerUp = Math.max(runnerUp, bounds[j]!);
    }
    if (i < 0 || bounds[i]! < bestScore) break;
    // Its least score beats every other's most: it is the best, whatever its features yet to be found.
    if (lows[i]! > Math.max(runnerUp, bestScore)) {
      best = i;
      break;
    }
    const candidate = candidates[i]!;
    const { features, stage } = candidate;
    if (stage < LAZY_STAGES.length) {
      advance(candidate);
      let found = 0;
      for (const k of LAZY_STAGES[stage]!) found += weights[k]! * features[k]!;
      bounds[i] = bounds[i]! - stageMax[stage]! + found;
      lows[i] = lows[i]! - stageMin[stage]! + found;
      continue;
    }
    bounds[i] = -Infinity;
    let score = 0;
    for (let k = 0; k < weights.length; k++) score += weights[k]! * features[k]!;
    if (score > bestScore || (score === bestScore && i > best)) [best, bestScore] = [i, score];
  }
  return best < 0 ? null : { line: candidates[best]!.line, text: candidates[best]!.text };
}

/** Added to a bound so that rounding, in summing in another order, cannot put it below the exact score. */
const SCORE_SLACK = 1e-9;

interface BoundParts {
  weights: number[];
  lazyMax: number;
  lazyMin: number;
  stageMax: number[];
  stageMin: number[];
  weighed: number[];
  /** Their weights, in the same order. */
  weighedWeights: number[];
}

let lastBoundParts: BoundParts | null = null;

/**
 * What the bounds add up: the most and the least the LAZY_STAGES features can give (all, and each stage's), and the
 * other features of non-zero weight.
 */
function boundParts(weights: number[]): BoundParts {
  if (lastBoundParts?.weights === weights) return lastBoundParts;
  const stageSum = (pick: (weight: number) => number) => LAZY_STAGES.map((slots) => slots.reduce((sum, k) => sum + pick(weights[k]!), 0));
  const stageMax = stageSum((weight) => Math.max(0, weight));
  const stageMin = stageSum((weight) => Math.min(0, weight));
  const lazy = new Set(LAZY_STAGES.flat());
  const weighed: number[] = [];
  for (let k = 0; k < weights.length; k++) if (!lazy.has(k) && weights[k] !== 0) weighed.push(k);
  const total = (sums: number[]) => sums.reduce((a, b) => a + b, 0);
  const weighedWeights = weighed.map((k) => weights[k]!);
  return (lastBoundParts = { weights, lazyMax: total(stageMax), lazyMin: total(stageMin), stageMax, stageMin, weighed, weighedWeights });
}

/** The title's text and the line it is on. */
export interface TitleChoice {
  line: Scored;
  text: string;
}

/** A line, or the end of one after a separator, that can be the title, with what the title model weighs (TITLE_FEATURES, in order). */
export interface TitleCandidate extends TitleChoice {
  features: number[];
}

/** Own features of the nearest candidates before and after, that the model also weighs (with names ending in Before and After). */
const NEIGHBOUR_FEATURES = ['aloneInBlock', 'logWords', 'good', 'neargood', 'listItem', 'sharedWithLead', 'commas', 'capitalStart'];

/** Features of a line's end after a separator (TITLE_FEATURES' last ones): 0 for a whole line. */
const TAIL_FEATURES = ['tail', 'wordsCut', 'cutAtColon', 'cutInPath', 'cutAtEcho'];

/** The names of the title model's features, as data/title-model.json lists them. */
export const TITLE_FEATURES = [
  'bias', 'linesBeforeBody', 'candidatesBeforeBody', 'inBody', 'linesIntoBody', 'afterBody', 'linesAfterBody', 'justBeforeBody',
  'repeatedLine', 'aloneInBlock', 'metaSoonAfter', 'clauseEnd', 'logWords', 'fewWords',
  'good', 'neargood', 'short', 'listItem', 'furniture', 'insert', 'capitalStart', 'allCapitals', 'sharedWithLead',
  'sharesNothing', 'noContentWords', 'separator', 'pathLike', 'candidateBefore', 'candidateAfter', 'longerThanNext',
  'insideNearby', 'holdsNearby', 'afterListOrFurniture', 'candidatesNearBefore', 'candidatesNearAfter', 'stopDensity', 'commas',
  'pastOtherArticle', 'headlineBefore', 'headlineAfter', 'sharedWithBody', 'repeatJustBefore', 'logRepeats', 'questionOrExclamation', 'wordsOverNext', 'sentenceStop', 'linesFromTop',
  ...['Before', 'After'].flatMap((side) => NEIGHBOUR_FEATURES.map((name) => `${name}${side}`)),
  ...TAIL_FEATURES,
  'echoes',
];

/** Where the neighbours' features are among a candidate's own. */
const NEIGHBOUR_AT = NEIGHBOUR_FEATURES.map((name) => TITLE_FEATURES.indexOf(name));

/** How many of a candidate's features are its own (the first ones): the neighbours' follow. */
const OWN_FEATURES = TITLE_FEATURES.indexOf(`${NEIGHBOUR_FEATURES[0]}Before`);

/** How far before the body's start, and after its start and end, lines are candidates. */
const TITLE_REACH = { before: 60, beforePrevious: 12, into: 3, after: 6 };

/**
 * The lines near the body's start (not those of the article before it) that can be its title (not a used one, a byline, a date, a row of figures or a
 * list of tags, not longer than a headline), with their features.
 */
export function titleCandidates(lines: Scored[], segment: Segment, previous: Segment | null, used: Set<string>): TitleCandidate[] {
  const { candidates, advance } = lazyTitleCandidates(lines, segment, previous, used);
  for (const candidate of candidates) while (candidate.stage < LAZY_STAGES.length) advance(candidate);
  return candidates;
}

/**
 * The features found only for the candidates that can still win, each between 0 and 1, in the stages they are found
 * in (the cheaper first): the line's (those that look at other lines, and the line's end and case); those
 * sharedWords gives; the neighbours' sharedWithLead.
 */
const LAZY_STAGES = [
  ['insideNearby', 'holdsNearby', 'metaSoonAfter', 'repeatJustBefore', 'clauseEnd', 'allCapitals', 'questionOrExclamation', 'sentenceStop'],
  ['sharedWithLead', 'sharedWithBody', 'sharesNothing', 'noContentWords'],
  ['sharedWithLeadBefore', 'sharedWithLeadAfter'],
].map((names) => names.map((name) => TITLE_FEATURES.indexOf(name)));

/** A title candidate whose features of the LAZY_STAGES from `stage` on are still 0s in place of their values (set by advance). */
interface LazyCandidate extends TitleCandidate {
  /** Its line's place among the whole lines' candidates. */
  rank: number;
  /** Whether its text is the end of its line. */
  tail: boolean;
  stage: number;
}

/** titleCandidates, with advance to set the features of a candidate's next stage (LAZY_STAGES). */
function lazyTitleCandidates(lines: Scored[], segment: Segment, previous: Segment | null, used: Set<string>): { candidates: LazyCandidate[]; advance: (candidate: LazyCandidate) => void } {
  const bodyAt = bodyStart(lines, segment);
  const from = Math.max(0, segment.first - TITLE_REACH.before);
  const candidates: Array<{ line: Scored; at: number }> = [];
  const consider = (i: number) => {
    const line = lines[i]!;
    if (mayBeTitle(lines, line) && !(used.size > 0 && used.has(lineKey(line)))) candidates.push({ line, at: i });
  };
  // An earlier article can be the start of this one, cut off by a box: its first line and header are reached too.
  if (previous && used.size === 0) for (let i = Math.max(0, previous.first - TITLE_REACH.beforePrevious); i <= previous.first && i < from; i++) consider(i);
  for (let i = from; i < bodyAt; i++) {
    // The lines before an earlier article are its header when it has a title (`used` holds the earlier titles).
    if (!previous || i > previous.last || (i <= previous.first && used.size === 0)) consider(i);
  }
  for (let i = bodyAt; i <= segment.last && i < bodyAt + TITLE_REACH.into; i++) consider(i);
  for (let i = segment.last + 1; i < lines.length && i <= segment.last + TITLE_REACH.after; i++) consider(i);
  const before = candidates.filter((c) => c.at < bodyAt).length;
  const texts: string[] = []; // lower-cased when looked at
  // Candidates come in page order: those within NEARBY lines of the rank-th are the ranks nearFrom[rank] to nearTo[rank].
  const nearFrom: number[] = [];
  const nearTo: number[] = [];
  for (let rank = 0, from = 0, to = 0; rank < candidates.length; rank++) {
    const { at } = candidates[rank]!;
    while (candidates[from]!.at < at - NEARBY) from++;
    while (to + 1 < candidates.length && candidates[to + 1]!.at <= at + NEARBY) to++;
    nearFrom.push(from);
    nearTo.push(to);
  }
  const lowerText = (rank: number) => (texts[rank] ??= candidates[rank]!.line.text.toLowerCase());
  /** Whether the rank-th's text is inside a candidate's within NEARBY lines, and whether it holds one's. */
  const nearbyTexts = (rank: number) => {
    const own = lowerText(rank);
    let inside = false;
    let holds = false;
    for (let r = nearFrom[rank]!; r <= nearTo[rank]! && !(inside && holds); r++) {
      if (r === rank) continue;
      const other = lowerText(r);
      if (other.length > own.length) inside ||= other.includes(own);
      else if (other.length < own.length) holds ||= own.includes(other);
    }
    return { inside, holds };
  };
  // headlinesBefore[rank]: how many candidates before the rank-th are headline-like.
  const headlinesBefore = [0];
  const alone = packedMap(candidates, ({ at }) => aloneInBlock(lines, at));
  candidates.forEach(({ line }, rank) => headlinesBefore.push(headlinesBefore[rank]! + +(alone[rank]! && !line.listItem && line.words >= 3)));
  // Whether a separator (TAIL_SEPARATOR) is on the candidate's line: most lines have none, nor then a separator or path.
  const separated = packedMap(candidates, ({ line }) => SEPARATED.test(line.text));
  const own = packedMap(candidates, ({ line, at }, rank) => {
    const next = candidates[rank + 1];
    const into = at >= bodyAt && at <= segment.last;
    const features = [
      1,
      at < bodyAt ? logCount(bodyAt - at) : 0,
      at < bodyAt ? logCount(before - rank - 1) : 0,
      +into,
      into ? logCount(at - bodyAt) : 0,
      +(at > segment.last),
      at > segment.last ? logCount(at - segment.last) : 0,
      +(at === bodyAt - 1),
      +(line.repeats > 1),
      +alone[rank]!,
      0, // metaSoonAfter, clauseEnd: set by advance
      0,
      logCount(line.words),
      +(line.words < 3),
      +(line.kind === 'good'),
      +(line.kind === 'neargood'),
      +(line.kind === 'short'),
      +line.listItem,
      +line.furniture,
      +line.insert,
      +capitalStart(line.text),
      0, // allCapitals: set by advance
      0, // sharedWithLead, sharesNothing, noContentWords: set by advance
      0,
      0,
      // "Headline | Site", "Headline - Site".
      +(separated[rank]! && /\s[|–—-]\s/.test(line.text)),
      // "Home » News » Headline", "Home / Essays / Headline".
      +(separated[rank]! && /\s[»›>/]\s/.test(line.text)),
      // A kicker above the headline, a standfirst under it; the headline is the shorter of it and a standfirst.
      +(rank > 0 && candidates[rank - 1]!.at === at - 1),
      +(next?.at === at + 1),
      +(next !== undefined && next.at - at <= NEARBY && next.line.words < line.words),
      0, // insideNearby, holdsNearby: set by advance
      0,
      +(at > 0 && (lines[at - 1]!.listItem || lines[at - 1]!.furniture)),
      logCount(rank - nearFrom[rank]!),
      logCount(nearTo[rank]! - rank),
      line.stopDensity,
      logCount(commasIn(line.text)),
      +(previous !== null && at <= previous.first),
      // A headline over a standfirst: both stand alone, the headline first.
      logCount(headlinesBefore[rank]! - headlinesBefore[nearFrom[rank]!]!),
      logCount(headlinesBefore[nearTo[rank]! + 1]! - headlinesBefore[rank + 1]!),
      0, // sharedWithBody
      0, // repeatJustBefore: set by advance
      logCount(line.repeats - 1),
      0, // questionOrExclamation: set by advance
      next !== undefined && next.at - at <= NEARBY ? Math.log(line.words / Math.max(1, next.line.words)) : 0,
      0, // sentenceStop: set by advance
      logCount(at),
      // The neighbours' (8 before, 8 after), the tail's (0s: a whole line) and echoes: set below and by withEchoes.
      0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0,
      0,
    ];
    return features;
  });
  // The neighbours' features are set after all own ones are made.
  const whole = packedMap(candidates, ({ line, at }, rank) => {
    const features = own[rank]!;
    let slot = OWN_FEATURES;
    for (let side = -1; side <= 1; side += 2) {
      const other = rank + side >= 0 ? candidates[rank + side] : undefined; // no read at -1 (a slow, megamorphic one)
      const near = other !== undefined && Math.abs(other.at - at) <= NEARBY ? own[rank + side]! : null;
      for (let j = 0; j < NEIGHBOUR_AT.length; j++) features[slot++] = near ? near[NEIGHBOUR_AT[j]!]! : 0;
    }
    return { line, text: line.text, features, rank, tail: false, stage: 0 };
  });
  let opening: Opening | null = null; // made when a candidate's words are first looked for
  const sharedWith = (line: { text: string; key: string | null }) => sharedWords(line, (opening ??= openingText(lines, bodyAt, segment.last)));
  const sharedOfLine: Array<SharedShares | null | undefined> = [];
  const lineShared = (rank: number) => (sharedOfLine[rank] === undefined ? (sharedOfLine[rank] = sharedWith(candidates[rank]!.line)) : sharedOfLine[rank]);
  // The LAZY_STAGES, in order.
  const stages = [
    ({ features, rank }: LazyCandidate) => {
      const { line, at } = candidates[rank]!;
      const { inside, holds } = nearbyTexts(rank);
      features[AT.insideNearby!] = +inside;
      features[AT.holdsNearby!] = +holds;
      features[AT.metaSoonAfter!] = +hasMetaSoonAfter(lines, at);
      features[AT.repeatJustBefore!] = +repeatJustBefore(lines, at);
      // Ends like a clause ("...:", "...;", "...)"); a final full stop left here ends an abbreviation ("U.S.").
      features[AT.clauseEnd!] = +(line.sentenceEnd && !/[?!"”’'.]$/.test(line.text));
      features[AT.allCapitals!] = +isAllCapitals(line.text);
      features[AT.questionOrExclamation!] = +/[?!]["”’'»]?$/.test(line.text);
      features[AT.sentenceStop!] = +(sentenceStop(line.text) !== null);
    },
    ({ features, rank, tail, text }: LazyCandidate) => {
      // A headline says what the first paragraphs say; a menu or button label shares no word with them.
      const shared = tail ? sharedWith({ text, key: null }) : lineShared(rank);
      features[AT.sharedWithLead!] = shared?.lead ?? 0;
      features[AT.sharedWithBody!] = shared?.body ?? 0;
      features[AT.sharesNothing!] = +(shared?.lead === 0);
      features[AT.noContentWords!] = +(shared === null);
    },
    ({ features, rank }: LazyCandidate) => {
      for (const [side, slot] of [[-1, AT.sharedWithLeadBefore!], [1, AT.sharedWithLeadAfter!]] as const) {
        const other = rank + side >= 0 ? candidates[rank + side] : undefined;
        if (other !== undefined && Math.abs(other.at - candidates[rank]!.at) <= NEARBY) features[slot] = lineShared(rank + side)?.lead ?? 0;
      }
    },
  ];
  const advance = (candidate: LazyCandidate) => stages[candidate.stage++]!(candidate);
  return { candidates: withEchoes(withTails(whole, separated), whole.length), advance };
}

/**
 * The candidates, with each one's echoes (other lines' candidates with its key: a headline is printed again in a
 * breadcrumb, a contents list, a kicker's line) and, as candidates of their own, the ends of whole lines that are
 * another line's candidate (a kicker glued to the headline without a separator: "Topic Headline" beside "Headline").
 * The first `wholeCount` candidates are whole lines.
 */
function withEchoes(candidates: LazyCandidate[], wholeCount: number): LazyCandidate[] {
  // Echoes, and a key and the end of another, end in the same word: keys are made only for the candidates whose
  // last word's hash candidates on other lines end in too (for all when a last word is not sure), unless these are
  // all the same whole line printed again (no echo: that is repeatedLine's). Two words with the same hash only cost
  // keys that then match nothing.
  const lasts = packedMap(candidates, (c) => lastWordHash(c.text));
  const ending = new Map<number, { line: Scored; text: string; otherLines: boolean; sameWholes: boolean }>();
  candidates.forEach((c, i) => {
    const same = ending.get(lasts[i]!);
    if (same === undefined) ending.set(lasts[i]!, { line: c.line, text: c.text, otherLines: false, sameWholes: !c.tail });
    else {
      same.otherLines ||= c.line !== same.line;
      same.sameWholes &&= !c.tail && c.text === same.text;
    }
  });
  const mayEcho = (last: number) => {
    const same = ending.get(last)!;
    return same.otherLines && !same.sameWholes;
  };
  const unsure = ending.has(UNSURE);
  if (!unsure && !lasts.some(mayEcho)) return candidates; // no echoes: their features stay 0
  const keys = packedMap(candidates, (c, i) => (unsure || mayEcho(lasts[i]!) ? (i < wholeCount ? lineKey(c.line) : keyOf(c.text)) : null));
  // The keys a line's end can be cut at (of ECHO_WORDS words or more), by their last word.
  const cutKeys = new Map<string, string[]>();
  for (const key of keys) {
    if (key === null || spacesIn(key) < ECHO_WORDS - 1) continue;
    const last = lastWord(key);
    const same = cutKeys.get(last);
    if (same) same.push(key);
    else cutKeys.set(last, [key]);
  }
  const all = candidates;
  for (let i = 0; i < wholeCount && cutKeys.size > 0; i++) {
    const own = keys[i];
    if (own == null) continue;
    for (const other of cutKeys.get(lastWord(own)) ?? []) {
      if (other.length >= own.length || own[own.length - other.length - 1] !== ' ' || !own.endsWith(other)) continue;
      // Not again when the line has a candidate with that key already.
      if (all.some((c, t) => c.line === candidates[i]!.line && keys[t] === other)) continue;
      const tail = echoTail(candidates[i]!, other);
      if (tail) {
        all.push(tail);
        keys.push(other);
      }
    }
  }
  // Whole lines printed twice are repeatedLine's: an echo is a pair with a line's end in it.
  const lineOf = new Map<string, LazyCandidate[]>();
  all.forEach((c, i) => {
    const key = keys[i];
    if (key == null) return;
    const same = lineOf.get(key);
    if (same) same.push(c);
    else lineOf.set(key, [c]);
  });
  all.forEach((candidate, i) => {
    let echoes = 0;
    const key = keys[i];
    if (key != null) for (const other of lineOf.get(key)!) if (other.line !== candidate.line && (candidate.tail || other.tail)) echoes++;
    candidate.features[AT.echoes!] = logCount(echoes);
  });
  return all;
}

/**
 * A hash of the last word of the text's key (keyOf), read from its end; UNSURE when a character there is UNREADABLE
 * (its key is then made otherwise).
 */
function lastWordHash(text: string): number {
  let end = text.length;
  for (; end > 0; end--) {
    const cls = charClass(text.charCodeAt(end - 1));
    if (cls & UNREADABLE) return UNSURE;
    if (cls & LETTER_OR_DIGIT) break;
  }
  let hash = HASH_SEED;
  for (let at = end - 1; at >= 0; at--) {
    const code = text.charCodeAt(at);
    const cls = charClass(code);
    if (cls & UNREADABLE) return UNSURE;
    if (!(cls & LETTER_OR_DIGIT)) break;
    hash = hashStep(hash, lowerCase(code));
  }
  return smallHash(hash);
}

/** lastWordHash's answer when it cannot tell (smallHash gives no negative number). */
const UNSURE = -1;

/** A key's last word. */
function lastWord(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

/** How many spaces the text has. */
function spacesIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) count++;
  return count;
}

/** Fewest words of another line's candidate that a line's end is cut at (a shorter one is a menu label: "Privacy policy"). */
const ECHO_WORDS = 3;

/** The end of a whole line's candidate that has the key `key` (its last words), as a tail candidate; null if its text does not cut there. */
function echoTail(whole: LazyCandidate, key: string): LazyCandidate | null {
  const { line } = whole;
  const runs = [...line.text.matchAll(WORD_RUN)];
  const keep = key.split(' ').length;
  if (keep >= runs.length) return null;
  const cutAt = runs[runs.length - keep]!.index;
  const text = line.text.slice(cutAt).trim();
  if (keyOf(text) !== key) return null;
  const features = whole.features.slice();
  setTailFeatures(features, line.text.slice(0, cutAt), text, wordsIn(text), '');
  features[AT.cutAtEcho!] = 1;
  return { line, text, features, rank: whole.rank, tail: true, stage: 0 };
}

type SharedShares = { lead: number; body: number };

/** A kicker or a breadcrumb before the headline on its line: "Kicker: Headline", "Topic – Headline", "Home / News / Headline". */
const TAIL_SEPARATOR = /\s[|–—:»›>→/-]{1,2}\s|[:：]\s/gu;

/** Whether a text has a TAIL_SEPARATOR (a separator or a path's step is one too). */
const SEPARATED = new RegExp(TAIL_SEPARATOR.source, 'u');

/** How many of a line's ends after a separator are candidates. */
const MAX_TAILS = 3;

/**
 * The whole lines' candidates, then the ends of their lines after each separator as candidates of their own: the
 * line's features, with those of the words taken from the end, and what was cut. `separated`: whether each line has
 * a separator.
 */
function withTails(wholes: LazyCandidate[], separated: boolean[]): LazyCandidate[] {
  const all = wholes.slice();
  for (let rank = 0; rank < wholes.length; rank++) {
    const whole = wholes[rank]!;
    const { line } = whole;
    if (line.words < 3 || !separated[rank]) continue;
    let tails = 0;
    // exec on the shared pattern, not matchAll (which copies it for each line).
    TAIL_SEPARATOR.lastIndex = 0;
    for (let cut; (cut = TAIL_SEPARATOR.exec(line.text)) !== null; ) {
      const text = line.text.slice(cut.index + cut[0].length).trim();
      const words = wordsIn(text);
      if (words === 0 || tails === MAX_TAILS) break;
      const features = whole.features.slice();
      setTailFeatures(features, line.text.slice(0, cut.index), text, words, cut[0]);
      all.push({ line, text, features, rank: whole.rank, tail: true, stage: 0 });
      tails++;
    }
  }
  return all;
}

/** Sets the features of a line's end `text` (of `words` words), after `cut` (what was cut before it) and the `separator` there. */
function setTailFeatures(features: number[], cut: string, text: string, words: number, separator: string): void {
  features[AT.logWords!] = logCount(words);
  features[AT.fewWords!] = +(words < 3);
  features[AT.capitalStart!] = +capitalStart(text);
  features[AT.separator!] = +/\s[|–—-]\s/.test(text);
  features[AT.pathLike!] = +/\s[»›>/]\s/.test(text);
  features[AT.commas!] = logCount(commasIn(text));
  features[AT.tail!] = 1;
  features[AT.wordsCut!] = logCount(wordsIn(cut));
  features[AT.cutAtColon!] = +/[:：]/.test(separator);
  features[AT.cutInPath!] = +/[»›>→/]/.test(separator);
}

/** Each title feature's slot, by name. */
const AT = Object.fromEntries(TITLE_FEATURES.map((name, k) => [name, k])) as Record<string, number>;

/** Math.log1p of the counts most features take, looked up. */
const LOG1P = Float64Array.from({ length: 256 }, (_, n) => Math.log1p(n));

/** Math.log1p(count), for a whole number count >= 0. */
function logCount(count: number): number {
  return count < LOG1P.length ? LOG1P[count]! : Math.log1p(count);
}

/** Runs of letters or digits. */
function wordsIn(text: string): number {
  // Counted by hand while the text is ASCII (letters a-z, A-Z and digits 0-9 there).
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text.match(WORD_RUN)?.length ?? 0;
    const letterOrDigit = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (letterOrDigit && !inRun) runs++;
    inRun = letterOrDigit;
  }
  return runs;
}

/** Whether the text has letters, none in lower case (as toUpperCase has them; a-z rules most lines out without a copy). */
/** Letters, in capitals: an upper-case one at least, so not a script without case (Chinese, Arabic). */
function isAllCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/[a-z]/.test(text) && text === text.toUpperCase();
}

const CAPITAL_START = /^[\p{Lu}\p{N}"“‘'«[]/u;

/** Whether the text starts as CAPITAL_START says; an ASCII first character is told without the pattern. */
function capitalStart(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 128 || Number.isNaN(c)) return CAPITAL_START.test(text);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 91;
}

/** How many of the body's first good lines, and of their characters, a candidate's words are looked for in (sharedWithBody). */
const OPENING = { lines: 8, chars: 2000 };

/** Whether one of the three lines before has the same text (the last step of a breadcrumb, a headline printed twice). */
function repeatJustBefore(lines: Scored[], at: number): boolean {
  const line = lines[at]!;
  if (line.repeats < 2) return false;
  for (let i = Math.max(0, at - 3); i < at; i++) if (lines[i]!.keyHash === line.keyHash && lineKey(lines[i]!) === lineKey(line)) return true;
  return false;
}

/** How many lines apart candidates are near each other. */
const NEARBY = 4;

interface TitleModel {
  features: string[];
  weights: number[];
  threshold: number;
}

let loadedTitleModel: TitleModel | null = null;

function titleModel(): TitleModel {
  return (loadedTitleModel ??= loadModel<TitleModel>('title-model.json', TITLE_FEATURES, 'scripts/train-titles.mjs'));
}

/** The body's first good lines in lower case: the first two (the lead), and the first OPENING.lines (the body), which starts with the lead. */
interface Opening {
  lead: string;
  body: string;
}

/**
 * The body's opening. Searched for a candidate's words as they are, not cut into words: that costs less, and a
 * plural or a compound in the lead still counts ("park" in "parks").
 */
function openingText(lines: Scored[], from: number, last: number): Opening {
  let body = '';
  let lead = '';
  for (let i = from, good = 0; i <= last && good < OPENING.lines && body.length < OPENING.chars; i++) {
    if (lines[i]!.kind !== 'good') continue;
    good++;
    body += ` ${lines[i]!.text.toLowerCase()}`;
    if (good === 2) lead = body;
  }
  // The opening is cut at OPENING.chars, but never inside the lead.
  return { lead: lead || body, body: body.slice(0, Math.max(OPENING.chars, lead.length)) };
}

/**
 * The shares of the line's content words (four letters or more, not stop words) that the lead and the body's opening
 * have; null when it has none.
 */
function sharedWords(line: { text: string; key: string | null }, opening: Opening): { lead: number; body: number } | null {
  // The words of the line's key (keyOf: runs of letters and digits, lower-cased) read off its text without making the
  // key, unless lower-casing would change the text's length or read it by context: then off the key (between spaces).
  const shared = countShared(line.text, true, opening);
  return shared !== undefined ? shared : (countShared(lineKey(line), false, opening) ?? null);
}

/**
 * sharedWords of the words of a line's text (`readable`: runs of letters and digits) or of its key (runs of other
 * than spaces); undefined when the text has an UNREADABLE character. A word is cut out of the text only when it is no
 * stop word (few candidates' words are looked for: advance finds them for the candidates that can still win).
 */
function countShared(text: string, readable: boolean, opening: Opening): { lead: number; body: number } | null | undefined {
  let words = 0;
  let inLead = 0;
  let inBody = 0;
  let from = -1; // where the word being read starts
  const look = (word: string) => {
    words++;
    // The lead starts the opening (or the opening starts the lead, cut): the lead has the word where it has it first.
    const at = opening.body.indexOf(word);
    if (at < 0) return;
    inBody++;
    if (at + word.length <= opening.lead.length) inLead++;
  };
  for (let i = 0; i <= text.length; i++) {
    let inWord = false;
    if (i < text.length) {
      const c = text.charCodeAt(i);
      const cls = readable ? charClass(c) : 0;
      if (cls & UNREADABLE) return undefined;
      inWord = readable ? (cls & LETTER_OR_DIGIT) !== 0 : c !== 32;
    }
    if (inWord) {
      if (from < 0) from = i;
      continue;
    }
    if (from < 0) continue;
    const start = from;
    from = -1;
    if (hasHanOrKana(text, start, i)) {
      // Chinese and Japanese are written without spaces: their words are told by pairs of characters, but pairs of
      // hiragana (particles and endings).
      for (let j = start; j + 1 < i; j++) if (contentPair(text, j)) look(text.slice(j, j + 2));
      continue;
    }
    if (i - start < 4 || isStopword(text, start, i)) continue;
    look(text.slice(start, i).toLowerCase());
  }
  return words === 0 ? null : { lead: inLead / words, body: inBody / words };
}

function hasHanOrKana(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isHanOrKana(text.charCodeAt(i), charClass(text.charCodeAt(i)))) return true;
  return false;
}

/** Characters `at` and after are Han or kana, not both hiragana. */
function contentPair(text: string, at: number): boolean {
  const [a, b] = [text.charCodeAt(at), text.charCodeAt(at + 1)];
  return isHanOrKana(a, charClass(a)) && isHanOrKana(b, charClass(b)) && !(isHiragana(a) && isHiragana(b));
}

const isHiragana = (code: number) => code >= 0x3040 && code <= 0x309f;

/** Bits of the stop words' filter, a hash bit per word: some other words' bits are set too (they are then looked up). */
const FILTER_BITS = 1 << 16;

let stopwordFilter: Int32Array | null = null;

/** Whether the word of `text` from `from` to `to`, lower-cased, is in anyStopwords(); a filter of their hashes rules most words out before a look-up. */
function isStopword(text: string, from: number, to: number): boolean {
  if (!stopwordFilter) {
    stopwordFilter = new Int32Array(FILTER_BITS / 32);
    for (const w of anyStopwords()) {
      setBit(stopwordFilter, hashOf(w) & (FILTER_BITS - 1));
    }
  }
  let hash = HASH_SEED;
  for (let i = from; i < to; i++) hash = hashStep(hash, lowerCase(text.charCodeAt(i)));
  return hasBit(stopwordFilter, smallHash(hash) & (FILTER_BITS - 1)) && anyStopwords().has(text.slice(from, to).toLowerCase());
}

/** Not longer than a headline, and not a byline, a dateline, a date, a sentence, a row of figures or a list of tags. */
function mayBeTitle(lines: Scored[], line: Scored): boolean {
  // A menu item of a word or two is no headline.
  if (line.words < 1 || line.words > 30 || (line.kind === 'good' && line.words > 20) || (line.listItem && line.words < 3)) return false;
  if (line.dated || /^by\s/i.test(line.text) || notHeadline(line.text)) return false;
  if (TAG_LABEL.test(line.text) || WEB_ADDRESS.test(line.text)) return false;
  return line.digitRun === 0 || (!mostlyNumbers(line.text) && datesOn(lines, line).length === 0);
}

/** A line that is only a web address (a link printed as it is). */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;

/** A list of tags after its label, also without a colon ("Tags Jane Roe City Council"). */
const TAG_LABEL = /^(?:tags|topics|keywords|filed under)\b/i;

/** A row of figures ("Rockledge 14 11 6 15 — 44"): more numbers than words. */
function mostlyNumbers(text: string): boolean {
  const numbers = text.match(/\b\d[\d.,:]*\b/g)?.length ?? 0;
  return numbers > 2 && numbers * 2 > text.split(/\s+/).length;
}

/**
 * What headlines do not have: a handle or e-mail address (a byline), a time of day (a dateline), or a quotation that
 * ends a sentence (a pull quote). Each pattern is tried only on lines with its @, colon or final full stop. A headline
 * can end in a full stop, so other sentences are left to the model (sentenceStop).
 */
function notHeadline(text: string): boolean {
  return (text.includes('@') && HANDLE.test(text)) || (text.includes(':') && TIME_OF_DAY.test(text)) || pullQuote(text);
}

/** A sentence that is a quotation, or ends in one: '"We will ...," the mayor said.', '... as she put it: "Not now."' */
function pullQuote(text: string): boolean {
  const stop = sentenceStop(text);
  return stop !== null && (stop[1] !== undefined || QUOTE_START.test(text));
}

const QUOTE_START = /^["“”„‘’'«»]/u;

const HANDLE = /\w?@\w{2,}/;
const TIME_OF_DAY = /\b\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]|GMT|UTC)\b/;
/** Three lower-case letters, a full stop and maybe a closing quote: at most 8 UTF-16 units at the line's end. */
const SENTENCE_STOP = /\p{Ll}{3}\.(["”’'])?$/u;

/** The characters SENTENCE_STOP can end in. */
const SENTENCE_STOP_ENDS = new Set([...'."”’\''].map((c) => c.charCodeAt(0)));

/** SENTENCE_STOP's match at the text's end; most lines are ruled out by their last character without a copy. */
function sentenceStop(text: string): RegExpExecArray | null {
  return SENTENCE_STOP_ENDS.has(text.charCodeAt(text.length - 1)) ? SENTENCE_STOP.exec(text.slice(-8)) : null;
}

/** How many commas the text has. */
function commasIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) count++;
  return count;
}

/**
 * Whether no other line is in the line's block (blocks are runs of lines). On a page without blank lines, which
 * parts paragraphs by line breaks alone, each line is a block.
 */
function aloneInBlock(lines: Scored[], i: number): boolean {
  if (lines[0]!.block === lines[lines.length - 1]!.block) return true;
  return (i === 0 || lines[i - 1]!.block !== lines[i]!.block) && lines[i + 1]?.block !== lines[i]!.block;
}

function hasMetaSoonAfter(lines: Scored[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
    const t = lines[j]!.text;
    if (lines[j]!.dateLine || /^(?:by|source|published|posted|updated)\b/i.test(t)) return true;
    if (lines[j]!.kind === 'good') return false;
  }
  return false;
}

/** Lines of the article header: between the title and the body, and the furniture among the first paragraphs (a standfirst can come before the byline). */
export function headerLines(lines: Scored[], segment: Segment, title: Scored | null): Scored[] {
  // The title can be inside the segment, under a photo caption: the lines up to it are not header.
  const titleAt = title ? lines.indexOf(title) : -1;
  const header = lines.slice(titleAt >= 0 && titleAt < segment.first ? titleAt + 1 : Math.max(0, segment.first - 8), segment.first);
  let good = 0;
  for (let i = segment.first; i <= segment.last && i < segment.first + 12 && good < 3; i++) {
    if (lines[i]!.kind === 'good') good++;
    else if (i > titleAt) header.push(lines[i]!);
  }
  return header;
}

/** Author and source agency from the byline ("By Jane Roe, Reuters | Published ...") and "Source:" lines. */
export function readByline(header: Scored[]): { author: string | null; source: string | null } {
  let author: string | null = null;
  let source: string | null = null;
  for (const [i, line] of header.entries()) {
    const t = line.text;
    const by = /^(?:written |posted |reported )?by[:\s]+(.+)$/i.exec(t) ?? /\bby\s+(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})\s*$/u.exec(t);
    const other = by ? null : firstMatch(boilerplate().bylines, t);
    const named = by ? by[1]! : other ? withoutLastStopwords(other[1]!) : /^by$/i.test(t) && header[i + 1] ? header[i + 1]!.text : null;
    if (!author && named) {
      const parts = splitByline(named);
      author = parts.author;
      source ??= parts.source;
    }
    const src = /^source\s*:\s*(.+)$/i.exec(t);
    if (src) source = src[1]!.trim();
  }
  return { author, source };
}

/** A name without the stop words a byline's next words left at its end ("Jule Radeck Vom 3. Februar", "C. le 14.09.2020"). */
function withoutLastStopwords(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && anyStopwords().has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.join(' ');
}

function firstMatch(patterns: RegExp[], text: string): RegExpExecArray | null {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/** "Jane Roe, Reuters | Published ..." -> Jane Roe and Reuters; "Tim Childers - Live Science Contributor 2019-11-19T12:48:14Z" -> Tim Childers. */
function splitByline(text: string): { author: string | null; source: string | null } {
  const { agency, role } = boilerplate();
  const dates = findDates(text);
  let rest = dates.length ? text.slice(0, dates[0]!.index) : text;
  // E-mail addresses and phone numbers are contact details, not names.
  rest = rest.replace(/\S+@\S+\.\w+|\+?\(?\d[\d ().-]{6,}\d/g, ' ');
  rest = rest.split(/\s+[|–—-]\s+|\s+\/\s+|\s+@|\s*\|\s*|\s+(?:published|posted|updated|on)\b/i)[0]!;
  const names: string[] = [];
  let source: string | null = null;
  for (const raw of rest.split(/\s*,\s*|\s+(?:and|und|et|y|e|en|och|og|i|и|dan)\s+|\s*&\s*/)) {
    const part = raw.replace(/[\s,;:|-]+$/, '').trim();
    if (!part) continue;
    const words = part.toLowerCase().split(/\s+/);
    if (words.some((w) => role.has(w))) continue;
    // An agency, or a web address ("Jane Roe, Courier.com"), after a name is the source.
    if (names.length > 0 && (words.some((w) => agency.has(w)) || /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(part))) source ??= part;
    else names.push(part);
  }
  return { author: names.length ? names.join(', ') : null, source };
}

/**
 * The published date: of the dates on the page (not later than the file's time, with their year), the one a
 * logistic model (data/date-model.json, trained by scripts/train-dates.mjs) rates likeliest, when it rates it likely
 * enough; failing that, a year-less dateline at the start of the body.
 */
export function findPublished(content: string, lines: Scored[], segment: Segment, header: Scored[], title: Scored | null, mtime?: Date): string | null {
  const candidates = dateCandidates(content, lines, segment, header, title, mtime);
  const model = dateModel();
  let best: DateCandidate | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    let score = 0;
    for (let k = 0; k < model.weights.length; k++) score += model.weights[k]! * candidate.features[k]!;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  if (best && bestScore >= model.threshold) return best.date.iso;
  const yearHint = yearOf(lines);
  const limit = mtime ? mtime.getTime() + DAY : Infinity;
  const dateline = findDates(lines[segment.first]!.text.slice(0, 120), { year: yearHint }).find((d) => d.instant <= limit && !d.hasYear && d.index < 60);
  return dateline ? dateline.iso : null;
}

const DAY = 24 * 3600 * 1000;

/** How far into a line dates are looked for: a paragraph's later dates are what it tells of, not when it was published. */
const DATE_REACH = 200;

/** What every text with a date with its year has: a four-digit year, or a two-digit one after a full stop. */
const MAY_HOLD_DATE = /\d(?:\d{3}|\.\d{2})/;

/** Lines of the body that dates are looked for in (where a standfirst, byline or dateline can be); after it, they are again. */
const BODY_REACH = 50;

/** A date on the page, with what the date model weighs (DATE_FEATURES, in order). */
export interface DateCandidate {
  date: FoundDate;
  features: number[];
}

/** The names of the date model's features, as data/date-model.json lists them. */
export const DATE_FEATURES = [
  'bias', 'beforeBody', 'linesBeforeBody', 'inBody', 'linesAfterBody', 'inHeader', 'linesFromTitle', 'afterTitle',
  'goodLine', 'lineWords', 'hasTime', 'sameDayElsewhere', 'firstOnPage', 'rank', 'latest', 'earliest', 'daysBeforeLatest',
  'furniture', 'dateLine', 'listItem', 'startsLine', 'datesOnLine', 'isoStamp', 'repeatedLine', 'labelled', 'nearTitle', 'handle',
];

interface DateModel {
  features: string[];
  weights: number[];
  threshold: number;
}

let model: DateModel | null = null;

function dateModel(): DateModel {
  if (model) return model;
  return (model = loadModel<DateModel>('date-model.json', DATE_FEATURES, 'scripts/train-dates.mjs'));
}

/**
 * The dates with a year on the page's lines (`content` is the text they were cut from), not later than `mtime` and a
 * day, with their features.
 */
export function dateCandidates(content: string, lines: Scored[], segment: Segment, header: Scored[], title: Scored | null, mtime?: Date): DateCandidate[] {
  const limit = mtime ? mtime.getTime() + DAY : Infinity;
  const bodyAt = bodyStart(lines, segment);
  const titleAt = title ? lines.indexOf(title) : -1;
  const labelled = labelledDate(lines, segment, header, limit);
  const found: Array<{ date: FoundDate; at: number; text: string; onLine: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    // From the first lines of a long body on to its last.
    if (i === bodyAt + BODY_REACH && i < segment.last) i = segment.last;
    const line = lines[i]!;
    // A caption's date is the photo's ("In this Dec. 12, 2006, file photo ...").
    // (A list item's marker holds no year: its text is cut from the page only when the line has one.)
    // Four digits in a row (digitRun) hold a date's year without a regex.
    if (line.digitRun === 0 || (line.furniture && !line.dated) || (line.listItem && line.digitRun < 4 && !MAY_HOLD_DATE.test(line.text))) continue;
    // A day with a full stop at the start of a line reads as a list marker ("16. Oktober 2019"): it is put back.
    const text = (line.listItem ? content.slice(lineStartOf(content, line.start), line.start + line.text.length) : line.text).slice(0, DATE_REACH);
    if (!(line.digitRun >= 4 && text === line.text) && !MAY_HOLD_DATE.test(text)) continue;
    const dates = (text === line.text ? datesOn(lines, line) : findDates(text)).filter((d) => d.hasYear && d.instant <= limit);
    for (const date of dates) found.push({ date, at: i, text, onLine: dates.length });
  }
  const perDay = new Map<number, number>();
  let latest = -Infinity;
  let earliest = Infinity;
  for (const { date } of found) {
    perDay.set(date.day, (perDay.get(date.day) ?? 0) + 1);
    latest = Math.max(latest, date.instant);
    earliest = Math.min(earliest, date.instant);
  }
  return packedMap(found, ({ date, at, text, onLine }, rank) => {
    const line = lines[at]!;
    const before = at < bodyAt;
    const after = at > segment.last;
    const features = [
      1,
      +before,
      before ? logCount(bodyAt - at) : 0,
      +(!before && !after),
      after ? logCount(at - segment.last) : 0,
      +header.includes(line),
      titleAt >= 0 ? logCount(Math.abs(at - titleAt)) : logCount(30),
      +(titleAt >= 0 && at > titleAt),
      +(line.kind === 'good'),
      logCount(line.words),
      +date.hasTime,
      logCount(perDay.get(date.day)! - 1),
      +(rank === 0),
      logCount(rank),
      +(date.instant === latest),
      +(date.instant === earliest),
      Math.log1p((latest - date.instant) / DAY),
      +line.furniture,
      +line.dateLine,
      +line.listItem,
      +(text.slice(0, date.index).trim() === ''),
      logCount(onLine - 1),
      +/^\d{4}-\d{2}-\d{2}/.test(text.slice(date.index)),
      +(line.repeats > 1),
      +(labelled?.line === line && labelled.date.index === date.index),
      +(titleAt >= 0 && Math.abs(at - titleAt) <= 3),
      // An embedded post's ("— Jane Roe (@janeroe) November 3, 2023").
      +/@\w{2,}/.test(line.text),
    ];
    return { date, features };
  });
}

/**
 * The dates in each line's text, found once: the title, the date candidates and the labelled date all look. They are
 * kept for the last page's lines, by the lines' index (an array costs less than a map keyed by line).
 */
const datesCache: { page: Scored[] | null; lines: Array<Scored | undefined>; dates: FoundDate[][] } = { page: null, lines: [], dates: [] };

function datesOn(page: Scored[], line: Scored): FoundDate[] {
  const cache = datesCache;
  if (cache.page !== page) {
    const size = (page.at(-1)?.index ?? -1) + 1;
    [cache.page, cache.lines, cache.dates] = [page, new Array<Scored>(size), new Array<FoundDate[]>(size)];
  }
  if (cache.lines[line.index] !== line) {
    cache.lines[line.index] = line;
    cache.dates[line.index] = findDates(line.text);
  }
  return cache.dates[line.index]!;
}

/** Where the line that holds `at` starts (lines end at \n, \r or \r\n). */
function lineStartOf(content: string, at: number): number {
  // Stepped back by hand: lastIndexOf('\r') would search the whole page before it when there is none.
  let start = at;
  while (start > 0 && content[start - 1] !== '\n' && content[start - 1] !== '\r') start--;
  return start;
}

/**
 * The date the hand-set rules find (one of the model's features): the first in the header, skipping "Updated"
 * lines if others have one, then a labelled date ("Published ...") before the body.
 */
function labelledDate(lines: Scored[], segment: Segment, header: Scored[], limit: number): { line: Scored; date: FoundDate } | null {
  const fromLines = (ls: Scored[], skipUpdated: boolean) => {
    for (const line of ls) {
      if (skipUpdated && /^(updated|last updated|modified)\b/i.test(line.text)) continue;
      // A caption's date is the photo's ("In this Dec. 12, 2006, file photo ...").
      if (line.furniture && !line.dated) continue;
      const date = datesOn(lines, line).find((d) => d.instant <= limit);
      if (date) return { line, date };
    }
    return null;
  };
  // The lines before the body are read only when the header has no date.
  const labelled = () => lines.slice(0, segment.first).filter((l) => /\b(published|posted|updated|date)\b/i.test(l.text));
  return fromLines(header, true) ?? fromLines(header, false) ?? fromLines(labelled(), false);
}

/** A year printed somewhere on the page (copyright line, other dates), for year-less datelines. */
function yearOf(lines: Scored[]): number | null {
  for (const line of lines) {
    if (line.digitRun < 4) continue;
    const m = /(?:©|copyright)\s*(\d{4})/i.exec(line.text);
    if (m) return +m[1]!;
  }
  return null;
}

/** The outlet's name: a short line at the top of the page that comes back at its foot, or a copyright line. */
export function findSite(lines: Scored[], segment: Segment): string | null {
  const head = lines.slice(0, Math.min(8, segment.first));
  const foot = lines.slice(Math.max(segment.last + 1, lines.length - 40));
  for (const line of head) {
    if (line.listItem || line.words < 1 || line.words > 6 || line.text.length > 60) continue;
    const atFoot = foot.some((l) => l.keyHash === line.keyHash && lineKey(l) === lineKey(line));
    if (atFoot && !isFurniture(line.text, line.phrases)) return line.text;
  }
  for (const line of foot) {
    const holder = copyrightHolder(line.text);
    if (holder && holder.split(/\s+/).length <= 6) return holder;
  }
  return null;
}

/**
 * The name in a copyright line ("Copyright © 2005-2019 Acme Media, Inc. All rights reserved." -> Acme Media),
 * without the sign, the years and what follows the name; null when the line is no copyright line or names no one.
 */
export function copyrightHolder(text: string): string | null {
  const m = /^(?:copyright|©|\(c\))(?:\s*(?:copyright|©|\(c\)|@))*\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,.\-–—]*)?(?:by\s+)?(.*)$/iu.exec(text);
  if (!m) return null;
  // The name ends at a comma, bar or bullet, a full stop before a space or a capital, a dash between spaces, or
  // "All rights"; a year or a bracket after it goes too.
  const name = m[1]!.split(/\s*[,|•]|\.(?=\s|$|\p{Lu})|\s[-–—]\s|\s*[Aa]ll [Rr]ights/u)[0]!.replace(/\s+(?:\d{4}|\([^()]*\))$/, '').trim();
  // "Designed by ...", "Powered by ...": the web designer's credit, not the site.
  return /\p{L}/u.test(name) && !/^\p{L}+ by\b/iu.test(name) ? name : null;
}

/** Tags: the first list after the body whose items are all short labels (not share buttons, not dates). */
export function findTags(lines: Scored[], segment: Segment): string[] {
  const { share } = boilerplate();
  for (let i = segment.last + 1; i < lines.length && i <= segment.last + 12; i++) {
    const line = lines[i]!;
    const label = /^(tags?|topics?|keywords|filed under)\s*:\s*(.*)$/i.exec(line.text);
    if (label) {
      if (label[2]) return label[2].split(/\s*[,;|]\s*/).filter(Boolean);
      continue;
    }
    if (!line.listItem) {
      if (line.kind === 'good') return [];
      continue;
    }
    const block = lines.filter((l) => l.block === line.block && l.listItem);
    const items = packedMap(block, (l) => l.text).filter((t) => t !== '');
    const tagLike = items.every((t) => t.split(/\s+/).length <= 5 && !/[.!?]$/.test(t) && !isDateLine(t) && t.length <= 50);
    if (items.length && tagLike && !items.every((t) => share.has(t.toLowerCase()))) return items.filter((t) => !share.has(t.toLowerCase()));
    return [];
  }
  return [];
}
