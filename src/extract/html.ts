// Article extraction from HTML pages: parse, read the metadata, drop the furniture, find the body, keep its paragraphs.
import type { Page } from '../types.js';
import { isDateLine, isDateOnly } from './dates.js';
import { collectBlocks, type Block } from './html-blocks.js';
import { selectBodyBlocks } from './html-body.js';
import { datelineAgency } from './html-byline.js';
import { pruneBoilerplate } from './html-clean.js';
import { childByTag, parseHtml, type HtmlElement } from './html-dom.js';
import { readDescription, readMetadata, type HtmlMetadata } from './html-meta.js';
import { boilerplateRules } from './html-names.js';
import { extractFromDump, type DumpArticle } from './text-dump.js';
import { NOT_WORD } from '../text/chars.js';

/** The shortest paragraph an article must have at least one of, in Latin characters (see textWeight)... */
const MIN_PARAGRAPH = 80;
/** ...unless its lines, broken short (verse, notes, text wrapped with <br>), add up to this much. */
const MIN_SHORT_LINES_TEXT = 3 * MIN_PARAGRAPH;
/** Scripts written without spaces, where one character carries about as much as a short word. */
const WIDE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** "Source: Reuters" under a story: a credit, not body text. */
const SOURCE_LINE = /^source\s*:\s*(.{2,60})$/i;

/** A script holding markup for a script to render: `<script type="text/template">` (its content is group 1). */
const TEMPLATE_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?text\/template\b[^>]*>([\s\S]*?)<\/script>/gi;

/** The page's article (HTML pages carry one; `allArticles` finds no more), or [] when nothing can be read. */
export function extractFromHtml(page: Page, options: { allArticles: boolean }): DumpArticle[] {
  // Saved "HTML" that is only text is read as a page dump.
  if (!/<[a-z!]/i.test(page.content)) return extractFromDump(page, options);
  try {
    return [extractArticle(page)];
  } catch {
    // A page the extractor cannot read must not stop the run: it becomes a record without a body.
    return [];
  }
}

function extractArticle(page: Page): DumpArticle {
  const html = parseHtml(page.content);
  const meta = readMetadata(html, bodyOf(html), page.mtime);
  let body = findBody(bodyOf(html), meta, true);
  // Nothing left once furniture and hidden text are gone: perhaps names or a script-revealed wrapper misled; look again without them.
  if (body.paragraphs.length === 0) body = findBody(bodyOf(parseHtml(page.content)), meta, false);
  // Still nothing: some blog platforms ship the post as markup inside a script template that a script renders.
  if (body.paragraphs.length === 0) {
    const rendered = page.content.replace(TEMPLATE_SCRIPT, '$1');
    if (rendered !== page.content) body = findBody(bodyOf(parseHtml(rendered)), meta, true);
  }
  // A page whose only prose is its summary (a photo post, a file page): the summary, when it is a real paragraph.
  if (body.paragraphs.length === 0) {
    const description = readDescription(html)?.replace(/\s+/g, ' ').trim();
    if (description && textWeight(description) >= MIN_PARAGRAPH) body = { paragraphs: [description], credited: null };
  }
  const { paragraphs } = body;
  // A "Source:" line naming the site itself credits no one else.
  const credited = body.credited && !(meta.site && sameOutlet(body.credited, meta.site)) ? body.credited : null;
  const source = meta.source ?? credited ?? (paragraphs[0] ? datelineAgency(paragraphs[0]) : null);
  return { ...meta, source, paragraphs };
}

function bodyOf(html: HtmlElement): HtmlElement {
  return childByTag(html, 'body') ?? html;
}

/**
 * The article's paragraphs in a page's body (which is pruned in place), or none when it holds no article;
 * and the source a "Source: ..." line in it credits.
 */
function findBody(body: HtmlElement, meta: HtmlMetadata, strict: boolean): { paragraphs: string[]; credited: string | null } {
  pruneBoilerplate(body, { strict });
  const selected = selectBodyBlocks(collectBlocks(body));
  const paragraphs = isTeaserList(selected) ? [] : keepParagraphs(selected, meta);
  const credited = selected.map((b) => SOURCE_LINE.exec(b.text)?.[1]).find((s) => s !== undefined) ?? null;
  // Without one real paragraph or enough short lines it is not an article (an index, an error page, a gallery).
  const isArticle = paragraphs.some((p) => textWeight(p) >= MIN_PARAGRAPH) || paragraphs.reduce((n, p) => n + textWeight(p), 0) >= MIN_SHORT_LINES_TEXT;
  return { paragraphs: isArticle ? paragraphs : [], credited };
}

/** The body text of the selected blocks: no headline, byline, date lines, link lists, or furniture phrases. */
function keepParagraphs(blocks: Block[], meta: HtmlMetadata): string[] {
  const { boilerplateText, endHeadings } = boilerplateRules();
  const title = normal(meta.title ?? '');
  const author = normal(meta.author ?? '');
  const kept: Block[] = [];
  let skippingInsert = false;
  for (const block of blocks) {
    const key = normal(block.text);
    if (!key) continue;
    if (endHeadings.has(key.replace(/\s*\d+$/, ''))) {
      // "Related stories", "Most read"...: what follows is their list, up to the next real paragraph.
      skippingInsert = true;
      continue;
    }
    if (skippingInsert) {
      if (!isProse(block)) continue;
      skippingInsert = false;
    }
    if (block.heading === 1 || key === title || key === author) continue;
    if (isLinkList(block)) continue;
    if (boilerplateText.some((p) => p.test(block.text))) continue;
    if (isByline(block.text) || isDateLine(block.text) || isDateOnly(block.text) || SOURCE_LINE.test(block.text)) continue;
    if (isLoneWord(block)) continue;
    kept.push(block);
  }
  // A subheading counts only when body text follows it.
  return kept.filter((b, i) => !b.heading || (kept[i + 1] !== undefined && !kept[i + 1]!.heading)).map((b) => b.text);
}

/** Linked headlines with less prose than headlines between them: a section front's list of stories. */
function isTeaserList(blocks: Block[]): boolean {
  const headlines = blocks.filter((b) => b.heading > 0 && b.linkChars > b.chars * 0.8).length;
  const prose = blocks.filter((b) => b.heading === 0 && b.linkChars < b.chars * 0.5 && textWeight(b.text) >= MIN_PARAGRAPH).length;
  return headlines >= 3 && prose < headlines;
}

/** Mostly link text: a headline list or menu. Sentences with a few long links in them stay. */
function isLinkList(block: Block): boolean {
  const density = block.linkChars / block.chars;
  return density > 0.8 || (density > 0.5 && block.chars - block.linkChars < 50);
}

/** "Advertisement", "Share", "Photos": one word of an alphabetic script, not a heading or a sentence. */
function isLoneWord(block: Block): boolean {
  return !block.heading && !/\s/.test(block.text) && !/[.!?]$/.test(block.text) && /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}\p{P}\p{S}]+$/u.test(block.text);
}

function isProse(block: Block): boolean {
  return !block.heading && block.chars >= 100 && block.linkChars < block.chars * 0.3;
}

function isByline(text: string): boolean {
  // Case matters: "By Jane Doe" is a byline, "By the end of the day" is not.
  return text.length < 120 && /^(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Ss]tory) )?[Bb][Yy]:?\s+\p{Lu}/u.test(text) && !/[.!?]["”’]?$/.test(text);
}

/** A line that is a date (with "Published", "Updated", a time and zone around it), not a sentence with a date in it. */
/** Length of a text with each Chinese, Japanese or Korean character counted three times, as a word of Latin text. */
function textWeight(text: string): number {
  return text.length + 2 * (text.match(WIDE_SCRIPT)?.length ?? 0);
}

function sameOutlet(a: string, b: string): boolean {
  const x = normal(a);
  const y = normal(b);
  return x.startsWith(y) || y.startsWith(x);
}

function normal(text: string): string {
  return text.toLowerCase().replace(NOT_WORD, ' ').trim();
}
