// mine quotes: every quotation with its speaker (one row each), or with --by speaker, one row per speaker.
import { inDateRange, nameMatcher, onSite } from '../aggregate/filters.js';
import { findQuotes, SpeakerCounter, type Quote, type SpeakerRow } from '../aggregate/quotes.js';
import { CorpusPeople } from '../aggregate/resolve-corpus.js';
import { typeColor } from '../render/color.js';
import { hasEntities } from '../types.js';
import { oneOf, type CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addDateOptions, addInputOptions, addNerOptions, countingOptions, dateRange } from './options.js';

const GROUPINGS = ['speaker'] as const;

/** Whether a quotation's speaker answers to a query: canonical name, words used for it, or a person's surname. */
function speakerAnswers(query: string): (q: Quote) => boolean {
  const same = nameMatcher(query);
  const surname = query.trim().toLowerCase();
  return (q) => (q.speaker !== null && (same(q.speaker) || (q.speakerType === 'person' && q.speaker.toLowerCase().split(' ').at(-1) === surname))) || (q.speakerText !== null && same(q.speakerText));
}

export const quotesCommand: CommandSpec = {
  name: 'quotes',
  arguments: '[paths...]',
  summary: 'quotations (direct and reported speech) with their speakers',
  examples: ['mine quotes ./dumps', 'mine quotes --entity Lavrov --json ./dumps', 'mine quotes --by speaker ./dumps', 'mine quotes --csv ./dumps > quotes.csv'],
  csv: true,
  configure(command) {
    command
      .option('--entity <name>', "only quotations of this speaker (canonical name, a name used for it, or a person's surname)")
      .option('--by <grouping>', 'one row per speaker: quotations, articles, first and last date, entities most mentioned in their quotations', oneOf('--by', GROUPINGS))
      .option('--site <name>', 'only articles from this site (case-insensitive)');
    addDateOptions(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const range = dateRange(options);
    const site = options.site as string | undefined;
    const wanted = options.entity === undefined ? () => true : speakerAnswers(String(options.entity));
    const found: Quote[] = [];
    const people = new CorpusPeople();
    for await (const record of documents(paths, { ...countingOptions(options), countsOnly: true, quotes: true }, reporter)) {
      if (!hasEntities(record)) continue;
      people.add(record.entities);
      if (!inDateRange(record, range) || !onSite(record, site)) continue;
      // Records of a run recorded in the cache come whole, without quotations; and a cached record may have been read under another path.
      for (const q of (record as { quotes?: Quote[] }).quotes ?? findQuotes(record)) found.push(q.file === record.file ? q : { ...q, file: record.file });
    }
    // Speakers under the name the corpus resolves them to, as mine entities counts them; --entity takes every
    // quotation of a person one of whose names answers.
    const nameOf = people.resolver() ?? ((name: string) => name);
    const resolvedSpeaker = (q: Quote) => (q.speakerType === 'person' && q.speaker !== null ? nameOf(q.speaker) : q.speaker);
    const answering = new Set(found.filter((q) => q.speakerType === 'person' && wanted(q)).map(resolvedSpeaker));
    const quotes = found.filter((q) => wanted(q) || answering.has(resolvedSpeaker(q))).map((q) => ({ ...q, speaker: resolvedSpeaker(q) }));
    if (options.by) {
      const speakers = new SpeakerCounter();
      speakers.add(quotes);
      const rows = speakers.rows();
      return {
        rows,
        columns: [
          { header: 'speaker', value: (r: SpeakerRow) => r.speaker, style: (t: string, r: SpeakerRow) => (r.type ? typeColor(chalk, r.type)(t) : t), maxWidth: 40 },
          { header: 'type', value: (r: SpeakerRow) => r.type ?? '' },
          { header: 'quotes', value: (r: SpeakerRow) => r.quotes, align: 'right' },
          { header: 'articles', value: (r: SpeakerRow) => r.articles, align: 'right' },
          { header: 'first', value: (r: SpeakerRow) => r.first ?? '' },
          { header: 'last', value: (r: SpeakerRow) => r.last ?? '' },
          { header: 'mentions in quotes', value: (r: SpeakerRow) => r.mentioned.join(', '), maxWidth: 40 },
        ],
        notes: () => (rows.length ? [] : ['no quotation found']),
      };
    }
    return {
      rows: quotes,
      columns: [
        { header: 'date', value: (q: Quote) => q.published?.slice(0, 10) ?? '' },
        { header: 'speaker', value: (q: Quote) => q.speaker ?? (q.speakerText ? `(${q.speakerText})` : ''), style: (t: string, q: Quote) => (q.speakerType ? typeColor(chalk, q.speakerType)(t) : t), maxWidth: 30 },
        { header: 'verb', value: (q: Quote) => q.verb ?? '' },
        { header: 'kind', value: (q: Quote) => q.kind },
        { header: 'quotation', value: (q: Quote) => q.text.replace(/\s+/g, ' '), maxWidth: 80 },
        { header: 'file', value: (q: Quote) => q.file, maxWidth: 30 },
      ],
      csvColumns: (['file', 'id', 'published', 'site', 'speaker', 'speakerType', 'speakerText', 'verb', 'kind', 'text', 'start', 'end', 'field'] as const).map((key) => ({ header: key, value: (q: Quote) => q[key] ?? '' })),
      notes: () => (quotes.length ? [`${quotes.length} quotation(s)`] : ['no quotation found']),
    };
  },
};
