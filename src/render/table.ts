// Records to a terminal table, with borders never coloured and cells coloured only when asked. cli-table3 lays out
// tables of up to LAYOUT_ROWS rows; longer ones are laid out in one pass over the rows in the same shape, since
// cli-table3's layout takes minutes past 20,000 rows and overflows the stack at 200,000.
import Table from 'cli-table3';
import stringWidth from 'string-width';
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

/** Rows above which the one-pass layout replaces cli-table3's (its time grows faster than the row count). */
export const LAYOUT_ROWS = 2000;

interface Cell {
  text: string;
  shown: string;
}

export function renderTable<Row>(columns: Column<Row>[], rows: Row[], options: { color: boolean; bold?: (s: string) => string }): string {
  const head = columns.map((c) => ({ text: c.header, shown: options.color && options.bold ? options.bold(c.header) : c.header }));
  const body = rows.map((row) =>
    columns.map((c) => {
      let text = cellText(c.value(row));
      if (c.maxWidth && [...text].length > c.maxWidth) text = [...text].slice(0, c.maxWidth - 1).join('') + '…';
      return { text, shown: options.color && c.style ? c.style(text, row) : text };
    }),
  );
  const aligns = columns.map((c) => c.align ?? 'left');
  return (rows.length <= LAYOUT_ROWS ? cliTable(head, body, aligns) : onePass(head, body, aligns)) + '\n';
}

function cliTable(head: Cell[], body: Cell[][], aligns: Array<'left' | 'right'>): string {
  const table = new Table({
    head: head.map((c) => c.shown),
    colAligns: aligns,
    style: { head: [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const cells of body) table.push(cells.map((c) => c.shown));
  return table.toString();
}

/** cli-table3's compact shape, measured as a terminal shows it: wide East Asian characters take two columns, escape codes none. */
function onePass(head: Cell[], body: Cell[][], aligns: Array<'left' | 'right'>): string {
  const widths = head.map((cell) => stringWidth(cell.text));
  for (const cells of body) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, stringWidth(cell.text))));
  const line = (cells: Cell[]) =>
    '│' +
    cells
      .map(({ text, shown }, i) => {
        const pad = ' '.repeat(widths[i]! - stringWidth(text));
        return ` ${aligns[i] === 'right' ? pad + shown : shown + pad} `;
      })
      .join('│') +
    '│';
  const border = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  return [border('┌', '┬', '┐'), line(head), ...body.map(line), border('└', '┴', '┘')].join('\n');
}

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : escapeForTerminal(value.replace(/\s+/g, ' '));
}
