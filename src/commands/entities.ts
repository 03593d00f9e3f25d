// mine entities: one row per entity over all articles: mentions, documents, first and last date seen.
import { EntityCounter, type EntityRow } from '../aggregate/entities.js';
import { inDateRange } from '../aggregate/filters.js';
import { typeColor } from '../render/color.js';
import { ENTITY_TYPES, hasEntities, type EntityType } from '../types.js';
import { listOf, positiveInt, type CommandSpec } from './command.js';
import { countGuarded, documents, type Reporter } from './documents.js';
import { InputError } from '../errors.js';
import { readRows } from '../io/rows.js';
import { addDateOptions, addDedupOption, addInputOptions, addNerOptions, countingOptions, dateRange, dedupFilter } from './options.js';

async function mergeRows(paths: string[], counter: EntityCounter, reporter: Reporter): Promise<void> {
  for await (const row of readRows(paths)) {
    if (row instanceof InputError) reporter.skipped(row);
    else if (isEntityRow(row)) counter.addRow(row);
    else reporter.skipped(new InputError(paths.join(' '), 'bad record', `not a row of mine entities --json: ${JSON.stringify(row).slice(0, 60)}`));
  }
}

function isEntityRow(value: unknown): value is EntityRow {
  const r = value as EntityRow;
  return typeof r === 'object' && r !== null && typeof r.name === 'string' && ENTITY_TYPES.includes(r.type) && typeof r.mentions === 'number' && typeof r.documents === 'number' && Array.isArray(r.aliases);
}

export const entitiesCommand: CommandSpec = {
  name: 'entities',
  arguments: '[paths...]',
  summary: 'who and what the coverage is about: mentions and documents per entity',
  examples: ['mine entities ./dumps', 'mine entities --type person --top 20 ./dumps', 'mine entities --since 2023-01 --until 2023-06 --csv ./dumps > entities.csv'],
  csv: true,
  configure(command) {
    command
      .option('--type <types>', `only these types (${ENTITY_TYPES.join(', ')}; comma-separated)`, listOf('--type', ENTITY_TYPES))
      .option('--top <n>', 'only the N most mentioned', positiveInt('--top'))
      .option('--merge', 'the paths are results of earlier `mine entities --json` runs (partial counts) to add up');
    addDateOptions(command);
    addDedupOption(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const counter = new EntityCounter();
    const dedup = dedupFilter(options);
    if (options.merge) await mergeRows(paths, counter, reporter);
    else {
      const range = dateRange(options);
      for await (const record of documents(paths, { ...countingOptions(options), quotes: 'speakers' }, reporter)) {
        if (hasEntities(record) && inDateRange(record, range) && !dedup.duplicate(record)) countGuarded(record, (r) => counter.add(r), reporter);
      }
    }
    let rows = counter.rows();
    if (options.type) rows = rows.filter((r) => (options.type as EntityType[]).includes(r.type));
    if (options.top !== undefined) rows = rows.slice(0, options.top as number);
    return {
      rows,
      notes: () => dedup.notes(),
      columns: [
        { header: 'entity', value: (r: EntityRow) => r.name, style: (t: string, r: EntityRow) => typeColor(chalk, r.type)(t), maxWidth: 48 },
        { header: 'type', value: (r: EntityRow) => r.type, style: (t: string, r: EntityRow) => typeColor(chalk, r.type)(t), keep: true },
        { header: 'mentions', value: (r: EntityRow) => r.mentions, align: 'right' },
        { header: 'documents', value: (r: EntityRow) => r.documents, align: 'right' },
        { header: 'quotes', value: (r: EntityRow) => r.quotes, align: 'right' },
        { header: 'first', value: (r: EntityRow) => r.first, keep: true },
        { header: 'last', value: (r: EntityRow) => r.last, keep: true },
      ],
      csvColumns: [
        { header: 'name', value: (r: EntityRow) => r.name },
        { header: 'type', value: (r: EntityRow) => r.type },
        { header: 'mentions', value: (r: EntityRow) => r.mentions },
        { header: 'documents', value: (r: EntityRow) => r.documents },
        { header: 'quotes', value: (r: EntityRow) => r.quotes },
        { header: 'first', value: (r: EntityRow) => r.first },
        { header: 'last', value: (r: EntityRow) => r.last },
        { header: 'aliases', value: (r: EntityRow) => r.aliases.join('; ') },
      ],
    };
  },
};
