// Arrays for the hot path: of one elements kind, and typed arrays kept from call to call.

/**
 * `items.map(fn)` as a packed array. V8's own map makes packed arrays until its caller is optimised and holey ones after,
 * and optimised code that has read one kind deoptimises ("wrong map") when it meets the other.
 */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}

/** A typed array kept from page to page on a hot path (see sized). */
type Kept = Float64Array | Uint8Array | Int32Array | Uint32Array;

/**
 * `kept` when it holds at least `n` numbers, else a new array of its kind twice as long (zeroed: `kept`'s numbers are
 * not copied), to be kept in its place. Hot paths keep such arrays from page to page: an array of its own for each
 * page is allocated and freed outside the heap, which costs more than its use.
 */
export function sized<T extends Kept>(kept: T, n: number): T {
  return kept.length >= n ? kept : new (kept.constructor as new (length: number) => T)(n * 2);
}

/** A copy of the array, of its kind, with room for `size` numbers and at least twice as long (a kept array that fills up). */
export function grown<T extends Kept>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}
