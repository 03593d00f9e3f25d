// The JSON data shipped in data/ (gazetteers, word lists), loaded like modules: once, on first use.
import { createRequire } from 'node:module';

// Compiled to dist/src/data.js, so the package root is two levels up.
const require = createRequire(new URL('../../data/', import.meta.url));

export function loadData<T>(name: string): T {
  return require(`./${name}`) as T;
}
