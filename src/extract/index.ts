// Extract stage: a page (dump or HTML) -> its article(s) with metadata. Pure: no I/O.
import crypto from 'node:crypto';
import type { Article, Page } from '../types.js';
import { guessLanguage } from '../text/language.js';
import { countWords } from '../text/words.js';
import { packedMap } from '../text/packed.js';
import { extractFromHtml } from './html.js';
import { extractFromDump, type DumpArticle } from './text-dump.js';

export interface ExtractOptions {
  /** Emit every article found in a page, not only the main one. */
  allArticles?: boolean;
  /** The page is article text already: no boilerplate removal, no metadata. */
  raw?: boolean;
}

/** The article(s) in a page: the main one first. A page with no article gives one record with an empty body and a `reason`. */
export function extractArticles(page: Page, options: ExtractOptions = {}): Article[] {
  const id = pageId(page.content);
  if (options.raw || page.raw) return [toArticle(page, id, rawArticle(page.content))];
  const extract = page.format === 'html' ? extractFromHtml : extractFromDump;
  const found = extract(page, { allArticles: options.allArticles ?? false });
  if (found.length === 0 || found[0]!.paragraphs.length === 0) {
    const article = toArticle(page, id, found[0] ?? emptyArticle());
    return [{ ...article, reason: 'no article text found (index, error or empty page?)' }];
  }
  return packedMap(found, (a, i) => toArticle(page, i === 0 ? id : `${id}-${i + 1}`, a));
}

/** Content hash: the same page gets the same id wherever it is stored. */
export function pageId(content: string): string {
  return sha256Hex(content).slice(0, 16);
}

/** crypto.hash (Node 20.12 and later) hashes in one call, without a Hash object: quicker on pages of a few kB. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

function rawArticle(content: string): DumpArticle {
  const paragraphs = content.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return { ...emptyArticle(), paragraphs };
}

function emptyArticle(): DumpArticle {
  return { title: null, published: null, author: null, source: null, site: null, tags: [], paragraphs: [] };
}

/**
 * The characters of a body its language is told from: they cost less than the whole, and told the same language as
 * the whole on all 646 articles of the snippet, readability, dev and sample pages. A body whose opening tells none
 * (a table, a list of terms) is told from more of it.
 */
const LANGUAGE_SAMPLE = 2000;

/** A URL's host name without "www.", as the site of a page that names none. */
function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function toArticle(page: Page, id: string, found: DumpArticle): Article {
  const a = { ...found, ...page.given };
  const text = a.paragraphs.join('\n\n');
  const opening = guessLanguage(text.slice(0, LANGUAGE_SAMPLE));
  const language = opening.code === 'und' && text.length > LANGUAGE_SAMPLE ? guessLanguage(text) : opening;
  const url = page.url ?? a.url;
  const crawlDate = !a.published && page.crawled ? page.crawled : undefined;
  return {
    id,
    file: page.file,
    title: a.title,
    published: a.published ?? crawlDate ?? null,
    ...(crawlDate ? { publishedSource: 'crawl' as const } : {}),
    author: a.author,
    source: a.source,
    site: a.site ?? hostOf(url),
    ...(url ? { url } : {}),
    tags: a.tags,
    paragraphs: a.paragraphs,
    text,
    words: a.words ?? countWords(text),
    language: language.code,
    languageConfidence: language.confidence,
  };
}
