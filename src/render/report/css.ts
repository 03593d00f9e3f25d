// The report page's style sheet: plain, readable on screen and on paper (colours come from the chart style, html.ts).
export const REPORT_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 var(--font); color: var(--ink); background: var(--background); }
header { position: sticky; top: 0; z-index: 1; background: var(--background); border-bottom: 1px solid var(--grid); padding: 0.5rem 1.5rem; }
h1 { font-size: 1.4rem; margin: 0.2rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
.meta { color: var(--muted); margin: 0 0 0.4rem; font-size: 0.85rem; }
form { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; }
fieldset { border: 0; padding: 0; margin: 0; display: inline-flex; gap: 0.6rem; align-items: center; }
fieldset legend { float: left; margin-right: 0.3rem; }
input, select, button { font: inherit; }
main { padding: 0 1.5rem 2rem; max-width: 1100px; }
section { padding: 1rem 0; border-bottom: 1px solid var(--grid); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.15rem 0.5rem; text-align: left; border-bottom: 1px solid var(--grid); vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { border: 0; background: none; padding: 0; font-weight: bold; cursor: pointer; }
button.link { border: 0; background: none; padding: 0; color: inherit; text-decoration: underline; cursor: pointer; text-align: left; }
#entity-table td:nth-child(n+6) { white-space: nowrap; }
tr.chosen { background: #f3f3f3; font-weight: bold; }
.scroll { max-height: 28rem; overflow: auto; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; border-radius: 2px; vertical-align: baseline; }
.legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.85rem; }
figure { margin: 0; }
svg { width: 100%; max-width: 800px; height: auto; display: block; }
svg .grid { stroke: var(--grid); }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .label { font-size: 11px; fill: var(--ink); }
svg .node { cursor: pointer; }
details { margin: 0.3rem 0; }
summary { cursor: pointer; color: var(--muted); }
.numbers { max-height: 20rem; overflow: auto; }
#kwic-table td:first-child { white-space: nowrap; }
#kwic-table td.left { text-align: right; white-space: nowrap; }
#kwic-table td.match { font-weight: bold; white-space: nowrap; }
#kwic-table td.source { font-size: 0.85rem; }
@media print {
  header { position: static; }
  form, .screen-only, summary { display: none; }
  .scroll, .numbers { max-height: none; overflow: visible; }
  section { break-inside: avoid-page; }
  a { color: inherit; }
}
`;
