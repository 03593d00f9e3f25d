// mine tone: lexicon tone of whole articles and of the sentences that mention each entity, over the corpus or per period.
import { inDateRange } from '../aggregate/filters.js';
import { entityAnswers } from '../aggregate/kwic.js';
import { GRANULARITIES, type Granularity } from '../aggregate/periods.js';
import { ToneCounter, type ToneRow } from '../aggregate/tone.js';
import { typeColor } from '../render/color.js';
import type { Column } from '../render/table.js';
import { hasEntities, type EntityType } from '../types.js';
import { oneOf, positiveInt, type CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addDateOptions, addInputOptions, addNerOptions, countingOptions, dateRange } from './options.js';

/** Words --explain lists per row. */
const EXPLAINED_WORDS = 6;

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

export const toneCommand: CommandSpec = {
  name: 'tone',
  arguments: '[paths...]',
  summary: 'lexicon tone (AFINN) of articles and of the sentences mentioning each entity',
  examples: ['mine tone ./dumps', 'mine tone --entity Lavrov --by month ./dumps', 'mine tone --entity NATO --explain ./dumps'],
  csv: true,
  configure(command) {
    command
      .option('--entity <name>', "only this entity (canonical name, a name used for it, or a person's surname), beside all articles")
      .option('--by <period>', `per period (${GRANULARITIES.join(', ')})`, oneOf('--by', GRANULARITIES))
      .option('--top <n>', 'only the N entities in most sentences', positiveInt('--top'))
      .option('--explain', 'the words that drove each score');
    addDateOptions(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const by = options.by as Granularity | undefined;
    const range = dateRange(options);
    const counter = new ToneCounter(by);
    for await (const record of documents(paths, { ...countingOptions(options), countsOnly: true, tone: true }, reporter)) {
      if (hasEntities(record) && inDateRange(record, range)) counter.add(record);
    }
    const query = options.entity as string | undefined;
    const keep = (e: { name: string; type: EntityType; aliases: string[] }) => query === undefined || entityAnswers({ ...e, count: 0, mentions: [] }, query);
    let rows = counter.rows(keep, options.explain ? EXPLAINED_WORDS : 0);
    const top = options.top as number | undefined;
    if (top !== undefined) {
      // All articles, and the top entities of each period.
      const shown = new Map<string, number>();
      rows = rows.filter((r) => {
        if (r.type === null) return true;
        const n = (shown.get(r.period ?? '') ?? 0) + 1;
        shown.set(r.period ?? '', n);
        return n <= top;
      });
    }
    const columns: Column<ToneRow>[] = [
      ...(by ? [{ header: 'period', value: (r: ToneRow) => r.period ?? '' }] : []),
      { header: 'of', value: (r: ToneRow) => (r.type === null ? '(all articles)' : r.name), style: (t: string, r: ToneRow) => (r.type ? typeColor(chalk, r.type)(t) : chalk.bold(t)), maxWidth: 40 },
      { header: 'articles', value: (r: ToneRow) => r.articles, align: 'right' },
      { header: 'sentences', value: (r: ToneRow) => (r.type === null ? '' : r.units), align: 'right' },
      { header: 'words', value: (r: ToneRow) => r.words, align: 'right' },
      { header: 'tone', value: (r: ToneRow) => r.tone.toFixed(2), style: (t: string, r: ToneRow) => (r.tone > 0 ? chalk.green(t) : r.tone < 0 ? chalk.red(t) : t), align: 'right' },
      { header: 'positive %', value: (r: ToneRow) => r.positive.toFixed(2), align: 'right' },
      { header: 'negative %', value: (r: ToneRow) => r.negative.toFixed(2), align: 'right' },
    ];
    if (options.explain) columns.push({ header: 'driven by', value: (r: ToneRow) => (r.drivers ?? []).map((d) => `${d.word} ${signed(d.value)}`).join(', '), maxWidth: 60 });
    const csvColumns: Column<ToneRow>[] = [
      ...(by ? [{ header: 'period', value: (r: ToneRow) => r.period ?? '' }] : []),
      { header: 'name', value: (r: ToneRow) => (r.type === null ? '' : r.name) },
      { header: 'type', value: (r: ToneRow) => r.type ?? 'articles' },
      { header: 'articles', value: (r: ToneRow) => r.articles },
      { header: 'sentences', value: (r: ToneRow) => (r.type === null ? '' : r.units) },
      { header: 'words', value: (r: ToneRow) => r.words },
      { header: 'tone', value: (r: ToneRow) => r.tone },
      { header: 'positive', value: (r: ToneRow) => r.positive },
      { header: 'negative', value: (r: ToneRow) => r.negative },
      ...(options.explain ? [{ header: 'drivers', value: (r: ToneRow) => (r.drivers ?? []).map((d) => `${d.word} ${signed(d.value)}`).join('; ') }] : []),
    ];
    return {
      rows,
      columns,
      csvColumns,
      notes: () => [
        ...(query !== undefined && !rows.some((r) => r.type !== null) ? [`no entity called '${query}' in these articles (try: mine entities PATH to list them)`] : []),
        'tone: AFINN valences per 100 words (negations turn the sign); a count of words, not a reading: see README "mine tone"',
      ],
    };
  },
};
