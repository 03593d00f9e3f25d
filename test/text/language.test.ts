// Language guesses and how sure they are: sure on a paragraph, unsure on a few words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guessLanguage } from '../../src/text/language.js';

test('a paragraph of German is German, and the guess is sure', () => {
  const guess = guessLanguage('Der Minister sagte am Montag, dass die Gespräche mit den Nachbarn über den Handel und die Grenze noch nicht beendet sind, aber dass er auf eine Einigung im Sommer hofft.');
  assert.equal(guess.code, 'de');
  assert.ok(guess.confidence > 0.95, String(guess.confidence));
});

test('a short sentence of names and a few function words is an unsure guess', () => {
  const guess = guessLanguage('Lavrov met Wang Yi in Beijing.');
  assert.ok(guess.confidence < 0.5, JSON.stringify(guess));
});

test('too few words to tell: und, with no confidence', () => {
  assert.deepEqual(guessLanguage('Talks resume.'), { code: 'und', confidence: 0 });
});

test('two sentences of Japanese or Chinese are enough to tell, though they hold few runs of letters', () => {
  // More Han characters than kana: Japanese all the same.
  assert.deepEqual(guessLanguage('東京で会議が開かれ、各国の代表が参加した。会議では経済協力について議論が行われた。'), { code: 'ja', confidence: 1 });
  assert.equal(guessLanguage('北京举行了会议，各国代表出席。会议讨论了经济合作。').code, 'zh');
  assert.equal(guessLanguage('会议开始。').code, 'und');
});

test('languages that share a script are told by their stop words (Persian and Urdu from Arabic, Marathi from Hindi); more scripts tell theirs', () => {
  const cases: Array<[string, string]> = [
    ['fa', 'همایش بین‌المللی تغییرات اقلیمی امروز در تهران با حضور وزیران و کارشناسانی از چند کشور آغاز شد و سه روز ادامه دارد.'],
    ['ur', 'پاکستان کے وزیر اعظم نے منگل کو کہا کہ حکومت معیشت کو بہتر بنانے کے لیے نئے اقدامات کرے گی۔'],
    ['ar', 'قال الرئيس إن الحكومة ستعمل على تحسين الاقتصاد في العام المقبل وإن المحادثات مستمرة.'],
    ['mr', 'मुंबईत मंगळवारी हवामान बदलावर आंतरराष्ट्रीय परिषद सुरू झाली असून त्यात अनेक देशांचे मंत्री सहभागी झाले आहेत.'],
    ['hi', 'प्रधानमंत्री ने कहा कि सरकार अगले साल अर्थव्यवस्था को बेहतर बनाने के लिए काम करेगी।'],
    ['bn', 'ঢাকায় মঙ্গলবার জলবায়ু পরিবর্তন নিয়ে একটি আন্তর্জাতিক সম্মেলন শুরু হয়েছে, যেখানে বিভিন্ন দেশের মন্ত্রীরা অংশ নিচ্ছেন।'],
    ['ta', 'சென்னையில் செவ்வாய்க்கிழமை காலநிலை மாற்றம் குறித்த சர்வதேச மாநாடு தொடங்கியது என்று அதிகாரிகள் தெரிவித்தனர்.'],
  ];
  for (const [code, text] of cases) assert.equal(guessLanguage(text).code, code, text);
});

test('Ukrainian is not Russian: the letters only one of them writes decide where their stop words do not', () => {
  assert.equal(guessLanguage('У Києві у вівторок розпочалася міжнародна конференція з питань зміни клімату, в якій беруть участь міністри та експерти з кількох країн.').code, 'uk');
  assert.equal(guessLanguage('В Москве во вторник открылась международная конференция по вопросам изменения климата, в которой участвуют министры и эксперты из нескольких стран.').code, 'ru');
});

test('a word repeated down a results table counts once: an English table is not taken for Dutch', () => {
  const rows = ['Jane Roe', 'Mary Major', 'Ann Smith', 'Lisa Stone', 'Rosa Vale', 'Eva Moss', 'Ida Crane', 'Una Hale']
    .map((name, i) => `Men 's 400 metres heat ${i + 1}: ${name} ( Utopia ) 51.${i}2 seconds`);
  const table = `Results at the spring meeting on Sunday :\n${rows.join('\n')}`;
  assert.equal(guessLanguage(table).code, 'en', JSON.stringify(guessLanguage(table)));
});

test('texts read by the Latin scan get the guess the regexes give them', () => {
  const texts = [
    'Die Regierung hat am Montag gesagt, dass sie die neuen Regeln für den Handel über die Grenze nicht vor dem Sommer einführen wird.',
    'It’s what they’ve said about the plan, and it’s not what we’d been told at the meeting.',
    "It's what they've said about the plan, and it's not what we'd been told at the meeting.",
    'Le ministre a dit qu’il n’y aura pas d’accord avant l’été, et que les discussions continuent.',
  ];
  for (const text of texts) {
    // One letter past Latin Extended sends the text to the regexes; the one word it adds covers no list, as "logos" does.
    assert.deepEqual(guessLanguage(`${text} logos`), guessLanguage(`${text} λόγος`), text);
  }
});

test("a language only stopwords-iso has a list for is told when natural's lists cover too little of the text", () => {
  const finnish = 'Kaupungin valtuusto kokoontui maanantaina, ja se päätti, että puiston kunnostus alkaa keväällä. Hankkeen kustannukset ovat noin miljoona euroa, mutta osa rahoituksesta tulee valtiolta.';
  const guess = guessLanguage(finnish);
  assert.equal(guess.code, 'fi');
  assert.ok(guess.confidence > 0.9, String(guess.confidence));
  assert.deepEqual(guessLanguage(`${finnish} logos`), guessLanguage(`${finnish} λόγος`));
});
