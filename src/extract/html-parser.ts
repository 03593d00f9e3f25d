// parse5's parser in linear time on hostile markup: same tree, but no scan per element or attribute that grows with the page.
import { ErrorCodes, Parser, Tokenizer, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes as P, type Token } from 'parse5';

/** Parses a whole page as a browser does (the WHATWG algorithm). */
export function parseDocument(html: string): P.Document {
  return LinearParser.parse(html) as P.Document;
}

/**
 * parse5 looks for a duplicate of each attribute among the tag's earlier ones: quadratic in the attributes of one
 * tag. This keeps the names seen in a set.
 */
class LinearTokenizer extends Tokenizer {
  private namedToken: Token.TagToken | null = null;
  private names = new Set<string>();

  protected override _leaveAttrName(): void {
    const token = this.currentToken as Token.TagToken;
    if (token.location) return super._leaveAttrName(); // Locations are never asked for; parse5 handles them.
    if (token !== this.namedToken) {
      this.namedToken = token;
      this.names = new Set(token.attrs.map((a) => a.name));
    }
    if (this.names.has(this.currentAttr.name)) return this._err(ErrorCodes.duplicateAttribute);
    this.names.add(this.currentAttr.name);
    token.attrs.push(this.currentAttr);
  }
}

type Stack = Parser<DefaultTreeAdapterMap>['openElements'];
type ScopeCheck = (tagId: number, scope: Set<number>) => boolean;

/**
 * Before a <div> or <p> opens, parse5 walks the stack of open elements down to a scope boundary to look for a <p>
 * to close: quadratic in the nesting depth. The stack here counts its elements by tag, so a tag that is not
 * open at all is answered at once (the walk could only have stopped at a boundary: the root <html> is one).
 */
class LinearParser extends Parser<DefaultTreeAdapterMap> {
  constructor(options?: ConstructorParameters<typeof Parser<DefaultTreeAdapterMap>>[0]) {
    super(options);
    this.tokenizer = new LinearTokenizer(this.options, this);
    countOpenTags(this.openElements);
    stackMarkers(this.activeFormattingElements);
  }
}

type FormattingList = Parser<DefaultTreeAdapterMap>['activeFormattingElements'];
type Entry = FormattingList['entries'][number];
/** parse5's EntryType.Marker (not exported). */
const MARKER_TYPE = 0;

/**
 * Each table cell, caption or template puts a marker at the front of parse5's list of formatting elements, which
 * is kept newest-first in an array: quadratic in the nesting of tables. Markers put on one another with nothing
 * between are one entry here, with a count; every scan of the list stops at the first marker either way.
 */
function stackMarkers(list: FormattingList): void {
  const count = new WeakMap<Entry, number>();
  list.insertMarker = () => {
    const first = list.entries[0];
    if (first?.type === MARKER_TYPE) count.set(first, (count.get(first) ?? 1) + 1);
    else list.entries.unshift({ type: MARKER_TYPE } as Entry);
  };
  list.clearToLastMarker = () => {
    const i = list.entries.findIndex((e) => e.type === MARKER_TYPE);
    if (i === -1) {
      list.entries.length = 0;
      return;
    }
    const marker = list.entries[i]!;
    const markers = count.get(marker) ?? 1;
    if (markers > 1) count.set(marker, markers - 1);
    list.entries.splice(0, markers > 1 ? i : i + 1);
  };
}

function countOpenTags(stack: Stack): void {
  const open = new Map<number, number>();
  const add = (tagId: number, n: number) => open.set(tagId, (open.get(tagId) ?? 0) + n);
  const recount = () => {
    open.clear();
    for (let i = 0; i <= stack.stackTop; i++) add(stack.tagIDs[i]!, 1);
  };
  const { push, pop, shortenToLength, insertAfter, remove } = stack;
  stack.push = (element, tagId) => {
    push.call(stack, element, tagId);
    add(tagId, 1);
  };
  stack.pop = () => {
    add(stack.tagIDs[stack.stackTop]!, -1);
    pop.call(stack);
  };
  stack.shortenToLength = (length) => {
    for (let i = Math.max(length, 0); i <= stack.stackTop; i++) add(stack.tagIDs[i]!, -1);
    shortenToLength.call(stack, length);
  };
  // Rare (misnested formatting tags), and already a scan of the stack: count afresh.
  stack.insertAfter = (...args) => {
    insertAfter.apply(stack, args);
    recount();
  };
  stack.remove = (element) => {
    remove.call(stack, element);
    recount();
  };
  const scoped = stack as unknown as { hasInDynamicScope: ScopeCheck };
  const hasInDynamicScope = scoped.hasInDynamicScope;
  scoped.hasInDynamicScope = (tagId, scope) => (open.get(tagId) ?? 0) > 0 && hasInDynamicScope.call(stack, tagId, scope);
}
