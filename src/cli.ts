// The command line: commander wiring, output format, the one try/catch, the summary and the exit code.
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, InputError, UsageError } from './errors.js';
import { exitQuietlyOnBrokenPipe, write } from './io/stdout.js';
import { escapeForTerminal } from './render/escape.js';
import { Eta, progressLine } from './render/progress.js';
import { renderCsv } from './render/csv.js';
import type { TableOptions } from './render/table.js';
import { renderTsv } from './render/tsv.js';
import { oneOf, type CommandSpec, type Format, type Output } from './commands/command.js';
import { completionScript, SHELLS } from './commands/completion.js';
import type { InputTally, Reporter } from './commands/documents.js';

/** Thrown by the report under --strict at the first input that cannot be used. */
class StrictStop extends Error {
  constructor(readonly cause: InputError) {
    super(`stopped at ${escapeForTerminal(cause.file)} (--strict)`);
  }
}

/** Set by the first Ctrl-C: the run stops taking new inputs, ends the documents in progress and says where it got to. */
export const interruption = new AbortController();

/**
 * The commands, in the order help lists them. Each module (and what it needs: the pipeline, LMDB, the parsers)
 * is imported only when its command runs, or when help lists them all, so that start-up stays small.
 */
const COMMANDS: Record<string, () => Promise<CommandSpec>> = {
  extract: async () => (await import('./commands/extract.js')).extractCommand,
  clean: async () => (await import('./commands/clean.js')).cleanCommand,
  ner: async () => (await import('./commands/ner.js')).nerCommand,
  entities: async () => (await import('./commands/entities.js')).entitiesCommand,
  timeline: async () => (await import('./commands/timeline.js')).timelineCommand,
  sources: async () => (await import('./commands/sources.js')).sourcesCommand,
  dedup: async () => (await import('./commands/dedup.js')).dedupCommand,
  cooccur: async () => (await import('./commands/cooccur.js')).cooccurCommand,
  kwic: async () => (await import('./commands/kwic.js')).kwicCommand,
  keywords: async () => (await import('./commands/keywords.js')).keywordsCommand,
  quotes: async () => (await import('./commands/quotes.js')).quotesCommand,
  tone: async () => (await import('./commands/tone.js')).toneCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
};

/** The commands a command line needs: the one it names, none for the version or the cache command, all otherwise (help, a mistyped name). */
function commandsFor(argv: string[]): Promise<CommandSpec[]> {
  const first = argv[0] ?? '';
  const names = Object.hasOwn(COMMANDS, first) ? [first] : ['-V', '--version', 'cache'].includes(first) ? [] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]!()));
}
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const COLOR_WHEN = ['auto', 'always', 'never'] as const;

/** Counts what happened to the inputs, prints each problem as one line on stderr, and shows progress on a terminal. */
class RunReport implements Reporter {
  processed_ = 0;
  records = 0;
  bytes = 0;
  total: number | null = null;
  readonly skips = new Map<string, number>();
  /** Parts of inputs that hold no page (a web archive's requests, images...), by kind. */
  private readonly passedOver = new Map<string, number>();
  /** Files a folder walk passed over, by extension. */
  readonly ignoredByExtension = new Map<string, number>();
  private readonly warningsByFile = new Map<string, number>();
  private readonly started = Date.now();
  private progressShown = false;
  private readonly eta = new Eta();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly quiet: boolean, private readonly strict: boolean) {}

  /** Starts the progress line: only on a terminal, only once the run has lasted a second. */
  startProgress(): void {
    // A dumb terminal cannot take the line back (\r\e[K), so it gets no progress line.
    if (this.quiet || !process.stderr.isTTY || process.env.TERM === 'dumb') return;
    this.timer = setInterval(() => this.drawProgress(), 250);
    this.timer.unref();
  }

  private drawProgress(): void {
    const done = this.processed_ + this.skippedCount;
    const elapsedMs = Date.now() - this.started;
    this.eta.update(done, elapsedMs);
    if (elapsedMs < 1000) return;
    this.progressShown = true;
    const secondsLeft = this.total === null ? undefined : this.eta.secondsLeft(done, this.total);
    const state = { done, total: this.total, bytes: this.bytes, elapsedMs, secondsLeft };
    process.stderr.write(`\r\u001b[K${progressLine(state, process.stderr.columns ?? 80)}`);
  }

  stopProgress(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.progressShown) process.stderr.write('\r\u001b[K');
    this.progressShown = false;
  }

  skipped(error: InputError): void {
    this.skips.set(error.reason, (this.skips.get(error.reason) ?? 0) + 1);
    // A file of thousands of bad NDJSON lines must not bury the other warnings: a few each, then a count.
    const shown = (this.warningsByFile.get(error.file) ?? 0) + 1;
    this.warningsByFile.set(error.file, shown);
    // Documents ended by Ctrl-C are only counted in the summary.
    if (shown <= WARNINGS_PER_FILE && error.reason !== 'interrupted') this.warn(error.message);
    if (this.strict && error.reason !== 'interrupted') throw new StrictStop(error);
  }

  /** Problems are printed even with --quiet, which silences only progress and summaries. */
  warn(message: string): void {
    if (this.progressShown) process.stderr.write('\r\u001b[K');
    process.stderr.write(`mine: ${escapeForTerminal(message)}\n`);
  }

  get interruption(): AbortSignal {
    return interruption.signal;
  }

  get tally(): InputTally {
    return { inputs: this.processed_, records: this.records, skips: this.skips, ignoredByExtension: this.ignoredByExtension };
  }

  ignored(file: string): void {
    const extension = path.extname(file).toLowerCase();
    this.ignoredByExtension.set(extension, (this.ignoredByExtension.get(extension) ?? 0) + 1);
  }

  processed(_file: string, records: number, bytes: number): void {
    this.processed_++;
    this.records += records;
    this.bytes += bytes;
  }
  passed(what: string): void {
    this.passedOver.set(what, (this.passedOver.get(what) ?? 0) + 1);
  }
  get passedCount(): number {
    return this.passedOver.size;
  }
  get skippedCount(): number {
    return [...this.skips.values()].reduce((a, b) => a + b, 0);
  }
  get ignoredCount(): number {
    return [...this.ignoredByExtension.values()].reduce((a, b) => a + b, 0);
  }
  /** "3 file(s) skipped, not a kind mine reads: .pdf 2, .md 1", or nothing. */
  ignoredLine(): string {
    if (this.ignoredCount === 0) return '';
    const kinds = [...this.ignoredByExtension.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ext, n]) => `${ext} ${n}`);
    return `${this.ignoredCount} file(s) skipped, not a kind mine reads: ${kinds.join(', ')}`;
  }
  summary(): string {
    for (const [file, n] of this.warningsByFile) {
      if (n > WARNINGS_PER_FILE) process.stderr.write(`mine: ${escapeForTerminal(file)}: ${n - WARNINGS_PER_FILE} more skipped not shown\n`);
    }
    const reasons = [...this.skips.entries()].map(([reason, n]) => `${n} ${reason}`).join(', ');
    const passed = [...this.passedOver.entries()].map(([what, n]) => `${n} ${what}`).join(', ');
    const ignored = this.ignoredLine();
    return `mine: ${this.processed_} input(s) processed, ${this.records} record(s)` + (this.skippedCount ? `; ${this.skippedCount} skipped (${reasons})` : '')
      + (passed ? `; passed over: ${passed}` : '') + (ignored ? `; ${ignored}` : '');
  }
}

/** Commander's message on one line: "unknown option '--untl' (Did you mean --until?)". */
function oneLine(message: string): string {
  return message.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
}

const PATHS_HELP = 'page dumps (.txt), HTML pages, folders, globs, web archives (.warc.gz), exports (CSV, TSV, JSON Lines), URLs, NDJSON/JSON from another mine command, or - for stdin';

/** The end of `mine --help`: examples, and what holds for every command. */
const TOP_HELP = `
Examples:
  $ mine extract ./dumps                     each page's article, as a table
  $ mine entities --type person,org ./dumps  people and organisations named most
  $ mine timeline --entity Lavrov --by week ./dumps
  $ mine entities --json ./dumps | jq '.[0]'
  $ mine entities ./dumps | cut -f1,3        piped: tab-separated lines

Output formats:
  On a terminal, a table that fits its width. In a pipe or a file, tab-separated
  lines with a header, no cell cut (--table: the table anyway). --json, --ndjson
  and --csv print every field (see README for the JSON fields).

Exit codes:
  0  done
  1  some inputs could not be used, or none could, or the query (--entity,
     kwic's term) matched nothing
  2  usage error (unknown option, bad value)
  130  interrupted (Ctrl-C)

Environment:
  NO_COLOR        no colour (as --color never); FORCE_COLOR: colour in a pipe
  TERM=dumb       no colour, no progress line
  COLUMNS         the table's width with --table in a pipe
  XDG_CACHE_HOME  --cache keeps results in $XDG_CACHE_HOME/mine (default
                  ~/.cache/mine); see mine cache --help

Completion: mine completion bash|zsh|fish
`;

/** Warnings printed per input file before the rest are only counted. */
const WARNINGS_PER_FILE = 5;

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnBrokenPipe();
  const program = new Command('mine')
    .description('Text mining for news coverage: extract articles from page dumps, find who and what they are about, and how that changes over time.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (message, writeErr) => writeErr(`mine: ${oneLine(message)} (see mine --help)\n`) })
    .showSuggestionAfterError(true);
  let exitCode = EXIT_OK;
  for (const spec of await commandsFor(argv)) {
    const command = program
      .command(spec.name)
      .description(spec.summary)
      .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`)
      .exitOverride()
      .configureOutput({ outputError: (message, writeErr) => writeErr(`mine ${spec.name}: ${oneLine(message)} (see mine ${spec.name} --help)\n`) });
    for (const argument of spec.arguments.split(' ')) command.argument(argument, spec.argumentHelp?.[argument] ?? PATHS_HELP);
    if (spec.printsRows !== false) {
      command
        .addOption(new Option('--json', 'print a JSON array (or object)').conflicts(['ndjson', 'csv']))
        .addOption(new Option('--ndjson', 'print one JSON record per line, as they are ready').conflicts(['csv']));
      if (spec.csv) command.option('--csv', 'print CSV');
      command.addOption(new Option('--table', 'print the table even when stdout is not a terminal (default there: tab-separated lines)').conflicts(['json', 'ndjson', 'csv']));
    }
    spec.configure(command);
    if (spec.printsRows !== false) {
      command.addOption(new Option('--color <when>', 'colour the table: auto (on a terminal, unless NO_COLOR or TERM=dumb), always or never').argParser(oneOf('--color', COLOR_WHEN)).default('auto'));
    }
    command
      .option('--strict', 'stop at the first input that cannot be used (exit 1)')
      .option('-q, --quiet', 'no progress, summary or notes on stderr (problems are still reported)')
      .option('--debug', 'show stack traces of internal errors');
    // Commander passes the positional arguments, then the options and the command. The last argument is the paths;
    // any before it (kwic's <term>) reach run() as options named after them, so paths alone decide on stdin.
    const leading = spec.arguments.split(' ').slice(0, -1).map((a) => a.replace(/[<>[\]]|\.\.\./g, ''));
    command.action(async (...args: unknown[]) => {
      const options = { ...(args[args.length - 2] as Record<string, unknown>) };
      leading.forEach((name, i) => (options[name] = args[i]));
      exitCode = await runCommand(spec, args[args.length - 3] as string[], options);
    });
  }
  program
    .command('cache')
    .argument('<action>', 'stats, verify or clear')
    .description('what the document cache holds (stats), check every record of it (verify, exit 1 if damaged), or empty it (clear)')
    .option('--cache <dir>', 'the cache folder (default: $XDG_CACHE_HOME/mine)')
    .exitOverride()
    .action(async (action: string, options: { cache?: string }) => {
      const { runCacheCommand } = await import('./commands/cache.js');
      const { text, ok } = await runCacheCommand(action, options);
      await write(escapeForTerminal(text.trimEnd()) + '\n');
      if (!ok) exitCode = EXIT_SOME_FAILED;
    });
  program
    .command('completion')
    .argument('<shell>', SHELLS.join(', '))
    .description('print a script that completes commands and options in your shell (see README, "Install")')
    .exitOverride()
    .action(async (shell: string) => {
      const commands = program.commands
        .filter((c) => c.name() !== 'completion')
        .map((c) => ({ name: c.name(), summary: c.summary() || c.description(), options: c.options.filter((o) => o.long).map((o) => ({ flag: o.long!, help: o.description, takesValue: o.required || o.optional })) }));
      await write(completionScript(shell, commands));
    });
  program.addHelpText('after', TOP_HELP);
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
      process.stderr.write(`mine: ${escapeForTerminal(error.message)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function runCommand(spec: CommandSpec, paths: string[], options: Record<string, unknown>): Promise<number> {
  const report = new RunReport(options.quiet === true, options.strict === true);
  const format: Format = options.json ? 'json' : options.ndjson ? 'ndjson' : options.csv ? 'csv' : options.table || process.stdout.isTTY ? 'table' : 'tsv';
  const { colorWanted, makeChalk } = await import('./render/color.js');
  const color = format === 'table' && colorWanted(process.stdout, process.env, options.color as (typeof COLOR_WHEN)[number]);
  const chalk = makeChalk(color);
  const width = format === 'table' ? terminalWidth() : undefined;
  if (paths.length === 0 && !options.urls) {
    if (process.stdin.isTTY) throw new UsageError(`${spec.name}: no input (give files, folders or globs, or - to read stdin; see mine ${spec.name} --help)`);
    paths = ['-'];
  }
  if (process.stderr.isTTY && !options.merge) void countInputs(paths).then((n) => (report.total = n));
  report.startProgress();
  let matched = true;
  const onInterrupt = () => {
    if (interruption.signal.aborted) process.exit(130);
    interruption.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const output = await spec.run(paths, options, { reporter: report, chalk, format, width });
    await render(output, format, { color, bold: chalk.bold, width }, () => report.stopProgress());
    if (!options.quiet) for (const note of output.notes?.() ?? []) process.stderr.write(`mine: ${note}\n`);
    if (output.matched?.() === false) matched = false;
  } catch (error) {
    report.stopProgress();
    if (error instanceof UsageError) throw error;
    if (error instanceof StrictStop) {
      process.stderr.write(`mine: ${error.message}\n`);
      return EXIT_SOME_FAILED;
    }
    process.stderr.write(`mine: internal error: ${(error as Error).message}${options.debug ? `\n${(error as Error).stack}` : ' (run with --debug for details)'}\n`);
    return EXIT_SOME_FAILED;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  if (interruption.signal.aborted) {
    process.stderr.write(`mine: interrupted; ${report.summary().replace(/^mine: /, '')}\n`);
    return 130;
  }
  // Reading nothing at all is an error, said even with --quiet; --merge reads partial counts, not documents.
  if (report.processed_ === 0 && !options.merge) {
    process.stderr.write(`mine: no input could be read; ${report.summary().replace(/^mine: /, '')}\n`);
    return EXIT_SOME_FAILED;
  }
  // Files passed over are named in the summary on a terminal, and when nothing else could be read; not in every script's stderr.
  if (!options.quiet && (report.skippedCount > 0 || report.passedCount > 0 || process.stderr.isTTY)) process.stderr.write(report.summary() + '\n');
  return report.skippedCount > 0 || !matched ? EXIT_SOME_FAILED : EXIT_OK;
}

/** The terminal's width in columns, for tables to fit (COLUMNS when stdout is not a terminal but --table asks for one). */
function terminalWidth(): number | undefined {
  const columns = process.stdout.isTTY ? process.stdout.columns : Number(process.env.COLUMNS);
  return columns > 0 ? columns : undefined;
}

/** How many inputs a run has, for the progress line's ETA (stdin counts as one). */
async function countInputs(paths: string[]): Promise<number> {
  const { findInputs } = await import('./io/find.js');
  let n = 0;
  for await (const _ of findInputs(paths)) n++;
  return n;
}

/** Prints the output; `done` is called once all rows are in, before anything tabular is printed. */
async function render(output: Output<any>, format: Format, table: TableOptions, done: () => void): Promise<void> {
  if (output.text || output.bytes) {
    for await (const _ of output.rows);
    done();
    await write(output.bytes ? await output.bytes() : output.text!(table.width));
    return;
  }
  if (format === 'json' && output.json) {
    for await (const _ of output.rows);
    done();
    await write(JSON.stringify(output.json(), null, 1) + '\n');
    return;
  }
  if (format === 'ndjson') {
    for await (const row of output.rows) await write(JSON.stringify(row) + '\n');
    done();
    return;
  }
  if (format === 'json') {
    // Streamed as an array so a large corpus never sits in memory as one string; opened with the first row, so
    // that a usage error found on reading the input leaves stdout empty.
    let first = true;
    for await (const row of output.rows) {
      await write((first ? '[\n' : ',\n') + JSON.stringify(row));
      first = false;
    }
    await write(first ? '[]\n' : '\n]\n');
    done();
    return;
  }
  const rows: unknown[] = [];
  for await (const row of output.rows) rows.push(row);
  done();
  if (format === 'csv') await write(renderCsv(output.csvColumns ?? output.columns, rows));
  else if (format === 'tsv') await write(renderTsv(output.tsvColumns ?? output.csvColumns ?? output.columns, rows));
  else await write((await import('./render/table.js')).renderTable(output.columns, rows, table));
}
