// Lexicon tone: how positive or negative the words are in the sentences that mention an entity, and in whole
// articles. Each word or phrase of the AFINN-165 list (data/tone-lexicon.json) adds its valence (-5..+5), with
// the sign turned after a negation ("not good"); tone is the sum per 100 words, as GDELT reports tone per
// 100 words. It counts words, it does not read: see README "mine tone" for what it can and cannot tell.
import { loadData } from '../data.js';
import type { EntityType, NerArticle } from '../types.js';
import { firstAfter, sentenceEnds } from './cooccur.js';
import { entityKey } from './entities.js';
import { periodOf, type Granularity } from './periods.js';
import { CorpusPeople } from './resolve-corpus.js';

/** The rated words of some text: how many units (sentences, articles), words, their valences and which words gave them. */
export interface ToneTally {
  units: number;
  words: number;
  /** Sum of the valences of the rated words, negations applied. */
  score: number;
  /** Rated words counted positive and negative. */
  positive: number;
  negative: number;
  /** What each rated word ("good", or "not good" when negated) added to `score`. */
  hits: Record<string, number>;
}

/** One article's tone: of all of it (title and body), and of the sentences that mention each entity. */
export interface ArticleTone {
  article: ToneTally;
  entities: Array<{ name: string; type: EntityType; aliases: string[]; tally: ToneTally }>;
}

interface Lexicon {
  valences: Map<string, number>;
  negations: Set<string>;
  /** Longest phrase in words. */
  longest: number;
  /** First words of the phrases: only after one is a phrase looked for. */
  phraseStarts: Set<string>;
}

let lexicon: Lexicon | null = null;

function toneLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const data = loadData<{ valences: Record<string, number>; negations: string[] }>('tone-lexicon.json');
  return (lexicon = {
    valences: new Map(Object.entries(data.valences)),
    negations: new Set(data.negations),
    longest: Math.max(...Object.keys(data.valences).map((w) => w.split(' ').length)),
    phraseStarts: new Set(Object.keys(data.valences).filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!)),
  });
}

export function emptyTally(): ToneTally {
  return { units: 0, words: 0, score: 0, positive: 0, negative: 0, hits: {} };
}

export function addTally(into: ToneTally, other: ToneTally): void {
  into.units += other.units;
  into.words += other.words;
  into.score += other.score;
  into.positive += other.positive;
  into.negative += other.negative;
  for (const [word, value] of Object.entries(other.hits)) into.hits[word] = (into.hits[word] ?? 0) + value;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*/gu;

/** The tone of one stretch of text (a unit). */
export function toneOfText(text: string): ToneTally {
  const { valences, negations, longest, phraseStarts } = toneLexicon();
  const words = (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace('’', "'"));
  const tally: ToneTally = { ...emptyTally(), units: 1, words: words.length };
  const negation = (w: string | undefined) => w !== undefined && (negations.has(w) || w.endsWith("n't"));
  for (let i = 0; i < words.length; i++) {
    // The longest phrase of the list starting here ("does not work"), else the word itself.
    for (let n = phraseStarts.has(words[i]!) ? Math.min(longest, words.length - i) : 1; n >= 1; n--) {
      const phrase = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
      const valence = valences.get(phrase);
      if (valence === undefined) continue;
      const negated = negation(words[i - 1]) || negation(words[i - 2]);
      const value = negated ? -valence : valence;
      const key = negated ? `not ${phrase}` : phrase;
      tally.score += value;
      if (value > 0) tally.positive++;
      else if (value < 0) tally.negative++;
      tally.hits[key] = (tally.hits[key] ?? 0) + value;
      i += n - 1;
      break;
    }
  }
  return tally;
}

/** An article's tone: every sentence (and the title) scored once, the entities' from the sentences that mention them. */
export function toneOf(article: NerArticle): ArticleTone {
  const ends = sentenceEnds(article.text);
  const text = withoutNames(article.text, article, undefined);
  const sentences: ToneTally[] = [];
  let start = 0;
  for (const end of ends) {
    sentences.push(toneOfText(text.slice(start, end)));
    start = end;
  }
  const title = article.title ? toneOfText(withoutNames(article.title, article, 'title')) : null;
  const whole = emptyTally();
  for (const unit of title ? [title, ...sentences] : sentences) addTally(whole, unit);
  whole.units = 1;
  const entities = article.entities.map((e) => {
    // The units mentioning the entity: -1 is the title; body sentence i is the first whose end lies past the mention.
    const units = new Set(e.mentions.map((m) => (m.field === 'title' ? -1 : firstAfter(ends, m.start))));
    const tally = emptyTally();
    for (const unit of units) {
      const scored = unit === -1 ? title : sentences[unit];
      if (scored) addTally(tally, scored);
    }
    return { name: e.name, type: e.type, aliases: e.aliases, tally };
  });
  return { article: whole, entities };
}

/** The text with the entities' names blanked out: "United" in "United Nations" or "Justice" in a ministry's name rate nothing. */
function withoutNames(text: string, article: NerArticle, field: 'title' | undefined): string {
  const names = article.entities.flatMap((e) => e.mentions.filter((m) => m.field === field && m.kind === 'name')).sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const m of names) {
    if (m.start < at) continue;
    result += text.slice(at, m.start) + ' '.repeat(m.end - m.start);
    at = m.end;
  }
  return result + text.slice(at);
}

/** Tone per 100 words (0 without words). */
export function toneScore(tally: ToneTally): number {
  return tally.words === 0 ? 0 : (100 * tally.score) / tally.words;
}

/** The words that moved a tally most, either way: "good +6". */
export function drivingWords(tally: ToneTally, count: number): Array<{ word: string; value: number }> {
  return Object.entries(tally.hits)
    .filter(([, value]) => value !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word, value]) => ({ word, value }));
}

/** A row of `mine tone`: an entity (or all articles, with `type` null) over a corpus or a period. */
export interface ToneRow {
  period?: string;
  name: string;
  type: EntityType | null;
  articles: number;
  /** Sentences that mention the entity (for all articles: articles). */
  units: number;
  words: number;
  tone: number;
  /** Percent of words rated positive and negative. */
  positive: number;
  negative: number;
  /** With --explain: the words that drove the score. */
  drivers?: Array<{ word: string; value: number }>;
}

interface Tallied {
  name: string;
  type: EntityType | null;
  aliases: Set<string>;
  articles: number;
  tally: ToneTally;
}

/** All articles' tone, and each entity's, over the corpus or per period. */
export class ToneCounter {
  private readonly rowsByKey = new Map<string, Tallied>();
  private readonly people = new CorpusPeople();

  constructor(private readonly by?: Granularity) {}

  add(article: NerArticle & { tone?: ArticleTone }): void {
    const tone = article.tone ?? toneOf(article);
    if (this.by && !article.published) return;
    this.people.add(article.entities);
    const period = this.by ? periodOf(article.published!, this.by) : '';
    count(this.rowsByKey, `${period}|articles`, { name: 'articles', type: null, aliases: [], articles: 1, tally: tone.article });
    for (const e of tone.entities) count(this.rowsByKey, `${period}|${entityKey(e.type, e.name)}`, { ...e, articles: 1 });
  }

  /**
   * The rows with each person's name variants counted as one entity (resolve-corpus.ts), which still answers to
   * a variant's name.
   */
  private resolved(): Map<string, Tallied> {
    const resolve = this.people.resolver();
    if (!resolve) return this.rowsByKey;
    const merged = new Map<string, Tallied>();
    for (const [key, row] of this.rowsByKey) {
      if (row.type !== 'person') {
        count(merged, key, row);
        continue;
      }
      const name = resolve(row.name);
      const period = key.slice(0, key.indexOf('|'));
      count(merged, `${period}|${entityKey(row.type, name)}`, { ...row, name, aliases: [...row.aliases, row.name] });
    }
    return merged;
  }

  /**
   * Rows: all articles first, then entities by the sentences that mention them; per period in date order when
   * counting by period. `keep` chooses the entities; `explain` adds the words that drove each score.
   */
  rows(keep: (entity: { name: string; type: EntityType; aliases: string[] }) => boolean, explain: number): ToneRow[] {
    const rows: ToneRow[] = [];
    for (const [key, t] of this.resolved()) {
      if (t.type !== null && !keep({ name: t.name, type: t.type, aliases: [...t.aliases] })) continue;
      const period = key.slice(0, key.indexOf('|'));
      const words = t.tally.words || 1;
      rows.push({
        ...(this.by ? { period } : {}),
        name: t.name,
        type: t.type,
        articles: t.articles,
        units: t.type === null ? t.articles : t.tally.units,
        words: t.tally.words,
        tone: round(toneScore(t.tally)),
        positive: round((100 * t.tally.positive) / words),
        negative: round((100 * t.tally.negative) / words),
        ...(explain ? { drivers: drivingWords(t.tally, explain) } : {}),
      });
    }
    return rows.sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || Number(b.type === null) - Number(a.type === null) || b.units - a.units || a.name.localeCompare(b.name));
  }
}

/** Adds an article count and tally to the row under `key`, made with the first name and type counted there. */
function count(rows: Map<string, Tallied>, key: string, add: { name: string; type: EntityType | null; aliases: Iterable<string>; articles: number; tally: ToneTally }): void {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = { name: add.name, type: add.type, aliases: new Set(), articles: 0, tally: emptyTally() }));
  for (const a of add.aliases) row.aliases.add(a);
  row.articles += add.articles;
  addTally(row.tally, add.tally);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
