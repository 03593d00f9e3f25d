// The command line: commander wiring, output format, the one try/catch, the summary and the exit code.
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, InputError, UsageError } from './errors.js';
import { exitQuietlyOnBrokenPipe, write } from './io/stdout.js';
import { escapeForTerminal } from './render/escape.js';
import { Eta, progressLine } from './render/progress.js';
import { renderCsv } from './render/csv.js';
import type { CommandSpec, Output } from './commands/command.js';
import type { Reporter } from './commands/documents.js';

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
};

/** The commands a command line needs: the one it names, none for the version or the cache command, all otherwise (help, a mistyped name). */
function commandsFor(argv: string[]): Promise<CommandSpec[]> {
  const first = argv[0] ?? '';
  const names = Object.hasOwn(COMMANDS, first) ? [first] : ['-V', '--version', 'cache'].includes(first) ? [] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]!()));
}
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

type Format = 'table' | 'json' | 'ndjson' | 'csv';

/** Counts what happened to the inputs, prints each problem as one line on stderr, and shows progress on a terminal. */
class RunReport implements Reporter {
  processed_ = 0;
  records = 0;
  bytes = 0;
  total: number | null = null;
  readonly skips = new Map<string, number>();
  /** Parts of inputs that hold no page (a web archive's requests, images...), by kind. */
  private readonly passedOver = new Map<string, number>();
  private readonly warningsByFile = new Map<string, number>();
  private readonly started = Date.now();
  private progressShown = false;
  private readonly eta = new Eta();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly quiet: boolean, private readonly strict: boolean) {}

  /** Starts the progress line: only on a terminal, only once the run has lasted a second. */
  startProgress(): void {
    if (this.quiet || !process.stderr.isTTY) return;
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

  warn(message: string): void {
    if (this.quiet) return;
    if (this.progressShown) process.stderr.write('\r\u001b[K');
    process.stderr.write(`mine: ${escapeForTerminal(message)}\n`);
  }

  get interruption(): AbortSignal {
    return interruption.signal;
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
  summary(): string {
    for (const [file, n] of this.warningsByFile) {
      if (n > WARNINGS_PER_FILE) process.stderr.write(`mine: ${escapeForTerminal(file)}: ${n - WARNINGS_PER_FILE} more skipped not shown\n`);
    }
    const reasons = [...this.skips.entries()].map(([reason, n]) => `${n} ${reason}`).join(', ');
    const passed = [...this.passedOver.entries()].map(([what, n]) => `${n} ${what}`).join(', ');
    return `mine: ${this.processed_} input(s) processed, ${this.records} record(s)` + (this.skippedCount ? `; ${this.skippedCount} skipped (${reasons})` : '')
      + (passed ? `; passed over: ${passed}` : '');
  }
}

/** Commander's message on one line: "unknown option '--untl' (Did you mean --until?)". */
function oneLine(message: string): string {
  return message.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ');
}

const PATHS_HELP = 'page dumps (.txt), HTML pages, folders, globs, web archives (.warc.gz), exports (CSV, TSV, JSON Lines), URLs, NDJSON/JSON from another mine command, or - for stdin';

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
    command
      .addOption(new Option('--json', 'print a JSON array (or object)').conflicts(['ndjson', 'csv']))
      .addOption(new Option('--ndjson', 'print one JSON record per line, as they are ready').conflicts(['csv']));
    if (spec.csv) command.option('--csv', 'print CSV');
    spec.configure(command);
    command
      .option('--strict', 'stop at the first input that cannot be used (exit 1)')
      .option('-q, --quiet', 'no warnings, progress or summary on stderr')
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
  const format: Format = options.json ? 'json' : options.ndjson ? 'ndjson' : options.csv ? 'csv' : 'table';
  const { colorWanted, makeChalk } = await import('./render/color.js');
  const color = format === 'table' && colorWanted();
  const chalk = makeChalk(color);
  if (paths.length === 0 && !options.urls) {
    if (process.stdin.isTTY) throw new UsageError(`${spec.name}: no input (give files, folders or globs, or - to read stdin; see mine ${spec.name} --help)`);
    paths = ['-'];
  }
  if (process.stderr.isTTY && !options.merge) void countInputs(paths).then((n) => (report.total = n));
  report.startProgress();
  const onInterrupt = () => {
    if (interruption.signal.aborted) process.exit(130);
    interruption.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const output = await spec.run(paths, options, { reporter: report, chalk });
    await render(output, format, color, chalk.bold, () => report.stopProgress());
    if (!options.quiet) for (const note of output.notes?.() ?? []) process.stderr.write(`mine: ${note}\n`);
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
  if (!options.quiet && (report.skippedCount > 0 || report.passedCount > 0 || process.stderr.isTTY)) process.stderr.write(report.summary() + '\n');
  return report.skippedCount > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** How many inputs a run has, for the progress line's ETA (stdin counts as one). */
async function countInputs(paths: string[]): Promise<number> {
  const { findInputs } = await import('./io/find.js');
  let n = 0;
  for await (const _ of findInputs(paths)) n++;
  return n;
}

/** Prints the output; `done` is called once all rows are in, before anything tabular is printed. */
async function render(output: Output<any>, format: Format, color: boolean, bold: (s: string) => string, done: () => void): Promise<void> {
  if (output.text) {
    for await (const _ of output.rows);
    done();
    await write(output.text());
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
  else await write((await import('./render/table.js')).renderTable(output.columns, rows, { color, bold }));
}
