// A set of words asked about once per token: most words are ruled out by their first code unit, without hashing them.

export class WordSet {
  private readonly words: Set<string>;
  /** 1 for each code unit a word of the set starts with. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) this.starts[w.charCodeAt(0)] = 1;
  }

  has(word: string): boolean {
    return this.starts[word.charCodeAt(0)] === 1 && this.words.has(word);
  }
}
