// Removes page furniture from a page's body before the article is looked for: hidden text, nav/aside/footer, and blocks named like furniture.
import { isElement, type HtmlElement } from './html-dom.js';
import { boilerplateRules, hasBoilerplateName, hasContentName, isHidden } from './html-names.js';

/** Text runs at least this long count as prose when deciding what must not be removed. */
const PROSE_RUN = 30;

/**
 * Drops furniture from `body` in place; `strict: false` keeps what is only named like furniture or hidden
 * (some pages hide the article until a script shows it). An element
 * that holds half the page's prose, or a tenth of it and is named or tagged like an article, or is the
 * marked-up article body, is never dropped: sites wrap whole articles in classes like "has-comments" or
 * "tag-review", or in a `<header>`.
 */
export function pruneBoilerplate(body: HtmlElement, options: { strict: boolean }): void {
  const prose = new Map<HtmlElement, number>();
  const total = measureProse(body, false, prose);
  const keep = new Set<HtmlElement>();
  for (const [element, chars] of prose) {
    if (chars >= total * 0.5 || (chars >= total * 0.1 && looksLikeArticle(element))) keep.add(element);
  }
  markArticleBodies(body, keep);
  prune(body, keep, options.strict);
}

function looksLikeArticle(element: HtmlElement): boolean {
  return element.tag === 'article' || element.tag === 'main' || hasContentName(element);
}

function prune(element: HtmlElement, keep: Set<HtmlElement>, strict: boolean, inArticle = false): void {
  const { droppedTags } = boilerplateRules();
  element.children = element.children.filter((child) => {
    if (!isElement(child)) return true;
    // Hidden text is not shown, so not even the marked-up article body is kept when hidden (some pages hide a copy of it).
    if (strict && isHidden(child)) return false;
    // An article's own header holds its standfirst beside the headline and byline (which later steps leave out).
    const articleHeader = inArticle && child.tag === 'header';
    const drop = !articleHeader && (droppedTags.has(child.tag) || (strict && hasBoilerplateName(child)));
    if (drop && !keep.has(child)) return false;
    prune(child, keep, strict, inArticle || child.tag === 'article');
    return true;
  });
}

/** Prose characters (text runs of some length, outside links) under each element. */
function measureProse(element: HtmlElement, inLink: boolean, prose: Map<HtmlElement, number>): number {
  let chars = 0;
  for (const child of element.children) {
    if (typeof child === 'string') {
      if (!inLink) {
        const length = child.trim().length;
        if (length >= PROSE_RUN) chars += length;
      }
    } else {
      chars += measureProse(child, inLink || child.tag === 'a', prose);
    }
  }
  if (chars > 0) prose.set(element, chars);
  return chars;
}

/** Elements marked up as the article body (schema.org articleBody) and their ancestors. */
function markArticleBodies(root: HtmlElement, keep: Set<HtmlElement>): void {
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (/\barticleBody\b/.test(element.attrs.itemprop ?? '')) {
      for (let e: HtmlElement | null = element; e && !keep.has(e); e = e.parent) keep.add(e);
    }
    for (const c of element.children) if (isElement(c)) stack.push(c);
  }
}
