// The body of a page dump: each line classed by its features, then runs of text lines as candidate articles.
import { hashOf, WORD_RUN } from '../text/chars.js';
import { isDateLine } from './dates.js';
import { boilerplate, isCaption, isFurniture } from './boilerplate.js';
import { lineKey, type Line } from './lines.js';
import { orgWords } from '../text/org-words.js';
import { keyOf } from '../text/words.js';
import { packedMap, sized } from '../text/packed.js';

/** As in jusText: good lines are text on their own strength, near-good and short ones only between good ones. */
export type Kind = 'good' | 'neargood' | 'short' | 'bad';

export interface Scored extends Line {
  kind: Kind;
  /** How often this exact line occurs in the page. */
  repeats: number;
  /** Part of a "Related" / "Read more" insert. */
  insert: boolean;
  /** A line that ends the article when it comes after body text ("Most Read", "34 comments"). */
  end: boolean;
  /** A date or byline line: an article header, or the head of a comment. */
  dated: boolean;
  /** A date line (isDateLine). */
  dateLine: boolean;
  /** Matches a furniture phrase, a caption or share buttons (or is empty). */
  furniture: boolean;
  /** A list item, and nothing worse (not furniture, a date, a repeat or template). */
  listed: boolean;
  /** Printed on several pages of the site (its template): never body. */
  template: boolean;
}

export interface Segment {
  /** Indexes into the scored lines of the first and last good line. */
  first: number;
  last: number;
  /** Words in good lines. */
  score: number;
  goodLines: number;
}

/** A segment with text enough to be an article of its own (not a caption or a teaser). */
export function isArticle(segment: Segment): boolean {
  return segment.goodLines >= 3;
}

/** Fewest words of a line that can be body text on its own strength. */
const GOOD_WORDS = 10;
/** Least share of stop words in a line of text (menus and lists of names have fewer). */
const TEXT_STOP_DENSITY = 0.15;
/** Lines of fewer words are short: labels, buttons, captions' credits. */
const SHORT_WORDS = 5;
/**
 * Fewest words of a line in a list-like block that is still judged as text: a paragraph under a subheading of a
 * list-style article, longer than a teaser's blurb. Not when it is printed twice (a photo's caption).
 */
const LIST_PARAGRAPH_WORDS = 50;
/** Blocks of page furniture in a row that end a run of text (a glued-on second article, comments, a footer). */
const BREAK_BLOCKS = 4;
/** Lines since the last good line that end a run of text, however few blocks they make (a long site menu is one block). */
const BREAK_LINES = 80;
/**
 * Teasers cut short: "Microsoft removes the safeguard hold for Windows 10 users with Realtek Bluetooth...". (Not a
 * regex anchored at the end: that one is tried at every position of the line.)
 */
function truncated(text: string): boolean {
  return text.endsWith('...') || text.endsWith('…');
}

/** Words and stop words enough for text, and not a teaser cut short: a good line when it also ends like a sentence or is long. */
export function readsAsText(line: Line): boolean {
  return line.words >= GOOD_WORDS && line.stopDensity >= TEXT_STOP_DENSITY && !truncated(line.text);
}

/**
 * Classes every line, in place (toLines made them with Scored's fields; scoring them again sets those afresh);
 * `template` says whether a line (lines[i]) is part of the site's page template. With
 * `listBlocks` false, blocks that look like lists (listLikeBlocks) are not set aside as a whole.
 */
export function scoreLines(lines: Line[], template: (i: number) => boolean = () => false, listBlocks = true): Scored[] {
  const { end, endPattern } = boilerplate();
  const repeatsOf = repeatCounts(lines);
  const dateLine: boolean[] = [];
  const dated: boolean[] = [];
  const furniture: boolean[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isDate = isDateLine(line.text, line.digitRun);
    dateLine.push(isDate);
    dated.push(isDate || isBylineLine(line.text));
    furniture.push(line.words === 0 || isFurniture(line.text, line.phrases) || (isCaption(line.text) && !(repeatsOf[i] === 1 && isTaggedParagraph(line))) || isShareLine(line) || isDoubled(line.text) || isShouted(line));
  }
  // The caption a credit line repeats ("Hospital in Beijing" then "Hospital in BeijingCredit: EPA").
  for (let i = 0; i + 1 < lines.length; i++) {
    if (furniture[i + 1] && lines[i + 1]!.text.length > lines[i]!.text.length && lines[i + 1]!.text.startsWith(lines[i]!.text)) furniture[i] = true;
  }
  // The caption over a photo credit in its block ("The minister arrives at the summit" / "Jane Roe | Getty Images").
  for (let i = 0; i + 1 < lines.length; i++) {
    if (furniture[i + 1] && lines[i + 1]!.block === lines[i]!.block && isCredit(lines[i + 1]!)) furniture[i] = true;
  }
  const repeated = (i: number) => repeatsOf[i]! > 1 && lines[i]!.words < 60;
  const listLike = listBlocks ? listLikeBlocks(lines, packedMap(furniture, (f, i) => f || dated[i]!), repeated) : new Set<number>();
  const endless = writesWithoutEnds(lines, (i) => !furniture[i] && !dated[i] && !repeated(i) && !listLike.has(lines[i]!.block));
  // In place: a copy of each line cost more than the rest.
  const scored = lines as Scored[];
  for (let i = 0; i < scored.length; i++) {
    const line = scored[i]!;
    const repeats = repeatsOf[i]!;
    const templated = template(i);
    let kind: Kind;
    let listed = false;
    if (furniture[i] || dated[i] || repeated(i) || templated) kind = 'bad';
    else if (listLike.has(line.block) && (line.words < LIST_PARAGRAPH_WORDS || repeats > 1)) [kind, listed] = ['bad', line.listItem];
    else if (readsAsText(line) && (line.sentenceEnd || line.words >= 25 || endless)) kind = 'good';
    else if (line.listItem) [kind, listed] = ['bad', true];
    else if (line.words < SHORT_WORDS) kind = 'short';
    else kind = 'neargood';
    line.end = (line.words <= 6 && mayStartWithMarker(line) && startsWithPhrase(lineKey(line), end)) || (line.words <= 20 && endPattern.test(line.text, line.phrases)) || isAboutHeading(lines, i);
    line.kind = kind;
    line.repeats = repeats;
    line.insert = false;
    line.dated = dated[i]!;
    line.dateLine = dateLine[i]!;
    line.furniture = furniture[i]!;
    line.listed = listed;
    line.template = templated;
  }
  markInserts(scored);
  return scored;
}

/** Fewest text-like lines that show a page's habit of ending lines without a full stop. */
const HABIT_LINES = 8;
/**
 * Largest share of their words in lines that end like sentences on a page written so. Over the benchmark pages, the
 * pages written so have under 0.1, and all others over 0.15 (a page of headlines without full stops beside a short
 * article has its paragraphs' full stops).
 */
const HABIT_ENDS = 0.12;

/**
 * Whether the page's text-like lines (`open`: not furniture, dates, repeats or list blocks; GOOD_WORDS and stop words)
 * mostly end without a sentence's end: a blog written a sentence to a line without full stops (common in Chinese and
 * Japanese), where a line's end does not tell text from a headline.
 */
function writesWithoutEnds(lines: Line[], open: (i: number) => boolean): boolean {
  let [textLines, words, ended] = [0, 0, 0];
  lines.forEach((line, i) => {
    if (!readsAsText(line) || !open(i)) return;
    textLines++;
    words += line.words;
    if (line.sentenceEnd) ended += line.words;
  });
  return textLines >= HABIT_LINES && ended < words * HABIT_ENDS;
}

/**
 * Arrays of numbers that repeatCounts and listLikeBlocks use within a call, kept from call to call (grown when a page
 * needs more): an array of its own for each page is allocated and freed outside the heap, which costs more than the
 * counting.
 */
const scratchArrays = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];

/** The `which`-th scratch array's first `size` numbers, set to 0 (valid until the next call for it). */
function scratch(which: number, size: number): Int32Array {
  return (scratchArrays[which] = sized(scratchArrays[which]!, size)).subarray(0, size).fill(0);
}

/**
 * How often each line's key occurs in the page. Lines with a hash of their own have a key of their own; lines that
 * share one are told apart by text, and only when their texts differ by key.
 */
function repeatCounts(lines: Line[]): number[] {
  // The hashes in an open-addressing table: a slot holds the first line with its hash (index + 1) and their count.
  let size = 2;
  while (size < lines.length * 2) size *= 2;
  const first = scratch(0, size);
  const count = scratch(1, size);
  const slotOf = scratch(2, lines.length);
  lines.forEach(({ keyHash }, i) => {
    let s = keyHash & (size - 1);
    while (first[s] !== 0 && lines[first[s]! - 1]!.keyHash !== keyHash) s = (s + 1) & (size - 1);
    if (first[s] === 0) first[s] = i + 1;
    count[s]!++;
    slotOf[i] = s;
  });
  const repeats = packedMap(lines, (_, i) => count[slotOf[i]!]!);
  // Slots whose lines share a hash but not their text: their lines are counted again, by key.
  const mixed = new Set<number>();
  lines.forEach((l, i) => {
    if (l.text !== lines[first[slotOf[i]!]! - 1]!.text) mixed.add(slotOf[i]!);
  });
  if (mixed.size === 0) return repeats;
  const byKey = new Map<string, number>();
  lines.forEach((l, i) => {
    if (mixed.has(slotOf[i]!)) byKey.set(lineKey(l), (byKey.get(lineKey(l)) ?? 0) + 1);
  });
  lines.forEach((l, i) => {
    if (mixed.has(slotOf[i]!)) repeats[i] = byKey.get(lineKey(l))!;
  });
  return repeats;
}

/**
 * "About Jane Roe" over a paragraph that names her ("Jane Roe is a freelance writer..."): the author's bio
 * after the article, not part of it. Only a person's name (two to four capitalised words, none an organisation
 * word): a press release's "About Acme Holdings" paragraph is part of the release.
 */
function isAboutHeading(lines: Line[], at: number): boolean {
  const line = lines[at]!;
  if (line.words < 3 || line.words > 6 || line.sentenceEnd) return false;
  const { about } = boilerplate();
  aboutFirstWords ??= new Set([...about].map((phrase) => phrase.split(' ')[0]!));
  if (!aboutFirstWords.has(line.text.slice(0, line.text.indexOf(' ')).toLowerCase())) return false; // cheap test first
  const words = line.text.split(/\s+/);
  for (let n = 1; n <= 3 && n < words.length; n++) {
    const name = words.slice(n);
    if (!about.has(words.slice(0, n).join(' ').toLowerCase()) || name.length < 2 || name.length > 4) continue;
    if (!name.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !orgWords().words.has(w))) return false;
    const nameKey = ` ${keyOf(name.join(' '))} `;
    for (let j = at + 1; j < lines.length && j <= at + 4; j++) {
      if (lines[j]!.words >= GOOD_WORDS) return ` ${lineKey(lines[j]!)} `.includes(nameKey);
    }
  }
  return false;
}

let aboutFirstWords: Set<string> | null = null;

/** "Related News" and its headlines, up to the next real paragraph, are an insert, not body. */
function markInserts(lines: Scored[]): void {
  const { insert } = boilerplate();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.words > 6 || !mayStartWithMarker(lines[i]!) || !startsWithPhrase(lineKey(lines[i]!), insert)) continue;
    lines[i]!.insert = true;
    lines[i]!.kind = 'bad';
    for (let j = i + 1; j < lines.length && j <= i + 8 && lines[j]!.kind !== 'good'; j++) {
      lines[j]!.insert = true;
      lines[j]!.kind = 'bad';
    }
  }
}

let markerStarts: Set<number> | null | undefined;

/** Whether the line's key starts with the first word of an insert or end marker, as it must to start with the marker. */
function mayStartWithMarker(line: Line): boolean {
  const { insert, end } = boilerplate();
  if (markerStarts === undefined) markerStarts = firstRunHashes([...insert, ...end]);
  return !markerStarts || markerStarts.has(line.firstWordHash);
}

/**
 * hashOf the first run of letters and digits of each phrase, as Line.firstWordHash has it for a line starting
 * with the phrase; null when a phrase has no such run (then no line can be ruled out this way).
 */
function firstRunHashes(phrases: string[]): Set<number> | null {
  const starts = phrases.map((phrase) => phrase.match(WORD_RUN)?.[0]);
  return starts.every((start) => start !== undefined) ? new Set(starts.map((start) => hashOf(start!))) : null;
}

/** Whether the key is one of the phrases or starts with one ("most read in world"). */
function startsWithPhrase(key: string, phrases: Set<string>): boolean {
  if (phrases.has(key)) return true;
  for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) {
    if (phrases.has(key.slice(0, at))) return true;
  }
  return false;
}

/**
 * Blocks of three or more lines without blank lines between, most of which do not end like sentences:
 * headline tickers, link lists, tables. Body paragraphs in dumps stand alone, separated by blank lines.
 * Bylines, dates and share buttons do not count: some dumps put them in one block with the paragraphs. Lines
 * printed more than once on the page count toward a block's size but not toward its share of sentences: a
 * headline repeated in a promotion box does not make the paragraphs around it a list.
 */
function listLikeBlocks(lines: Line[], furniture: boolean[], repeated: (i: number) => boolean): Set<number> {
  // Per block (blocks are numbered from 1 in page order): its lines, and of those that are not repeats (bad on
  // their own: a headline printed twice, say), how many there are and how many end like sentences.
  const blocks = (lines[lines.length - 1]?.block ?? 0) + 1;
  const [count, own, sentences] = [scratch(0, blocks), scratch(1, blocks), scratch(2, blocks)];
  lines.forEach((l, i) => {
    if (furniture[i]) return;
    count[l.block]!++;
    if (repeated(i)) return;
    own[l.block]!++;
    if (l.sentenceEnd) sentences[l.block]!++;
  });
  const listLike = new Set<number>();
  for (let b = 0; b < blocks; b++) if (count[b]! >= 3 && sentences[b]! < own[b]! * 0.6) listLike.add(b);
  return listLike;
}

/** Runs of body text, split where several blocks of page furniture (or an end marker) come between. */
export function findSegments(lines: Scored[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  // Blocks of furniture since the last good line: block -> whether all its lines are minor (captions, short labels).
  let gap = new Map<number, boolean>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.end && current) {
      segments.push(current);
      current = null;
      continue;
    }
    if (line.kind === 'good') {
      if (current && gapWeight(gap) < BREAK_BLOCKS && i - current.last <= BREAK_LINES) {
        current.last = i;
        current.score += line.words;
        current.goodLines++;
      } else {
        if (current) segments.push(current);
        current = { first: i, last: i, score: line.words, goodLines: 1 };
      }
      if (gap.size > 0) gap = new Map();
      continue;
    }
    if (current) addToGap(gap, lines, i);
  }
  if (current) segments.push(current);
  return packedMap(joinContinuations(lines, segments), (segment) => withoutTail(lines, segment));
}

/** Fewest words of text a page needs for fallbackSegments to find it (an error or index page has none). */
const FALLBACK_WORDS = 3 * GOOD_WORDS;

/**
 * For a page where no run of text qualifies (wrapped lines beside a side column, lines without sentence ends, terse
 * Chinese with few function characters): its text-like lines (stop words or, in Chinese and Japanese, a comma or full
 * stop inside the line; not furniture, dates or repeats) made good, and the runs of text they make, so that a page
 * holding text never yields an empty body; none when no block has FALLBACK_WORDS words in such lines (an error or
 * index page).
 */
export function fallbackSegments(lines: Scored[]): Segment[] {
  const textLike = (line: Scored) => line.words >= SHORT_WORDS && (line.stopDensity >= TEXT_STOP_DENSITY || UNSPACED_CLAUSE.test(line.text)) && !line.furniture && !line.dated && line.repeats === 1;
  const wordsOf = new Map<number, number>();
  for (const line of lines) if (textLike(line)) wordsOf.set(line.block, (wordsOf.get(line.block) ?? 0) + line.words);
  if (![...wordsOf.values()].some((words) => words >= FALLBACK_WORDS)) return [];
  for (const line of lines) if (textLike(line)) line.kind = 'good';
  return findSegments(lines);
}

/** A Chinese or Japanese comma or full stop with more text after it: running text, not a headline or menu. */
const UNSPACED_CLAUSE = /[，、。](?=.*[^\s。！？」』）])/u;

/** Blocks of furniture (not captions or short labels) that set a page's tail apart from the article. */
const TAIL_GAP = 2;
/** The most words such a tail has, as a share of the article's words before it. */
const TAIL_SHARE = 0.2;

/**
 * A few lines of text after the article's end, past boxes of links or promotions ("Get our weekly digest", "No spam,
 * unsubscribe any time"), are the page's footer, not the article's last paragraphs.
 */
function withoutTail(lines: Scored[], segment: Segment): Segment {
  let previous = segment.first;
  for (let i = segment.first + 1; i <= segment.last; i++) {
    if (lines[i]!.kind !== 'good') continue;
    if (furnitureBlocks(lines, previous + 1, i) >= TAIL_GAP) {
      let words = 0;
      let good = 0;
      for (let j = i; j <= segment.last; j++) if (lines[j]!.kind === 'good') [words, good] = [words + lines[j]!.words, good + 1];
      if (words < (segment.score - words) * TAIL_SHARE) {
        return { first: segment.first, last: previous, score: segment.score - words, goodLines: segment.goodLines - good };
      }
    }
    previous = i;
  }
  return segment;
}

/** The blocks of furniture between two lines that are not minor. */
export function furnitureBlocks(lines: Scored[], from: number, to: number): number {
  if (from >= to) return 0; // next to each other (most good lines of a segment): no Map to make
  const gap = new Map<number, boolean>();
  for (let i = from; i < to; i++) addToGap(gap, lines, i);
  let blocks = 0;
  for (const minor of gap.values()) if (!minor) blocks++;
  return blocks;
}

/**
 * Counts a line that is not good into the gap since the last good line: block -> whether all its lines are
 * minor. Text-like lines and table rows are not furniture; an insert ("Related News" and its headlines)
 * weighs one block, however many headlines it has.
 */
function addToGap(gap: Map<number, boolean>, lines: Scored[], at: number): void {
  const line = lines[at]!;
  if (isTableRow(lines, at)) return;
  if (line.insert) {
    if (!(at > 0 && lines[at - 1]!.insert)) gap.set(line.block, false);
  } else if (line.kind !== 'neargood' || !line.sentenceEnd) gap.set(line.block, (gap.get(line.block) ?? true) && isMinor(line));
}

/** Most scored lines between two runs of text that an insert or a stray end marker can take. */
const CONTINUATION_GAP = 12;

/**
 * A run of text cut off by a "Most read" box or a "Share this article" line in the middle of the article
 * goes on after it: two runs of several paragraphs close together, with no date or byline in or around the
 * second (which would make it another article or a comment), are one. So are two runs of several paragraphs with
 * only a box of labels and figures between them (isBox), however many lines it has: a chart cut into the article.
 */
function joinContinuations(lines: Scored[], segments: Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const previous = joined.length > 0 ? joined[joined.length - 1] : undefined;
    if (previous && continues(lines, previous, segment)) {
      joined[joined.length - 1] = { first: previous.first, last: segment.last, score: previous.score + segment.score, goodLines: previous.goodLines + segment.goodLines };
    } else {
      joined.push(segment);
    }
  }
  return joined;
}

function continues(lines: Scored[], previous: Segment, next: Segment): boolean {
  if (!isArticle(previous) || !isArticle(next)) return false;
  if (isBox(lines, previous.last + 1, next.first)) return true;
  if (next.first - previous.last > CONTINUATION_GAP) return false;
  let insert = false;
  for (let i = previous.last + 1; i <= next.last; i++) {
    // A "Comments" heading ends the article for good; "Most read" heads an insert that can come mid-article.
    if (lines[i]!.dated || (i < next.first && lines[i]!.end && !lines[i]!.insert)) return false;
    if (lines[i]!.insert) insert = true;
  }
  return insert;
}

/** Most words of a box (a chart's labels and figures, a fact box) between two parts of an article. */
const BOX_WORDS = 120;
/**
 * Most words of one line of such a box, and most on average over its lines that have words (empty ones are images):
 * labels and figures, not headlines.
 */
const BOX_LINE_WORDS = 12;
const BOX_MEAN_WORDS = 3;

/**
 * Lines from..to-1 are a box inside the article, such as a chart's labels and figures: few words, short lines, and
 * nothing that reads as text, a date, page furniture (share buttons, form fields), an end marker or an insert heading.
 */
function isBox(lines: Scored[], from: number, to: number): boolean {
  let words = 0;
  let labels = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    // The box's title may read like text, and its last line may credit the source.
    const heading = i === from && line.kind === 'neargood';
    const credit = i === to - 1 && isCredit(line);
    if (line.words > BOX_LINE_WORDS || (line.kind === 'neargood' && !heading) || line.dateLine || line.end || line.insert || (line.furniture && line.words > 0 && !credit)) return false;
    words += line.words;
    if (line.words > 0) labels++;
  }
  return words <= BOX_WORDS && words <= labels * BOX_MEAN_WORDS;
}

/** Lines from a segment's start that can hold the standfirst and the byline after it. */
const STANDFIRST_LINES = 12;

/**
 * Where the body starts: after the byline or date when a summary line comes above it ("A one-line
 * summary... / By Jane Roe / Nov. 19, 2019"), as that line is the article's standfirst, part of the header.
 */
export function bodyStart(lines: Scored[], segment: Segment): number {
  let good = 0;
  for (let i = segment.first; i <= segment.last && i < segment.first + STANDFIRST_LINES; i++) {
    const line = lines[i]!;
    if (line.kind === 'good' && ++good > 1) break;
    if (line.dated && good === 1) {
      for (let first = i + 1; first <= segment.last; first++) if (lines[first]!.kind === 'good') return first;
      break;
    }
  }
  return segment.first;
}

/** Cells set apart by runs of spaces, as a page dump lays out a table: "1  Jane Roe  5040  5". */
const TABLE_CELLS = /\S {2,}\S.* {2,}\S/;

/**
 * A row of a data table (three or more cells, a figure among them) next to another row. Rows come one to a
 * block when the dump spaces them, so many blocks in a row are still one table, part of the article.
 */
function isTableRow(lines: Scored[], at: number): boolean {
  const row = (line: Scored | undefined) => line !== undefined && !line.furniture && !line.insert && TABLE_CELLS.test(line.text) && /\d/.test(line.text);
  return row(lines[at]) && (row(lines[at - 1]) || row(lines[at + 1]));
}

/** Photos with their captions, short labels and subheadings weigh half a block: articles are full of them. */
function gapWeight(gap: Map<number, boolean>): number {
  let weight = 0;
  for (const minor of gap.values()) weight += minor ? 0.5 : 1;
  return weight;
}

function isMinor(line: Scored): boolean {
  return !line.listItem && (line.words < SHORT_WORDS || line.kind === 'neargood' || isCaption(line.text));
}

/** What the rules see around and in a segment when they weigh it as the main article (segmentWeight). */
export interface SegmentTraits {
  /** A date or byline just before it (an article's header). */
  header: boolean;
  /** A "Comments" or "Most Read" heading just before it. */
  afterEnd: boolean;
  /** Headline-like lines between its paragraphs (teasers). */
  headlines: number;
  /** Its paragraphs that each come after a date (reader comments, lists of dated posts). */
  datedPosts: number;
}

export function segmentTraits(lines: Scored[], segment: Segment): SegmentTraits {
  let [header, afterEnd] = [false, false];
  for (let i = segment.first - 1; i >= 0 && i >= segment.first - 8 && lines[i]!.kind !== 'good'; i--) {
    // "0 comments" beside the date or byline is the header's comment count, not a heading that ends the article.
    if (lines[i]!.end && !sharesBlockWithDate(lines, i)) {
      afterEnd = true;
      break;
    }
    if (lines[i]!.dated) {
      header = true;
      break;
    }
  }
  let [headlines, datedPosts] = [0, 0];
  for (let i = segment.first; i <= segment.last; i++) {
    const line = lines[i]!;
    if (line.kind !== 'good' && line.words >= 3 && !line.sentenceEnd && !isTableRow(lines, i)) headlines++;
    if (i > segment.first && line.kind !== 'bad' && (lines[i - 1]!.dated || (lines[i - 2]?.dated && lines[i - 1]!.kind === 'bad'))) datedPosts++;
  }
  return { header, afterEnd, headlines, datedPosts };
}

/** Whether a date or byline line is in the same block as line `at`. */
function sharesBlockWithDate(lines: Scored[], at: number): boolean {
  const { block } = lines[at]!;
  for (let i = at - 1; i >= 0 && lines[i]!.block === block; i--) if (lines[i]!.dated) return true;
  for (let i = at + 1; i < lines.length && lines[i]!.block === block; i++) if (lines[i]!.dated) return true;
  return false;
}

/**
 * How much a segment looks like the main article: its words in good lines, more when a byline or date
 * comes just before it (an article header: a short article under one outweighs a longer notice or blurb elsewhere
 * on the page), less for each headline-like line between its paragraphs (teasers), much less when it follows a
 * "Comments" or "Most Read" heading or its paragraphs each come after a date (reader comments, lists of dated posts).
 */
export function segmentWeight(lines: Scored[], segment: Segment, traits = segmentTraits(lines, segment)): number {
  const weight = segment.score * (traits.afterEnd ? 0.5 : traits.header ? 3 : 1) - 10 * traits.headlines;
  return traits.datedPosts >= 2 ? weight * 0.2 : weight;
}

/**
 * Body: the good lines of a segment, the shorter lines between them that read as text or subheadings,
 * and lists the text introduces with a colon (tour dates, a line-up) even when they come after it.
 */
export function bodyLines(lines: Scored[], segment: Segment): Scored[] {
  const body: Scored[] = [];
  for (let i = bodyStart(lines, segment); i <= segment.last + 1 && i < lines.length; i++) {
    const line = lines[i]!;
    if (isIntro(line) || isTableHeading(lines, i)) {
      const end = introducedList(lines, i);
      for (let j = i; j <= end; j++) body.push(lines[j]!);
      i = end;
      continue;
    }
    if (i > segment.last) break;
    if (line.kind === 'good' || (line.kind === 'neargood' && !line.insert)) body.push(line);
    else if (i < segment.last && (isListText(lines, i) || isProseItem(line))) body.push(line);
    else if (line.kind === 'short' && !line.insert && isSubheading(line, lines[i + 1])) body.push(line);
  }
  return body;
}

/**
 * An item of a list inside the article ("• Fewer forms to fill in"): the list follows a line of text,
 * has no furniture in it, and the item is not a headline in title case. Lists of links to other stories follow a label ("More:",
 * "Election Coverage") or are headlines ("15 Amazing Parks You Should Visit").
 */
function isListText(lines: Scored[], at: number): boolean {
  const line = lines[at]!;
  if (!line.listed || line.insert || line.end || isTitleCase(line.text)) return false;
  let before = at - 1;
  while (before >= 0 && (lines[before]!.listed || lines[before]!.block === line.block)) before--;
  const lead = lines[before];
  if (lead === undefined || (lead.kind !== 'good' && lead.kind !== 'neargood') || lead.insert) return false;
  // A list with a caption or buttons in it is a photo or a widget ("x", "Ministers meet in the capital (AFP)").
  for (let i = before + 1; i < lines.length && (lines[i]!.listed || lines[i]!.block === line.block); i++) {
    if (lines[i]!.furniture) return false;
  }
  return true;
}

/**
 * Fewest words of a list item that is body for reading as text (isProseItem): over the three benchmark sets, list
 * items of 15 words or more in the main segment are body 33 times in 35, of 10 or more 82 in 99 (headlines of
 * other stories in a list under the article).
 */
const PROSE_ITEM_WORDS = 15;

/**
 * A long list item in the segment that reads as text (an article written as bullets), though its list holds a
 * caption or its lead is no paragraph (isListText).
 */
function isProseItem(line: Scored): boolean {
  return line.listed && !line.insert && !line.end && line.words >= PROSE_ITEM_WORDS && readsAsText(line);
}

/** Most longer words after the first capitalised: "11 Surprising Facts About Our City Parks". */
function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).slice(1).filter((w) => /^\p{L}{4}/u.test(w));
  return words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length * 0.8;
}

/** "The tour dates:": a line of text that announces a list. */
function isIntro(line: Scored): boolean {
  return line.text.endsWith(':') && line.words >= 3 && !line.listItem && !line.furniture && !line.dated && !line.insert && !line.end;
}

/** A heading over a block of data lines (dates, results, prices: a digit on every line) right after the text. */
function isTableHeading(lines: Scored[], at: number): boolean {
  const heading = lines[at]!;
  if (heading.sentenceEnd || heading.words > 10 || heading.listItem || heading.furniture || heading.insert || heading.end || heading.kind === 'bad') return false;
  const rows = lines.slice(at + 1, at + 40).filter((l) => l.block === heading.block + 1);
  return rows.length >= 3 && rows.every((l) => !l.listItem && /\d/.test(l.text) && !l.furniture);
}

/** Index of the last line of the list after the intro at `at`: the rest of its block, or the next block. */
function introducedList(lines: Scored[], at: number): number {
  const intro = lines[at]!;
  const block = lines[at + 1]?.block === intro.block ? intro.block : intro.block + 1;
  let end = at;
  for (let j = at + 1; j < lines.length && j <= at + 80; j++) {
    const line = lines[j]!;
    if (line.block !== block || line.furniture || line.end || line.insert || line.kind === 'good') break;
    end = j;
  }
  return end;
}

function isSubheading(line: Scored, next: Scored | undefined): boolean {
  return /^\p{Lu}/u.test(line.text) && !line.sentenceEnd && next?.kind === 'good' && next.block !== line.block && !isImageFile(line.text);
}

/**
 * Fewest words of a paragraph that ends in a bracketed tag ("... said on Tuesday. (dpa)"): captions without a photo
 * word run shorter. Any value from 10 to 40 gives the same figures on the three benchmark sets (within one snippet).
 */
const TAGGED_PARAGRAPH_WORDS = 20;

/**
 * A long paragraph, not a list item, whose closing brackets name no photo or its credit: an agency's or author's tag.
 * (Printed twice on the page, such a line is a teaser's copy: scoreLines leaves it a caption.)
 */
function isTaggedParagraph(line: Line): boolean {
  return line.words >= TAGGED_PARAGRAPH_WORDS && !line.listItem && !boilerplate().credit.test(line.text.slice(line.text.lastIndexOf('(')));
}

/** A short line naming a photo's source: "Photo: Jane Roe, AP", "(Image: © Agency)". */
function isCredit(line: Line): boolean {
  return line.words <= 8 && boilerplate().credit.test(line.text);
}

/** An image's file name alone on a line ("IMG_0412.jpg", "harbour-view-800x450.png"): where a dump shows the image. */
const IMAGE_FILE = /^[^\s/]*\.(?:jpe?g|png|gif|webp|avif|bmp|svg)$/i;

function isImageFile(text: string): boolean {
  return text.length < 200 && IMAGE_FILE.test(text);
}

/** Image alt text written twice over ("Business focus: a lensBusiness focus: a lens"). */
function isDoubled(text: string): boolean {
  const half = text.length / 2;
  return text.length >= 20 && Number.isInteger(half) && text.charCodeAt(0) === text.charCodeAt(half) && text.slice(0, half) === text.slice(half);
}

/** A headline in capitals among the paragraphs ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"): a link to another story. */
function isShouted(line: Line): boolean {
  if (line.words < 4 || line.sentenceEnd) return false;
  // Its ASCII letters, at least 15 and none in lower case.
  let letters = 0;
  for (let i = 0; i < line.text.length; i++) {
    const c = line.text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 15;
}

/** firstRunHashes of the share labels: the first word of a row of share buttons is a label. */
let shareStarts: Set<number> | null | undefined;

/** A row of share buttons: "Email Twitter Facebook". */
function isShareLine(line: Line): boolean {
  const { text } = line;
  if (text.length > 150) return false;
  const { share } = boilerplate();
  if (shareStarts === undefined) shareStarts = firstRunHashes([...share]);
  if (shareStarts && !shareStarts.has(line.firstWordHash)) return false;
  const lower = text.toLowerCase();
  // A button of several words ("Show more sharing options"), or a row of one-word buttons.
  if (share.has(lower)) return true;
  const words = lower.split(/[\s|•·]+/).filter(Boolean);
  return words.length > 0 && words.length <= 12 && words.every((w) => share.has(w));
}

/** "By Jane Roe", "By Jane Roe, Reuters | Published ...": a byline, not text. */
export function isBylineLine(text: string): boolean {
  return text.length <= 160 && /^(?:written |posted |reported )?by[:\s]+\S/i.test(text) && !/[.!?]["”’]?$/.test(text.replace(/\b(?:[A-Z]|jr|sr|dr|am|pm|a\.m|p\.m)\.$/i, ''));
}
