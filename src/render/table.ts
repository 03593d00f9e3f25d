// Records to a terminal table (cli-table3), with borders never coloured and cells coloured only when asked.
import Table from 'cli-table3';
import { escapeForTerminal } from './escape.js';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
  align?: 'left' | 'right';
  /** Optional styling of the cell text (colour); must not change its visible width. */
  style?: (text: string, row: Row) => string;
  /** Truncate the cell to this many characters. */
  maxWidth?: number;
}

export function renderTable<Row>(columns: Column<Row>[], rows: Row[], options: { color: boolean; bold?: (s: string) => string }): string {
  const table = new Table({
    head: columns.map((c) => (options.color && options.bold ? options.bold(c.header) : c.header)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) {
    table.push(
      columns.map((c) => {
        let text = cellText(c.value(row));
        if (c.maxWidth && [...text].length > c.maxWidth) text = [...text].slice(0, c.maxWidth - 1).join('') + '…';
        return options.color && c.style ? c.style(text, row) : text;
      }),
    );
  }
  return table.toString() + '\n';
}

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : escapeForTerminal(value.replace(/\s+/g, ' '));
}
