// Concordance (keyword in context): every occurrence of an entity or a word, with the text around it.
import type { Entity, EntityType, NerArticle } from '../types.js';
import { nameMatcher } from './filters.js';
import { CorpusPeople, lastNameWord } from './resolve-corpus.js';
import { CJK_PATTERN } from '../text/chars.js';

export interface Hit {
  file: string;
  id: string;
  published: string | null;
  title: string | null;
  left: string;
  match: string;
  right: string;
  /** Offsets of the match in `text`, or in `title` when `field` is "title". */
  start: number;
  end: number;
  field?: 'title';
  /** The entity the match is a mention of, when it is one. */
  entity?: string;
  type?: EntityType;
}

export type KwicSort = 'order' | 'left' | 'right';

/**
 * Whether an entity answers to the query: its canonical name or an alias seen (case and spelling variants
 * folded, as timeline matches), or, for people, their surname ("Lavrov" finds "Sergey Lavrov" where only the
 * full name is written).
 */
export function entityAnswers(entity: Entity, query: string): boolean {
  const q = query.trim().toLowerCase();
  const same = nameMatcher(query);
  if (same(entity.name) || entity.aliases.some(same)) return true;
  return entity.type === 'person' && !q.includes(' ') && entity.name.toLowerCase().split(' ').at(-1) === q;
}

/**
 * The people answering to a query once the corpus is resolved as `mine entities` resolves it: those answering
 * directly (entityAnswers), and their name variants in other articles ("Owen John Dempsey", a bare "Dempsey" for
 * "Owen Dempsey"), which share the query's last word (person-names.ts). Whether a variant answers is known only
 * once every article is read.
 */
export class EntityQuery {
  private readonly people = new CorpusPeople();
  private readonly lastWord: string;
  /** Person names that answered directly. */
  private readonly answered = new Set<string>();

  constructor(readonly query: string) {
    this.lastWord = lastNameWord(query);
  }

  /** An article's entities answering directly, and its people that may be variants of one of those. */
  add(entities: Entity[]): { answering: Entity[]; variants: Entity[] } {
    this.people.add(entities);
    const answering = entities.filter((e) => entityAnswers(e, this.query));
    for (const e of answering) if (e.type === 'person') this.answered.add(e.name);
    const variants = entities.filter((e) => e.type === 'person' && !answering.includes(e) && lastNameWord(e.name) === this.lastWord);
    return { answering, variants };
  }

  /** Once every article is read: the name each person name resolves to, and whether it resolves to one that answered. */
  resolved(): { nameOf: (name: string) => string; answers: (name: string) => boolean } {
    const nameOf = this.people.resolver() ?? ((name: string) => name);
    const answering = new Set([...this.answered].map(nameOf));
    return { nameOf, answers: (name) => answering.has(nameOf(name)) };
  }
}

/**
 * The concordance of a query over a corpus: the mentions of every entity answering to it or, when no entity
 * in the whole corpus does, the query's whole-word occurrences. A person's name variants in other articles
 * answer too (EntityQuery).
 */
export class Concordance {
  /** Mentions of the entities answering to the query and of people sharing its last word, in corpus order. */
  private readonly entityHits: Hit[] = [];
  /** Those of the people sharing the last word: kept when the corpus resolves their name to one that answers. */
  private readonly variantHits = new Set<Hit>();
  private readonly entityQuery: EntityQuery;
  private wordHits: Hit[] = [];
  /** "Sergey Lavrov (person)" for each entity that answered (complete once hits() is called). */
  readonly entities = new Set<string>();

  constructor(private readonly query: string, private readonly width: number) {
    this.entityQuery = new EntityQuery(query);
  }

  add(article: NerArticle): void {
    const { answering, variants } = this.entityQuery.add(article.entities);
    if (answering.length) {
      for (const e of answering) this.entities.add(`${e.name} (${e.type})`);
      this.wordHits = [];
    } else if (this.entities.size === 0) {
      this.wordHits.push(...wordHits(article, this.query, this.width));
    }
    for (const hit of mentionHits(article, [...answering, ...variants], this.width)) {
      if (variants.some((e) => e.name === hit.entity && e.type === hit.type)) this.variantHits.add(hit);
      this.entityHits.push(hit);
    }
  }

  hits(sort: KwicSort): Hit[] {
    if (this.entities.size === 0) return sortHits(this.wordHits, sort);
    const { nameOf, answers } = this.entityQuery.resolved();
    const kept = this.entityHits
      .filter((h) => !this.variantHits.has(h) || answers(h.entity!))
      .map((h) => ({ ...h, entity: h.type === 'person' ? nameOf(h.entity!) : h.entity! }));
    this.entities.clear();
    for (const h of kept) this.entities.add(`${h.entity} (${h.type})`);
    return sortHits(kept, sort);
  }
}

/** The mentions, in one article, of the entities answering to the query: title first, then in text order. */
export function entityHits(article: NerArticle, query: string, width: number): Hit[] {
  return mentionHits(article, article.entities.filter((e) => entityAnswers(e, query)), width);
}

/** The mentions of `entities` in one article: title first, then in text order. */
export function mentionHits(article: NerArticle, entities: Entity[], width: number): Hit[] {
  const hits = entities.flatMap((e) => e.mentions.map((m) => hitAt(article, m.field, m.start, m.end, width, e)));
  return hits.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field ? -1 : 1));
}

/** The query's whole-word, case-insensitive occurrences in one article's title and text. */
export function wordHits(article: NerArticle, query: string, width: number): Hit[] {
  const pattern = wordPattern(query);
  return (['title', undefined] as const).flatMap((field) =>
    [...(field === 'title' ? article.title ?? '' : article.text).matchAll(pattern)].map((m) => hitAt(article, field, m.index!, m.index! + m[0].length, width)),
  );
}

function hitAt(article: NerArticle, field: 'title' | undefined, start: number, end: number, width: number, entity?: Entity): Hit {
  const source = field === 'title' ? article.title ?? '' : article.text;
  return {
    file: article.file, id: article.id, published: article.published, title: article.title,
    left: context(source, start, width, 'left'),
    match: oneLine(source.slice(start, end)),
    right: context(source, end, width, 'right'),
    start, end, ...(field ? { field } : {}), ...(entity ? { entity: entity.name, type: entity.type } : {}),
  };
}

/** Hits sorted by the words nearest the match on its left (read outwards) or on its right; document order breaks ties. */
export function sortHits(hits: Hit[], sort: KwicSort): Hit[] {
  if (sort === 'order') return hits;
  const keyOf = (h: Hit) => (sort === 'left' ? h.left.trim().toLowerCase().split(' ').reverse().join(' ') : h.right.trim().toLowerCase());
  return hits.map((h) => ({ h, k: keyOf(h) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map(({ h }) => h);
}

/**
 * The query as a case-insensitive whole-word pattern; white space in it matches any run of white space. A query that
 * starts or ends in a script written without spaces (Chinese, Japanese, Thai) has no word boundary on that side.
 */
function wordPattern(query: string): RegExp {
  const trimmed = query.trim();
  const escaped = trimmed.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const before = CJK_PATTERN.test(trimmed[0]!) ? '' : '(?<![\\p{L}\\p{M}\\p{N}])';
  const after = CJK_PATTERN.test(trimmed.at(-1)!) ? '' : '(?![\\p{L}\\p{M}\\p{N}])';
  return new RegExp(`${before}${escaped}${after}`, 'giu');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * The `width` characters of `source` before (or after) offset `at`, white space collapsed to single spaces, the
 * outer end trimmed, cut without splitting a surrogate pair. Reads a wider span until it has enough characters.
 */
function context(source: string, at: number, width: number, side: 'left' | 'right'): string {
  if (width === 0) return '';
  for (let span = width * 2 + 2; ; span *= 2) {
    const from = side === 'left' ? Math.max(0, at - span) : at;
    const to = side === 'left' ? at : Math.min(source.length, at + span);
    const flat = oneLine(source.slice(from, to));
    // The last pass (the span reaches the end of the source) keeps what there is.
    const whole = side === 'left' ? from === 0 : to === source.length;
    const chars = Array.from(side === 'left' ? flat.trimStart() : flat.trimEnd());
    // One character more than needed, so a surrogate half at the cut end is never among those kept.
    if (chars.length > width || whole) return (side === 'left' ? chars.slice(-width) : chars.slice(0, width)).join('');
  }
}
