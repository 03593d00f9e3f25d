// Read-ahead: asks an async source for its next items before they are needed, so file reads (done on
// libuv's thread pool) overlap with the processing of the items already read.

/** The items of `source` in order, with up to `depth` requests for later items in flight. */
export async function* readAhead<T>(source: AsyncIterator<T>, depth: number): AsyncGenerator<T> {
  const pending: Promise<IteratorResult<T>>[] = [];
  try {
    for (;;) {
      while (pending.length < depth) {
        const request = source.next();
        request.catch(() => undefined); // rejected early is still rethrown below, when its turn comes
        pending.push(request);
      }
      const next = await pending.shift()!;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await source.return?.();
  }
}
