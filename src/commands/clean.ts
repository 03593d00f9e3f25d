// mine clean: extracted articles with normalised text (see README, "What cleaning does").
import type { CommandSpec } from './command.js';
import { documents } from './documents.js';
import { articleColumns, articleCsvColumns, articleTsvColumns } from './extract.js';
import { addInputOptions, documentOptions } from './options.js';

export const cleanCommand: CommandSpec = {
  name: 'clean',
  arguments: '[paths...]',
  summary: 'extract and normalise the text (Unicode NFKC, quotes, dashes, spaces, repeated paragraphs)',
  examples: ['mine clean ./dumps', 'mine extract --ndjson ./dumps | mine clean --ndjson -'],
  csv: true,
  configure: addInputOptions,
  async run(paths, options, { reporter }) {
    return { rows: documents(paths, documentOptions(options, 'clean'), reporter), columns: articleColumns(), csvColumns: articleCsvColumns(), tsvColumns: articleTsvColumns() };
  },
};
