// Tagger feature helpers: the per-document word table and label history.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALLOWED, BilouViterbi, documentContext, labelHistoryKey, listMatchAt, MAY_END, NUM_TAGS, packPairs, PAIRS, recordLabels, SentenceFeatures, tagId, DocumentWords } from '../../src/ner/tagger-features.js';
import { loadGazetteer } from '../../src/ner/gazetteer.js';
import { tokenize } from '../../src/ner/tokenize.js';
import { wordIndex } from './articles.js';

test('document words number each distinct word once, in order, past the capacity given, and know no other word', () => {
  const words = new DocumentWords(4);
  // Enough words to outgrow the capacity several times; 0 and negative hashes are words like any other.
  const hashes = Array.from({ length: 1000 }, (_, k) => (k - 500) * 7919);
  hashes.forEach((w, k) => assert.equal(words.id(w), k));
  hashes.forEach((w, k) => assert.equal(words.id(w), k));
  hashes.forEach((w, k) => assert.equal(words.find(w), k));
  assert.equal(words.find(12345), -1);
  // Each id has its own values.
  words.casing[words.id(0)] += 3;
  assert.equal(words.casing[words.find(0)], 3);
  assert.equal(words.casing[words.find(7919)], 0);
});

test('the label history remembers how a word was tagged earlier in the document, whatever its casing', () => {
  const sentences = tokenize('Kowalczyk won.\nKOWALCZYK WINS');
  const doc = documentContext(sentences);
  const features = new SentenceFeatures();
  features.read(sentences[0]!, doc);
  const word = features.word(0);
  const unseen = labelHistoryKey(doc, word);
  recordLabels(doc, features, [tagId(0, 3), 0, 0], 3); // U-PER, O, O
  const asPerson = labelHistoryKey(doc, word);
  assert.notEqual(asPerson, unseen);
  features.read(sentences[1]!, doc);
  assert.equal(labelHistoryKey(doc, features.word(0)), asPerson);
  recordLabels(doc, features, [tagId(1, 3), 0], 2); // U-ORG, O
  assert.notEqual(labelHistoryKey(doc, word), asPerson);
});

test('Viterbi decoding finds the best valid BILOU sequence, tokens forced O included', () => {
  // Small sentences with made-up scores, checked against every sequence of tags; a seeded generator keeps it repeatable.
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const viterbi = new BilouViterbi();
  for (let round = 0; round < 60; round++) {
    const n = 1 + Math.floor(random() * 4);
    const forcedO = Array.from({ length: n }, () => random() < 0.4);
    const emit = Array.from({ length: n * NUM_TAGS }, () => Math.round(random() * 200 - 100));
    const pairs = Array.from({ length: n * NUM_TAGS * NUM_TAGS }, () => Math.round(random() * 200 - 100));
    // The decoder reads each token's pair scores packed.
    const packed = new Int32Array(n * PAIRS);
    for (let i = 0; i < n; i++) packPairs(pairs.slice(i * NUM_TAGS * NUM_TAGS, (i + 1) * NUM_TAGS * NUM_TAGS), packed, i * PAIRS);
    viterbi.start();
    for (let i = 0; i < n; i++) {
      if (forcedO[i]) viterbi.pushO();
      else viterbi.push(emit, i * NUM_TAGS, packed, i * PAIRS);
    }
    const tags = new Uint8Array(n);
    viterbi.decode(tags);
    let best = -Infinity;
    const tagsOf = (code: number) => Array.from({ length: n }, (_, i) => Math.floor(code / NUM_TAGS ** i) % NUM_TAGS);
    const scoreOf = (sequence: number[]) => {
      let score = 0;
      for (let i = 0, prev = 0; i < n; prev = sequence[i]!, i++) {
        const tag = sequence[i]!;
        if (ALLOWED[prev * NUM_TAGS + tag] !== 1 || (forcedO[i] && tag !== 0)) return -Infinity;
        if (!forcedO[i]) score += emit[i * NUM_TAGS + tag]! + pairs[i * NUM_TAGS * NUM_TAGS + prev * NUM_TAGS + tag]!;
      }
      return MAY_END[sequence[n - 1]!] === 1 ? score : -Infinity;
    };
    for (let code = 0; code < NUM_TAGS ** n; code++) best = Math.max(best, scoreOf(tagsOf(code)));
    assert.equal(scoreOf([...tags]), best, `round ${round}`);
  }
});

test('the document context keeps the list matches it looked up at capitalised words outside headlines, as the gazetteer finds them', () => {
  const sentences = tokenize('Officials in New York met delegates from Kenya.\nTALKS IN NEW YORK');
  const doc = documentContext(sentences);
  const [body, headline] = sentences as [ReturnType<typeof tokenize>[number], ReturnType<typeof tokenize>[number]];
  const at = wordIndex(body);
  for (const word of ['Officials', 'New', 'Kenya']) assert.deepEqual(listMatchAt(doc, body, at(word)), loadGazetteer().matchAt(body, at(word), false), word);
  assert.equal(listMatchAt(doc, body, at('New'))?.end, at('York') + 1);
  // Lower-case words, words inside a longer name and headlines were not looked up.
  for (const word of ['in', 'York', 'met']) assert.equal(listMatchAt(doc, body, at(word)), undefined, word);
  assert.ok(headline.every((_, j) => listMatchAt(doc, headline, j) === undefined));
  assert.equal(listMatchAt(doc, tokenize('New York')[0]!, 0), undefined, 'a sentence of another text');
});

test('casing counts stay those the model was trained with: the count added as the old table doubled (129th word) is left out', () => {
  // The casing elsewhere in the document (feature value 4 of group 0) of a sentence-initial "Zebra", after "zebra" in lower case.
  const elsewhere = (distinctBefore: number) => {
    const words = Array.from({ length: distinctBefore }, (_, k) => `w${k}`).join(' ');
    const sentences = tokenize(`${words} zebra\nZebra rose.`);
    const features = new SentenceFeatures();
    features.read(sentences[1]!, documentContext(sentences));
    features.groupValues(0, 0);
    return features.values[4];
  };
  assert.equal(elsewhere(127), 2, 'seen in lower case');
  assert.equal(elsewhere(128), 0, 'its only count was the one lost');
});
