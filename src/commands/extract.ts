// mine extract: the article (title, date, byline, tags, body) out of each page.
import type { Article, MineRecord } from '../types.js';
import type { Column } from '../render/table.js';
import type { CommandSpec } from './command.js';
import { documents } from './documents.js';
import { addInputOptions, documentOptions } from './options.js';

/** Columns of the article tables (extract, clean). */
export function articleColumns<R extends Article>(): Column<R>[] {
  return [
    { header: 'file', value: (a) => a.file, maxWidth: 40, cut: 'middle' },
    { header: 'date', value: (a) => a.published?.slice(0, 16).replace('T', ' ') ?? '', keep: true },
    { header: 'title', value: (a) => a.title ?? (a.reason ? `(${a.reason})` : ''), maxWidth: 70 },
    { header: 'words', value: (a) => a.words, align: 'right' },
  ];
}

/** A tag without the quotes some sites put around it (`"Russia"`): in CSV they would come out doubled. */
function unquoted(tag: string): string {
  return tag.replace(/^["'“”«»„]+|["'“”«»„]+$/g, '');
}

/** Piped output adds the other metadata fields; CSV also the text. */
export function articleTsvColumns<R extends Article>(): Column<R>[] {
  return [
    { header: 'id', value: (a) => a.id },
    { header: 'file', value: (a) => a.file },
    { header: 'published', value: (a) => a.published },
    { header: 'title', value: (a) => a.title },
    { header: 'author', value: (a) => a.author },
    { header: 'source', value: (a) => a.source },
    { header: 'site', value: (a) => a.site },
    { header: 'tags', value: (a) => a.tags.map(unquoted).join('; ') },
    { header: 'words', value: (a) => a.words },
  ];
}

export function articleCsvColumns<R extends Article>(): Column<R>[] {
  return [...articleTsvColumns<R>(), { header: 'text', value: (a) => a.text }];
}

export const extractCommand: CommandSpec = {
  name: 'extract',
  arguments: '[paths...]',
  summary: 'extract each page\'s article: title, date, byline, source, site, tags and body',
  examples: ['mine extract ./dumps', 'mine extract --json page.txt | jq \'.[0].paragraphs\'', 'mine extract --ndjson ./dumps > articles.ndjson'],
  csv: true,
  configure: addInputOptions,
  async run(paths, options, { reporter }) {
    const rows: AsyncIterable<MineRecord> = documents(paths, documentOptions(options, 'extract'), reporter);
    return { rows, columns: articleColumns(), csvColumns: articleCsvColumns(), tsvColumns: articleTsvColumns() };
  },
};
