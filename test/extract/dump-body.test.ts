// Body rules for page dumps, each on a small made-up page: what stays in the article and what goes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticles } from '../../src/extract/index.js';
import { bodyLines, segmentTraits } from '../../src/extract/dump-body.js';
import { toLines } from '../../src/extract/lines.js';
import { readDump } from '../../src/extract/text-dump.js';

const HEADER = ['The Daily Courier', 'Home | World | Business | Sport', 'Council approves new budget for city parks', 'By Jane Roe | March 3, 2024'];
const SPEAKERS = ['the mayor', 'a council member', 'the parks director', 'a local teacher', 'the city treasurer', 'a resident of the old town', 'the head of the school board', 'a shop owner', 'the police chief', 'a retired nurse'];

/** Distinct paragraphs of plain news text. */
function paragraphs(from: number, to: number): string[] {
  return SPEAKERS.slice(from, to).map((who) => `The council heard from ${who}, who said that the plan for the parks would help the families of the city.`);
}

/** A dump: blocks separated by blank lines. */
function dump(...blocks: string[]): string {
  return blocks.join('\n\n');
}

function body(content: string): string {
  return extractArticles({ file: 'page.txt', content, format: 'text' })[0]!.paragraphs.join('\n');
}

test("an author's bio under 'About <name>' is not body; a company's 'About' paragraph is", () => {
  const bio = 'Jane Roe is a reporter who has written about the city council and local politics for the paper since 2015.';
  const text = body(dump(...HEADER, ...paragraphs(0, 5), 'About Jane Roe', bio));
  assert.ok(text.includes(SPEAKERS[4]!));
  assert.ok(!text.includes('Jane Roe is a reporter'));
  const company = 'Acme Holdings is a company that builds playgrounds and parks for the cities of the region and abroad.';
  assert.ok(body(dump(...HEADER, ...paragraphs(0, 5), 'About Acme Holdings', company)).includes(company));
});

test('an article saved without blank lines between its paragraphs keeps its body', () => {
  // Two header lines in one block with two paragraphs: a block of lines most of which end no sentence reads as a list.
  const content = ['Local news', HEADER[2]!, ...paragraphs(0, 2)].join('\n');
  assert.equal(body(content), paragraphs(0, 2).join('\n'));
});

test('a standfirst above the byline is header, not body, and the title stays', () => {
  const standfirst = 'The money will go to playgrounds and trees, the mayor said after a long debate on Tuesday.';
  const content = dump(HEADER[0]!, HEADER[2]!, standfirst, HEADER[3]!, ...paragraphs(0, 4));
  const [article] = extractArticles({ file: 'page.txt', content, format: 'text' });
  assert.equal(article!.title, HEADER[2]);
  assert.ok(!article!.text.includes(standfirst));
  assert.ok(article!.text.includes(SPEAKERS[0]!));
});

test('emoji after the full stop still end a sentence', () => {
  const [soon, bare] = toLines('We hope to see you soon! 🙂\nRead the whole story here 🙂');
  assert.equal(soon!.sentenceEnd, true);
  assert.equal(bare!.sentenceEnd, false);
});

test('the article goes on after a "Most read" box in its middle, but not after "Comments"', () => {
  const box = ['Most read in world news', 'Storm closes schools across the north', 'Singer cancels tour after illness', 'Prices of homes fall for a third month'];
  const text = body(dump(...HEADER, ...paragraphs(0, 4), ...box, ...paragraphs(4, 8)));
  assert.ok(text.includes(SPEAKERS[0]!) && text.includes(SPEAKERS[7]!));
  assert.ok(!text.includes('Singer cancels tour'));
  const comments = ['Comments', 'I think that the council has made the right choice for all of the families here.', 'The money should have been spent on the roads, which are in a very bad state.', 'We have been waiting for new playgrounds in our part of the town for many years.'];
  assert.ok(!body(dump(...HEADER, ...paragraphs(0, 4), ...comments)).includes('right choice'));
});

test('a "Related" box weighs one block: the footer text after it and a few more boxes stays out', () => {
  const related = ['Related Articles', ...['Why parks matter', 'Park budgets', 'New trees', 'Old roads', 'School news', 'Town hall', 'River walk', 'Bike lanes']];
  const boxes = ['Follow us on Facebook and Twitter', 'Sign up for our newsletter today', 'Privacy Policy | Terms of Use | Cookie Policy'];
  const footer = [
    'The information provided on this website is for general purposes only and may change without any notice to readers.',
    'Results may vary from one reader to the next, and the offers shown on the site are not available in every country.',
    'The trademarks that are named on these pages are the property of their owners and are used here with their permission.',
  ];
  const text = body(dump(...HEADER, ...paragraphs(0, 6), ...related, ...boxes, ...footer));
  assert.ok(text.includes(SPEAKERS[5]!));
  assert.ok(!text.includes('general purposes'));
});

test('a list that follows text is body; lists of links to other stories are not', () => {
  const lead = 'The plan has three parts, and each of them will be paid for from the new budget of the parks department.';
  const list = ['  • repair the playgrounds in the older districts', '  • plant more trees along the main roads', '  • open two new parks near the river'].join('\n');
  const more = ['More:', '  • Mayor opens new bridge over the river', '  • School board meets to discuss the new year'].join('\n\n');
  const titled = ['  • 15 Amazing Parks You Should Visit', '  • The Best Playgrounds For Young Children', '  • Trees That Grow Well In Small Gardens'].join('\n');
  const text = body(dump(...HEADER, ...paragraphs(0, 2), lead, list, ...paragraphs(2, 4), more, ...paragraphs(4, 6), titled, ...paragraphs(6, 8)));
  assert.ok(text.includes('plant more trees along the main roads'));
  assert.ok(!text.includes('Mayor opens new bridge'));
  assert.ok(!text.includes('Amazing Parks'));
});

test("an article's long list items that read as text are body, though their list holds a button; its short items are not", () => {
  const items = [
    '  • the council will repair every playground in the older districts of the city before the summer holidays begin',
    '  • Share',
    '  • more trees will be planted along the main roads and near the river, where the storms of last winter took the old ones',
    '  • new benches for the parks',
  ].join('\n');
  const read = readDump({ file: 'page.txt', content: dump(...HEADER, ...paragraphs(0, 3), items, ...paragraphs(3, 6)), format: 'text' })!;
  const text = bodyLines(read.lines, read.main).map((line) => line.text);
  assert.ok(text.some((line) => line.startsWith('the council will repair every playground')));
  assert.ok(text.some((line) => line.startsWith('more trees will be planted')));
  assert.ok(!text.includes('new benches for the parks') && !text.includes('Share'));
  assert.ok(text.includes(paragraphs(5, 6)[0]!));
});

test('a long table with a row to a block stays in the article', () => {
  const drivers = ['Anna Berg', 'Tom Moss', 'Eva Lind', 'Sam Hart', 'Ida Wolf', 'Leo Stone', 'Mia Brook', 'Max Field', 'Zoe Hill', 'Ben Marsh', 'Amy Dale', 'Joe Heath'];
  const rows = ['Pos.  Driver  Points  Wins', ...drivers.map((name, i) => `${i + 1}  ${name}  ${5040 - i * 7}  ${i % 4}`)];
  const text = body(dump(...HEADER, ...paragraphs(0, 3), 'Final standings of the season after the last race:', ...rows, ...paragraphs(3, 6)));
  assert.ok(text.includes('12  Joe Heath  4963  3'));
  assert.ok(text.includes(SPEAKERS[5]!));
});

test('a little text past boxes of links and promotions is the page footer', () => {
  const links = ['  • Why parks matter', '  • Park budgets', '  • New trees for the town'].join('\n');
  const promo = 'Get the best stories of the day sent to your inbox every morning, for free, from our team.';
  const text = body(dump(...HEADER, ...paragraphs(0, 8), links, 'Sign up for our newsletter', promo));
  assert.ok(text.includes(SPEAKERS[7]!));
  assert.ok(!text.includes('best stories of the day'));
});

test('the caption over a photo credit is not body', () => {
  const caption = 'The mayor speaks to residents at the opening of a new playground in the old town district on Monday.';
  const text = body(dump(...HEADER, ...paragraphs(0, 2), `${caption}\nPhoto: John Smith, AP`, ...paragraphs(2, 5)));
  assert.ok(text.includes(SPEAKERS[4]!));
  assert.ok(!text.includes('opening of a new playground'));
});

test('a short article under its date line outweighs a longer notice at the foot of the page', () => {
  const nav = ['Home', 'Workouts', 'Recipes', 'Community', 'Shop', 'Help'];
  const notice = [
    'The information on this website is meant for general purposes only and was first written for readers in one country.',
    'Rules and advice in the country where you live may be different, so please ask a qualified person before you act on any of it.',
    'Results will not be the same for every reader, and the people in our stories may have used more than one of the products we sell.',
    'None of the material on these pages is meant to take the place of advice from a doctor, and you should talk to one before you start.',
    'We may change or remove any of the pages on this website at any time, and we do not promise that they will always be up to date.',
  ];
  const text = body(dump(...HEADER, ...paragraphs(0, 3), ...nav, ...nav.map((n) => `${n} news`), ...nav.map((n) => `More ${n}`), ...nav.map((n) => `All ${n}`), ...notice));
  assert.ok(text.includes(SPEAKERS[0]!));
  assert.ok(!text.includes('general purposes'));
});

test("an insert headed with an apostrophe (\"Don't miss\", \"Editor's picks\") goes with its headlines", () => {
  for (const heading of ["Don't miss", "Editor’s picks", "Editors' Picks"]) {
    const insert = [heading, 'City opens a new bike lane along the river walk this spring season', 'Schools plan a longer summer break for all pupils'];
    const text = body(dump(...HEADER, ...paragraphs(0, 4), ...insert, ...paragraphs(4, 8)));
    assert.ok(!text.includes('bike lane') && !text.includes('summer break'), heading);
    assert.ok(text.includes(SPEAKERS[7]!), heading);
  }
});

test('a "Sources:" heading ends the article: the list of sources under it is not body', () => {
  const sources = [
    'Sources:',
    'City council of the town, "A report on the state of the parks and the plans for the years to come in the town," March 1, 2024',
    'Email interview with a spokesperson for the parks department of the city, who has worked on the plan for the parks since 2019, March 2, 2024',
  ];
  const text = body(dump(...HEADER, ...paragraphs(0, 6), ...sources));
  assert.ok(text.includes(SPEAKERS[5]!));
  assert.ok(!text.includes('Email interview') && !text.includes('A report on the state'));
});

test('a headline printed several times among paragraphs does not make them a list; a promotion box with one blurb still is one', () => {
  const promo = 'Parks of the region in pictures';
  const [a, b, c] = ['a bus driver', 'a gardener', 'a student'].map((who) => `Later the council heard from ${who}, who asked how the plan for the parks would change the streets of the city.`);
  const crowded = [a, promo, promo, promo, b, 'Read More', c].join('\n');
  const text = body(dump(...HEADER, ...paragraphs(0, 3), crowded, ...paragraphs(3, 6)));
  for (const p of [a, b, c]) assert.ok(text.includes(p), p);
  assert.ok(!text.includes(promo));
  const blurb = 'Among those who follow the city budget, the parks plan has been a topic of debate for many months now.';
  const box = ['Column: What the parks plan means for the old town', 'PARKS-PHOTO-FILE', 'Column: What the parks plan means for the old town', blurb].join('\n');
  assert.ok(!body(dump(...HEADER, ...paragraphs(0, 3), box, ...paragraphs(3, 6))).includes(blurb));
});

test('the article goes on after a chart of labels and figures in its middle, but not after a box of buttons and form fields', () => {
  const chart = ['Spending on parks, in millions', ...['2019', '12', '2020', '14', '2021', '11', '2022', '16', '2023', '18', '2024', '21'], 'Credit: city budget office'];
  const text = body(dump(...HEADER, ...paragraphs(0, 4), ...chart, ...paragraphs(4, 8)));
  assert.ok(text.includes(SPEAKERS[0]!) && text.includes(SPEAKERS[7]!));
  const form = ['Share on Facebook', 'Share on Twitter', 'Your name', 'Your email address', 'Your town', 'Subscribe', 'Privacy Policy', 'Terms of Use', 'Contact us', 'Jobs'];
  const other = [
    'The club meets on the first Monday of every month to walk along the river and to talk about the birds of the region.',
    'New members are always welcome, and the walks are short enough for children and for older people who want to join.',
    'The club was founded by a group of neighbours who wanted to learn more about the birds that live near the water.',
  ];
  const boxed = body(dump(...HEADER, ...paragraphs(0, 5), ...form, ...other));
  assert.ok(boxed.includes(SPEAKERS[4]!));
  assert.ok(!boxed.includes('first Monday'));
  // A gallery of images (lines without words) under its headings is no chart: the story after it is another.
  const gallery = ['Photos of the week', ...Array<string>(20).fill('•'), 'Next gallery: river birds'];
  const paged = body(dump(...HEADER, ...paragraphs(0, 5), ...gallery, ...other));
  assert.ok(!(paged.includes(SPEAKERS[4]!) && paged.includes('first Monday')));
});

test('the long paragraphs of a list-style article stay, in a block with its subheadings; a long caption printed twice does not', () => {
  const long = (topic: string) =>
    `The plan for ${topic} was discussed at length by the council, which heard from the residents of every district of the city and from the staff of the parks department, and it was agreed that the work would start in the spring and that the families of the city would be asked for their views again before the end of the year.`;
  const items = ['1. New trees', long('new trees'), '2. Playgrounds', long('the playgrounds'), '3. Paths by the river', long('the paths by the river')].join('\n');
  const text = body(dump(...HEADER, ...paragraphs(0, 2), items, ...paragraphs(2, 4)));
  assert.ok(text.includes('plan for the playgrounds') && text.includes('plan for the paths by the river'));
  const caption = `Children play in one of the new parks of the city on a sunny afternoon, in a photo taken by the staff of the parks department for the report that the council discussed on Tuesday, which says that more families visit the parks every year and that the council should plant more trees there soon, along the paths and near the river, where the old trees were lost in the storms of last winter.`;
  const photos = ['Photos', caption, caption, 'Next photo'].join('\n');
  assert.ok(!body(dump(...HEADER, ...paragraphs(0, 2), photos, ...paragraphs(2, 4))).includes('Children play'));
});

test('text wrapped into one block beside a side column, which reads as a list, or into short lines that are no sentences, still gives a body; a menu alone gives none', () => {
  // Wrapped lines that mostly end mid-sentence, with a side column's labels after two spaces: no line is good.
  const wrapped = [
    'The council met on Monday evening and talked about the  Weather',
    'plan for the new parks in the north of the city, which  Events',
    'the members said would be ready before the end of the  Contact',
    'summer if the weather is good and the work goes to plan.',
    'They also heard from the families who live near the old  Archive',
    'market and who have asked for more trees along the road',
  ];
  const page = dump('Home | News | Sport', wrapped.join('\n'), 'Imprint');
  const text = body(page);
  assert.match(text, /plan for the new parks/);
  assert.doesNotMatch(text, /Imprint/);
  // Short lines of text, none a sentence: no line reads as text on its own either, and the block is the body.
  const short = ['The council met on Monday', 'and talked about the plan for', 'the parks in the north of', 'the city, which the members', 'said would be ready before the', 'end of the summer this year'];
  assert.match(body(dump('Home | News | Sport', short.join('\n'), 'Imprint')), /the parks in the north of/);
  assert.equal(body(dump('Home | News | Sport', 'Weather\nEvents\nContact\nArchive', 'Imprint')), '');
});

test('a comment count beside the byline is part of the header; a comment heading over the text ends the article', () => {
  const traits = (content: string) => {
    const { lines, segments } = readDump({ file: 'page.txt', content, format: 'text' })!;
    return segmentTraits(lines, segments[0]!);
  };
  const counted = traits(dump(HEADER[0]!, HEADER[2]!, ['By Jane Roe', 'March 3, 2024', '12 comments'].join('\n'), ...paragraphs(0, 4)));
  assert.equal(counted.afterEnd, false);
  assert.equal(counted.header, true);
  assert.equal(traits(dump(HEADER[0]!, HEADER[2]!, HEADER[3]!, '12 comments', ...paragraphs(0, 4))).afterEnd, true);
});

test("a long paragraph ending in an agency's tag is body; a caption ending in its credit, or a tagged line printed twice, is not", () => {
  const tagged = 'The council also agreed to open the new playground in the spring, once the trees are planted and the paths are laid out by the parks office. (dpa)';
  const caption = 'The mayor at the opening of the playground on Monday. (Jane Roe)';
  const photo = 'The mayor speaks to residents at the opening of a new playground in the old town district on Monday, as the parks office had planned it. (Photo: Jane Roe)';
  const text = body(dump(...HEADER, ...paragraphs(0, 2), tagged, caption, photo, ...paragraphs(2, 5)));
  assert.ok(text.includes(tagged));
  assert.ok(!text.includes(caption));
  assert.ok(!text.includes(photo));
  assert.ok(!body(dump(...HEADER, ...paragraphs(0, 2), tagged, ...paragraphs(2, 5), tagged)).includes(tagged));
});

test('a diary written a sentence to a line without full stops, between image file names, keeps its body', () => {
  const diary = [
    '早上我们从城里出发沿着河边的小路慢慢走到了山脚下的公园',
    '公园里的树叶已经变成了金黄色和红色在阳光下显得特别好看',
    '入口处有一块新的木头牌子上面画着几只可爱的小鸟和花朵',
    '我们在湖边找了一个安静的地方坐下来喝着热茶看着远处的山',
    '中午的时候来了很多人有的在拍照有的在草地上和孩子们玩耍',
    '下午天气慢慢变冷了风也大了起来树叶一片一片地落在地上',
    '公园的工作人员说这里每年秋天都会有很多人来看红叶和湖水',
    '回家的路上我们还在附近的小店里买了一些当地的点心和水果',
    '这次出游虽然时间不长但是大家都觉得很开心也很放松',
    '希望明年秋天还能和家人朋友一起再来这里走一走看一看',
  ];
  const page = dump('首页 文章 相册 留言', '秋天的公园一日游', ...diary.flatMap((line, i) => [`IMG_${1000 + i}.jpg`, line]), '上一篇 下一篇', '版权所有');
  const text = body(page);
  const kept = diary.filter((line) => text.includes(line));
  assert.ok(kept.length >= 9, `kept ${kept.length} of ${diary.length}: ${text}`);
  assert.ok(!text.includes('IMG_') && !text.includes('版权所有'));
});

test('furniture headings in other languages work as the English ones: an insert goes with its headlines, comments end the article', () => {
  const header = ['Der Stadtkurier', 'Startseite | Politik | Wirtschaft | Sport', 'Stadtrat beschließt neuen Haushalt für die Parks', 'Von Jana Roth | 3. März 2024'];
  const speakers = ['die Bürgermeisterin', 'ein Mitglied des Rates', 'der Leiter der Parks', 'eine Lehrerin aus der Stadt', 'der Kämmerer der Stadt', 'eine Bewohnerin der Altstadt', 'der Leiter der Schulbehörde', 'ein Ladenbesitzer'];
  const german = (from: number, to: number) => speakers.slice(from, to).map((who) => `Im Rat sprach auch ${who}, die oder der sagte, dass der Plan für die Parks den Familien in der Stadt helfen werde.`);
  const insert = ['Lesen Sie auch', 'Neue Radwege entlang des Flusses im Frühjahr', 'Schulen planen längere Sommerferien für alle Kinder'];
  const comments = ['Kommentare', 'Ich finde, dass der Rat für die Familien hier die richtige Wahl getroffen hat.', 'Das Geld hätte man besser für die Straßen ausgegeben, die in einem sehr schlechten Zustand sind.', 'Wir warten in unserem Teil der Stadt schon seit vielen Jahren auf neue Spielplätze.'];
  const text = body(dump(...header, ...german(0, 4), ...insert, ...german(4, 8), ...comments));
  assert.ok(text.includes(speakers[0]!) && text.includes(speakers[7]!));
  assert.ok(!text.includes('Radwege') && !text.includes('Sommerferien'));
  assert.ok(!text.includes('richtige Wahl') && !text.includes('Spielplätze'));
});

test('terse Chinese news, with few function characters, still has a body: each paragraph of it', () => {
  const page = dump(
    '首页 | 新闻 | 财经 | 国际 | 体育',
    '北京举办国际气候合作论坛',
    '2024年03月12日 10:30',
    '北京3月12日电 国际气候合作论坛12日在北京开幕，来自多个国家的政府官员和专家出席论坛。与会代表围绕减排目标、绿色金融和技术合作等议题进行了交流。',
    '论坛组织方表示，本届论坛为期三天，共有三百余名代表参加。开幕式上，多国代表介绍了本国在可再生能源领域的进展。',
  );
  const text = body(page);
  assert.ok(text.includes('出席论坛') && text.includes('可再生能源'), text);
  assert.ok(!text.includes('首页'), text);
  // A menu and a headline, with no clause after a comma: no text to find.
  assert.equal(body(dump('首页 | 新闻 | 财经 | 国际 | 体育', '北京举办国际气候合作论坛')), '');
});

test('lines too short and terse to read as text on their own are still a body when a block of them holds clauses', () => {
  const clauses = ['国际气候合作论坛开幕，多国官员专家出席', '代表围绕减排目标，讨论绿色金融技术合作', '论坛为期三天，三百余名代表参加会议', '多国代表介绍本国可再生能源领域进展，'];
  const text = body(dump('首页 | 新闻 | 财经', clauses.join('\n')));
  assert.equal(text, clauses.join('\n'));
});

test('a Thai news dump has a body: Thai function words are words, measured in the line, not characters', () => {
  const page = dump(
    'หน้าแรก  ข่าว  เศรษฐกิจ  กีฬา',
    'กรุงเทพฯ เปิดการประชุมนานาชาติว่าด้วยสภาพภูมิอากาศ',
    'การประชุมนานาชาติว่าด้วยการเปลี่ยนแปลงสภาพภูมิอากาศเปิดขึ้นที่กรุงเทพมหานครเมื่อวันอังคาร โดยมีรัฐมนตรีและผู้เชี่ยวชาญจากหลายประเทศเข้าร่วม การประชุมจะใช้เวลาสามวันเพื่อหารือเกี่ยวกับเป้าหมายการลดการปล่อยก๊าซเรือนกระจก',
    'ผู้จัดงานกล่าวว่ามีผู้เข้าร่วมการประชุมมากกว่าสามร้อยคน และจะมีการออกแถลงการณ์ร่วมในวันสุดท้าย',
  );
  const text = body(page);
  assert.ok(text.includes('ผู้เชี่ยวชาญ') && text.includes('สามร้อยคน'), text);
  assert.ok(!text.includes('หน้าแรก'), text);
});
