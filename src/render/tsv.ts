// Records as tab-separated lines with a header: what a table becomes when stdout is not a terminal, complete
// (no cell cut) and one line per record, for cut, awk and sort. Tabs, line breaks and other controls in a cell are
// written as escapes (\t, \n, see escape.ts), so they cannot split a field or a line.
import type { Column } from './table.js';
import { escapeForTerminal } from './escape.js';

export function renderTsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const line = (values: Array<string | number | null | undefined>) => values.map((v) => (v === null || v === undefined ? '' : escapeForTerminal(String(v)))).join('\t') + '\n';
  return line(columns.map((c) => c.header)) + rows.map((row) => line(columns.map((c) => c.value(row)))).join('');
}
