// What a command is: its options, and a run() that returns rows for the renderers. Commands never print.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Column } from '../render/table.js';
import type { ChalkInstance } from 'chalk';
import type { Reporter } from './documents.js';

export interface Output<Row = unknown> {
  rows: AsyncIterable<Row> | Row[];
  /** Columns of the table view. */
  columns: Column<Row>[];
  /** Columns of the CSV view (default: the table's). */
  csvColumns?: Column<Row>[];
  /** Columns of the tab-separated lines printed to a pipe (default: the CSV's). */
  tsvColumns?: Column<Row>[];
  /** What --json prints when it is not the array of rows (e.g. timeline's object). */
  json?: () => unknown;
  /** Text printed as-is instead of the rows (e.g. a graph file); the rows are still read first. `width`: the terminal's. */
  text?: (width?: number) => string;
  /** Bytes printed as-is instead of the rows (a PNG chart); the rows are still read first. */
  bytes?: () => Promise<Uint8Array>;
  /** Lines for stderr after the output (hints, e.g. "3 articles had no date"). */
  notes?: () => string[];
  /** False when the query (an --entity, kwic's term) matched nothing: the run exits 1, as grep does. */
  matched?: () => boolean;
}

/** How the rows are printed: a table on a terminal (or with --table), tab-separated lines in a pipe, or as asked. */
export type Format = 'table' | 'tsv' | 'json' | 'ndjson' | 'csv';

export interface RunContext {
  reporter: Reporter;
  chalk: ChalkInstance;
  format: Format;
  /** Terminal columns a table must fit in, when printed to a terminal. */
  width?: number;
}

export interface CommandSpec {
  name: string;
  /**
   * Positional arguments in commander's syntax ("[paths...]", "<term> [paths...]"). The last is the paths; those
   * before it reach run() as options named after them (kwic's <term> as options.term).
   */
  arguments: string;
  /** Help for arguments other than the paths. */
  argumentHelp?: Record<string, string>;
  summary: string;
  examples: string[];
  /** Whether --csv makes sense (tabular output). */
  csv: boolean;
  /** False for a command that writes a file instead of printing rows: no --json, --ndjson, --table or --color. */
  printsRows?: false;
  configure(command: Command): void;
  run(paths: string[], options: Record<string, unknown>, context: RunContext): Promise<Output<any>>;
}

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) === 0) throw new UsageError(`${name} must be a positive whole number (1, 2, ...), not '${value}'`);
    return Number(value);
  };
}

/** A comma-separated list of some of `values` ("person,org"). */
export function listOf<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T[] => {
    const items = value.split(',').map((v) => v.trim());
    for (const item of items) if (!(values as readonly string[]).includes(item)) throw new UsageError(`${name} takes ${values.join(', ')} or a comma-separated list of them, not '${item}'`);
    return items as T[];
  };
}

export function oneOf<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new UsageError(`${name} takes one of ${values.join(', ')}, not '${value}'`);
    return value as T;
  };
}

export function sizeOption(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-size takes a size such as 50M or 2G, not '${value}'`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}
