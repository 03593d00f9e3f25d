// mine timeline: when entities are in the news: mentions and documents (or share of all articles) per day, week, month or year.
import { Option } from 'commander';
import { inDateRange } from '../aggregate/filters.js';
import { GRANULARITIES, type Granularity } from '../aggregate/periods.js';
import { TimelineCounter, type EntityTimeline, type TimelinePartial, type QueryResult, type Timelines, type TimelinePoint } from '../aggregate/timeline.js';
import { UsageError } from '../errors.js';
import { bar } from '../render/bar.js';
import { typeColor } from '../render/color.js';
import { sparkline } from '../render/sparkline.js';
import type { TimelineChart } from '../render/chart/timeline-svg.js';
import type { Column } from '../render/table.js';
import { hasEntities } from '../types.js';
import { oneOf, type CommandSpec, type Output, type RunContext } from './command.js';
import { addChartSizeOptions, CHART_FORMATS, chartOutput, isChartFormat, refuseBinaryOnTerminal, type ChartFormat } from './chart.js';
import { countGuarded, documents } from './documents.js';
import { mergePartials, partialText } from './partial.js';
import { addDateOptions, addDedupOption, addInputOptions, addNerOptions, countingOptions, dateRange, dedupFilter } from './options.js';

/** Width the tables are laid out to fit when the terminal's is not known. */
const TABLE_WIDTH = 100;
/** Widest bar of the one-entity table. */
const BAR_WIDTH = 30;

export const timelineCommand: CommandSpec = {
  name: 'timeline',
  arguments: '[paths...]',
  summary: 'mentions and documents per period for one or more entities (empty periods shown as zeros)',
  examples: [
    'mine timeline --entity Lavrov ./dumps',
    'mine timeline --entity "Shanghai Cooperation Organisation" --by year --json ./dumps',
    'mine timeline --entity Lavrov --entity "Wang Yi" --share ./dumps',
    'mine timeline --entity Lavrov --entity "Wang Yi" --format png ./dumps > timeline.png',
  ],
  csv: true,
  configure(command) {
    command
      .option('--entity <name>', 'an entity: canonical name or any alias seen (case-insensitive); repeat for several', collect)
      .option('--by <period>', `period (${GRANULARITIES.join(', ')})`, oneOf('--by', GRANULARITIES), 'month')
      .option('--share', 'also the share of all articles in each period that mention the entity')
      .option('--quotes', "also the entity's quotations (as speaker, see mine quotes) per period; with one --entity the bars show them")
      .option('--partial', "print every entity's counts to merge later (NDJSON), for one partition of a corpus; no --entity needed")
      .option('--merge', 'the paths are outputs of earlier `mine timeline --partial` runs (same --by) to add up, in input order')
      .addOption(
        new Option('--format <format>', `a chart instead of the table: ${CHART_FORMATS.join(' or ')} (documents, or share with --share; one entity as bars, several as lines)`)
          .argParser(oneOf('--format', CHART_FORMATS))
          .conflicts(['json', 'ndjson', 'csv', 'partial']),
      );
    addChartSizeOptions(command);
    addDateOptions(command);
    addDedupOption(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, context) {
    const queries = ((options.entity as string[] | undefined) ?? []).map((q) => q.trim());
    if (queries.length === 0 && !options.partial) throw new UsageError("timeline: required option '--entity <name>' not specified");
    if (queries.some((q) => q === '')) throw new UsageError('--entity needs a name');
    refuseBinaryOnTerminal(options.format);
    const share = options.share === true;
    const counter = new TimelineCounter(queries, options.by as Granularity, options.quotes === true);
    const range = dateRange(options);
    const dedup = dedupFilter(options);
    if (options.merge) await mergePartials(paths, (line) => counter.addPartial(line as TimelinePartial), context.reporter);
    else {
      for await (const record of documents(paths, { ...countingOptions(options), quotes: options.quotes === true }, context.reporter)) {
        if (hasEntities(record) && inDateRange(record, range) && !dedup.duplicate(record)) countGuarded(record, (r) => counter.add(r), context.reporter);
      }
    }
    if (options.partial) return { rows: [], columns: [], text: () => partialText(counter.partial()), notes: () => dedup.notes() };
    const timelines = counter.result(range, { share });
    const output = isChartFormat(options.format)
      ? chart(timelines, share, options.format, options)
      : queries.length === 1
        ? oneEntity(timelines, share, context)
        : severalEntities(timelines, share, context);
    return { ...output, notes: () => [...output.notes!(), ...dedup.notes()] };
  },
};

/** Commander collector: every --entity given, in order. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function percent(share: number | undefined): string {
  return `${((share ?? 0) * 100).toFixed(1)}%`;
}

function notFound(query: string): string {
  return `no entity called '${query}' in these articles (try: mine entities PATH to list them)`;
}

/** One --entity: the table and JSON as before several were possible, plus total (and share) per point. */
function oneEntity({ by, results: [result] }: Timelines, share: boolean, { chalk, width }: RunContext): Output<TimelinePoint> {
  const { query, timeline, others } = result!;
  const series = timeline?.series ?? [];
  const quotes = series.some((p) => p.quotes !== undefined);
  const measure = (p: TimelinePoint) => (quotes ? p.quotes! : share ? p.share! : p.documents);
  const peak = Math.max(0, ...series.map(measure));
  const columns: Column<TimelinePoint>[] = [
    { header: 'period', value: (p) => p.period },
    { header: 'mentions', value: (p) => p.mentions, align: 'right' },
    { header: 'documents', value: (p) => p.documents, align: 'right' },
  ];
  if (quotes) columns.push({ header: 'quotes', value: (p) => p.quotes, align: 'right' });
  const csvColumns = [...columns];
  if (share) {
    columns.push({ header: 'share', value: (p) => percent(p.share), align: 'right' });
    csvColumns.push({ header: 'share', value: (p) => p.share });
  }
  // The bar takes what the other columns leave of the width (each cell has 3 columns of padding and border).
  const used = columns.reduce((sum, c) => sum + Math.max(c.header.length, ...series.map((p) => String(c.value(p)).length)) + 3, 4);
  const barWidth = Math.max(5, Math.min(BAR_WIDTH, (width ?? TABLE_WIDTH) - used));
  columns.push({ header: share ? 'share of articles' : 'documents', value: (p) => bar(measure(p), peak, barWidth), style: (t) => chalk.cyan(t) });
  return {
    rows: series,
    matched: () => Boolean(timeline),
    json: () => (timeline ? { entity: timeline.entity, by, series: timeline.series, undated: timeline.undated } : { entity: null, by, series: [], undated: 0 }),
    columns,
    csvColumns,
    notes: () => {
      if (!timeline) return [notFound(query)];
      const notes = [`${timeline.entity.name} (${timeline.entity.type}), ${share ? 'share of articles' : 'documents'} per ${by}`];
      if (timeline.undated) notes.push(`${timeline.undated} article(s) mentioning it have no date and are not in the timeline`);
      if (others.length) notes.push(`'${query}' also matches: ${others.slice(0, 5).join(', ')}`);
      return notes;
    },
  };
}

/** --format svg|png: the entities' documents (or share) per period as a chart. */
function chart({ by, results, totals }: Timelines, share: boolean, format: ChartFormat, size: { width?: unknown; height?: unknown }): Output {
  const { entities, notes } = distinctTimelines(results);
  const measure = share ? 'share of articles' : 'documents';
  const timelineChart: TimelineChart = {
    title: entities.length === 1 ? `${entities[0]!.entity.name}: ${measure} per ${by}` : `${measure[0]!.toUpperCase()}${measure.slice(1)} per ${by}`,
    periods: totals.map((t) => t.period),
    series: entities.map((t) => ({ name: t.entity.name, type: t.entity.type, values: t.series.map((p) => (share ? p.share! : p.documents)) })),
    measure,
    by,
    percent: share,
    width: size.width as number | undefined,
    height: size.height as number | undefined,
  };
  const draw = async () => (await import('../render/chart/timeline-svg.js')).timelineSvg(timelineChart);
  return { rows: [], columns: [], ...chartOutput(format, draw), matched: () => entities.length > 0, notes: () => notes };
}

/** A row of the several-entities table: one period, one point per entity. */
interface WideRow {
  period: string;
  points: TimelinePoint[];
}

/** A row of the several-entities CSV and NDJSON: one period of one entity. */
interface LongRow extends TimelinePoint {
  entity: string;
  type: string;
}

/** Several --entity: one column per entity in the table, long format in CSV and NDJSON. */
function severalEntities({ by, results, totals }: Timelines, share: boolean, { chalk, format, width }: RunContext): Output<WideRow> | Output<LongRow> {
  const { entities, notes } = distinctTimelines(results);
  const json = () => ({ by, entities, totals });
  const summary = () => [
    ...notes,
    ...entities.map((t) => {
      const documents = t.series.reduce((sum, p) => sum + p.documents, 0);
      const line = sparkline(t.series.map((p) => (share ? p.share! : p.documents)), 40);
      const undated = t.undated ? `, ${t.undated} undated` : '';
      return `${t.entity.name} (${t.entity.type}): ${line} ${share ? 'share of articles' : 'documents'} per ${by}, ${documents} dated article(s)${undated}`;
    }),
  ];
  const matched = () => entities.length > 0;
  if (format === 'csv' || format === 'ndjson' || format === 'tsv') {
    const rows: LongRow[] = totals.flatMap((_, i) =>
      entities.map((t) => {
        const { period, ...counts } = t.series[i]!;
        return { period, entity: t.entity.name, type: t.entity.type, ...counts };
      }),
    );
    const csvColumns: Column<LongRow>[] = [
      { header: 'period', value: (r) => r.period },
      { header: 'entity', value: (r) => r.entity },
      { header: 'documents', value: (r) => r.documents },
      { header: 'mentions', value: (r) => r.mentions },
    ];
    if (share) csvColumns.push({ header: 'share', value: (r) => r.share });
    if (entities.some((t) => t.series.some((p) => p.quotes !== undefined))) csvColumns.push({ header: 'quotes', value: (r) => r.quotes });
    return { rows, json, columns: csvColumns, csvColumns, notes: summary, matched };
  }
  const rows: WideRow[] = totals.map(({ period }, i) => ({ period, points: entities.map((t) => t.series[i]!) }));
  return { rows, json, columns: [{ header: 'period', value: (r: WideRow) => r.period }, ...entityColumns(entities, rows, share, chalk, width ?? TABLE_WIDTH)], notes: summary, matched };
}

/** The entities the queries found, each once (two queries can name one entity: "Lavrov", "Sergey Lavrov"), and notes on the rest. */
function distinctTimelines(results: QueryResult[]): { entities: EntityTimeline[]; notes: string[] } {
  const entities: EntityTimeline[] = [];
  const notes: string[] = [];
  for (const { query, timeline, others } of results) {
    if (!timeline) {
      notes.push(notFound(query));
      continue;
    }
    const same = entities.find((t) => t.entity.name === timeline.entity.name && t.entity.type === timeline.entity.type);
    if (same) notes.push(`'${query}' is ${same.entity.name} again, shown once`);
    else entities.push(timeline);
    if (others.length) notes.push(`'${query}' also matches: ${others.slice(0, 5).join(', ')}`);
  }
  return { entities, notes };
}

/** One column per entity: the number (documents, or share) and, when there is room, a bar on a scale common to all. */
function entityColumns(entities: EntityTimeline[], rows: WideRow[], share: boolean, chalk: RunContext['chalk'], tableWidth: number): Column<WideRow>[] {
  const periodWidth = Math.max(6, ...rows.map((r) => r.period.length));
  // Each cell takes its width plus 3 for padding and border; the line one more for its closing border.
  const width = Math.max(4, Math.floor((tableWidth - 1 - (periodWidth + 3)) / Math.max(1, entities.length)) - 3);
  const measure = (p: TimelinePoint) => (share ? p.share! : p.documents);
  const text = (p: TimelinePoint) => (share ? percent(p.share) : String(p.documents));
  const peak = Math.max(0, ...rows.flatMap((r) => r.points.map(measure)));
  return entities.map((t, i) => {
    const numberWidth = Math.max(1, ...rows.map((r) => text(r.points[i]!).length));
    const barWidth = Math.min(12, width - numberWidth - 1);
    const header = t.entity.name.length > width ? `${t.entity.name.slice(0, width - 1)}…` : t.entity.name;
    if (barWidth < 3) return { header, value: (r: WideRow) => text(r.points[i]!), align: 'right' as const };
    const color = typeColor(chalk, t.entity.type);
    return {
      header,
      value: (r: WideRow) => `${text(r.points[i]!).padStart(numberWidth)} ${bar(measure(r.points[i]!), peak, barWidth)}`,
      style: (cell: string) => cell.slice(0, numberWidth + 1) + color(cell.slice(numberWidth + 1)),
    };
  });
}
