// The command line: commander wiring, output format, the one try/catch, the summary and the exit code.
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, InputError, UsageError } from './errors.js';
import { exitQuietlyOnBrokenPipe, write } from './io/stdout.js';
import { colorWanted, makeChalk } from './render/color.js';
import { renderCsv } from './render/csv.js';
import { renderTable } from './render/table.js';
import type { CommandSpec, Output } from './commands/command.js';
import type { Reporter } from './commands/documents.js';
import { cleanCommand } from './commands/clean.js';
import { entitiesCommand } from './commands/entities.js';
import { extractCommand } from './commands/extract.js';
import { nerCommand } from './commands/ner.js';
import { timelineCommand } from './commands/timeline.js';

const COMMANDS: CommandSpec[] = [extractCommand, cleanCommand, nerCommand, entitiesCommand, timelineCommand];
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

type Format = 'table' | 'json' | 'ndjson' | 'csv';

/** Counts what happened to the inputs and prints each problem as one line on stderr. */
class RunReport implements Reporter {
  processed_ = 0;
  records = 0;
  readonly skips = new Map<string, number>();
  constructor(private readonly quiet: boolean) {}
  skipped(error: InputError): void {
    this.skips.set(error.reason, (this.skips.get(error.reason) ?? 0) + 1);
    if (!this.quiet) process.stderr.write(`mine: ${error.message}\n`);
  }
  processed(_file: string, records: number): void {
    this.processed_++;
    this.records += records;
  }
  get skippedCount(): number {
    return [...this.skips.values()].reduce((a, b) => a + b, 0);
  }
  summary(): string {
    const reasons = [...this.skips.entries()].map(([reason, n]) => `${n} ${reason}`).join(', ');
    return `mine: ${this.processed_} input(s) processed, ${this.records} record(s)` + (this.skippedCount ? `; ${this.skippedCount} skipped (${reasons})` : '');
  }
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnBrokenPipe();
  const program = new Command('mine')
    .description('Text mining for news coverage: extract articles from page dumps, find who and what they are about, and how that changes over time.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (message, writeErr) => writeErr(`mine: ${message.replace(/^error: /, '').trim()} (see mine --help)\n`) })
    .showSuggestionAfterError(true);
  let exitCode = EXIT_OK;
  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .argument(spec.arguments, 'page dumps (.txt), HTML pages, folders, globs, NDJSON/JSON from another mine command, or - for stdin')
      .description(spec.summary)
      .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`)
      .exitOverride()
      .configureOutput({ outputError: (message, writeErr) => writeErr(`mine ${spec.name}: ${message.replace(/^error: /, '').trim()} (see mine ${spec.name} --help)\n`) });
    command
      .addOption(new Option('--json', 'print a JSON array (or object)').conflicts(['ndjson', 'csv']))
      .addOption(new Option('--ndjson', 'print one JSON record per line, as they are ready').conflicts(['csv']));
    if (spec.csv) command.option('--csv', 'print CSV');
    spec.configure(command);
    command.option('-q, --quiet', 'no warnings or summary on stderr').option('--debug', 'show stack traces of internal errors');
    command.action(async (paths: string[], options: Record<string, unknown>) => {
      exitCode = await runCommand(spec, paths, options);
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (argv.length === 0) {
      process.stderr.write(program.helpInformation());
      return EXIT_USAGE;
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return error.code === 'commander.help' ? EXIT_USAGE : EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`mine: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function runCommand(spec: CommandSpec, paths: string[], options: Record<string, unknown>): Promise<number> {
  const report = new RunReport(options.quiet === true);
  const format: Format = options.json ? 'json' : options.ndjson ? 'ndjson' : options.csv ? 'csv' : 'table';
  const color = format === 'table' && colorWanted();
  const chalk = makeChalk(color);
  if (paths.length === 0) {
    if (process.stdin.isTTY) throw new UsageError(`${spec.name}: no input (give files, folders or globs, or - to read stdin; see mine ${spec.name} --help)`);
    paths = ['-'];
  }
  try {
    const output = await spec.run(paths, options, { reporter: report, chalk });
    await render(output, format, color, chalk.bold);
    if (!options.quiet) for (const note of output.notes?.() ?? []) process.stderr.write(`mine: ${note}\n`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    process.stderr.write(`mine: internal error: ${(error as Error).message}${options.debug ? `\n${(error as Error).stack}` : ' (run with --debug for details)'}\n`);
    return EXIT_SOME_FAILED;
  }
  if (!options.quiet && (report.skippedCount > 0 || process.stderr.isTTY)) process.stderr.write(report.summary() + '\n');
  return report.skippedCount > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

async function render(output: Output<any>, format: Format, color: boolean, bold: (s: string) => string): Promise<void> {
  if (format === 'json' && output.json) {
    for await (const _ of output.rows);
    await write(JSON.stringify(output.json(), null, 1) + '\n');
    return;
  }
  if (format === 'ndjson') {
    for await (const row of output.rows) await write(JSON.stringify(row) + '\n');
    return;
  }
  if (format === 'json') {
    // Streamed as an array so a large corpus never sits in memory as one string.
    let first = true;
    await write('[');
    for await (const row of output.rows) {
      await write((first ? '\n' : ',\n') + JSON.stringify(row));
      first = false;
    }
    await write(first ? ']\n' : '\n]\n');
    return;
  }
  const rows: unknown[] = [];
  for await (const row of output.rows) rows.push(row);
  if (format === 'csv') await write(renderCsv(output.csvColumns ?? output.columns, rows));
  else await write(renderTable(output.columns, rows, { color, bold }));
}
