// mine report: one self-contained HTML page to look at a corpus: overview, entities, timelines, network, sources, keywords, concordance.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inDateRange } from '../aggregate/filters.js';
import { KWIC_LINES, ReportCollector } from '../aggregate/report.js';
import { UsageError } from '../errors.js';
import { formatBytes } from '../io/sizes.js';
import { reportHtml } from '../render/report/html.js';
import type { ReportPage } from '../render/report/page.js';
import { hasEntities } from '../types.js';
import type { CommandSpec } from './command.js';
import { countGuarded, documents, type InputTally } from './documents.js';
import { addDateOptions, addInputOptions, addNerOptions, dateRange, documentOptions } from './options.js';

export const reportCommand: CommandSpec = {
  name: 'report',
  arguments: '[paths...]',
  summary: 'one HTML page to look at the corpus: entities, timelines, network, sources, keywords, concordance (works offline)',
  examples: ['mine report ./dumps', 'mine report -o coverage.html --title "Coverage, spring 2024" ./dumps', 'mine report --since 2024-01 ./dumps -o - > report.html'],
  csv: false,
  printsRows: false,
  configure(command) {
    command
      .addHelpText('after', '\nThe page holds its data, style and script: nothing is fetched when it is opened. An existing file is replaced; the path written is printed on stderr.')
      .option('-o, --output <file>', 'the HTML file to write (- for stdout)', 'report.html')
      .option('--title <text>', 'the page title (default: "mine report" and the inputs)');
    addDateOptions(command);
    addInputOptions(command);
    addNerOptions(command);
  },
  async run(paths, options, { reporter }) {
    const output = String(options.output);
    if (output !== '-' && fs.existsSync(output) && fs.statSync(output).isDirectory()) throw new UsageError(`--output ${output} is a folder: give a file name (e.g. ${path.join(output, 'report.html')})`);
    const range = dateRange(options);
    const collector = new ReportCollector();
    // A report written into a folder it reads is not one of its articles the next time.
    const itself = output === '-' ? undefined : path.resolve(output);
    for await (const record of documents(paths, { ...documentOptions(options, 'ner', true), quotes: true }, reporter)) {
      if (hasEntities(record) && inDateRange(record, range) && path.resolve(record.file) !== itself) countGuarded(record, (r) => collector.add(r), reporter);
    }
    const data = collector.result();
    const base = path.dirname(path.resolve(output === '-' ? '.' : output));
    const links = Object.fromEntries(Object.entries(data.sources).flatMap(([index, s]) => {
      const href = s.url ?? (s.file === '-' ? undefined : relativeHref(base, s.file));
      return href ? [[Number(index), href]] : [];
    }));
    const page: ReportPage = {
      title: (options.title as string | undefined) ?? `mine report: ${paths.join(' ')}`,
      generated: new Date().toISOString(),
      summary: overview(reporter.tally),
      data,
      links,
      kwicLines: KWIC_LINES,
    };
    const html = reportHtml(page);
    // A report of the documents read before Ctrl-C would pass for one of all inputs: it replaces no file.
    const interrupted = reporter.interruption?.aborted === true;
    const toFile = output !== '-' && !interrupted;
    if (toFile) writeAtomically(output, html);
    return {
      rows: [],
      columns: [],
      text: () => (output === '-' && !interrupted ? html : ''),
      notes: () => (toFile ? [`report written to ${output} (${formatBytes(Buffer.byteLength(html))}, ${data.articles.length} articles)`] : interrupted ? ['no report written: the run was interrupted'] : []),
    };
  },
};

/** The overview's counts of the run's inputs. */
function overview(tally: InputTally | undefined): ReportPage['summary'] {
  if (!tally) return { inputs: 0, records: 0, skipped: [], ignored: [] };
  const ignored = [...tally.ignoredByExtension].map(([extension, n]): [string, number] => [extension || '(none)', n]);
  return { inputs: tally.inputs, records: tally.records, skipped: [...tally.skips], ignored };
}

/** A link from the report's folder to an input file: relative, so the report and its inputs can move together. */
function relativeHref(from: string, file: string): string {
  const relative = path.relative(from, path.resolve(file));
  if (path.isAbsolute(relative)) return pathToFileURL(path.resolve(file)).href; // another drive (Windows)
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** Writes through a temporary file in the same folder, so that a failed run never leaves half a report in place. */
function writeAtomically(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
  }
}
