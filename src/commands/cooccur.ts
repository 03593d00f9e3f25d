// mine cooccur: which entities are mentioned together, how often, and how much more than chance; as a table or a graph file.
import { Option } from 'commander';
import { CooccurrenceCounter, MAX_PAIRS, UNIT_ENTITIES, WINDOWS, type CooccurPartial, type Pair, type Window } from '../aggregate/cooccur.js';
import { inDateRange, onSite } from '../aggregate/filters.js';
import { UsageError } from '../errors.js';
import { typeColor } from '../render/color.js';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from '../render/graph.js';
import { ENTITY_TYPES, hasEntities, type EntityType } from '../types.js';
import { listOf, oneOf, positiveInt, type CommandSpec } from './command.js';
import { addChartSizeOptions, CHART_FORMATS, chartOutput, isChartFormat, refuseBinaryOnTerminal } from './chart.js';
import { countGuarded, documents } from './documents.js';
import { mergePartials, partialText } from './partial.js';
import { addDateOptions, addDedupOption, addInputOptions, addNerOptions, dateRange, dedupFilter, documentOptions } from './options.js';

const SUMMARY = 'entities mentioned together: articles shared per pair and their association (PMI); table or graph file';

/** Pairs in the table when --top is not given (JSON, CSV and graph files get them all). */
const TABLE_TOP = 50;
/** Pairs drawn in an SVG or PNG chart when --top is not given: more would be a hairball. */
const CHART_TOP = 100;

export const cooccurCommand: CommandSpec = {
  name: 'cooccur',
  arguments: '[paths...]',
  summary: SUMMARY,
  examples: [
    'mine cooccur ./dumps',
    'mine cooccur --entity Lavrov --window sentence ./dumps',
    'mine cooccur --type person,country --min-docs 3 --json ./dumps',
    'mine cooccur --format gexf ./dumps > coverage.gexf',
    'mine cooccur --top 60 --format png ./dumps > network.png',
  ],
  csv: true,
  configure(command) {
    command
      .summary(SUMMARY)
      .description(
        'Pairs of entities mentioned in the same article (or, with --window sentence, the same sentence), most articles shared first.\n' +
          'PMI: log2 of how much more often the two share an article than chance (0: as often as chance, 1: twice as often).\n' +
          'npmi is PMI scaled to -1..1 (1: always together, 0: independent, -1: never together); a pair in every article counted ' +
          '(PMI 0 over a self-information of 0) is never apart, so its npmi is 1.\n' +
          'mentions: over the shared articles (or sentences), the sum of the fewer mentions of the two.\n' +
          `Bounds: in an article (or sentence) naming more than ${UNIT_ENTITIES} entities, only pairs among its ${UNIT_ENTITIES} most mentioned count.\n` +
          'Past --max-pairs pairs held, the rarest are dropped (lossy counting): counts may then be short by a few documents, and a note says by how many.\n' +
          'Over partitions of a corpus: --partial on each, then --merge of the partials gives the counts of one run (see README).',
      )
      .option('--window <unit>', `together in the same ${WINDOWS.join(' or ')}`, oneOf('--window', WINDOWS), 'document')
      .option('--entity <name>', "only this entity's pairs: canonical name or any alias seen (case-insensitive)")
      .option('--min-docs <n>', 'only pairs sharing at least N articles', positiveInt('--min-docs'), 2)
      .option('--type <types>', `only pairs whose two entities are of these types (${ENTITY_TYPES.join(', ')}; comma-separated)`, listOf('--type', ENTITY_TYPES))
      .option('--top <n>', `only the first N pairs (default: ${TABLE_TOP} in the table, all otherwise)`, positiveInt('--top'))
      .option('--site <name>', 'only articles from this site (case-insensitive)')
      .option('--max-pairs <n>', 'pairs held in memory before the rarest are dropped', positiveInt('--max-pairs'), MAX_PAIRS)
      .option('--partial', 'print the counts to merge later (NDJSON) instead of the pairs: for one partition of a corpus')
      .option('--merge', 'the paths are outputs of earlier `mine cooccur --partial` runs to add up')
      .addOption(
        new Option('--format <format>', `print the graph instead of the table: ${[...GRAPH_FORMATS, ...CHART_FORMATS].join(', ')} (csv: an edge list; svg, png: a chart of the first ${CHART_TOP} pairs unless --top)`)
          .argParser(oneOf('--format', [...GRAPH_FORMATS, ...CHART_FORMATS]))
          .conflicts(['json', 'ndjson', 'csv']),
      );
    addChartSizeOptions(command);
    addDateOptions(command);
    addDedupOption(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk, format: output }) {
    const entity = options.entity === undefined ? undefined : String(options.entity).trim();
    if (entity === '') throw new UsageError('--entity needs a name');
    refuseBinaryOnTerminal(options.format);
    const site = options.site as string | undefined;
    const counter = new CooccurrenceCounter(options.window as Window, options.maxPairs as number);
    const range = dateRange(options);
    const dedup = dedupFilter(options);
    if (options.merge) await mergePartials(paths, (line) => counter.addPartial(line as CooccurPartial), reporter);
    else {
      for await (const record of documents(paths, documentOptions(options, 'ner', true), reporter)) {
        if (!hasEntities(record) || !inDateRange(record, range)) continue;
        if (!onSite(record, site)) continue;
        if (!dedup.duplicate(record)) countGuarded(record, (r) => counter.add(r), reporter);
      }
    }
    if (options.partial) return { rows: [], columns: [], text: () => partialText(counter.partial()), notes: () => dedup.notes() };
    const table = output === 'table' && !options.format;
    const chart = isChartFormat(options.format) ? options.format : undefined;
    const top = (options.top as number | undefined) ?? (table ? TABLE_TOP : chart ? CHART_TOP : undefined);
    const result = counter.result({ entity, minDocs: options.minDocs as number, types: options.type as EntityType[] | undefined, top });
    const format = chart ? undefined : (options.format as GraphFormat | undefined);
    const draw = async () => {
      const { networkSvg } = await import('../render/chart/network-svg.js');
      const title = `${result.entity ? `Entities mentioned with ${result.entity.name}` : 'Entities mentioned together'}: ${result.nodes.length} entities, ${result.pairs.length} pairs, ${result.articles} articles`;
      return networkSvg({ title, nodes: result.nodes, pairs: result.pairs, width: options.width as number | undefined, height: options.height as number | undefined });
    };
    const colored = (name: 'a' | 'b') => (text: string, p: Pair) => typeColor(chalk, name === 'a' ? p.aType : p.bType)(text);
    return {
      rows: result.pairs,
      ...(chart ? chartOutput(chart, draw) : { text: format ? () => renderGraph(result, format) : undefined }),
      matched: () => result.entity !== null,
      columns: [
        { header: 'a', value: (p: Pair) => p.a, style: colored('a'), maxWidth: 40 },
        { header: 'b', value: (p: Pair) => p.b, style: colored('b'), maxWidth: 40 },
        { header: 'documents', value: (p: Pair) => p.documents, align: 'right' },
        { header: 'mentions', value: (p: Pair) => p.mentions, align: 'right' },
        { header: 'npmi', value: (p: Pair) => p.npmi.toFixed(2), align: 'right' },
      ],
      csvColumns: (['a', 'b', 'aType', 'bType', 'documents', 'mentions', 'pmi', 'npmi'] as const).map((key) => ({ header: key, value: (p: Pair) => p[key] })),
      notes: () => {
        const notes: string[] = [];
        if (result.entity === null) notes.push(`no entity called '${entity}' in these articles (try: mine entities PATH to list them)`);
        else if (result.entity) notes.push(`pairs with ${result.entity.name} (${result.entity.type})`);
        if (result.pairs.length < result.total) notes.push(`${result.pairs.length} of ${result.total} pairs shown (--top to change)`);
        const shared = options.window === 'sentence' ? 'a sentence in at least' : 'at least';
        notes.push(`${result.articles} article(s) counted; pairs sharing ${shared} ${options.minDocs} of them (--min-docs)`);
        if (result.cutArticles) notes.push(`${result.cutArticles} article(s) name over ${UNIT_ENTITIES} entities in one ${options.window}: only pairs of the ${UNIT_ENTITIES} most mentioned counted`);
        if (result.missed) notes.push(`more pairs than --max-pairs: the rarest were dropped, so counts may be short by up to ${Math.min(result.missed, result.articles)} document(s)`);
        return [...notes, ...dedup.notes()];
      },
    };
  },
};
