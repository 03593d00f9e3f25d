// The records of mine's JSON contract (README "JSON contract"): what each stage reads and writes.

/** One input page as read from disk or stdin, before extraction. */
export interface Page {
  /** Path as given or found (`-` for stdin). */
  file: string;
  /** Decoded text of the file. */
  content: string;
  /** `html` for .html/.htm files or content that is clearly markup, else `text` (a rendered page dump). */
  format: 'text' | 'html';
  /** Modification time of the file, if known: published dates later than this are rejected. */
  mtime?: Date;
  /** Hashes of the page's lines that recur across its site's pages (src/extract/templates.ts): boilerplate. */
  templates?: number[];
  /** Where the page was fetched from (a WARC record's target URI, a fetched URL, an export's URL column). */
  url?: string;
  /** When a crawler fetched the page (ISO 8601): `published` falls back to it, marked `publishedSource: "crawl"`. */
  crawled?: string;
  /** The content is article text already (an export's text column): no boilerplate removal, whatever the run's --raw. */
  raw?: boolean;
  /** What the input says about the page beside its content (an export's columns): wins over what extraction finds. */
  given?: Partial<ArticleMetadata>;
}

/** An article: the output of `mine extract` and `mine clean`. */
export interface Article {
  /** Stable id: a hash of the page's content, with `-2`, `-3`... for further articles of one page. */
  id: string;
  /** The input file it came from. */
  file: string;
  title: string | null;
  /** ISO 8601 (`2023-08-07T23:54:00`, with offset when the page gave one, or a bare date), or null. */
  published: string | null;
  /** Byline (a person or the outlet's desk), or null. */
  author: string | null;
  /** Agency credited as the source ("Agencies", "Reuters", "Xinhua"), or null. */
  source: string | null;
  /** Name of the site or outlet, or null; the URL's host name when the page names none. */
  site: string | null;
  /** Where the article lives: the URL it was fetched or archived from, else the page's canonical link or og:url. Present when known. Additive field. */
  url?: string;
  /** "crawl" when `published` is the date a crawler fetched the page, not a publication date the page gave. Additive field. */
  publishedSource?: 'crawl';
  tags: string[];
  /** Body paragraphs: no title, byline, dates or captions. */
  paragraphs: string[];
  /** The paragraphs joined by a blank line; entity offsets point into this. */
  text: string;
  /** Number of words in `text`. */
  words: number;
  /** Why the body is empty, when it is (`not an article`, `empty page`...). Additive field. */
  reason?: string;
  /** ISO 639-1 code of the body's language ("en", "de"...) or "und", set by extraction (and again by cleaning). Additive field. */
  language?: string;
  /** How sure the language guess is: the probability of `language` given the text's stop words (0 for "und"). Additive field. */
  languageConfidence?: number;
}

/** What an extractor reads about an article besides its body. */
export type ArticleMetadata = Pick<Article, 'title' | 'published' | 'author' | 'source' | 'site' | 'tags' | 'url'>;

export const ENTITY_TYPES = ['person', 'country', 'org', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Mention {
  /** Offsets into `text` (or into `title` when `field` is "title"): JS string indices, end exclusive. */
  start: number;
  end: number;
  /** "demonym" for adjectival mentions of a country ("Russian"), else "name". */
  kind: 'name' | 'demonym';
  /** Present as "title" when the mention is in the headline rather than in `text`. */
  field?: 'title';
}

export interface Entity {
  /** Canonical name ("Sergey Lavrov", "Shanghai Cooperation Organisation", "Russia"). */
  name: string;
  type: EntityType;
  /** Number of mentions (title and body). */
  count: number;
  /** Surface forms seen in this article. */
  aliases: string[];
  mentions: Mention[];
  /** For places: the country they are in, where known. */
  country?: string;
}

/** An article with its entities: the output of `mine ner`. */
export interface NerArticle extends Article {
  entities: Entity[];
}

/** Any record a stage can hand to the next. */
export type MineRecord = Article | NerArticle;

export function hasEntities(record: MineRecord): record is NerArticle {
  return Array.isArray((record as NerArticle).entities);
}
