// Arrays of one elements kind for the hot path.

/**
 * `items.map(fn)` as a packed array. V8's own map makes packed arrays until its caller is optimised and holey ones after,
 * and optimised code that has read one kind deoptimises ("wrong map") when it meets the other.
 */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}
