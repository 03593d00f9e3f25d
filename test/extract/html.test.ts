import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extractFromHtml } from '../../src/extract/html.js';
import { extractArticles } from '../../src/extract/index.js';
import type { Page } from '../../src/types.js';
import { ROOT } from '../helpers.js';

function fixture(name: string, mtime?: Date): Page {
  const file = path.join(ROOT, 'test/fixtures/html', name);
  return { file, content: fs.readFileSync(file, 'utf8'), format: 'html', mtime };
}

function html(content: string): Page {
  return { file: 'inline.html', content, format: 'html' };
}

function mainArticle(page: Page) {
  const found = extractFromHtml(page, { allArticles: false });
  assert.equal(found.length, 1);
  return found[0]!;
}

test('a news page gives its headline, date, authors, site and tags from the markup', () => {
  const a = mainArticle(fixture('news-article.html'));
  assert.equal(a.title, 'Harbour town votes to rebuild its flooded sea wall');
  assert.equal(a.published, '2024-03-04T18:30:00+01:00');
  assert.equal(a.author, 'Marta Quill, Tobias Wren');
  assert.equal(a.source, null);
  assert.equal(a.site, 'The Coastal Ledger');
  assert.deepEqual(a.tags, ['Flooding', 'Local councils', 'Climate adaptation']);
});

test('the body keeps the article text: paragraphs, subheading, quote and list, inline markup joined', () => {
  const { paragraphs } = mainArticle(fixture('news-article.html'));
  assert.match(paragraphs[0]!, /^Councillors in Port Avery voted .* committing £4\.2m to a project that residents have demanded for a decade\.$/);
  assert.ok(paragraphs.includes('Years of patching'));
  assert.ok(paragraphs.some((p) => p.includes('patched at least fourteen times since 2000 & could not survive')));
  assert.ok(paragraphs.includes('“We have been lucky for a long time, and luck is not a flood defence,” said the council’s chief engineer, Hana Okafor.'));
  assert.ok(paragraphs.includes('a new concrete wall on the line of the old one, finished by the end of next year;'));
  assert.equal(paragraphs[paragraphs.length - 1], 'Work on the temporary barrier is expected to start in May, the council said.');
  assert.equal(paragraphs.length, 11);
});

test('the body leaves out headline, byline, date, caption, related links, share buttons, ads, newsletter, comments, cookie notice, footer', () => {
  const text = mainArticle(fixture('news-article.html')).paragraphs.join('\n');
  for (const furniture of [
    'Harbour town votes', 'Marta Quill', '4 March 2024', 'Photograph', 'Read more', 'Fishermen count the cost', 'Related',
    'Facebook', '1,204 shares', 'Advertisement', 'daily newsletter', 'Seaside Sam', 'About time too', 'We use cookies',
    'Seal pup rescued', 'Sixty-six years ago', 'hidden on the page', 'All rights reserved', 'Ferry strike', 'Local news', 'Topics', 'script text', 'style text',
  ]) {
    assert.ok(!text.includes(furniture), `"${furniture}" is furniture, not body`);
  }
});

test('a wire story: byline agency, dateline, title from <title> without the site, body split around a promo', () => {
  const a = mainArticle(fixture('wire-story.html'));
  assert.equal(a.title, 'Grain exports climb as northern ports reopen');
  assert.equal(a.published, '2023-11-19T07:45:00+02:00');
  assert.equal(a.author, 'Reuters');
  assert.equal(a.source, 'Reuters');
  assert.equal(a.site, 'Daily Meridian');
  assert.deepEqual(a.tags, ['Trade', 'Agriculture', 'Shipping']);
  assert.equal(a.paragraphs.length, 4);
  assert.match(a.paragraphs[0]!, /^OSTRAVEN, Nov 19 \(Reuters\) - Grain exports/);
  assert.match(a.paragraphs[3]!, /^The authority expects loadings to slow/);
  assert.ok(!a.paragraphs.join(' ').match(/Subscribe|Central bank|Policymakers|Tags:/));
});

test('metadata from the markup when the head says little: byline element, printed date, rel=tag links', () => {
  const a = mainArticle(html(`<html><head><meta property="og:title" content="Night buses return to the old town | The Evening Post">
    <meta property="og:site_name" content="The Evening Post"></head><body>
    <h1>Night buses return to the old town</h1>
    <div class="article-byline">By Ruth Abernethy, The Evening Post</div>
    <p class="when">Tuesday, 12 March 2024</p>
    <div class="text"><p>Night buses will run through the old town again from next month, the transport authority said, ending a two-year gap.</p></div>
    <p>Filed under <a rel="tag" href="/t/transport">Transport</a> <a rel="tag" href="/t/old-town">Old town</a></p>
    <form class="comment-form"><p class="comment-form-author"><label>Name (required)</label></p></form>
    </body></html>`));
  assert.equal(a.title, 'Night buses return to the old town');
  assert.equal(a.author, 'Ruth Abernethy');
  assert.equal(a.published, '2024-03-12');
  assert.equal(a.site, 'The Evening Post');
  assert.deepEqual(a.tags, ['Transport', 'Old town']);
  const headOnly = mainArticle(html('<head><meta property="og:title" content="Storm shuts port | The Ledger"><meta property="og:site_name" content="The Ledger"></head>'));
  assert.equal(headOnly.title, 'Storm shuts port');
});

test('a published date later than the file is rejected', () => {
  const a = mainArticle(fixture('wire-story.html', new Date('2023-06-01T00:00:00Z')));
  assert.equal(a.published, null);
});

test('the agency of a dateline is the source when no byline names it', () => {
  const page = html(`<title>Port strike ends</title><article><h1>Port strike ends</h1>
    <p>LISBON (AFP) - Dock workers voted on Friday to end a strike that had halted container traffic for nine days, their union said.</p></article>`);
  assert.equal(mainArticle(page).source, 'AFP');
});

test('an article is found even when its wrapper is named or hidden like furniture', () => {
  const story = '<p>The ferry company said on Friday that it would add two sailings a day to the island from June, after a winter of complaints about full boats.</p>'
    + '<p>Islanders have campaigned for more crossings since the older of the two ships was withdrawn for repairs last autumn and never came back.</p>';
  const named = mainArticle(html(`<body><div class="post has-comments tag-ferries">${story}</div><div class="comments"><p>Great news for us all on the island, at last.</p></div></body>`));
  assert.equal(named.paragraphs.length, 2);
  assert.ok(!named.paragraphs.join(' ').includes('Great news'));
  const revealed = mainArticle(html(`<body><div id="app" style="display:none"><nav><a href="/">Home</a></nav>${story}</div></body>`));
  assert.equal(revealed.paragraphs.length, 2);
});

test('a post shipped as markup in a script template is read when the page shows nothing else, other scripts stay out', () => {
  const post = '<p>The library will open on Sundays from March, the council said, after a survey found that most readers wanted weekend hours.</p>'
    + '<p>Two more staff will be hired for the longer week, paid from the budget for the branch that closed last year.</p>';
  const a = mainArticle(html(`<body><div class="post-body"><script type='text/template'>${post}</script></div>
    <script>var note = "<p>This script builds a menu and is never read as the article, however long its text may be in the end.</p>";</script></body>`));
  assert.equal(a.paragraphs.length, 2);
  assert.ok(a.paragraphs[0]!.startsWith('The library will open on Sundays'));
  const shown = mainArticle(html(`<body><article>${post}</article><script type="text/template"><p>A template for a reader comment, filled in by a script when someone posts one on this page.</p></script></body>`));
  assert.ok(!shown.paragraphs.join(' ').includes('reader comment'));
});

test('picture credits and advertising labels in other languages, and a consent panel, are not body text', () => {
  const story = '<p>Die Gemeinde hat am Montag beschlossen, die alte Brücke über den Fluss bis zum Herbst zu sanieren und danach wieder für Autos zu öffnen.</p>'
    + '<p>Bis dahin fährt ein Bus im Halbstundentakt über die neue Umleitung, die am Wochenende fertig geworden ist, wie die Verwaltung mitteilte.</p>';
  const consent = '<div class="dsgvo-panel"><p>Diese Website bindet Dienste ein, die Daten verarbeiten: Analyse, Statistik, externe Medien, Karten und Videos von Drittanbietern.</p>'
    + '<p>Sie können Ihre Auswahl jederzeit in den Einstellungen ändern, einzelne Dienste abwählen oder allen zustimmen, die auf dieser Seite genutzt werden.</p>'
    + '<p>Ohne Ihre Zustimmung werden keine Verbindungen zu diesen Anbietern hergestellt, auch nicht für die Darstellung eingebetteter Inhalte oder Karten.</p></div>';
  const a = mainArticle(html(`<body>${consent}<article>${story}<p>- Anzeige -</p><p>Foto: Anna Beispiel</p><p>Crédits photos : Agence Exemple</p></article></body>`));
  assert.equal(a.paragraphs.length, 2);
  assert.ok(a.paragraphs[0]!.startsWith('Die Gemeinde'));
});

test('a page whose only prose is its summary gives the summary as its body, unless the summary is too short to be a paragraph', () => {
  const summary = 'Photographs of the harbour at dawn, taken over one week in April with an old film camera and printed by hand.';
  const a = mainArticle(html(`<head><meta name="description" content="${summary}"></head><body><h1>Harbour at dawn</h1><img src="1.jpg"><img src="2.jpg"><a href="/next">Next</a></body>`));
  assert.deepEqual(a.paragraphs, [summary]);
  const short = mainArticle(html('<head><meta name="description" content="Harbour photos"></head><body><h1>Harbour</h1><img src="1.jpg"></body>'));
  assert.deepEqual(short.paragraphs, []);
});

test('a "Source:" line credits the source and is not body text', () => {
  const a = mainArticle(html(`<body><article><h1>Flights resume</h1>
    <p>Flights resumed at the capital's airport on Monday after a two-day closure caused by heavy snow, the operator said in a statement.</p>
    <p>Source: Agencies</p></article></body>`));
  assert.equal(a.source, 'Agencies');
  assert.deepEqual(a.paragraphs, ["Flights resumed at the capital's airport on Monday after a two-day closure caused by heavy snow, the operator said in a statement."]);
});

test('an article in a script written without spaces is an article, though its paragraphs are short in characters', () => {
  const a = mainArticle(html(`<body><article><h1>防波堤の建て直しを可決</h1>
    <p>港の防波堤を建て直す計画が、月曜日の夜に開かれた町議会で賛成多数により可決された。</p>
    <p>工事は五月に始まる予定だと町は説明した。</p></article></body>`));
  assert.equal(a.paragraphs.length, 2);
});

test('text broken into short lines with <br> is an article when the lines add up, not when there are only a few', () => {
  const line = 'the tide came in over the old harbour wall';
  const verse = mainArticle(html(`<body><div class="entry-content"><p>${Array(8).fill(line).join('<br>')}</p></div></body>`));
  assert.equal(verse.paragraphs.length, 8);
  const note = mainArticle(html(`<body><div class="entry-content"><p>${Array(2).fill(line).join('<br>')}</p></div></body>`));
  assert.deepEqual(note.paragraphs, []);
});

test("an article's standfirst in its <header> is body text; the header's headline and share links are not", () => {
  const para = (n: number) => `<p>Paragraph ${n} of the report describes how the ferry timetable will change once the new pier opens next spring.</p>`;
  const a = mainArticle(html(`<body><nav><a href="/">Home</a></nav><article>
    <header><h1>Ferry timetable to change</h1><p class="intro">The island's ferries will run every forty minutes instead of every hour, the operator said after a year of complaints from commuters.</p>
      <div class="share"><a href="/s">Share this story on social media</a></div></header>
    <div class="story-body">${para(1)}${para(2)}${para(3)}</div></article></body>`));
  assert.match(a.paragraphs[0]!, /^The island's ferries will run every forty minutes/);
  assert.equal(a.paragraphs.length, 4);
});

test('a "read also" heading in another language ends the body text before its list of links', () => {
  const para = (n: number) => `<p>Absatz ${n}: Der Gemeinderat hat am Dienstag beschlossen, die Fähre ab dem Frühjahr öfter fahren zu lassen.</p>`;
  const a = mainArticle(html(`<body><div class="text">${para(1)}${para(2)}<h3>Lesen Sie auch</h3>
    <p><a href="/1">Neue Brücke</a> · <b>Hafenfest</b></p>${para(3)}</div></body>`));
  assert.deepEqual(a.paragraphs.map((p) => p.slice(0, 8)), ['Absatz 1', 'Absatz 2', 'Absatz 3']);
});

test('an index page and an error page have no article: an empty body with a reason', () => {
  const [front] = extractArticles(fixture('section-front.html'));
  assert.deepEqual(front!.paragraphs, []);
  assert.ok(front!.reason);
  const [error] = extractArticles(html('<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1><p><a href="/">Go home</a></p></body></html>'));
  assert.deepEqual(error!.paragraphs, []);
  assert.equal(error!.title, '404 Not Found');
});

test('malformed HTML is read as a browser reads it: unclosed and misnested tags, entities, an unterminated comment', () => {
  const a = mainArticle(fixture('malformed.html'));
  assert.equal(a.title, 'Bridge & tunnel tolls to rise in spring');
  assert.equal(a.paragraphs.length, 3);
  assert.equal(a.paragraphs[1], 'The board’s chair said the increase, the first since 2019, would pay for urgent repairs to the tunnel lining and new lighting on the bridge deck.');
  assert.match(a.paragraphs[2]!, /challenge the decision — and asked why/);
  assert.ok(!a.paragraphs.join(' ').includes('must not appear'));
});

test('pages that are barely HTML never throw', () => {
  const pages = [
    '',
    '<html><head><title>Only a head</title></head></html>',
    '<frameset><frame src="a.html"></frameset>',
    '<div>'.repeat(20000) + '<p>' + 'Text deep inside a very deeply nested page, far below the body. '.repeat(3),
    '<table>'.repeat(2000) + '<tr><td>cell',
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": [[[</script><p>text</p>',
    '\u0000<\u0001p>\ufffd</',
  ];
  for (const content of pages) assert.doesNotThrow(() => extractArticles(html(content)));
});

test('a huge page is read whole', () => {
  const paragraph = '<p>' + 'A long paragraph of ordinary prose, with commas, clauses and more words in it. '.repeat(8) + '</p>';
  const a = mainArticle(html(`<html><body><nav><a href="/">Home</a></nav><article>${paragraph.repeat(5000)}</article></body></html>`));
  assert.equal(a.paragraphs.length, 5000);
});

test('a page saved as .html that holds only text is read as a page dump', () => {
  const content = 'Storm closes the coast road\n\nThe coast road between the two harbours was closed on Sunday after waves threw rocks and sand across it, police said in a statement.\n\nIt is expected to reopen on Tuesday once the clearing work is done.\n';
  const [a] = extractArticles(html(content));
  assert.ok(a!.paragraphs.some((p) => p.startsWith('The coast road between the two harbours')));
  assert.ok(!a!.paragraphs.some((p) => p.includes('<')));
});

test('text in tables is read row by row; a layout table keeps its columns apart', () => {
  const rows = Array.from({ length: 6 }, (_, i) => `<tr><td>${i + 1}</td><td>Runner ${String.fromCharCode(65 + i)}</td><td>${50 + i}.2</td></tr>`).join('');
  const prose = '<p>The results of the regional swimming finals held on Saturday at the new pool, with times in seconds for each of the swimmers.</p>';
  const a = mainArticle(html(`<body><div class="story">${prose}<table>${rows}</table></div></body>`));
  assert.ok(a.paragraphs.includes('1 Runner A 50.2'));
  const layout = mainArticle(html(`<body><table><tr><td><a href="/">Home</a> <a href="/news">News</a></td><td>${prose}${prose}</td></tr></table></body>`));
  assert.ok(layout.paragraphs.every((p) => !p.includes('Home')));
  assert.equal(layout.paragraphs.length, 2);
});

test('an article split into parts by its layout keeps every part, and not the column beside it', () => {
  const sentences = [
    'The county published the results of its annual survey of river crossings on Monday, covering every bridge it maintains.',
    'Engineers inspected each crossing over the summer, and rated the deck, the supports and the railings on a scale of one to five.',
    'Most of the crossings were in fair condition, but a handful will need repairs before next winter, the report said.',
    'Two footbridges near the old mill were closed in August, after inspectors found cracks in their concrete supports.',
    'The council expects to spend about half of next year’s road budget on the repairs, and has asked the region for help.',
    'Work on the largest crossing, which carries the main road over the estuary, is due to start in the spring.',
    'Residents can comment on the plans at the library, where the full report is on display until the end of the month.',
    'A second survey, of the county’s culverts and fords, will be published in the autumn, the council said.',
  ];
  const part = (style: string, from: number, to: number) =>
    `<div class="${style}"><div class="wrap"><div class="inner">${sentences.slice(from, to).map((s) => `<p>${s}</p>`).join('')}</div></div></div>`;
  const page = html(`<html><body><div class="page"><article>
    ${part('lead', 0, 2)}<div class="row">${part('first', 2, 5)}<div class="box"><p>Photo: a bridge</p></div>${part('second', 5, 8)}</div></article>
    <div class="rail"><p>Weather: sunny spells, with a light breeze from the west.</p></div></div></body></html>`);
  const { paragraphs } = mainArticle(page);
  assert.deepEqual(paragraphs, sentences);
});

test("a byline element's opening word is dropped in other languages too: 'Von', 'Par', 'Autor:'", () => {
  const page = (byline: string) => mainArticle(html(`<html><body><h1>Nachtbusse fahren wieder durch die Altstadt</h1>
    <div class="article-byline">${byline}</div>
    <div class="text"><p>Ab dem nächsten Monat fahren wieder Nachtbusse durch die Altstadt, teilte die Verkehrsbehörde mit.</p></div>
    </body></html>`));
  assert.equal(page('Von Anna Schmidt').author, 'Anna Schmidt');
  assert.equal(page('Par Jean Dupont').author, 'Jean Dupont');
  assert.equal(page('Autor: Jan Kowalski').author, 'Jan Kowalski');
  assert.equal(page('记者 王明').author, '王明');
});

test('a block that is a date in another language is no paragraph, but a list item with a date is', () => {
  const page = (dated: string) => mainArticle(html(`<html><body><h1>Nachtbusse fahren wieder durch die Altstadt</h1>
    <div class="text"><p>Ab dem nächsten Monat fahren wieder Nachtbusse durch die Altstadt, teilte die Verkehrsbehörde mit.</p>
    <p>${dated}</p>
    <p>Die Busse fahren am Wochenende die ganze Nacht, unter der Woche bis zwei Uhr früh, sagte ein Sprecher.</p></div>
    </body></html>`)).paragraphs;
  assert.ok(!page('12. März 2024, 10:30 Uhr').includes('12. März 2024, 10:30 Uhr'));
  assert.ok(!page('۱۲ مارس ۲۰۲۴').includes('۱۲ مارس ۲۰۲۴'));
  assert.ok(page('02.11.2022 - Placebo - Stadthalle').includes('02.11.2022 - Placebo - Stadthalle'));
});

test("a Persian word's zero-width non-joiner is kept in the text of an HTML page", () => {
  const a = mainArticle(html(`<html><body><h1>همایش بین\u200cالمللی اقلیم</h1><div class="text">
    <p>همایش بین\u200cالمللی تغییرات اقلیمی امروز در تهران با حضور وزیران و کارشناسانی از چند کشور آغاز شد و سه روز ادامه دارد.</p></div></body></html>`));
  assert.equal(a.title, 'همایش بین\u200cالمللی اقلیم');
  assert.ok(a.paragraphs[0]!.includes('بین\u200cالمللی'));
});
