// mine sources: who published the coverage: articles per site (or source agency), when, and what about.
import { inDateRange } from '../aggregate/filters.js';
import { SOURCE_FIELDS, SourceCounter, type SourceField, type SourceRow, type SourcesPartial } from '../aggregate/sources.js';
import { sparkline } from '../render/sparkline.js';
import { oneOf, positiveInt, type CommandSpec } from './command.js';
import { countGuarded, documents } from './documents.js';
import { mergePartials, partialText } from './partial.js';
import { addDateOptions, addDedupOption, addInputOptions, addNerOptions, countingOptions, dateRange, dedupFilter } from './options.js';

/** Widest sparkline in the table; longer ranges are summed into this many columns. */
const SPARKLINE_WIDTH = 36;

/** The sparkline's width: narrower on a narrow terminal, so that the table fits without cutting the chart. */
function sparklineWidth(terminal: number | undefined): number {
  return terminal === undefined ? SPARKLINE_WIDTH : Math.max(12, Math.min(SPARKLINE_WIDTH, Math.floor(terminal / 4)));
}

function monthsPerMark(months: number, width: number): string {
  const size = Math.ceil(months / width);
  return size > 1 ? ` (${size} months per mark)` : '';
}

export const sourcesCommand: CommandSpec = {
  name: 'sources',
  arguments: '[paths...]',
  summary: 'articles per site or source agency: how many, when, and the entities each covers most',
  examples: ['mine sources ./dumps', 'mine sources --by source --top 5 ./dumps', 'mine sources --since 2024 --json ./dumps'],
  csv: true,
  configure(command) {
    command
      .option('--by <field>', `one row per ${SOURCE_FIELDS.join(' or ')}`, oneOf('--by', SOURCE_FIELDS), 'site')
      .option('--top <n>', 'entities shown per row', positiveInt('--top'), 3)
      .option('--partial', 'print the counts to merge later (NDJSON) instead of the rows: for one partition of a corpus')
      .option('--merge', 'the paths are outputs of earlier `mine sources --partial` runs (same --by) to add up, in input order');
    addDateOptions(command);
    addDedupOption(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk, width }) {
    const counter = new SourceCounter(options.by as SourceField);
    const range = dateRange(options);
    const dedup = dedupFilter(options);
    if (options.merge) await mergePartials(paths, (line) => counter.addPartial(line as SourcesPartial), reporter);
    else {
      for await (const record of documents(paths, countingOptions(options), reporter)) {
        if (inDateRange(record, range) && !dedup.duplicate(record)) countGuarded(record, (r) => counter.add(r), reporter);
      }
    }
    if (options.partial) return { rows: [], columns: [], text: () => partialText(counter.partial()), notes: () => dedup.notes() };
    const rows = counter.rows(options.top as number);
    const months = rows[0]?.months.map((m) => m.period) ?? [];
    const marks = sparklineWidth(width);
    const topText = (r: SourceRow) => r.top.map((e) => `${e.name} (${e.documents})`).join(', ');
    return {
      rows,
      columns: [
        { header: options.by as string, value: (r: SourceRow) => r.name, maxWidth: 32 },
        { header: 'articles', value: (r: SourceRow) => r.articles, align: 'right' },
        { header: 'per month', value: (r: SourceRow) => sparkline(r.months.map((m) => m.articles), marks), style: (t: string) => chalk.cyan(t), keep: true },
        { header: 'first', value: (r: SourceRow) => r.first, keep: true },
        { header: 'last', value: (r: SourceRow) => r.last, keep: true },
        { header: 'top entities', value: topText, maxWidth: 70 },
      ],
      csvColumns: [
        { header: 'name', value: (r: SourceRow) => r.name },
        { header: 'by', value: (r: SourceRow) => r.by },
        { header: 'articles', value: (r: SourceRow) => r.articles },
        { header: 'first', value: (r: SourceRow) => r.first },
        { header: 'last', value: (r: SourceRow) => r.last },
        { header: 'top', value: (r: SourceRow) => r.top.map((e) => `${e.name} (${e.type}, ${e.documents})`).join('; ') },
      ],
      notes: () => [...(months.length ? [`per month: ${months[0]} to ${months[months.length - 1]}${monthsPerMark(months.length, marks)}`] : []), ...dedup.notes()],
    };
  },
};
