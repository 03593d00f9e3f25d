// NER stage: Article -> NerArticle with people, countries, organisations and places under canonical names. Pure.
import type { Article, Entity, NerArticle } from '../types.js';
import { findCandidates } from './candidates.js';
import { loadGazetteer, type UserGazetteer } from './gazetteer.js';
import { loadTagger } from './tagger.js';
import { resolveEntities, type Scanned } from './resolve.js';

export interface NerOptions {
  /** Capitals used for their governments ("Moscow said") count for the country. */
  metonymy?: boolean;
  /** A user's own entities and aliases (`--gazetteer FILE`). */
  gazetteer?: UserGazetteer;
  /** The statistical tagger finds names no list knows (on by default; off is faster and lists-only). */
  tagger?: boolean;
}

export function tagArticle(article: Article, options: NerOptions = {}): NerArticle {
  return { ...article, entities: findEntities(article, options) };
}

/** Languages the recognisers are built for ("und": too little text to tell, so it is tried). */
const SUPPORTED_LANGUAGES = new Set(['en', 'und']);

/**
 * Entities in the title and body of an article. Body mentions point into `text`; title ones carry `field: "title"`.
 * Articles in other languages get none rather than English rules misreading them, but only when that language
 * is more likely than not: a short text the guess is unsure about ("Lavrov met Wang Yi in Beijing") is read as English.
 */
export function findEntities(article: Article, options: NerOptions = {}): Entity[] {
  if (article.language && !SUPPORTED_LANGUAGES.has(article.language) && (article.languageConfidence ?? 1) > 0.5) return [];
  const g = loadGazetteer(options.gazetteer);
  const tagger = options.tagger === false ? undefined : loadTagger();
  const scans: Scanned[] = [];
  if (article.title) scans.push({ ...findCandidates(article.title, g, 'title', -1e6, tagger, article.text), field: 'title', text: article.title });
  scans.push({ ...findCandidates(article.text, g, undefined, 0, tagger), text: article.text });
  return resolveEntities(scans, { metonymy: options.metonymy });
}
