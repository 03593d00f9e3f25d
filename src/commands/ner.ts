// mine ner: each article with its people, countries, organisations and places.
import type { ChalkInstance } from 'chalk';
import { typeColor } from '../render/color.js';
import type { Column } from '../render/table.js';
import type { NerArticle } from '../types.js';
import type { CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addInputOptions, addNerOptions, documentOptions } from './options.js';

const TOP_PER_TYPE = 4;

function entityColumn(type: NerArticle['entities'][number]['type'], header: string, chalk: ChalkInstance): Column<NerArticle> {
  return {
    header,
    value: (a) => a.entities.filter((e) => e.type === type).slice(0, TOP_PER_TYPE).map((e) => `${e.name} (${e.count})`).join(', '),
    style: (text) => typeColor(chalk, type)(text),
    maxWidth: 48,
  };
}

export const nerCommand: CommandSpec = {
  name: 'ner',
  arguments: '[paths...]',
  summary: 'find people, countries, organisations and places in each article',
  examples: [
    'mine ner ./dumps',
    'mine ner --json ./dumps | jq \'.[].entities[] | select(.type=="org") | .name\'',
    'mine ner --raw --json article.txt',
  ],
  csv: true,
  configure(command) {
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter, chalk }) {
    const rows: AsyncIterable<NerArticle> = documents(paths, documentOptions(options, 'ner'), reporter) as AsyncIterable<NerArticle>;
    const columns: Column<NerArticle>[] = [
      { header: 'file', value: (a) => a.file, maxWidth: 30, cut: 'middle' },
      entityColumn('person', 'people', chalk),
      entityColumn('country', 'countries', chalk),
      entityColumn('org', 'organisations', chalk),
    ];
    const csvColumns: Column<NerArticle>[] = [
      { header: 'id', value: (a) => a.id },
      { header: 'file', value: (a) => a.file },
      { header: 'published', value: (a) => a.published },
      { header: 'title', value: (a) => a.title },
      { header: 'entities', value: (a) => a.entities.map((e) => `${e.name}|${e.type}|${e.count}`).join('; ') },
    ];
    return { rows, columns, csvColumns };
  },
};
