// How much a text block reads like article prose, from a logistic model over its features (data/html-model.json,
// trained by scripts/train-html-model.mjs on labelled pages).
import { loadModel } from '../data.js';
import type { Block } from './html-blocks.js';
import type { HtmlElement } from './html-dom.js';
import { hasBoilerplateName, hasContentName } from './html-names.js';
import { WORD_RUN } from '../text/chars.js';

export interface HtmlModel {
  features: string[];
  /** Standardisation of each feature before it is weighted. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export const FEATURES = [
  'logChars', 'linkDensity', 'commas', 'sentenceEnd', 'sentences', 'capitalised', 'digits', 'meanWordLength',
  'tagP', 'tagLi', 'tagCell', 'tagHeading', 'tagQuote', 'tagDiv', 'contentName', 'boilerplateName', 'inArticle',
  'position', 'prevLogChars', 'nextLogChars', 'neighbourLinkDensity', 'sameOwnerBlocks',
];

/** Ancestors whose class and id are read for the block. */
const NAME_LEVELS = 4;
const WIDE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

let model: HtmlModel | null = null;

/** Replaces the shipped model (the training script scores candidate weights with it). */
export function useHtmlModel(next: HtmlModel): void {
  model = next;
}

/** The probability that blocks[i] is article prose. */
export function proseProbability(blocks: Block[], i: number): number {
  const m = (model ??= loadModel<HtmlModel>('html-model.json', FEATURES, 'scripts/train-html-model.mjs'));
  const x = blockFeatures(blocks, i);
  let z = m.bias;
  for (let k = 0; k < x.length; k++) z += m.weights[k]! * ((x[k]! - m.mean[k]!) / m.scale[k]!);
  return 1 / (1 + Math.exp(-z));
}

/** The features of blocks[i], in the order of FEATURES. */
export function blockFeatures(blocks: Block[], i: number): number[] {
  const block = blocks[i]!;
  const text = block.text;
  const words = text.match(WORD_RUN) ?? [];
  const wordCount = Math.max(1, words.length);
  const wide = WIDE_SCRIPT.test(text);
  const per100 = (n: number) => Math.min(10, (100 * n) / Math.max(1, block.chars));
  const tag = block.element.tag;
  const prev = blocks[i - 1];
  const next = blocks[i + 1];
  const neighbours = [prev, next].filter((b): b is Block => b !== undefined);
  const neighbourChars = neighbours.reduce((n, b) => n + b.chars, 0);
  const neighbourLinks = neighbours.reduce((n, b) => n + b.linkChars, 0);
  let sameOwner = 0;
  for (let j = Math.max(0, i - 5); j <= Math.min(blocks.length - 1, i + 5); j++) if (blocks[j]!.element.parent === block.element.parent) sameOwner++;
  return [
    Math.log1p(block.chars * (wide ? 3 : 1)),
    block.linkChars / Math.max(1, block.chars),
    per100(text.match(/[,，、;；]/g)?.length ?? 0),
    /[.!?…。！？]["'”’»)]?$/u.test(text) ? 1 : 0,
    per100(text.match(/[.!?。！？](?:\s|$)/gu)?.length ?? 0),
    words.filter((w) => /^\p{Lu}/u.test(w)).length / wordCount,
    (text.match(/\p{N}/gu)?.length ?? 0) / Math.max(1, block.chars),
    wide ? 3 : Math.min(15, words.reduce((n, w) => n + w.length, 0) / wordCount),
    tag === 'p' ? 1 : 0,
    tag === 'li' || tag === 'dd' || tag === 'dt' ? 1 : 0,
    tag === 'td' || tag === 'th' || tag === 'tr' ? 1 : 0,
    block.heading > 0 ? 1 : 0,
    tag === 'blockquote' || tag === 'pre' ? 1 : 0,
    tag === 'div' || tag === 'section' || tag === 'article' || tag === 'main' ? 1 : 0,
    nearAncestor(block.element, hasContentName) ? 1 : 0,
    nearAncestor(block.element, hasBoilerplateName) ? 1 : 0,
    nearAncestor(block.element, (e) => e.tag === 'article' || e.tag === 'main', Infinity) ? 1 : 0,
    blocks.length > 1 ? i / (blocks.length - 1) : 0,
    Math.log1p(prev?.chars ?? 0),
    Math.log1p(next?.chars ?? 0),
    neighbourChars > 0 ? neighbourLinks / neighbourChars : 0,
    sameOwner,
  ];
}

function nearAncestor(element: HtmlElement, match: (e: HtmlElement) => boolean, levels = NAME_LEVELS): boolean {
  let e: HtmlElement | null = element;
  for (let level = 0; e && level <= levels; level++, e = e.parent) if (match(e)) return true;
  return false;
}
