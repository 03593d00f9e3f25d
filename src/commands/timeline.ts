// mine timeline: when an entity is in the news: mentions and documents per day, week, month or year.
import { inDateRange } from '../aggregate/filters.js';
import { GRANULARITIES, type Granularity } from '../aggregate/periods.js';
import { TimelineCounter, type TimelinePoint } from '../aggregate/timeline.js';
import { UsageError } from '../errors.js';
import { bar } from '../render/bar.js';
import { hasEntities } from '../types.js';
import { oneOf, type CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addDateOptions, addInputOptions, addNerOptions, dateRange, documentOptions } from './options.js';

export const timelineCommand: CommandSpec = {
  name: 'timeline',
  arguments: '[paths...]',
  summary: 'mentions and documents per period for one entity (empty periods shown as zeros)',
  examples: ['mine timeline --entity Lavrov ./dumps', 'mine timeline --entity "Shanghai Cooperation Organisation" --by year --json ./dumps'],
  csv: true,
  configure(command) {
    command
      .requiredOption('--entity <name>', 'the entity: canonical name or any alias seen (case-insensitive)')
      .option('--by <period>', `period (${GRANULARITIES.join(', ')})`, oneOf('--by', GRANULARITIES), 'month');
    addDateOptions(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const query = String(options.entity).trim();
    if (query === '') throw new UsageError('--entity needs a name');
    const counter = new TimelineCounter(query, options.by as Granularity);
    const range = dateRange(options);
    for await (const record of documents(paths, documentOptions(options, 'ner', true), reporter)) {
      if (hasEntities(record) && inDateRange(record, range)) counter.add(record);
    }
    const timeline = counter.result(range);
    const series = timeline?.series ?? [];
    const peak = Math.max(1, ...series.map((p) => p.documents));
    return {
      rows: series,
      json: () => timeline ?? { entity: null, by: options.by, series: [], undated: 0 },
      columns: [
        { header: 'period', value: (p: TimelinePoint) => p.period },
        { header: 'documents', value: (p: TimelinePoint) => p.documents, align: 'right' },
        { header: 'mentions', value: (p: TimelinePoint) => p.mentions, align: 'right' },
        { header: '', value: (p: TimelinePoint) => bar(p.documents, peak, 30), style: (t: string) => chalk.cyan(t) },
      ],
      csvColumns: [
        { header: 'period', value: (p: TimelinePoint) => p.period },
        { header: 'documents', value: (p: TimelinePoint) => p.documents },
        { header: 'mentions', value: (p: TimelinePoint) => p.mentions },
      ],
      notes: () => {
        if (!timeline) return [`no entity called '${query}' in these articles (try: mine entities PATH to list them)`];
        const notes = [`${timeline.entity.name} (${timeline.entity.type}), documents per ${timeline.by}`];
        if (timeline.undated) notes.push(`${timeline.undated} article(s) mentioning it have no date and are not in the timeline`);
        const others = counter.others(timeline);
        if (others.length) notes.push(`'${query}' also matches: ${others.slice(0, 5).join(', ')}`);
        return notes;
      },
    };
  },
};
