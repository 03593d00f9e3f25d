// mine entities: one row per entity over all articles: mentions, documents, first and last date seen.
import { EntityCounter, type EntitiesPartial, type EntityRow } from '../aggregate/entities.js';
import { inDateRange } from '../aggregate/filters.js';
import { typeColor } from '../render/color.js';
import { ENTITY_TYPES, hasEntities, type EntityType } from '../types.js';
import { listOf, positiveInt, type CommandSpec } from './command.js';
import { countGuarded, documents } from './documents.js';
import { mergePartials, partialText } from './partial.js';
import { isApartLine } from '../aggregate/resolve-corpus.js';
import { addDateOptions, addDedupOption, addInputOptions, addNerOptions, countingOptions, dateRange, dedupFilter } from './options.js';

const JSON_MERGE_NOTE = 'some inputs are rows of --json, not --partial: two people their documents named apart may be counted as one (merge --partial outputs for exact counts)';

/** A line of `mine entities --partial` or a row of `--json`; anything else throws, and mergePartials reports it. */
function entitiesLine(line: Record<string, unknown>): EntitiesPartial {
  if (line.partial === 'entities' || isApartLine(line) || isEntityRow(line)) return line as EntitiesPartial;
  throw new Error(`not a line of mine entities --partial or --json: ${JSON.stringify(line).slice(0, 60)}`);
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
      .option('--partial', 'print the counts to merge later (NDJSON) instead of the rows: for one partition of a corpus')
      .option('--merge', 'the paths are outputs of earlier `mine entities --partial` (or --json) runs to add up');
    addDateOptions(command);
    addDedupOption(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const counter = new EntityCounter();
    const dedup = dedupFilter(options);
    // Each --partial output starts with a header; rows of --json lack the pairs of names their documents kept apart.
    let partials = 0;
    const merge = (line: EntitiesPartial) => {
      if ('partial' in line) partials++;
      counter.addPartial(line);
    };
    if (options.merge) await mergePartials(paths, (line) => merge(entitiesLine(line)), reporter);
    else {
      const range = dateRange(options);
      for await (const record of documents(paths, { ...countingOptions(options), quotes: 'speakers' }, reporter)) {
        if (hasEntities(record) && inDateRange(record, range) && !dedup.duplicate(record)) countGuarded(record, (r) => counter.add(r), reporter);
      }
    }
    if (options.partial) return { rows: [], columns: [], text: () => partialText(counter.partial()), notes: () => dedup.notes() };
    let rows = counter.rows();
    if (options.type) rows = rows.filter((r) => (options.type as EntityType[]).includes(r.type));
    if (options.top !== undefined) rows = rows.slice(0, options.top as number);
    return {
      rows,
      notes: () => [...(options.merge && partials < paths.length ? [JSON_MERGE_NOTE] : []), ...dedup.notes()],
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
