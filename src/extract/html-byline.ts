// Who wrote an HTML page's article: the author(s) and the news agency credited, from JSON-LD, meta tags, byline markup and the dateline.
import { boilerplate } from './boilerplate.js';
import { findDates } from './dates.js';
import { collectBlocks } from './html-blocks.js';
import { decodeMarkup, findAll, textOf, type HtmlElement } from './html-dom.js';
import { nameParts } from './html-names.js';
import { NOT_WORD } from '../text/chars.js';

/** The page's self-description the byline is read from (see html-meta.ts). */
export interface BylineSources {
  /** `author` of the page's JSON-LD article object. */
  jsonAuthor: unknown;
  /** The first author meta tag's content. */
  metaAuthor: string | null;
  /** The outlet's name, to tell "Jane Doe, The Ledger" from a second author. */
  site: string | null;
  /** Elements of the page ordered by closeness to the headline. */
  nearHeadline: (elements: HtmlElement[]) => HtmlElement[];
}

/** Patterns of the agency names (data/boilerplate.json agencyNames), made on first use. */
let agencyPatterns: { agency: RegExp; withTitle: RegExp; dateline: RegExp } | null = null;
function agencies() {
  if (!agencyPatterns) {
    const names = boilerplate().agencyNames.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    agencyPatterns = {
      agency: new RegExp(`^(?:the\\s+)?(?:${names})$`, 'i'),
      // "AP Auto Writer", "Reuters staff".
      withTitle: new RegExp(`^(${names})\\s+(?:\\p{L}+\\s+){0,3}(?:writer|correspondent|reporter|editor|staff)$`, 'iu'),
      // "LONDON (Reuters) -", "June 10 (Xinhua) --".
      dateline: new RegExp(`^[^()]{0,80}\\((${names})\\)\\s*[-–—:]`),
    };
  }
  return agencyPatterns;
}
/** A byline names at most this many people; a longer list is cut there. */
const MAX_AUTHORS = 10;

/** Author(s) joined by ", " and the agency credited; an agency byline ("By Reuters") is the author too, as the desk that wrote it. */
export function readByline(body: HtmlElement, sources: BylineSources): { author: string | null; source: string | null } {
  const people: string[] = [];
  let source: string | null = null;
  for (const line of bylineLines(body, sources)) {
    for (const part of line.split(/\s*(?:,|\/|\||\band\b|\s-\s)\s*/)) source ??= agencyIn(part);
    const person = withoutAffiliation(cleanName(line), sources.site);
    if (agencyIn(person) || !isName(person)) continue;
    if (!people.some((p) => p.toLowerCase() === person.toLowerCase())) people.push(person);
  }
  return { author: people.length > 0 ? people.slice(0, MAX_AUTHORS).join(', ') : source, source };
}

/** The agency credited in a dateline such as "LONDON (Reuters) -", or null. */
export function datelineAgency(paragraph: string): string | null {
  return agencies().dateline.exec(paragraph)?.[1] ?? null;
}

/** The byline as the page gives it, line by line: JSON-LD, meta tags, then author markup nearest the headline. */
function bylineLines(body: HtmlElement, sources: BylineSources): string[] {
  const fromJson = jsonNames(sources.jsonAuthor).filter((t) => isName(cleanName(t)));
  if (fromJson.length > 0) return fromJson;
  if (sources.metaAuthor && isName(cleanName(sources.metaAuthor))) return [sources.metaAuthor];
  const marked = findAll(body, (e) => (/\bauthor\b/.test(e.attrs.itemprop ?? '') || (e.tag === 'a' && /\bauthor\b/.test(e.attrs.rel ?? ''))) && !inCommentsOrForm(e));
  // Several marked authors of one byline sit together; the nearest to the headline is the article's.
  const fromMarkup = sources.nearHeadline(marked).slice(0, MAX_AUTHORS).map(nameInside).filter((t) => isName(cleanName(t)));
  if (fromMarkup.length > 0) return fromMarkup;
  const bylines = findAll(body, (e) => nameParts(e).some((p) => p === 'byline' || p === 'author' || p === 'authors') && !inCommentsOrForm(e));
  for (const e of sources.nearHeadline(bylines)) {
    const lines = collectBlocks(e).map((b) => b.text).filter((t) => t.length <= 150);
    if (lines.some((t) => isName(cleanName(t)))) return lines;
  }
  return [];
}

/** Comment threads and forms name their own authors ("Name (required)"). */
function inCommentsOrForm(element: HtmlElement): boolean {
  for (let e = element.parent; e; e = e.parent) {
    if (e.tag === 'form' || nameParts(e).some((p) => /^(comment|respond|reply)/.test(p))) return true;
  }
  return false;
}

/** Names in a JSON-LD author: a string, a Person or Organization, or a list of them. */
function jsonNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonNames);
  const name = value && typeof value === 'object' ? (value as Record<string, unknown>).name : value;
  return typeof name === 'string' ? [decodeMarkup(name)] : [];
}

function nameInside(element: HtmlElement): string {
  const named = findAll(element, (e) => /\bname\b/.test(e.attrs.itemprop ?? ''))[0];
  if (named) return named.attrs.content ?? textOf(named);
  return element.attrs.content ?? textOf(element);
}

/** "By Jane Doe | Updated 3 May 2023" -> "Jane Doe". */
function cleanName(text: string): string {
  let name = text.replace(/\s+/g, ' ').trim().replace(boilerplate().bylineStart, '');
  const dates = findDates(name);
  if (dates.length > 0) name = name.slice(0, dates[0]!.index);
  name = name.split(/\s+[|–—•]\s+|\s+-\s+|\s*\b(?:published|updated|posted)\b/i)[0]!;
  return name.replace(/[\s,;:|•-]+$/, '').trim();
}

/** "Jane Doe, Business Insider" on Business Insider, "John Roe, Reuters" -> the person alone. */
function withoutAffiliation(name: string, site: string | null): string {
  const parts = name.split(/\s*,\s*/);
  while (parts.length > 1) {
    const outlet = normal(parts[parts.length - 1]!);
    if (agencyIn(outlet) || (site && outlet.length > 1 && normal(site).includes(outlet))) parts.pop();
    else break;
  }
  return parts.join(', ');
}

/** A person's or desk's name: not a link, an address, a CMS account ("admin") or a sentence. */
function isName(text: string): boolean {
  if (text.length < 2 || text.length > 100 || !/\p{L}/u.test(text)) return false;
  if (/https?:|www\.|@|\.(com|org|net)\b|\d{3}/i.test(text) || /^(admin|administrator|webmaster|editor|user)\d*$/i.test(text)) return false;
  return text.split(/\s+/).length <= 12;
}

/** The agency a byline part names: "Reuters", "AP Auto Writer" -> "AP". */
function agencyIn(part: string): string | null {
  const text = part.trim();
  const { agency, withTitle } = agencies();
  if (agency.test(text)) return text;
  return withTitle.exec(text)?.[1] ?? null;
}

function normal(text: string): string {
  return text.toLowerCase().replace(NOT_WORD, ' ').trim();
}
