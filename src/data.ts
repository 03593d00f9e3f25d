// The JSON data shipped in data/ (gazetteers, word lists), loaded like modules: once, on first use.
import { createRequire } from 'node:module';

// Compiled to dist/src/data.js, so the package root is two levels up.
const require = createRequire(new URL('../../data/', import.meta.url));

export function loadData<T>(name: string): T {
  return require(`./${name}`) as T;
}

/**
 * A learned model shipped in data/, checked to have been trained on `features` (the names, in order, that the code
 * computes); `script` is what retrains it.
 */
export function loadModel<T extends { features: string[] }>(name: string, features: readonly string[], script: string): T {
  const model = loadData<T>(name);
  if (model.features.join() !== features.join()) throw new Error(`data/${name} was trained on other features: retrain it with ${script}`);
  return model;
}
