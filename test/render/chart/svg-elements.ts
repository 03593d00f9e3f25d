// Reading SVG charts back in tests: elements with their attributes, and a well-formedness check of tags and entities.
import assert from 'node:assert/strict';

export interface SvgElement {
  attributes: Record<string, string>;
  /** The text up to the element's closing tag (for <text>). */
  content: string;
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/** Every `<name ...>` element, in document order. */
export function elements(svg: string, name: string): SvgElement[] {
  return [...svg.matchAll(new RegExp(`<${name}\\b([^>]*?)(/?)>([^<]*)`, 'g'))].map((m) => ({
    attributes: Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)])),
    content: m[2] ? '' : unescape(m[3]!),
  }));
}

/** Tags nest and close, attribute values are quoted, and every & starts an entity. */
export function assertWellFormed(svg: string): void {
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const open: string[] = [];
  for (const [tag, closing, name, attributes, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)([^<>]*?)(\/?)>/g)) {
    assert.match(attributes!, /^(\s+[\w:-]+="[^"<]*")*\s*$/, `attributes of ${tag}`);
    if (closing) assert.equal(open.pop(), name, `${tag} closes what was opened`);
    else if (!selfClosing) open.push(name!);
  }
  assert.deepEqual(open, [], 'every tag is closed');
  assert.doesNotMatch(svg.replace(/<[^<>]*>/g, ''), /[<>]/, 'no stray < or > in text');
  assert.doesNotMatch(svg, /&(?!(lt|gt|quot|apos|amp);)/, 'every & is an entity');
}
