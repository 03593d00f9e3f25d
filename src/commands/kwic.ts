// mine kwic: a concordance: every mention of an entity (any alias), or where no entity answers every occurrence of a word, in context.
import { inDateRange, onSite } from '../aggregate/filters.js';
import { Concordance, type Hit, type KwicSort } from '../aggregate/kwic.js';
import { UsageError } from '../errors.js';
import { typeColor } from '../render/color.js';
import { hasEntities } from '../types.js';
import { oneOf, positiveInt, type CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addDateOptions, addInputOptions, addNerOptions, dateRange, documentOptions } from './options.js';
import { escapeForTerminal } from '../render/escape.js';

const SORTS: readonly KwicSort[] = ['order', 'left', 'right'];
/** Characters of the title shown after the right context. */
const TITLE_WIDTH = 40;
/** Below this, the title is left out rather than cut. */
const MIN_TITLE_WIDTH = 12;

export const kwicCommand: CommandSpec = {
  name: 'kwic',
  arguments: '<term> [paths...]',
  argumentHelp: { '<term>': 'an entity (canonical name, alias, or a person\'s surname) or a word or phrase' },
  summary: 'concordance: each mention of an entity or word with its context, aligned',
  examples: ['mine kwic Lavrov ./dumps', 'mine kwic "multipolar world" --width 50 --sort right ./dumps', 'mine kwic BRICS --json ./dumps | jq -r ".[].right"'],
  csv: true,
  configure(command) {
    command
      .option('--width <n>', 'characters of context on each side', positiveInt('--width'), 40)
      .option('--sort <order>', `order of the lines: ${SORTS.join(', ')} (left/right: by the words next to the match)`, oneOf('--sort', SORTS), 'order')
      .option('--site <name>', 'only articles from this site (case-insensitive)');
    addDateOptions(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk, format }) {
    const term = String(options.term ?? '');
    if (term.trim() === '') throw new UsageError('kwic needs a term: an entity or a word');
    const width = options.width as number;
    const site = options.site as string | undefined;
    const range = dateRange(options);
    const concordance = new Concordance(term, width);
    for await (const record of documents(paths, documentOptions(options, 'ner', true), reporter)) {
      if (!hasEntities(record) || !inDateRange(record, range)) continue;
      if (!onSite(record, site)) continue;
      concordance.add(record);
    }
    const rows = concordance.hits(options.sort as KwicSort);
    const columns = [
      { header: 'date', value: (h: Hit) => h.published?.slice(0, 10) ?? '' },
      { header: 'left', value: (h: Hit) => h.left },
      { header: 'match', value: (h: Hit) => h.match },
      { header: 'right', value: (h: Hit) => h.right },
      { header: 'title', value: (h: Hit) => h.title ?? '' },
      { header: 'file', value: (h: Hit) => h.file },
    ];
    return {
      rows,
      columns,
      // Concordance lines are read down the match column: plain aligned text, not a boxed table.
      matched: () => rows.length > 0,
      text: format === 'table' ? (terminal) => aligned(rows, width, terminal, (h) => (h.type ? typeColor(chalk, h.type)(chalk.bold(h.match)) : chalk.bold(h.match))) : undefined,
      notes: () => {
        if (rows.length === 0) return [`no occurrence of '${term}' in these articles`];
        const what = concordance.entities.size ? `mention(s) of ${[...concordance.entities].join(', ')}` : `occurrence(s) of the word '${term}' (no entity answers to it)`;
        return [`${rows.length} ${what}`];
      },
    };
  },
};

/**
 * Plain aligned lines: date, left context right-aligned so the matches line up in one column, right context, title.
 * On a terminal the lines fit its width: the title is cut first (and left out below a few characters), then both
 * contexts, each on its far side.
 */
function aligned(hits: Hit[], width: number, terminal: number | undefined, styleMatch: (h: Hit) => string): string {
  const length = (s: string) => Array.from(s).length;
  const matchWidth = Math.max(0, ...hits.map((h) => length(h.match)));
  // Date, match and the spaces between the parts.
  const fixed = 10 + 2 + 1 + matchWidth + 1;
  const room = terminal === undefined ? Infinity : terminal - fixed;
  let titleWidth = Math.max(0, Math.min(TITLE_WIDTH, room - 2 - 2 * width));
  if (titleWidth < MIN_TITLE_WIDTH) titleWidth = 0;
  const contextWidth = Math.max(1, Math.min(width, Math.floor((room - (titleWidth ? titleWidth + 2 : 0)) / 2)));
  const pad = (s: string, n: number, left: boolean) => {
    const chars = Array.from(s);
    const cut = chars.length > n ? (left ? chars.slice(-n) : chars.slice(0, n)).join('') : s;
    const fill = ' '.repeat(Math.max(0, n - length(cut)));
    return left ? fill + cut : cut + fill;
  };
  return hits
    .map((h) => {
      const title = Array.from(escapeForTerminal(h.title ?? h.file));
      const shortTitle = title.length > titleWidth ? `${title.slice(0, titleWidth - 1).join('')}…` : title.join('');
      const line = `${pad(h.published?.slice(0, 10) ?? '', 10, false)}  ${pad(h.left, contextWidth, true)} ${styleMatch(h)}${' '.repeat(matchWidth - length(h.match))} ${pad(h.right, contextWidth, false)}`;
      return titleWidth ? `${line}  ${shortTitle}` : line.trimEnd();
    })
    .join('\n') + (hits.length ? '\n' : '');
}
