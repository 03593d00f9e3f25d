// Made-up articles for the NER tests, and a short readable form of what was found.
import type { Token } from '../../src/ner/tokenize.js';
import type { Article, Entity } from '../../src/types.js';

export function article(text: string, title: string | null = null): Article {
  return { id: 'x', file: 'x.txt', title, published: null, author: null, source: null, site: null, tags: [], paragraphs: text.split('\n\n'), text, words: text.split(/\s+/).length };
}

/** "type:name:count" of each entity. */
export function summary(entities: Entity[]): string[] {
  return entities.map((e) => `${e.type}:${e.name}:${e.count}`);
}

/** Where a word first is among the tokens of a sentence, for the tests that name tokens by their words. */
export function wordIndex(tokens: Token[]): (word: string) => number {
  return (word) => tokens.findIndex((t) => t.text === word);
}
