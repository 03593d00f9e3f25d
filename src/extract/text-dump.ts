// Article extraction from a rendered page dump (a browser's or w3m's text): body by line features, then metadata.
import { loadData } from '../data.js';
import type { Page } from '../types.js';
import { findDates, type FoundDate } from './dates.js';
import { toLines, type Line } from './lines.js';

type Kind = 'good' | 'neargood' | 'short' | 'bad';

interface Scored extends Line {
  kind: Kind;
  key: string;
  /** How often this exact line occurs in the page. */
  repeats: number;
  /** Part of a "Related" / "Read more" insert. */
  insert: boolean;
}

/** An article found in a dump, before it becomes a record. */
export interface DumpArticle {
  title: string | null;
  published: string | null;
  author: string | null;
  source: string | null;
  site: string | null;
  tags: string[];
  paragraphs: string[];
}

interface Boilerplate {
  insertMarkers: string[];
  endMarkers: string[];
  linePatterns: string[];
  captionEnd: string;
}

let rules: { insert: Set<string>; end: Set<string>; patterns: RegExp[]; caption: RegExp } | null = null;
function boilerplate() {
  if (!rules) {
    const b = loadData<Boilerplate>('boilerplate.json');
    rules = {
      insert: new Set(b.insertMarkers),
      end: new Set(b.endMarkers),
      patterns: b.linePatterns.map((p) => new RegExp(p, 'i')),
      caption: new RegExp(b.captionEnd, 'i'),
    };
  }
  return rules;
}

/** Fewest words of a line that can be body text on its own strength. */
const GOOD_WORDS = 10;
/** Boilerplate blocks in a row that end an article (a glued-on second article, comments, a footer). */
const BREAK_BLOCKS = 4;
const SHARE_WORDS = /^(facebook|twitter|x|email|e-mail|whatsapp|linkedin|print|reddit|share|pinterest|telegram|copy link|tumblr|pin it|messenger|flipboard|comments?|show more sharing options)$/i;

export function extractFromDump(page: Page, options: { allArticles: boolean }): DumpArticle[] {
  const lines = scoreLines(toLines(page.content));
  const segments = findSegments(lines);
  if (segments.length === 0) return [];
  const ranked = [...segments].sort((a, b) => b.score - a.score);
  const main = ranked[0]!;
  const chosen = options.allArticles ? segments.filter((s) => s === main || s.goodLines >= 3) : [main];
  const site = findSite(lines);
  const usedTitles = new Set<string>();
  const articles: DumpArticle[] = [];
  for (const segment of chosen) {
    const titleLine = findTitle(lines, segment, usedTitles);
    if (titleLine) usedTitles.add(titleLine.key);
    const header = headerLines(lines, segment, titleLine);
    const meta = readByline(header);
    articles.push({
      title: titleLine ? titleLine.text : null,
      published: findPublished(lines, segment, header, page.mtime),
      author: meta.author,
      source: meta.source,
      site,
      tags: findTags(lines, segment),
      paragraphs: bodyLines(lines, segment).map((l) => l.text),
    });
  }
  // The main article first, then the others in page order.
  const mainIndex = chosen.indexOf(main);
  return [articles[mainIndex]!, ...articles.filter((_, i) => i !== mainIndex)];
}

function scoreLines(lines: Line[]): Scored[] {
  const { patterns, caption, insert } = boilerplate();
  const counts = new Map<string, number>();
  const keys = lines.map((l) => keyOf(l.text));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const listLike = listLikeBlocks(lines);
  const scored: Scored[] = lines.map((line, i) => {
    const key = keys[i]!;
    const repeats = counts.get(key) ?? 1;
    let kind: Kind;
    if (line.listItem || listLike.has(line.block) || line.words === 0 || patterns.some((p) => p.test(line.text)) || caption.test(line.text) || isDateLine(line.text)) kind = 'bad';
    else if (repeats > 1 && line.words < 60) kind = 'bad';
    else if (line.words >= GOOD_WORDS && line.stopDensity >= 0.15 && (line.sentenceEnd || line.words >= 25)) kind = 'good';
    else if (line.words < 5) kind = 'short';
    else kind = 'neargood';
    return { ...line, kind, key, repeats, insert: false };
  });
  // "Related News" and its headlines, up to the next real paragraph, are an insert, not body.
  for (let i = 0; i < scored.length; i++) {
    if (!insert.has(scored[i]!.key)) continue;
    scored[i]!.insert = true;
    scored[i]!.kind = 'bad';
    for (let j = i + 1; j < scored.length && j <= i + 8 && scored[j]!.kind !== 'good'; j++) {
      scored[j]!.insert = true;
      scored[j]!.kind = 'bad';
    }
  }
  return scored;
}

/**
 * Blocks of three or more lines without blank lines between, most of which do not end like sentences:
 * headline tickers, link lists, tables. Body paragraphs in dumps stand alone, separated by blank lines.
 */
function listLikeBlocks(lines: Line[]): Set<number> {
  const stats = new Map<number, { lines: number; sentences: number }>();
  for (const l of lines) {
    const s = stats.get(l.block) ?? { lines: 0, sentences: 0 };
    s.lines++;
    if (l.sentenceEnd) s.sentences++;
    stats.set(l.block, s);
  }
  return new Set([...stats.entries()].filter(([, s]) => s.lines >= 3 && s.sentences < s.lines * 0.6).map(([block]) => block));
}

interface Segment {
  /** Index into lines of the first and last good line. */
  first: number;
  last: number;
  score: number;
  goodLines: number;
}

/** Runs of body text, split where several blocks of page furniture (or an end marker) come between. */
function findSegments(lines: Scored[]): Segment[] {
  const { end } = boilerplate();
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let gapBlocks = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'good') {
      if (current && gapBlocks.size < BREAK_BLOCKS) {
        current.last = i;
        current.score += line.words;
        current.goodLines++;
      } else {
        if (current) segments.push(current);
        current = { first: i, last: i, score: line.words, goodLines: 1 };
      }
      gapBlocks = new Set();
      continue;
    }
    if (!current) continue;
    if (end.has(line.key)) {
      segments.push(current);
      current = null;
      continue;
    }
    if (!line.insert && line.kind !== 'neargood') gapBlocks.add(line.block);
  }
  if (current) segments.push(current);
  return segments;
}

/** Body: the good lines of a segment, and the shorter lines between them that read as text or subheadings. */
function bodyLines(lines: Scored[], segment: Segment): Scored[] {
  const body: Scored[] = [];
  for (let i = segment.first; i <= segment.last; i++) {
    const line = lines[i]!;
    if (line.kind === 'good' || (line.kind === 'neargood' && !line.insert)) body.push(line);
    else if (line.kind === 'short' && !line.insert && isSubheading(line, lines[i + 1])) body.push(line);
  }
  return body;
}

function isSubheading(line: Scored, next: Scored | undefined): boolean {
  return /^\p{Lu}/u.test(line.text) && !line.sentenceEnd && next?.kind === 'good' && next.block !== line.block;
}

/** The headline: a headline-shaped line shortly before the body, preferring one followed by a date or byline. */
function findTitle(lines: Scored[], segment: Segment, used: Set<string>): Scored | null {
  let best: Scored | null = null;
  let bestScore = -Infinity;
  const from = Math.max(0, segment.first - 40);
  const candidates = (start: number, stop: number, after: boolean) => {
    for (let i = start; i < stop; i++) {
      const line = lines[i]!;
      if (!isHeadlineShaped(line) || used.has(line.key)) continue;
      const distance = after ? i - segment.last : segment.first - i;
      let score = -distance * 0.15;
      if (line.repeats > 1) score += 2;
      if (blockSize(lines, line.block) === 1) score += 1.5;
      else score -= 2;
      if (hasMetaSoonAfter(lines, i)) score += 2.5;
      if (line.sentenceEnd && !/[?!"”’']$/.test(line.text)) score -= 2;
      if (after) score -= 3;
      if (score > bestScore) {
        best = line;
        bestScore = score;
      }
    }
  };
  candidates(from, segment.first, false);
  if (!best) candidates(segment.last + 1, Math.min(lines.length, segment.last + 6), true);
  return best;
}

function isHeadlineShaped(line: Scored): boolean {
  if (line.listItem || line.words < 3 || line.words > 30 || line.insert) return false;
  if (line.kind === 'good' && line.words > 20) return false;
  const { patterns, caption } = boilerplate();
  if (patterns.some((p) => p.test(line.text)) || caption.test(line.text) || isDateLine(line.text)) return false;
  if (/^by\s/i.test(line.text)) return false;
  return /^[\p{Lu}\p{N}"“‘'«]/u.test(line.text);
}

function blockSize(lines: Scored[], block: number): number {
  let n = 0;
  for (const l of lines) if (l.block === block) n++;
  return n;
}

function hasMetaSoonAfter(lines: Scored[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
    const t = lines[j]!.text;
    if (/^by\b/i.test(t) || isDateLine(t) || /^(source|published|posted|updated)\b/i.test(t)) return true;
    if (lines[j]!.kind === 'good') return false;
  }
  return false;
}

/** Lines between the title and the body: where bylines and dates are. */
function headerLines(lines: Scored[], segment: Segment, title: Scored | null): Scored[] {
  if (title && title.index < lines[segment.first]!.index) return lines.filter((l) => l.index > title.index && l.index < lines[segment.first]!.index);
  return lines.slice(Math.max(0, segment.first - 8), segment.first);
}

function readByline(header: Scored[]): { author: string | null; source: string | null } {
  let author: string | null = null;
  let source: string | null = null;
  for (const [i, line] of header.entries()) {
    const t = line.text;
    const by = /^(?:written |posted |reported )?by[:\s]+(.+)$/i.exec(t) ?? /\bby\s+([\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3})\s*$/u.exec(t);
    if (!author && by) author = cleanName(by[1]!);
    else if (!author && /^by$/i.test(t) && header[i + 1]) author = cleanName(header[i + 1]!.text);
    const src = /^source\s*:\s*(.+)$/i.exec(t);
    if (!source && src) source = src[1]!.trim();
  }
  return { author: author || null, source };
}

/** "Tim Childers - Live Science Contributor 2019-11-19T12:48:14Z Space" -> "Tim Childers". */
function cleanName(text: string): string {
  const dates = findDates(text);
  let name = dates.length ? text.slice(0, dates[0]!.index) : text;
  name = name.split(/\s+[-–—|,]\s+|\s+\/\s+|\s+@/)[0]!;
  return name.replace(/[\s,;:|-]+$/, '').trim();
}

function findPublished(lines: Scored[], segment: Segment, header: Scored[], mtime?: Date): string | null {
  const limit = mtime ? mtime.getTime() + 24 * 3600 * 1000 : Infinity;
  const ok = (d: FoundDate) => d.instant <= limit;
  const fromLines = (ls: Scored[], skipUpdated: boolean) => {
    for (const line of ls) {
      if (skipUpdated && /^(updated|last updated|modified)\b/i.test(line.text)) continue;
      const date = findDates(line.text).find(ok);
      if (date) return date;
    }
    return null;
  };
  let date = fromLines(header, true) ?? fromLines(header, false);
  if (!date) {
    // A labelled date anywhere before the body, then a dateline in the first paragraph.
    const before = lines.slice(0, segment.first).filter((l) => /\b(published|posted|updated|date)\b/i.test(l.text));
    date = fromLines(before, false);
  }
  if (!date) {
    const yearHint = yearOf(lines);
    date = findDates(lines[segment.first]!.text.slice(0, 120), { year: yearHint }).find((d) => ok(d) && (d.hasYear || d.index < 60)) ?? null;
  }
  return date ? date.iso : null;
}

/** A year printed somewhere on the page (copyright line, other dates), for year-less datelines. */
function yearOf(lines: Scored[]): number | null {
  for (const line of lines) {
    const m = /(?:©|copyright)\s*(\d{4})/i.exec(line.text);
    if (m) return +m[1]!;
  }
  return null;
}

function isDateLine(text: string): boolean {
  if (text.length > 90) return false;
  const dates = findDates(text);
  if (dates.length === 0) return false;
  const rest = text.replace(/\b(published|posted|updated|last updated( at)?|on|at|date|am|pm|gmt|utc|[a-z]{2,4}t)\b/gi, '').replace(/[\d:|,.\-–—/•()\s]+/g, ' ');
  const words = rest.match(/\p{L}{3,}/gu) ?? [];
  return words.filter((w) => !/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(w)).length <= 1;
}

/** The outlet's name: a short line at the top of the page that comes back at its foot, or a copyright line. */
function findSite(lines: Scored[]): string | null {
  const head = lines.slice(0, 8);
  const foot = lines.slice(-40);
  const footKeys = new Set(foot.map((l) => l.key));
  for (const line of head) {
    if (line.listItem || line.words < 1 || line.words > 6 || line.text.length > 60) continue;
    if (footKeys.has(line.key) && !boilerplate().patterns.some((p) => p.test(line.text))) return line.text;
  }
  for (const line of foot) {
    const m = /^(?:©|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?([^,.|]+?)(?:[,.|]|\s+all rights|\s*$)/i.exec(line.text);
    if (m && m[1]!.trim().split(/\s+/).length <= 6) return m[1]!.trim();
  }
  return null;
}

/** Tags: the first list after the body whose items are all short labels (not share buttons, not dates). */
function findTags(lines: Scored[], segment: Segment): string[] {
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
    const items = block.map((l) => l.text).filter((t) => t !== '');
    const tagLike = items.every((t) => t.split(/\s+/).length <= 5 && !/[.!?]$/.test(t) && !isDateLine(t) && t.length <= 50);
    if (items.length && tagLike && !items.every((t) => SHARE_WORDS.test(t))) return items.filter((t) => !SHARE_WORDS.test(t));
    return [];
  }
  return [];
}

function keyOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
