// Metadata of page dumps, on small made-up pages: the title is the headline, not a byline, a dateline or a quote.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle } from '../../src/clean/index.js';
import { loadData } from '../../src/data.js';
import { copyrightHolder, findTitle, TITLE_FEATURES, titleCandidates } from '../../src/extract/dump-meta.js';
import { extractFromDump, readDump } from '../../src/extract/text-dump.js';
import { JOIN_FEATURES, lineModel } from '../../src/extract/line-model.js';
import { extractArticles } from '../../src/extract/index.js';

const BODY = ['the mayor', 'a council member', 'the parks director', 'a local teacher'].map(
  (who) => `The council heard from ${who}, who said that the plan for the parks would help the families of the city.`,
);

function article(...blocks: string[]) {
  return extractArticles({ file: 'page.txt', content: blocks.join('\n\n'), format: 'text' })[0]!;
}

function title(...blocks: string[]): string | null {
  return article(...blocks).title;
}

test('bylines with a date or a handle, datelines and pull quotes are not the title', () => {
  const headline = 'Council approves new budget for city parks';
  const nav = ['Home', 'World', 'Business', 'Sport'];
  assert.equal(title('The Daily Courier', ...nav, headline, 'Continental Press March 3, 2024, 9:02 AM', ...BODY), headline);
  assert.equal(title('The Daily Courier', ...nav, headline, 'Jane Roe, City Reporter @janeroe', ...BODY), headline);
  assert.equal(title('The Daily Courier', ...nav, headline, '10:15 GMT 3 March 2024 Updated', ...BODY), headline);
  assert.equal(title('The Daily Courier', ...nav, headline, '"We will plant a thousand new trees," the mayor said.', ...BODY), headline);
  // A full stop after an abbreviation can end a headline.
  assert.equal(title('The Daily Courier', ...nav, 'Council wins a parks grant from the U.S.', 'By Jane Roe', ...BODY), 'Council wins a parks grant from the U.S.');
});

test('a page whose only headline-like lines are a byline and a quote has no title rather than a wrong one', () => {
  assert.equal(title('Continental Press March 3, 2024, 9:02 AM', '"We will plant a thousand new trees," the mayor said.', ...BODY), null);
});

test('a short page without blank lines gets its headline as the title, after a section name or a breadcrumb', () => {
  const lines = (...all: string[]) => extractArticles({ file: 'page.txt', content: all.join('\n'), format: 'text' })[0]!;
  const parks = lines('Local news', 'Council approves new budget for city parks', BODY[0]!, BODY[1]!);
  assert.equal(parks.title, 'Council approves new budget for city parks');
  assert.ok(parks.paragraphs.length > 0);
  const ferry = lines(
    'Home > News > Local',
    'Harbour board approves new ferry timetable',
    'The harbour board approved a new ferry timetable on Monday, adding two early crossings on weekdays for commuters.',
    'The changes take effect next month, and the board said it would review the timetable again after the summer.',
  );
  assert.equal(ferry.title, 'Harbour board approves new ferry timetable');
});

test("a photo caption's date is not the article's", () => {
  const caption = 'In this March 1, 2010, file photo, the mayor opens a park in the old town. (AP Photo/Jane Roe, File)';
  const headline = 'Council approves new budget for city parks';
  assert.equal(article('The Daily Courier', headline, caption, ...BODY).published, null);
  assert.equal(article('The Daily Courier', headline, 'March 3, 2024', caption, ...BODY).published, '2024-03-03');
});

test('the site named in a copyright line comes without the sign, the years and what follows', () => {
  assert.equal(copyrightHolder('Copyright © 2005-2019 Acme Media, Inc. All rights reserved.'), 'Acme Media');
  assert.equal(copyrightHolder('© Copyright 2019, The Daily Courier | Terms of Service'), 'The Daily Courier');
  assert.equal(copyrightHolder('© 2019 Courier.com. All rights reserved (About Us).'), 'Courier.com');
  assert.equal(copyrightHolder('© 2000 - 2019 Acme Media (www.acme.example)'), 'Acme Media');
  assert.equal(copyrightHolder('Copyright Acme Media 2018'), 'Acme Media');
  assert.equal(copyrightHolder('© 2019, All rights reserved.'), null);
  assert.equal(copyrightHolder('Copyright © 2002-2019 - Designed by Example Studio'), null);
  assert.equal(copyrightHolder('Acme Media 2019'), null);
  const page = ['The Daily Courier', 'Council approves new budget for city parks', ...BODY, 'Copyright © 2024 Acme Media, Inc. All rights reserved.'];
  assert.equal(article(...page).site, 'Acme Media');
});

test("a byline's contact details and web address are not the author's name, and 'admin' is no author", () => {
  const headline = 'Council approves new budget for city parks';
  const signed = article('The Daily Courier', headline, 'By Jane Roe, Courier.com jane.roe@courier.example (555) 123-4567', ...BODY);
  assert.equal(signed.author, 'Jane Roe');
  assert.equal(signed.source, 'Courier.com');
  assert.equal(article('The Daily Courier', headline, 'By admin', ...BODY).author, null);
});

test('the title is the line that says what the first paragraphs say, not a nearer menu label', () => {
  const headline = 'Council approves new budget for city parks';
  const nav = ['Home', 'World', 'Business', 'Sport'];
  assert.equal(title('The Daily Courier', ...nav, headline, 'Share', 'Toggle main menu', ...BODY), headline);
});

test('a title under a photo caption at the start of the text is found, and the caption is not the title', () => {
  const caption = 'Families walk through the old town park on a sunny afternoon as the council meets to decide its future in the spring.';
  const headline = 'Council approves new budget for city parks';
  const page = article('The Daily Courier', 'Menu', caption, headline, 'Jane Roe', '10:15 03.03.2024', ...BODY);
  assert.equal(page.title, headline);
  assert.equal(page.author, null);
});

test('a row of figures and a list of tags are not titles', () => {
  assert.equal(title('The Daily Courier', 'Council approves new budget for city parks', 'Northside 14 11 6 15 — 44', ...BODY), 'Council approves new budget for city parks');
  assert.equal(title('Menu', 'Tags City Council Parks Budget', ...BODY), null);
});

test('a lone paragraph between the headline and the body (a photo caption) does not hide the headline', () => {
  const headline = 'Council approves new budget for city parks';
  const caption = 'Families walk through the old town park on a sunny afternoon as the council meets to decide its future.';
  const buttons = ['Facebook', 'Twitter', 'Email', 'Print', 'Copy link', 'Show more sharing options', 'Share', 'Close'];
  assert.equal(title('The Daily Courier', headline, caption, ...buttons, 'Share this article', ...buttons, ...BODY), headline);
});

test('a headline can start with a bracketed label', () => {
  const headline = '[Photos] Council approves new budget for city parks';
  assert.equal(title('Menu', headline, 'March 3, 2024 / 0 Comments / in City News / by Jane Roe', ...BODY), headline);
});

test("extraction sets the body's language, and cleaning keeps it", () => {
  const german = ['der Bürgermeister', 'eine Lehrerin', 'der Leiter der Parks'].map(
    (who) => `Im Rat sprach auch ${who}, und es hieß, dass der Plan für die Parks den Familien der Stadt helfen werde.`,
  );
  const english = article('Council approves new budget for city parks', ...BODY);
  const deutsch = article('Rat beschließt neuen Haushalt für die Parks der Stadt', ...german);
  assert.equal(english.language, 'en');
  assert.equal(deutsch.language, 'de');
  assert.equal(cleanArticle(deutsch).language, 'de');
  assert.equal(article('Home', 'News').language, 'und');
});

test('the published date is read in the page\'s language, near the headline, not from an embedded post or a comment', () => {
  const german = ['der Bürgermeister', 'eine Lehrerin', 'der Leiter der Parks', 'ein Vater'].map(
    (who) => `Im Rat sprach auch ${who}, und es hieß, dass der Plan für die Parks den Familien der Stadt helfen werde.`,
  );
  const page = (...around: string[][]) => article('Der Stadtbote', 'Start', 'Politik', ...around[0]!, ...german, ...around[1]!);
  assert.equal(page(['Rat beschließt neuen Haushalt für die Parks', '16. Oktober 2019 um 15:05 Uhr'], []).published, '2019-10-16T15:05:00');
  assert.equal(page(['Rat beschließt neuen Haushalt für die Parks', 'Veröffentlicht am 16.10.2019'], ['— Jane Roe (@janeroe) 14. Oktober 2019', 'Kommentare', '18. Oktober 2019 um 09:12 Uhr']).published, '2019-10-16');
});

test('a headline over a standfirst is the title, and a one-word menu item above it is not', () => {
  const headline = 'Council approves new budget for city parks';
  const standfirst = 'Three new playgrounds and longer opening hours are planned for next year';
  const menu = ['Home', 'News', 'Sport', 'Weather'].map((item) => `• ${item}`).join('\n');
  assert.equal(title('The Daily Courier', menu, headline, standfirst, ...BODY), headline);
});

test("a title candidate's share of content words the first paragraphs have: a word inside a longer one counts, stop words do not", () => {
  const lines = ['Council plans parks for families', 'Councilcity parkcity', 'About them', 'Toggle main menu', 'Council Izmir parks', 'Council İzmir parks'];
  const dump = readDump({ file: 'page.txt', content: ['The Daily Courier', ...lines, ...BODY].join('\n\n'), format: 'text' })!;
  const candidates = titleCandidates(dump.lines, dump.main, null, new Set());
  const feature = (text: string, name: string) => candidates.find((c) => c.line.text === text)!.features[TITLE_FEATURES.indexOf(name)];
  // council, parks and families are in the lead ("parks" also as "park"); "plans" is not ("plan for").
  assert.equal(feature(lines[0]!, 'sharedWithLead'), 0.75);
  // Both words begin and end with pieces of the lead's words but are not in it.
  assert.equal(feature(lines[1]!, 'sharesNothing'), 1);
  assert.equal(feature(lines[2]!, 'noContentWords'), 1);
  assert.equal(feature(lines[3]!, 'sharesNothing'), 1);
  // İ lower-cases to two characters: the words are read off the line's key, and count the same.
  assert.equal(feature(lines[4]!, 'sharedWithLead'), 2 / 3);
  assert.equal(feature(lines[5]!, 'sharedWithLead'), 2 / 3);
});

test('a headline after a breadcrumb on its line is the title without the breadcrumb', () => {
  const headline = 'Council approves new budget for city parks';
  assert.equal(title('The Daily Courier', `Home / City / ${headline}`, 'By Jane Roe', ...BODY), headline);
  assert.equal(title('The Daily Courier', `Home » City » ${headline}`, 'By Jane Roe', ...BODY), headline);
});

test('a headline may end in a full stop, and a standfirst sentence under a headline is not the title', () => {
  assert.equal(title('The Daily Courier', 'Home', 'World', 'Why the council wants more parks in the city.', ...BODY), 'Why the council wants more parks in the city.');
  const headline = 'Council approves new budget for city parks';
  assert.equal(title('The Daily Courier', 'Home', 'World', headline, 'The families of the city will get more parks, the council said.', ...BODY), headline);
});

test("a kicker printed on the headline's line without a separator is cut off when the page prints the headline alone elsewhere", () => {
  const headline = 'Council approves new budget for city parks';
  const page = ['The Daily Courier', `Home / City / ${headline}`, `City Hall ${headline}`, ...BODY];
  const dump = readDump({ file: 'page.txt', content: page.join('\n\n'), format: 'text' })!;
  const candidates = titleCandidates(dump.lines, dump.main, null, new Set());
  const echo = candidates.find((c) => c.line.text.startsWith('City Hall') && c.text === headline);
  assert.ok(echo, 'the end of the kicker line is a candidate');
  assert.equal(echo.features[TITLE_FEATURES.indexOf('cutAtEcho')], 1);
  assert.ok(echo.features[TITLE_FEATURES.indexOf('echoes')]! > 0);
  assert.equal(title(...page), headline);
});

test("a line's ends after its separators are candidates with features of their own: the line's, but for their words and the cut", () => {
  const headline = 'Council approves new budget for city parks';
  const dump = readDump({ file: 'page.txt', content: ['The Daily Courier', `Home / City / ${headline}`, ...BODY].join('\n\n'), format: 'text' })!;
  const candidates = titleCandidates(dump.lines, dump.main, null, new Set());
  const line = candidates.find((c) => c.text === `Home / City / ${headline}`)!;
  const tails = candidates.filter((c) => c.line === line.line && c !== line);
  assert.deepEqual(tails.map((c) => c.text), [`City / ${headline}`, headline]);
  const differing = new Set(['logWords', 'fewWords', 'capitalStart', 'separator', 'pathLike', 'commas', 'tail', 'wordsCut', 'cutAtColon', 'cutInPath', 'cutAtEcho', 'echoes', 'sharedWithLead', 'sharedWithBody', 'sharesNothing', 'noContentWords']);
  for (const tail of tails) {
    assert.notEqual(tail.features, line.features);
    TITLE_FEATURES.forEach((name, k) => differing.has(name) || assert.equal(tail.features[k], line.features[k], name));
  }
  const at = (name: string) => TITLE_FEATURES.indexOf(name);
  assert.deepEqual([at('tail'), at('logWords'), at('wordsCut'), at('pathLike')].map((k) => tails[1]!.features[k]), [1, Math.log1p(7), Math.log1p(2), 0]);
  assert.equal(line.features[at('tail')], 0);
  assert.equal(tails[0]!.features[at('pathLike')], 1);
});

test('a candidate starts with a capital when its first character is an upper-case letter, a digit, a quote or a bracket, in any script', () => {
  const starts = { 'Council plans more parks': 1, 'council plans more parks': 0, '"Parks" plan for the city': 1, '[Update] Parks plan approved': 1, '(Update) Parks plan approved': 0, 'Ärger über neue Parks': 1, 'élan for new parks': 0, '«Parcs» pour la ville': 1 };
  const dump = readDump({ file: 'page.txt', content: ['The Daily Courier', ...Object.keys(starts), ...BODY].join('\n\n'), format: 'text' })!;
  const candidates = titleCandidates(dump.lines, dump.main, null, new Set());
  for (const [text, expected] of Object.entries(starts)) {
    assert.equal(candidates.find((c) => c.text === text)?.features[TITLE_FEATURES.indexOf('capitalStart')], expected, text);
  }
});

test('bylines, tag lists and web addresses in any case, and pull quotes ending in a curly quote, are not title candidates', () => {
  const headline = 'Council approves new budget for city parks';
  const others = ['BY JANE ROE AND JOHN ROE', 'TAGS City Council Parks Budget', 'Keywords city council parks budget', 'WWW.DAILYCOURIER.EXAMPLE/CITY/', 'The mayor put it plainly: “We will plant more trees.”'];
  const dump = readDump({ file: 'page.txt', content: ['The Daily Courier', ...others, headline, ...BODY].join('\n\n'), format: 'text' })!;
  const texts = titleCandidates(dump.lines, dump.main, null, new Set()).map((c) => c.line.text);
  assert.ok(texts.includes(headline));
  for (const other of others) assert.ok(!texts.includes(other), other);
});

test('a line that is only a web address is not the title', () => {
  assert.equal(title('The Daily Courier', 'www.dailycourier.example/city/', ...BODY), null);
});

test('the title ranker, which finds costly features only for candidates that can still win, picks what scoring every candidate in full picks', () => {
  const { weights, threshold } = loadData<{ weights: number[]; threshold: number }>('title-model.json');
  const headline = 'Council approves new budget for city parks';
  const pages = [
    ['The Daily Courier', 'Home', 'News', headline, 'Three new playgrounds and longer opening hours are planned for next year', ...BODY],
    ['The Daily Courier', `Home / City / ${headline}`, `City Hall ${headline}`, 'By Jane Roe', ...BODY],
    ['The Daily Courier', 'Parks: budget', `Parks: ${headline}`, 'March 3, 2024', ...BODY, 'Related', 'Council plans more parks', 'About us'],
    ['Continental Press March 3, 2024, 9:02 AM', '"We will plant a thousand new trees," the mayor said.', ...BODY],
  ];
  for (const page of pages) {
    const dump = readDump({ file: 'page.txt', content: page.join('\n\n'), format: 'text' })!;
    // The best score at or above the threshold, the last candidate on a tie.
    let expected: string | null = null;
    let best = threshold;
    for (const candidate of titleCandidates(dump.lines, dump.main, null, new Set())) {
      // A whole line's feature slots are written out as a literal: one per TITLE_FEATURES name, none more.
      assert.equal(candidate.features.length, TITLE_FEATURES.length);
      let score = 0;
      for (let k = 0; k < weights.length; k++) score += weights[k]! * candidate.features[k]!;
      if (score >= best) [expected, best] = [candidate.text, score];
    }
    assert.equal(findTitle(dump.lines, dump.main, null, new Set())?.text ?? null, expected);
  }
});

test('a block joined above the article does not move its date: the date is looked for around the segment the ranker chose', () => {
  const teaser = ['Library extends its opening hours', 'Posted 12 January 2021', 'The library will open on Sundays from next month, the board said after a vote that took most of the evening.', 'The board said that the longer hours would cost little and that readers had asked for them for years.'];
  const menu = ['Home', 'World', 'Business', 'Sport', 'Weather'];
  // Six paragraphs: with the four of BODY alone the ranker takes the teaser for the article (so there is no join above it).
  const more = ['The council also voted to plant new trees along the river, which the parks director said would take two years.', 'Residents who spoke at the meeting said they hoped the new playgrounds would open before the summer holidays.'];
  const page = { file: 'page.txt', content: ['The Daily Courier', ...teaser, ...menu, 'Council approves new budget for city parks', 'By Jane Roe | March 3, 2024', ...BODY, ...more].join('\n\n'), format: 'text' as const };
  // A join model of its bias alone: it joins every neighbour (the teaser above the article) or none.
  const joining = (bias: number) => ({ ...lineModel(), joinWeights: JOIN_FEATURES.map((f) => (f === 'bias' ? bias : 0)) });
  const joined = readDump(page, joining(100))!;
  assert.ok(joined.main.first < joined.ranked.first, 'the teaser is joined to the article');
  for (const bias of [100, -100]) assert.equal(extractFromDump(page, { allArticles: false, lineModel: joining(bias) })[0]!.published, '2024-03-03');
});

test('Chinese and Japanese headlines are found: their words are told by pairs of characters, and no case is no capitals', () => {
  const chinese = ['首页 | 新闻 | 财经 | 国际 | 体育', '北京举办国际气候合作论坛', '2024年03月12日 10:30',
    '国际气候合作论坛12日在北京开幕，来自多个国家的政府官员和专家出席论坛。与会代表围绕减排目标、绿色金融和技术合作等议题进行了交流。',
    '论坛组织方表示，本届论坛为期三天，共有三百余名代表参加。开幕式上，多国代表介绍了本国在可再生能源领域的进展。'];
  assert.equal(title(...chinese), '北京举办国际气候合作论坛');
  const japanese = ['ニュース  政治  経済  国際  スポーツ', '東京で気候変動に関する国際会議が開幕', '2024年3月12日 10時30分',
    '東京で12日、気候変動対策をめぐる国際会議が開幕し、アジア各国の閣僚や専門家が参加した。会議は3日間の日程で、温室効果ガスの削減目標や資金支援の在り方について議論する。',
    '主催者によると、今回の会議には20か国以上から約300人が出席している。初日は各国の取り組みが報告され、再生可能エネルギーの導入拡大が主な話題となった。'];
  assert.equal(title(...japanese), '東京で気候変動に関する国際会議が開幕');
});

test('a date printed in Persian or Devanagari digits is the article date', () => {
  const persian = ['خانه  اخبار  اقتصاد  ورزش', 'برگزاری همایش بین‌المللی اقلیم در تهران', '۱۲ مارس ۲۰۲۴',
    'همایش بین‌المللی تغییرات اقلیمی امروز در تهران با حضور وزیران و کارشناسانی از چند کشور آغاز شد. این همایش سه روز ادامه دارد و شرکت‌کنندگان درباره اهداف کاهش انتشار گازهای گلخانه‌ای گفتگو می‌کنند.',
    'برگزارکنندگان گفتند که بیش از سیصد نفر در این همایش شرکت کرده‌اند و بیانیه پایانی در روز آخر منتشر خواهد شد.'];
  assert.equal(article(...persian).published, '2024-03-12');
  const hindi = ['होम  समाचार  व्यापार  खेल', 'दिल्ली में जलवायु पर अंतरराष्ट्रीय सम्मेलन शुरू', '१२ मार्च २०२४',
    'दिल्ली में मंगलवार को जलवायु परिवर्तन पर एक अंतरराष्ट्रीय सम्मेलन शुरू हुआ, जिसमें कई देशों के मंत्री और विशेषज्ञ भाग ले रहे हैं।',
    'आयोजकों ने बताया कि सम्मेलन में तीन सौ से अधिक लोग भाग ले रहे हैं और अंतिम दिन एक संयुक्त बयान जारी किया जाएगा।'];
  assert.equal(article(...hindi).published, '2024-03-12');
});

test('bylines in other languages: a word or label before the name, or a word after it (Korean)', () => {
  const headline = 'Council approves new budget for city parks';
  const author = (byline: string) => article('The Daily Courier', headline, byline, ...BODY).author;
  assert.equal(author('Por María García | 12 de marzo de 2024'), 'María García');
  assert.equal(author('Von Anna Schmidt und Peter Müller'), 'Anna Schmidt, Peter Müller');
  assert.equal(author('di Mario Rossi'), 'Mario Rossi');
  assert.equal(author('Autor: Jan Kowalski'), 'Jan Kowalski');
  assert.equal(author('김민수 기자 kim@news.example'), '김민수');
  // The stop word a date leaves after the name is not part of it.
  assert.equal(author('Von Jule Radeck Vom 3. Februar 2022'), 'Jule Radeck');
  // A German noun after "Von", and a gendered plural after "Autor:", are no names.
  assert.equal(author('Von Sprachregeln, Gender-Politik und Sprache'), null);
  assert.equal(author('Autor:innen der Studie'), null);
});
