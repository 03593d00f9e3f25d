// The line scan counts words and makes keys in one pass: it must count and key as the regexes that define them do.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { boilerplate } from '../../src/extract/boilerplate.js';
import { scoreLines } from '../../src/extract/dump-body.js';
import { lineKey, lineWords, toLines } from '../../src/extract/lines.js';
import { codeUnits } from '../../src/text/chars.js';
import { countWords, keyOf } from '../../src/text/words.js';
import { SAMPLES } from '../helpers.js';

/** A letter or digit, or a mark of a letter (not a variation selector or a mark for symbols). */
const L = '(?:[\\p{L}\\p{N}]|(?![\\uFE00-\\uFE0F\\u20D0-\\u20FF])\\p{M})';
/** A word of a line, as the extractor defines it: matched in the lower-cased line. */
const WORD = new RegExp(`${L}(?:${L}|['’-])*`, 'gu');
/** A word of a record: a Han or kana character, or a run of other letters and digits (joined by ' ’ . or -). */
const CJ = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]';
const RECORD_WORD = new RegExp(`${CJ}|(?:(?!${CJ})${L})+(?:['’.-](?:(?!${CJ})${L})+)*`, 'gu');
/** Decimal digits in a row: ASCII, Arabic-Indic, Persian, Devanagari, Bengali, full width. */
const DIGITS = /[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]+/g;
/** A line's key: its words, lower-cased, between single spaces. */
const key = (text: string) => text.toLowerCase().replace(new RegExp(`(?:(?!${L})[^])+`, 'gu'), ' ').trim();

const tricky = [
  "Don’t stop: it's the U.S.-led talks' end-game", 'İSTANBUL — Σ ΟΔΟΣ.Α and σοφία', 'Emoji 😀 and 𝐀𝐁𝐂 letters', 'KELVIN K and ſ',
  'a--b a- -a .5 1.5 x..y', '  • Item one', '1. First point', '— dash quote', 'ＦＵＬＬ width', 'Ǆemal ǅ ǆ',
  'Posted 2024-07-26 at 9:05', 'Room 12a, 16.10.2019 and 123456', '😀 Updated 16.10.2019',
  'दिल्ली में मंगलवार को जलवायु', 'আমি বাংলায় গান গাই', 'Prête\u0302 cafe\u0301 ⤵️ 1️⃣ أَحْبَبْتُكَ', '۱۲ مارس ۲۰۲۴', '१२ मार्च २०२४ at 10:30',
];
/** Lines in scripts written without spaces, whose line words are counted otherwise (cjkWords). */
const unspaced = ['2024年3月12日、iPhone発売。コンピューターの-test', '漢-abc abc-漢 abc.漢字x', 'ภาษาไทย ไม่มีช่องว่าง 中文', '한국어 문장과 漢字'];

test('words, record words and keys are what the regexes make of each line', () => {
  const pages = [...fs.readdirSync(SAMPLES).map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8')), tricky.join('\n'), tricky.join('\r\n\r\n')];
  for (const page of pages) {
    for (const line of toLines(page)) {
      assert.equal(line.words, (line.text.toLowerCase().match(WORD) ?? []).length, line.text);
      assert.equal(line.recordWords, (line.text.match(RECORD_WORD) ?? []).length, line.text);
      assert.equal(lineKey(line), key(line.text), line.text);
      assert.equal(line.digitRun, Math.max(0, ...(line.text.match(DIGITS) ?? []).map((run) => run.length)), line.text);
    }
  }
});

test('a line’s phrases are those the phrase finder finds in its text, wherever they stand', () => {
  const { phrases } = boilerplate();
  const withPhrases = [
    'Read more: officials said, AFP', '© 2024 Getty Images/AP Photo', 'Comments (12)', 'Photo: Jane Roe/Reuters', 'SAID,said;Said',
    'Click here to subscribe to our newsletter', 'x[1] (button) see also', 'Cookie policy — cookies', 'epa', 'afp', '“Related” tags',
    'Share this: Email Twitter', 'Watch: the video', 'copyright©2024', '12comments', 'İSTANBUL (Reuters) said', 'see 😀 more',
  ];
  const pages = [...fs.readdirSync(SAMPLES).map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8')), [...tricky, ...withPhrases].join('\n')];
  let found = 0;
  for (const page of pages) {
    for (const line of toLines(page)) {
      assert.equal(line.phrases, phrases.bitsIn(codeUnits(line.text), 0, line.text.length), line.text);
      if (line.phrases !== 0) found++;
    }
  }
  assert.ok(found >= withPhrases.length, `${found} lines with phrases`);
});

test('stop-word density is the share of the page language’s stop words', () => {
  const [line] = toLines('The cat and the dog sat on a mat in the sun.');
  assert.equal(line!.words, 12);
  assert.equal(line!.stopDensity, 7 / 12); // the, and, the, on, a, in, the
});

test('lines whose keys are equal are repeats, whichever way their keys were made', () => {
  // The emoji (a surrogate pair) sends the first line to the regexes; the others are scanned.
  const lines = toLines('Hello, World! 😀\n\nhello world\n\nHELLO—WORLD\n\nhello worlds');
  assert.deepEqual(scoreLines(lines).map((l) => l.repeats), [3, 3, 3, 1]);
  assert.equal(keyOf('Hello, World! 😀'), 'hello world');
});

test('record words count each Han and kana character as a word, in the scan as in countWords', () => {
  for (const line of toLines(unspaced.join('\n\n'))) assert.equal(line.recordWords, (line.text.match(RECORD_WORD) ?? []).length, line.text);
  assert.equal(countWords('2024年3月12日、iPhone発売'), 9); // 2024 年 3 月 12 日 iPhone 発 売
  assert.equal(countWords('ภาษาไทย 中文'), 3);
});

test('a word is not cut at the marks of its letters (Hindi vowel signs, Arabic harakat, a decomposed accent), nor is an emoji a word', () => {
  assert.equal(countWords('दिल्ली में मंगलवार को जलवायु'), 5);
  assert.equal(countWords('أَحْبَبْتُكَ كثيرا'), 2);
  assert.equal(countWords('Prête\u0302 ⤵️ 1️⃣'), 2);
  assert.equal(keyOf('दिल्ली में!'), 'दिल्ली में');
  assert.equal(toLines('दिल्ली में मंगलवार को जलवायु')[0]!.words, 5);
});

test('record words count as the regex does, a surrogate pair as one character', () => {
  for (const text of [...tricky, ...unspaced, 'x😀y', '𝐀-𝐁', 'é-ü', 'a\u0301b', '\ud800a', 'a\udc00b', '', '𠀋𠀋x-𠀋']) {
    assert.equal(countWords(text), (text.match(RECORD_WORD) ?? []).length, text);
  }
});

test('lines in languages natural has no stop words for (Finnish, Turkish) still have a stop-word density', () => {
  const finnish = toLines('Hallitus kertoi, että se on jo sopinut asiasta ja että uusi laki tulee voimaan ensi vuonna.\n');
  const turkish = toLines('Belediye meclisi bu hafta yeni bütçeyi kabul etti ve parklar için daha fazla para ayırdı.\n');
  assert.ok(finnish[0]!.stopDensity > 0.15, `Finnish ${finnish[0]!.stopDensity}`);
  assert.ok(turkish[0]!.stopDensity > 0.1, `Turkish ${turkish[0]!.stopDensity}`);
});

test('a page in a language no stop-word list covers is not all furniture, even with a menu in English: its lines get a neutral density', () => {
  const words = 'zxorbal krvemin tqsavu drqemo kzalvis tworem qwinta szalvar dxemto rvunel pqesko'.split(' ');
  // Distinct made-up sentences (the words rotated), under a menu in English: too few words to take the page for English.
  const paragraphs = [0, 1, 2, 3, 4, 5].map((k) => `${[...words.slice(k), ...words.slice(0, k)].join(' ')}.`);
  const page = ['Menu for the site', ...paragraphs, 'Mxarvo tzulen gwressa.'].join('\n\n');
  const lines = toLines(page);
  assert.ok(lines.every((l) => l.stopDensity > 0.15));
  assert.ok(scoreLines(lines).some((l) => l.kind === 'good'));
});

test('the danda and the Arabic question mark end sentences, before right-to-left marks too', () => {
  const lines = toLines('नगर परिषद ने इस सप्ताह पार्कों के लिए नया बजट मंजूर किया।\nهل وافق المجلس على الميزانية؟\nوافق المجلس على الميزانية.\u200F\n\u202Bהמועצה אישרה את התקציב.\u202C\nوافق المجلس على\u200F\n');
  assert.deepEqual(lines.map((l) => l.sentenceEnd), [true, true, true, true, false]);
});

test('Chinese lines in simplified and traditional characters read as text by their function characters; a menu does not', () => {
  const traditional = '市議會本週通過了新的預算，將為公園和圖書館增加經費，並會在明年春天開始施工。';
  const simplified = '市议会本周通过了新的预算，将为公园和图书馆增加经费，并会在明年春天开始施工。';
  const menu = '首頁 新聞 體育 財經 科技 娛樂 旅遊 汽車 房產 教育 健康 天氣';
  const [t, s, m] = toLines([traditional, simplified, menu].join('\n\n'));
  assert.equal(t!.stopDensity, s!.stopDensity);
  assert.ok(t!.stopDensity >= 0.15, `traditional ${t!.stopDensity}`);
  assert.ok(m!.stopDensity < 0.15, `menu ${m!.stopDensity}`);
  assert.ok(t!.sentenceEnd && !m!.sentenceEnd);
});

test('Korean lines read as text by their particles and endings; a menu of nouns does not', () => {
  const text = '시의회는 이번 주에 공원과 도서관에 더 많은 예산을 배정하는 새 예산안을 통과시켰으며, 공사는 내년 봄에 시작될 예정이다.';
  const menu = '뉴스 정치 경제 사회 국제 문화 스포츠 연예 날씨 오피니언 사진 영상';
  const lines = toLines([text, text.replace('내년 봄에', '올해 가을에'), text.replace('이번 주에', '지난달에'), menu].join('\n\n'));
  assert.ok(lines[0]!.stopDensity >= 0.5, `text ${lines[0]!.stopDensity}`);
  assert.ok(lines[3]!.stopDensity < 0.15, `menu ${lines[3]!.stopDensity}`);
  assert.deepEqual(scoreLines(lines).map((l) => l.kind), ['good', 'good', 'good', 'neargood']);
  // An emoji sends the line to the regexes, which measure it the same.
  assert.equal(toLines(`${text} 😀`)[0]!.stopDensity, lines[0]!.stopDensity);
});

test('a page’s word buckets stay its own while other pages are read after it, also pages too long for one store', () => {
  const first = toLines('Sign up for the newsletter\n\nThe talks went on for a second day');
  const before = first.map((line) => [...lineWords(line)]);
  // Enough pages to fill the bucket stores several times over, and one longer than a store.
  for (let k = 0; k < 300; k++) toLines(`Other page ${k}\n\n${'word '.repeat(1000)}`);
  const long = toLines('word '.repeat(100_000));
  assert.equal(lineWords(long[0]!).length, 100_000);
  assert.deepEqual(first.map((line) => [...lineWords(line)]), before);
  assert.equal(before[0]!.length, 5);
});
