// Finds the article body in a pruned page: the element where paragraphs of prose cluster, plus the siblings and same-styled parts that continue it.
import type { Block } from './html-blocks.js';
import { findAll, type HtmlElement } from './html-dom.js';
import { proseProbability } from './html-model.js';
import { hasBoilerplateName, hasContentName } from './html-names.js';

/** Blocks shorter than this are not scored as paragraphs. */
const MIN_PARAGRAPH = 25;
/** Most non-link text that may separate two parts of one article. */
const MAX_GAP = 300;
/** The shortest standfirst (the summary under a headline) taken from an article's header. */
const STANDFIRST = 80;
/**
 * An ancestor of the body replaces it when it holds this much more net prose: the article split into parts (lead,
 * sections, a table) by wrappers. Chosen on the dev, readability and snippet pages together (1, 1.15, 1.3 tried).
 */
const WIDER_BODY = 1.15;
/**
 * The prose probability above which a block counts for an element's net prose, below which against it. The model's
 * probabilities run low on short paragraphs; chosen on the three sets together (0.3: snippets 0.9215, 0.4: 0.9221,
 * 0.5: 0.9183; dev and readability the same for all three).
 */
const NET_PROSE_ODDS = 0.4;
/** Tags whose blocks are paragraphs: their score goes to the element around them. */
const PARAGRAPH_TAGS = new Set(['p', 'li', 'pre', 'tr', 'dd', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface Candidate {
  score: number;
  /** A paragraph's score reached it: a name alone does not make an element hold the article. */
  hasProse: boolean;
  chars: number;
  linkChars: number;
  /** Characters of the blocks under it, each weighed by its prose probability less NET_PROSE_ODDS: furniture counts against. */
  netProse: number;
}

/** The blocks of the article body, in document order; [] when no element holds prose. */
export function selectBodyBlocks(blocks: Block[]): Block[] {
  const candidates = scoreCandidates(blocks);
  let best: HtmlElement | null = null;
  let bestScore = 0;
  for (const [element, c] of candidates) {
    if (!c.hasProse) continue;
    const score = c.score * (1 - linkDensity(c));
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  if (!best) return [];
  const top = widen(climb(best, bestScore, candidates), candidates);
  const chosen = withContinuingSiblings(top, candidates);
  const inBody = blocks.map((b) => isInside(b.element, chosen));
  addAdjacentParts(blocks, inBody, sameStyleParts(top, candidates));
  addStandfirst(blocks, inBody, closest(top, 'article'));
  return blocks.filter((_, i) => inBody[i]);
}

function scoreCandidates(blocks: Block[]): Map<HtmlElement, Candidate> {
  const candidates = new Map<HtmlElement, Candidate>();
  const candidateOf = (element: HtmlElement) => {
    let c = candidates.get(element);
    if (!c) {
      c = { score: initialScore(element), hasProse: false, chars: 0, linkChars: 0, netProse: 0 };
      candidates.set(element, c);
    }
    return c;
  };
  for (const [i, block] of blocks.entries()) {
    // Every element above a block gets its text counted for link density.
    for (let e: HtmlElement | null = block.element; e; e = e.parent) {
      const c = candidateOf(e);
      c.chars += block.chars;
      c.linkChars += block.linkChars;
    }
    if (block.chars < MIN_PARAGRAPH || block.heading) continue;
    const probability = proseProbability(blocks, i);
    const netProse = block.chars * (probability - NET_PROSE_ODDS);
    for (let e: HtmlElement | null = block.element; e; e = e.parent) candidateOf(e).netProse += netProse;
    // The classic readability score, weighed by how much the block reads like prose.
    const score = (1 + (block.text.match(/[,，、]/g)?.length ?? 0) + Math.min(3, Math.floor(block.chars / 100))) * probability;
    let e: HtmlElement | null = PARAGRAPH_TAGS.has(block.element.tag) ? block.element.parent : block.element;
    for (let level = 0; e && level < 5; level++, e = e.parent) {
      const c = candidateOf(e);
      c.score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      c.hasProse = true;
    }
  }
  return candidates;
}

function initialScore(element: HtmlElement): number {
  let score = 0;
  switch (element.tag) {
    case 'div': case 'article': case 'main': case 'section': score = 5; break;
    case 'pre': case 'td': case 'blockquote': score = 3; break;
    case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': score = -3; break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': score = -5; break;
  }
  if (hasContentName(element)) score += 25;
  if (hasBoilerplateName(element)) score -= 25;
  if (/\barticleBody\b/.test(element.attrs.itemprop ?? '')) score += 25;
  return score;
}

function linkDensity(c: Candidate): number {
  return c.chars > 0 ? c.linkChars / c.chars : 0;
}

/** Moves up to an ancestor that scores higher: the best element is often one of several containers of the text. */
function climb(best: HtmlElement, bestScore: number, candidates: Map<HtmlElement, Candidate>): HtmlElement {
  let last = bestScore;
  const threshold = bestScore / 3;
  for (let parent = best.parent; parent && parent.tag !== 'body'; parent = parent.parent) {
    const c = candidates.get(parent);
    if (!c) continue;
    const score = c.score * (1 - linkDensity(c));
    if (score < threshold) break;
    if (score > last) return parent;
    last = score;
  }
  return best;
}

/** The ancestor holding the most net prose, when it holds clearly more than the body: the rest of an article split into parts. */
function widen(body: HtmlElement, candidates: Map<HtmlElement, Candidate>): HtmlElement {
  let widest = body;
  let netProse = candidates.get(body)!.netProse;
  for (let e = body.parent; e && e.tag !== 'body'; e = e.parent) {
    const c = candidates.get(e)!;
    if (c.netProse > Math.max(0, netProse) * WIDER_BODY) {
      widest = e;
      netProse = c.netProse;
    }
  }
  return widest;
}

/** The element and those of its siblings that read as more of the same article. */
function withContinuingSiblings(best: HtmlElement, candidates: Map<HtmlElement, Candidate>): Set<HtmlElement> {
  const chosen = new Set([best]);
  const parent = best.parent;
  if (!parent) return chosen;
  const bestCandidate = candidates.get(best)!;
  const bestScore = bestCandidate.score * (1 - linkDensity(bestCandidate));
  const threshold = Math.max(10, bestScore * 0.2);
  for (const sibling of parent.children) {
    if (typeof sibling === 'string' || sibling === best) continue;
    const c = candidates.get(sibling);
    if (!c) continue;
    const bonus = sibling.attrs.class && sibling.attrs.class === best.attrs.class ? bestScore * 0.2 : 0;
    if (c.score * (1 - linkDensity(c)) + bonus >= threshold) chosen.add(sibling);
    else if (sibling.tag === 'p' && c.chars > 80 && linkDensity(c) < 0.25) chosen.add(sibling);
  }
  return chosen;
}

/**
 * Elements elsewhere on the page with the same tag and class as the body that hold prose: the further parts of
 * an article that the layout splits around pictures, quotes or ads, each in its own wrapper.
 */
function sameStyleParts(body: HtmlElement, candidates: Map<HtmlElement, Candidate>): HtmlElement[] {
  const style = body.attrs.class?.trim();
  if (!style) return [];
  let root = body;
  while (root.parent) root = root.parent;
  const article = closest(body, 'article');
  return findAll(root, (e) => {
    if (e === body || e.tag !== body.tag || e.attrs.class?.trim() !== style) return false;
    const c = candidates.get(e);
    if (!c || linkDensity(c) > 0.3) return false;
    // Another <article> is another story (pages that load the next one below).
    return closest(e, 'article') === article && !contains(body, e) && !contains(e, body);
  });
}

/**
 * Marks the blocks of each part that continues the body in reading order: only a little text (captions,
 * ad labels, a "Read more" link) may come between, so a teaser elsewhere that happens to share the style stays out.
 */
function addAdjacentParts(blocks: Block[], inBody: boolean[], parts: HtmlElement[]): void {
  const partIndex = new Map(parts.map((part, n) => [part, n]));
  const spans: Array<{ first: number; last: number; members: number[] } | null> = parts.map(() => null);
  for (const [i, block] of blocks.entries()) {
    for (let e: HtmlElement | null = block.element; e; e = e.parent) {
      const n = partIndex.get(e);
      if (n === undefined) continue;
      const span = (spans[n] ??= { first: i, last: i, members: [] });
      span.last = i;
      span.members.push(i);
      break;
    }
  }
  let added = true;
  while (added) {
    added = false;
    const first = inBody.indexOf(true);
    const last = inBody.lastIndexOf(true);
    if (first < 0) return;
    for (const [n, span] of spans.entries()) {
      if (!span) continue;
      const gap = span.first > last ? gapText(blocks, last + 1, span.first) : span.last < first ? gapText(blocks, span.last + 1, first) : Infinity;
      if (gap > MAX_GAP) continue;
      for (const i of span.members) inBody[i] = true;
      spans[n] = null;
      added = true;
    }
  }
}

/** The prose paragraphs in the header of the body's <article>, before the body: its standfirst. */
function addStandfirst(blocks: Block[], inBody: boolean[], article: HtmlElement | null): void {
  const first = inBody.indexOf(true);
  if (!article || first < 0) return;
  for (let i = 0; i < first; i++) {
    const block = blocks[i]!;
    if (block.heading || block.chars < STANDFIRST || block.linkChars > block.chars * 0.3) continue;
    const header = closest(block.element, 'header');
    if (header && contains(article, header)) inBody[i] = true;
  }
}

/** Characters of non-link text in blocks[from..to). */
function gapText(blocks: Block[], from: number, to: number): number {
  let chars = 0;
  for (let i = from; i < to; i++) chars += blocks[i]!.chars - blocks[i]!.linkChars;
  return chars;
}

function closest(element: HtmlElement, tag: string): HtmlElement | null {
  for (let e: HtmlElement | null = element; e; e = e.parent) if (e.tag === tag) return e;
  return null;
}

function contains(ancestor: HtmlElement, element: HtmlElement): boolean {
  for (let e: HtmlElement | null = element; e; e = e.parent) if (e === ancestor) return true;
  return false;
}

function isInside(element: HtmlElement, set: Set<HtmlElement>): boolean {
  for (let e: HtmlElement | null = element; e; e = e.parent) if (set.has(e)) return true;
  return false;
}
