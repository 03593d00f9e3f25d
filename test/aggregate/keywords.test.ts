import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordCounter, logLikelihood, termsOf } from '../../src/aggregate/keywords.js';

test('terms: words and phrases that neither start nor end with a stop word, not across punctuation', () => {
  const terms = termsOf('The multipolar world of the future. World order, again.', 3);
  assert.equal(terms.get('multipolar world'), 1);
  assert.equal(terms.get('world'), 2);
  assert.ok(!terms.has('the multipolar'), 'no phrase starts with a stop word');
  assert.ok(!terms.has('world of'), 'no phrase ends with one');
  assert.ok(!terms.has('future world'), 'phrases stop at sentence punctuation');
  assert.equal(termsOf('multipolar world', 1).has('multipolar world'), false);
  assert.equal(termsOf('The Bank of China lends.', 3).get('bank of china'), 1, 'stop words inside a phrase are kept');
});

test('terms: inner hyphens and apostrophes, possessives folded, numbers dropped, names with digits kept', () => {
  const terms = termsOf("Russia's Belt-and-Road talks in 2024 at the G20, 1,500 delegates; O'Neill spoke.", 2);
  assert.equal(terms.get('russia'), 1);
  assert.equal(terms.get('belt-and-road talks'), 1);
  assert.equal(terms.get('g20'), 1);
  assert.equal(terms.get("o'neill"), 1);
  assert.ok(![...terms.keys()].some((t) => /^\d|\d$/.test(t) && t !== 'g20'), `no numbers: ${[...terms.keys()].join(', ')}`);
});

test('tf-idf: count x ln(N / df), terms concentrated in few articles first; a phrase stands for words it accounts for', () => {
  const counter = new KeywordCounter(2);
  counter.add('Grain deal grain deal talks talks.');
  counter.add('Grain deal talks resumed.');
  counter.add('Talks on energy.');
  counter.add('Talks on energy prices.');
  const keys = counter.tfidf(2, 5);
  // grain deal 3 x ln 2; deal talks and energy 2 x ln 2; "grain" and "deal" are covered by "grain deal".
  assert.deepEqual(keys.map((k) => k.term), ['grain deal', 'deal talks', 'energy']);
  assert.equal(keys[0]!.score, Math.round(3 * Math.log(4 / 2) * 1000) / 1000);
  assert.deepEqual([keys[0]!.words, keys[0]!.documents, keys[0]!.count], [2, 2, 3]);
  assert.ok(!keys.some((k) => k.term === 'talks'), 'in every article: left out');
  assert.equal(counter.tfidf(3, 5).length, 0, '--min-docs');
  // Without phrases, the words come back.
  const words = new KeywordCounter(1);
  for (const text of ['Grain deal.', 'Grain deal.', 'Energy.']) words.add(text);
  assert.deepEqual(words.tfidf(2, 5).map((k) => k.term), ['deal', 'grain']);
});

test('a phrase replaces a part only when it holds more than 80% of the part', () => {
  const counter = new KeywordCounter(2);
  for (const text of ['Shanghai cooperation. Trade.', 'Shanghai cooperation. Trade.', 'Shanghai cooperation, cooperation.', 'Cooperation. Trade.', 'Other.']) counter.add(text);
  // "shanghai cooperation" 3 of "cooperation" 5 (60%): both shown; of "shanghai" 3 of 3: shanghai left out.
  const terms = counter.tfidf(2, 10).map((k) => k.term);
  assert.ok(terms.includes('shanghai cooperation') && terms.includes('cooperation'));
  assert.ok(!terms.includes('shanghai'));
});

test('G2: Dunning log-likelihood, zero when the relative frequencies are equal', () => {
  assert.equal(Math.round(logLikelihood(10, 0, 100, 100) * 1000) / 1000, Math.round(20 * Math.log(2) * 1000) / 1000);
  assert.equal(logLikelihood(5, 10, 100, 200), 0);
  assert.ok(logLikelihood(20, 10, 100, 100) > logLikelihood(15, 10, 100, 100));
});

test('keyness: only terms more frequent in the subset, ranked by G2, with a positive log ratio', () => {
  const counter = new KeywordCounter(1);
  counter.add('Sanctions sanctions sanctions on exports.', true);
  counter.add('Sanctions and tariffs on exports.', true);
  counter.add('Exports of grain and exports of oil.');
  counter.add('Grain harvest and grain exports.');
  const keys = counter.keyness(1, 10);
  assert.deepEqual(keys.map((k) => k.term), ['sanctions', 'tariffs']);
  const [sanctions] = keys;
  assert.deepEqual([sanctions!.subsetCount, sanctions!.restCount], [4, 0]);
  // Subset: 7 words (sanctions 4, exports 2, tariffs 1); rest: 8 (exports 3, grain 3, oil, harvest).
  assert.ok(sanctions!.g2! > 0 && sanctions!.score === sanctions!.g2);
  assert.equal(sanctions!.logRatio, Math.round(Math.log2(4 / 7 / (0.5 / 8)) * 1000) / 1000, 'a count of 0 in the rest is taken as 0.5');
  assert.equal(counter.subsetSize, 2);
  const all = new KeywordCounter(1);
  all.add('Sanctions.', true);
  assert.deepEqual(all.keyness(1, 10), [], 'no rest, no comparison');
});

test('an article added for later counts in the subset or the rest as its test says once settled', () => {
  const counter = new KeywordCounter(1);
  let decided = false;
  counter.add('Harbour ferry timetable.', true);
  counter.addLater('Ferry timetable again.', () => decided);
  counter.addLater('Library wing.', () => false);
  counter.add('Library reading room.');
  decided = true;
  counter.settle();
  assert.equal(counter.subsetSize, 2);
  assert.equal(counter.restSize, 2);
  assert.equal(counter.keyness(1, 10).find((k) => k.term === 'ferry')?.subsetCount, 2);
});

test('Chinese, Japanese and Thai text is cut into words by a dictionary, not taken as one run of characters', () => {
  const chinese = termsOf('北京举办国际气候合作论坛，来自多个国家的政府官员和专家出席论坛。', 2);
  assert.equal(chinese.get('论坛'), 2);
  assert.equal(chinese.get('国际 气候'), 1);
  assert.equal(chinese.has('的'), false, 'a stop word is no term');
  assert.equal(termsOf('東京で国際会議が開幕した。', 1).get('会議'), 1);
  assert.equal(termsOf('การประชุมนานาชาติ', 1).get('ประชุม'), 1);
});

test("a text's own stop words stay off its terms' ends where natural's lists have none for its language (Persian)", () => {
  const terms = termsOf('همایش بین\u200cالمللی تغییرات اقلیمی امروز در تهران با حضور وزیران و کارشناسانی از چند کشور آغاز شد و این همایش سه روز ادامه دارد.', 1);
  assert.equal(terms.get('همایش'), 2);
  assert.equal(terms.get('بین\u200cالمللی'), 1);
  assert.equal(terms.has('در'), false);
  assert.equal(terms.has('و'), false);
});
