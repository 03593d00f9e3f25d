// mine keywords: the most distinctive words and phrases of a corpus (TF-IDF), or of a subset against the rest (keyness).
import { inDateRange, onSite } from '../aggregate/filters.js';
import { EntityQuery } from '../aggregate/kwic.js';
import { KeywordCounter, type Keyword } from '../aggregate/keywords.js';
import { UsageError } from '../errors.js';
import type { Column } from '../render/table.js';
import { hasEntities } from '../types.js';
import { oneOf, positiveInt, type CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addDateOptions, addInputOptions, addNerOptions, dateRange, documentOptions } from './options.js';

const NGRAMS = ['1', '2', '3'] as const;

export const keywordsCommand: CommandSpec = {
  name: 'keywords',
  arguments: '[paths...]',
  summary: 'distinctive words and phrases: TF-IDF over the corpus, or keyness of a subset against the rest',
  examples: ['mine keywords ./dumps', 'mine keywords --entity "Wang Yi" ./dumps', 'mine keywords --since 2025-01 --ngrams 2 --csv ./dumps'],
  csv: true,
  configure(command) {
    command
      .addHelpText(
        'after',
        '\nTerms are words and phrases of up to --ngrams words, neither starting nor ending with a stop word or number.\n' +
          'Without a subset, terms are ranked by TF-IDF: the sum over articles of count x ln(articles / articles with the term).\n' +
          'With --entity, --site, --since or --until, the articles they select are compared with the others: terms relatively\n' +
          "more frequent there, ranked by Dunning's log-likelihood G2; the log ratio is log2 of the ratio of their relative\n" +
          'frequencies (1: twice as frequent). A phrase that holds more than 80% of a shorter term\'s uses replaces it.',
      )
      .option('--top <n>', 'how many terms', positiveInt('--top'), 30)
      .option('--min-docs <n>', 'only terms in at least N articles', positiveInt('--min-docs'), 2)
      .option('--ngrams <n>', 'longest phrase, in words (1, 2 or 3)', oneOf('--ngrams', NGRAMS), '3')
      .option('--entity <name>', 'subset: articles mentioning this entity (name, alias or surname)')
      .option('--site <name>', 'subset: articles from this site (case-insensitive)');
    addDateOptions(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter }) {
    const entity = options.entity === undefined ? undefined : String(options.entity).trim();
    if (entity === '') throw new UsageError('--entity needs a name');
    const site = options.site as string | undefined;
    const range = dateRange(options);
    const subset = entity !== undefined || site !== undefined || range.since !== undefined || range.until !== undefined;
    const counter = new KeywordCounter(Number(options.ngrams));
    // The entity's articles are those `mine entities` counts for it: name variants resolved over the whole corpus.
    const query = entity === undefined ? undefined : new EntityQuery(entity);
    let resolved: ReturnType<EntityQuery['resolved']> | undefined;
    const answers = (name: string) => (resolved ??= query!.resolved()).answers(name);
    // Entities are needed only to pick a subset by entity; otherwise cleaning is enough.
    const stage = entity === undefined ? 'clean' : 'ner';
    for await (const record of documents(paths, documentOptions(options, stage, true), reporter)) {
      const selected = subset && onSite(record, site) && inDateRange(record, range);
      if (!query) {
        counter.add(record.text, selected, record.language);
        continue;
      }
      const { answering, variants } = query.add(hasEntities(record) ? record.entities : []);
      if (selected && answering.length === 0 && variants.length > 0) counter.addLater(record.text, () => variants.some((e) => answers(e.name)), record.language);
      else counter.add(record.text, selected && answering.length > 0, record.language);
    }
    counter.settle();
    const subsetNote = () => {
      if (counter.subsetSize === 0) return ['no article matches the subset (--entity, --site, --since, --until)'];
      if (counter.restSize === 0) return ['every article is in the subset: there is no rest to compare it with'];
      return [`${counter.subsetSize} article(s) in the subset, compared with the other ${counter.restSize}`];
    };
    const rows = subset ? counter.keyness(options.minDocs as number, options.top as number) : counter.tfidf(options.minDocs as number, options.top as number);
    const counts: Column<Keyword>[] = [
      { header: 'term', value: (k) => k.term },
      { header: 'documents', value: (k) => k.documents, align: 'right' },
      { header: 'count', value: (k) => k.count, align: 'right' },
    ];
    const columns: Column<Keyword>[] = subset
      ? [
          ...counts,
          { header: 'in subset', value: (k) => k.subsetCount, align: 'right' },
          { header: 'G2', value: (k) => k.g2!.toFixed(1), align: 'right' },
          { header: 'log ratio', value: (k) => k.logRatio!.toFixed(2), align: 'right' },
        ]
      : [...counts, { header: 'tf-idf', value: (k) => k.score.toFixed(1), align: 'right' }];
    const fields: Array<keyof Keyword> = ['term', 'words', 'documents', 'count', 'score', ...(subset ? (['subsetCount', 'restCount', 'g2', 'logRatio'] as const) : [])];
    return {
      rows,
      columns,
      // CSV: the JSON field names and full precision.
      csvColumns: fields.map((field) => ({ header: field, value: (k: Keyword) => k[field] })),
      notes: () => (subset ? subsetNote() : []),
      matched: () => entity === undefined || counter.subsetSize > 0,
    };
  },
};
