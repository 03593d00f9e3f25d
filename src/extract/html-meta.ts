// An HTML page's article metadata: title, date, author, agency, site and tags, from JSON-LD, meta tags and the markup.
import type { ArticleMetadata } from '../types.js';
import { findDates, parseDate } from './dates.js';
import { collectBlocks } from './html-blocks.js';
import { readByline } from './html-byline.js';
import { decodeMarkup, findAll, textOf, type HtmlElement } from './html-dom.js';
import { nameParts } from './html-names.js';
import { webUrl } from './web-url.js';
import { NOT_WORD } from '../text/chars.js';

export type HtmlMetadata = ArticleMetadata;

type JsonObject = Record<string, unknown>;

/** What the page says about itself in its head: meta tags by name, the JSON-LD article and publisher, the `<title>`. */
interface PageFacts {
  metas: Map<string, string[]>;
  article: JsonObject | null;
  publisher: string | null;
  documentTitle: string | null;
  /** The `<link rel="canonical">` href. */
  canonical: string | null;
}

/** Meta tags that carry the publication date, most specific first. */
const DATE_METAS = [
  'article:published_time', 'og:published_time', 'datepublished', 'published_time', 'article.published', 'publishdate', 'publish-date',
  'pubdate', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date',
  'article_date_original', 'originalpublicationdate', 'displaydate', 'dc.date.created', 'date.available',
];
const AUTHOR_METAS = ['author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'byl', 'byline'];
/** Words sites put in every page's keywords: no tag of one article. */
const SITE_WIDE_KEYWORDS = new Set(['news', 'breaking news', 'latest news', 'breaking', 'latest', 'headlines', 'today', 'video', 'videos', 'photos', 'pictures', 'online']);
const MAX_TAGS = 30;
/** Between the parts of a `<title>`: "Headline | Section | Site". */
const TITLE_SEPARATOR = /\s+[|–—·:]{1,2}\s+|\s+-\s+/;
const DAY = 24 * 3600 * 1000;

/** Metadata from the whole page, read before any furniture is removed (bylines and dates live in furniture). */
export function readMetadata(html: HtmlElement, body: HtmlElement, mtime: Date | undefined): HtmlMetadata {
  const facts = gatherFacts(html);
  const site = readSite(facts);
  const headline = findHeadline(facts, body, site);
  const nearHeadline = orderByDistance(body, headline.element);
  const byline = readByline(body, { jsonAuthor: facts.article?.author, metaAuthor: meta(facts, ...AUTHOR_METAS), site, nearHeadline });
  return {
    title: headline.title,
    published: readPublished(facts, body, headline.element, nearHeadline, mtime),
    author: byline.author,
    source: byline.source,
    site,
    tags: readTags(facts, body),
    ...readUrl(facts),
  };
}

/** The page's own summary (description, og:description or twitter:description), or null. */
export function readDescription(html: HtmlElement): string | null {
  return meta(gatherFacts(html), 'description', 'og:description', 'twitter:description');
}

function gatherFacts(html: HtmlElement): PageFacts {
  const metas = new Map<string, string[]>();
  const jsonLd: JsonObject[] = [];
  let documentTitle: string | null = null;
  let canonical: string | null = null;
  for (const e of findAll(html, (e) => e.tag === 'meta' || e.tag === 'script' || e.tag === 'title' || e.tag === 'link')) {
    if (e.tag === 'link') {
      if (/(^|\s)canonical(\s|$)/i.test(e.attrs.rel ?? '')) canonical ??= e.attrs.href?.trim() || null;
    } else if (e.tag === 'title') {
      documentTitle ??= textOf(e) || null;
    } else if (e.tag === 'script') {
      jsonLd.push(...parseJsonLd(e.children.filter((c) => typeof c === 'string').join('')));
    } else {
      const key = (e.attrs.property ?? e.attrs.name ?? e.attrs.itemprop ?? '').toLowerCase().trim();
      const value = (e.attrs.content ?? '').trim();
      if (key && value) metas.set(key, [...(metas.get(key) ?? []), value]);
    }
  }
  const article = jsonLd.find((o) => typeMatches(o, /Article|BlogPosting|Report|LiveBlog/)) ?? jsonLd.find((o) => typeMatches(o, /WebPage/) && o.datePublished) ?? null;
  const publisher = article?.publisher ?? jsonLd.find((o) => typeMatches(o, /^(NewsMediaOrganization|Organization|WebSite)$/));
  return { metas, article, publisher: nameOf(publisher), documentTitle, canonical };
}

/** The objects in a JSON-LD script, with @graph and arrays flattened. Broken JSON gives none. */
function parseJsonLd(text: string): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const object = value as JsonObject;
    found.push(object);
    if (object['@graph']) visit(object['@graph'], depth + 1);
    if (object.mainEntity) visit(object.mainEntity, depth + 1);
  };
  visit(parseJson(text.trim().replace(/^<!--|-->$/g, '')), 0);
  return found;
}

/** JSON as pages write it: raw line breaks inside strings and trailing commas are common. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,(\s*[}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

function typeMatches(object: JsonObject, pattern: RegExp): boolean {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && pattern.test(t));
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  const name = value && typeof value === 'object' ? (value as JsonObject).name : value;
  return typeof name === 'string' ? decodeMarkup(name) || null : null;
}

function meta(facts: PageFacts, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = facts.metas.get(key)?.[0];
    if (value) return decodeMarkup(value);
  }
  return null;
}

function stringField(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  return typeof value === 'string' && value.trim() ? decodeMarkup(value) : null;
}

// ---- title

/** The headline and the h1 that shows it: the h1 is the page's own rendering, best when it matches what the head declares. */
function findHeadline(facts: PageFacts, body: HtmlElement, site: string | null): { title: string | null; element: HtmlElement | null } {
  const fromHead = meta(facts, 'og:title', 'twitter:title') ?? stringField(facts.article, 'headline');
  const declared = [fromHead, stringField(facts.article, 'headline'), facts.documentTitle].filter((t): t is string => !!t);
  const headings = findAll(body, (e) => e.tag === 'h1').map((element) => ({ element, title: textOf(element) })).filter((h) => h.title.length > 0 && h.title.length < 300);
  const matching = headings.find((h) => declared.some((d) => sameTitle(h.title, d)));
  if (matching) return matching;
  const element = headings[0]?.element ?? null;
  if (fromHead) return { title: withoutSuffix(fromHead, site), element };
  if (facts.documentTitle) return { title: withoutSiteName(facts.documentTitle), element };
  return headings.length === 1 ? headings[0]! : { title: null, element: null };
}

function sameTitle(a: string, b: string): boolean {
  const x = normal(a);
  const y = normal(b);
  return x.length > 0 && y.length > 0 && (x === y || (y.includes(x) && x.length >= y.length * 0.4) || (x.includes(y) && y.length >= x.length * 0.6));
}

/** "Headline | Site" -> "Headline" when the last part is the site's name. */
function withoutSuffix(title: string, site: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  const last = normal(parts[parts.length - 1]!);
  return parts.length > 1 && site && last.length > 0 && normal(site).includes(last) ? title.slice(0, title.lastIndexOf(parts[parts.length - 1]!)).replace(/[\s|–—·:-]+$/, '') : title;
}

/** "Headline | Site" or "Headline - Section - Site" -> "Headline": the longest part. */
function withoutSiteName(title: string): string {
  return title.split(TITLE_SEPARATOR).reduce((a, b) => (b.length > a.length ? b : a));
}

/** Sorts elements by how far they are from the headline in document order (document order when there is none). */
function orderByDistance(body: HtmlElement, headline: HtmlElement | null): (elements: HtmlElement[]) => HtmlElement[] {
  if (!headline) return (elements) => elements;
  let position: Map<HtmlElement, number> | null = null;
  return (elements) => {
    if (elements.length < 2) return elements;
    position ??= new Map(findAll(body, () => true).map((e, i) => [e, i]));
    const at = position.get(headline) ?? 0;
    const distance = (e: HtmlElement) => Math.abs((position!.get(e) ?? 0) - at);
    return [...elements].sort((a, b) => distance(a) - distance(b));
  };
}

// ---- date

function readPublished(facts: PageFacts, body: HtmlElement, headline: HtmlElement | null, nearHeadline: (e: HtmlElement[]) => HtmlElement[], mtime: Date | undefined): string | null {
  for (const text of [stringField(facts.article, 'datePublished'), meta(facts, ...DATE_METAS), stringField(facts.article, 'dateCreated')]) {
    const date = text ? parseDate(text, mtime) : null;
    if (date) return date.iso;
  }
  // Dates in the markup, nearest the headline first: marked as the publication date, then any <time>, then elements named for dates.
  const marked = findAll(body, (e) => /datePublished/i.test(e.attrs.itemprop ?? '') || (e.tag === 'time' && !!e.attrs.datetime));
  const named = findAll(body, (e) => e.tag === 'time' || nameParts(e).some((p) => /^(date|time|timestamp|published|dateline)/.test(p)));
  for (const e of [...nearHeadline(marked), ...nearHeadline(named)]) {
    if (/modified|updated/i.test(`${e.attrs.itemprop ?? ''} ${e.attrs.class ?? ''}`)) continue;
    const text = e.attrs.content ?? e.attrs.datetime ?? textOf(e);
    if (text.length > 150) continue;
    const date = parseDate(text, mtime);
    if (date) return date.iso;
  }
  return headline ? printedNearHeadline(body, mtime) : null;
}

/** A date printed in the article's header: the short lines after the h1 ("By Jane Doe on Monday, May 4, 2020"), "Updated" lines last. */
function printedNearHeadline(body: HtmlElement, mtime: Date | undefined): string | null {
  const blocks = collectBlocks(body);
  const h1 = blocks.findIndex((b) => b.heading === 1);
  if (h1 < 0) return null;
  const header = blocks.slice(h1 + 1, h1 + 13).filter((b) => b.chars <= 150).map((b) => b.text);
  const isUpdate = (t: string) => /^(last )?(updated|modified)\b/i.test(t);
  for (const text of [...header.filter((t) => !isUpdate(t)), ...header.filter(isUpdate)]) {
    const date = findDates(text).find((d) => d.hasYear && (!mtime || d.instant <= mtime.getTime() + DAY));
    if (date) return date.iso;
  }
  return null;
}

// ---- site

function readSite(facts: PageFacts): string | null {
  const named = meta(facts, 'og:site_name', 'application-name') ?? facts.publisher;
  // "Site | Tagline" -> "Site"; a handle ("@site") is no name.
  const site = named?.split(/\s+[|–—·]\s+/)[0]!.trim();
  if (site && !site.startsWith('@')) return site;
  // "Headline | Site": a short last part of the <title>.
  const parts = facts.documentTitle?.split(TITLE_SEPARATOR) ?? [];
  const last = parts[parts.length - 1];
  return parts.length > 1 && last && last.split(/\s+/).length <= 4 ? last : null;
}

// ---- url

/** The page's own address: its canonical link, else og:url; only an absolute http(s) URL (a relative one has no base here). */
function readUrl(facts: PageFacts): { url?: string } {
  for (const candidate of [facts.canonical && decodeMarkup(facts.canonical), meta(facts, 'og:url')]) {
    const url = webUrl(candidate);
    if (url) return { url };
  }
  return {};
}

// ---- tags

/** Tags from the first source that has some: article:tag, JSON-LD keywords, news_keywords, rel=tag links, then keywords. */
function readTags(facts: PageFacts, body: HtmlElement): string[] {
  const sources: string[][] = [
    facts.metas.get('article:tag')?.map(decodeMarkup) ?? [],
    keywordList(facts.article?.keywords),
    splitTags(meta(facts, 'news_keywords')),
    findAll(body, (e) => e.tag === 'a' && /\btag\b/.test(e.attrs.rel ?? '')).map(textOf),
    splitTags(meta(facts, 'keywords')).filter((k) => !SITE_WIDE_KEYWORDS.has(k.toLowerCase())),
  ];
  for (const source of sources) {
    const tags = unique(source.flatMap(splitTags).filter(isTag));
    if (tags.length > 0 && tags.length <= MAX_TAGS) return tags;
  }
  return [];
}

function keywordList(value: unknown): string[] {
  if (typeof value === 'string') return splitTags(decodeMarkup(value));
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').map(decodeMarkup);
  return [];
}

function splitTags(text: string | null): string[] {
  return text ? text.split(/\s*[,;]\s*/).map((t) => t.trim()).filter(Boolean) : [];
}

/** Labels, not codes ("section:world", "id=123", "@desk") or sentences. */
function isTag(tag: string): boolean {
  return tag.length <= 60 && tag.split(/\s+/).length <= 6 && !/[:=/_|@]/.test(tag) && /\p{L}/u.test(tag);
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function normal(text: string): string {
  return text.toLowerCase().replace(NOT_WORD, ' ').trim();
}
