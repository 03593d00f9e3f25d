// Article extraction from a rendered page dump (a browser's or w3m's text): body by line features, then metadata.
import type { ArticleMetadata, Page } from '../types.js';
import { packedMap } from '../text/packed.js';
import { bodyLines, fallbackSegments, findSegments, isArticle, scoreLines, type Scored, type Segment } from './dump-body.js';
import { findPublished, findSite, findTags, findTitle, headerLines, readByline, type TitleChoice } from './dump-meta.js';
import { lineKey, toLines, type Line } from './lines.js';
import { chooseMain, modelBody, type LineModel, type RuleView } from './line-model.js';
import { lineHash, TEMPLATE_WORDS } from './templates.js';
import { fromTextBrowser } from './unwrap.js';

/** An article found in a dump, before it becomes a record. */
export interface DumpArticle extends ArticleMetadata {
  paragraphs: string[];
  /** The paragraphs' words (countWords), when known already. */
  words?: number;
}

/**
 * Lines scored with the site's template lines as furniture, unless they hold most of the page's long-line
 * words: then the "template" is an article the site printed several times, and it stays.
 */
function scoreWithTemplates(lines: Line[], content: string, templates: number[] | undefined, listBlocks: boolean): Scored[] {
  if (!templates?.length) return scoreLines(lines, undefined, listBlocks);
  const set = templateSet(templates);
  // Each line's lineHash, made once when first needed (-1 until then).
  const hashes = new Array<number>(lines.length).fill(-1);
  const isTemplate = (i: number) => {
    if (hashes[i]! < 0) hashes[i] = lineHash(content, lines[i]!.start, lines[i]!.start + lines[i]!.text.length);
    return set.has(hashes[i]!);
  };
  let longWords = 0;
  let templateWords = 0;
  lines.forEach((line, i) => {
    if (line.words < TEMPLATE_WORDS) return;
    longWords += line.words;
    if (isTemplate(i)) templateWords += line.words;
  });
  return templateWords * 2 > longWords ? scoreLines(lines, undefined, listBlocks) : scoreLines(lines, isTemplate, listBlocks);
}

/** The last page's template hashes (a copy) and their set. */
let lastTemplates: number[] = [];
let lastTemplateSet = new Set<number>();

/**
 * The set of the template hashes, made again only when they differ from the last page's: a site's pages share them
 * (one array, or a copy of it in each job a worker is sent). Made anew for each page, a set of the bench corpus' 301
 * hashes was about a tenth of the time readDump took.
 */
function templateSet(templates: number[]): Set<number> {
  if (!sameNumbers(templates, lastTemplates)) [lastTemplates, lastTemplateSet] = [templates.slice(), new Set(templates)];
  return lastTemplateSet;
}

function sameNumbers(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What readDump finds in a dump. */
export interface Dump {
  content: string;
  lines: Scored[];
  /** The runs of text, with the main article's joined parts as one. */
  segments: Segment[];
  main: Segment;
  /** The runs of text before joins, and the one the ranker chose: the main article's title is looked for before it. */
  found: Segment[];
  ranked: Segment;
}

/**
 * A dump's scored lines, its runs of text and the one that is the main article (as `lineModel` ranks and joins them); null
 * when no line reads as text.
 */
export function readDump(page: Page, lineModel?: LineModel): Dump | null {
  const content = fromTextBrowser(page.content);
  const unscored = toLines(content);
  let lines = scoreWithTemplates(unscored, content, page.templates, true);
  let segments = findSegments(lines);
  if (segments.length === 0) {
    // An article whose paragraphs share one block (a saved text or an export, no blank line between them) can read
    // as a list of links as a whole; when nothing else reads as text, its lines are judged one by one.
    lines = scoreWithTemplates(unscored, content, page.templates, false);
    segments = findSegments(lines);
    if (segments.length === 0) segments = fallbackSegments(lines);
  }
  if (segments.length === 0) return null;
  return { content, lines, found: segments, ...chooseMain(lines, segments, lineModel) };
}

/**
 * The main article's title, looked for before the segment the ranker chose rather than before the parts joined to it
 * (a teaser or standfirst block joined above the article is not where its headline is).
 */
export function mainTitle(dump: Dump, used: Set<string>): TitleChoice | null {
  return segmentTitle(dump.lines, dump.found, dump.ranked, used);
}

/** A segment's title, as the rules find it after the titles of the articles before it (`used`, which its line joins). */
export function segmentTitle(lines: Scored[], segments: Segment[], segment: Segment, used: Set<string>): TitleChoice | null {
  const title = findTitle(lines, segment, segments.slice(0, segments.indexOf(segment)).findLast(isArticle) ?? null, used);
  if (title) used.add(lineKey(title.line));
  return title;
}

/** What the rules found for the main article, as the line model takes it. */
export function ruleView(segments: Segment[], main: Segment, body: Scored[], titleLine: Scored | null): RuleView {
  return { main, body, title: titleLine, articles: segments.filter(isArticle) };
}

/** `lineModel` stands in for the shipped one (data/line-model.json) when training. */
export function extractFromDump(page: Page, options: { allArticles: boolean; lineModel?: LineModel }): DumpArticle[] {
  const dump = readDump(page, options.lineModel);
  if (!dump) return [];
  const { content, lines, segments, main } = dump;
  const chosen = options.allArticles ? segments.filter((s) => s === main || isArticle(s)) : [main];
  const site = findSite(lines, main);
  const usedTitles = new Set<string>();
  const articles: DumpArticle[] = [];
  for (const segment of chosen) {
    const title = segment === main ? mainTitle(dump, usedTitles) : segmentTitle(lines, segments, segment, usedTitles);
    const titleLine = title?.line ?? null;
    // The main article's header and date are looked for around the ranker's segment, as its title is: parts joined
    // above or below it do not move them.
    const anchor = segment === main ? dump.ranked : segment;
    const header = headerLines(lines, anchor, titleLine);
    const meta = readByline(header);
    const ruleBody = bodyLines(lines, segment);
    // The main article's lines as the learned model judges them, given what the rules found.
    const body = segment === main ? modelBody(lines, ruleView(segments, main, ruleBody, titleLine), options.lineModel) : ruleBody;
    articles.push({
      title: title?.text ?? null,
      published: findPublished(content, lines, anchor, header, titleLine, page.mtime),
      author: meta.author,
      source: meta.source,
      site,
      tags: findTags(lines, segment),
      paragraphs: packedMap(body, (l) => l.text),
      words: body.reduce((n, l) => n + l.recordWords, 0),
    });
  }
  // The main article first, then the others in page order.
  const mainIndex = chosen.indexOf(main);
  return [articles[mainIndex]!, ...articles.filter((_, i) => i !== mainIndex)];
}
