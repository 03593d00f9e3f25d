// The report as one self-contained HTML page: the data as JSON, the style and the script (client.ts, with the
// chart style it shares with the chart files) inlined, so it works offline and as an e-mail attachment.
import fs from 'node:fs';
import type { ReportPage } from './page.js';
import { BACKGROUND, FONT_STACK, GRID, INK, MUTED } from '../chart/style.js';
import { REPORT_CSS } from './css.js';

/**
 * The modules the page script imports (the chart style, calendar periods: the same looks and periods as the other
 * commands), then the script, compiled, with their import and export lines taken out: one script, in its own scope.
 */
function pageScript(): string {
  const read = (file: string) => fs.readFileSync(new URL(file, import.meta.url), 'utf8').replace(/^import .*;$/gm, '').replace(/^export \{\};$/m, '');
  const imported = ['../chart/style.js', '../../aggregate/periods.js'].map((file) => read(file).replace(/^export /gm, ''));
  return `(() => {\n${imported.join('\n')}\n${read('./client.js')}\n})();`;
}

/** JSON that can sit inside a <script> element: no "</script" or "<!--" can appear in it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function reportHtml(page: ReportPage): string {
  const title = escapeHtml(page.title);
  const figure = (id: string, label: string, numbers: string) =>
    `<figure><div class="legend" id="${id}-legend"></div><svg id="${id}-chart" role="img" aria-label="${label}"></svg>` +
    `<details><summary>${numbers}</summary><div class="numbers" id="${id}-table"></div></details></figure>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>
:root { --ink: ${INK}; --muted: ${MUTED}; --grid: ${GRID}; --background: ${BACKGROUND}; --font: ${FONT_STACK}; }
${REPORT_CSS}
</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta">Made by mine on ${escapeHtml(page.generated.slice(0, 16).replace('T', ' '))} UTC. Everything is in this file: it works offline.</p>
<form id="filters" onsubmit="return false">
<label>Entity <input id="f-entity" list="entity-names" placeholder="all articles" autocomplete="off"></label>
<datalist id="entity-names"></datalist>
<button type="button" id="f-clear">All</button>
<fieldset id="f-types"><legend>Types</legend></fieldset>
<label>From <input type="date" id="f-from"></label>
<label>To <input type="date" id="f-to"></label>
<label>By <select id="f-by"><option value="month">month</option><option value="week">week</option></select></label>
<label>Count <select id="f-measure"><option value="documents">articles</option><option value="share">share of all articles</option></select></label>
</form>
</header>
<main>
<section id="overview"><h2>Overview</h2><dl id="overview-figures"></dl></section>
<section id="entities"><h2>Entities</h2>
<p><label class="screen-only">Search <input type="search" id="entity-search" placeholder="name or alias"></label> <span id="entity-count"></span></p>
<div class="scroll"><table id="entity-table"></table></div></section>
<section id="timeline"><h2>Timelines</h2>
<p>Articles mentioning the chosen entity, or the five in most articles, per period. <span id="timeline-empty" hidden>No dated article.</span></p>
${figure('timeline', 'Timeline', 'Numbers of the timeline')}</section>
<section id="network"><h2>Co-occurrence network</h2>
<p>The entities in most articles: node size by articles, line width by articles shared. Choose a node to see its articles.</p>
${figure('network', 'Co-occurrence network', 'The 100 pairs sharing most articles')}</section>
<section id="sources"><h2>Sources over time</h2>
<p>Articles per site and period. <span id="sources-empty" hidden>No dated article.</span></p>
${figure('sources', 'Articles per site over time', 'Numbers of the sources chart')}</section>
<section id="keywords"><h2>Keywords</h2><p id="keywords-what"></p>
${figure('keywords', 'Keywords', 'Numbers of the keywords')}</section>
<section id="kwic"><h2>Keyword in context</h2><p id="kwic-what"></p>
<div class="scroll"><table id="kwic-table"></table></div></section>
</main>
<script type="application/json" id="report-data">${scriptJson(page)}</script>
<script>
${pageScript()}
</script>
</body>
</html>
`;
}
