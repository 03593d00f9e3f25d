// Records to a terminal table, with borders never coloured and cells coloured only when asked. A table given a
// width fits it: the widest text columns are cut first, never a row broken over lines. cli-table3 lays out tables
// of up to LAYOUT_ROWS rows; longer ones are laid out in one pass over the rows in the same shape, since
// cli-table3's layout takes minutes past 20,000 rows and overflows the stack at 200,000.
import Table from 'cli-table3';
import stringWidthOf from 'string-width';
import { escapeForTerminal } from './escape.js';

/** Columns a text takes; plain printable ASCII is its length (string-width builds a regex per call: slow over many cells). */
function stringWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidthOf(text);
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
  align?: 'left' | 'right';
  /** Optional styling of the cell text (colour); must not change its visible width. */
  style?: (text: string, row: Row) => string;
  /** Cut the cell to this many terminal columns. */
  maxWidth?: number;
  /** Where a cell too wide is cut: at the end (text), or in the middle so that both ends of a path show. */
  cut?: 'end' | 'middle';
  /** Cut only when cutting the text columns is not enough to fit (dates, ids, charts), as numbers are. */
  keep?: boolean;
}

/** Rows above which the one-pass layout replaces cli-table3's (its time grows faster than the row count). */
export const LAYOUT_ROWS = 2000;

/** Terminal columns a text column keeps before the other columns are cut too. */
const MIN_TEXT_WIDTH = 8;
/** Terminal columns a number column keeps ("men…") before any column is cut further. */
const MIN_NUMBER_WIDTH = 4;

interface Cell {
  text: string;
  shown: string;
}

export interface TableOptions {
  color: boolean;
  bold?: (s: string) => string;
  /** Terminal columns the table must fit in (none: as wide as its cells). */
  width?: number;
}

export function renderTable<Row>(columns: Column<Row>[], rows: Row[], options: TableOptions): string {
  const texts = rows.map((row) => columns.map((c) => cutTo(cellText(c.value(row)), c.maxWidth ?? Infinity, c.cut)));
  const widths = fitWidths(columns, texts, options.width);
  const head = columns.map((c, i) => {
    const text = cutTo(c.header, widths[i]!, 'end');
    return { text, shown: options.color && options.bold ? options.bold(text) : text };
  });
  const body = texts.map((cells, r) =>
    cells.map((cell, i) => {
      const c = columns[i]!;
      const text = cutTo(cell, widths[i]!, c.cut);
      return { text, shown: options.color && c.style ? c.style(text, rows[r]!) : text };
    }),
  );
  const aligns = columns.map((c) => c.align ?? 'left');
  return (rows.length <= LAYOUT_ROWS ? cliTable(head, body, aligns) : onePass(head, body, aligns)) + '\n';
}

/**
 * Each column's width so that the table's lines (cells, one space each side, borders) fit `width`, a terminal
 * column at a time from the widest that may give: text columns down to MIN_TEXT_WIDTH first, then the headers of
 * number columns down to their numbers (at least MIN_NUMBER_WIDTH), then any column, down to one.
 */
export function fitWidths<Row>(columns: Column<Row>[], texts: string[][], width?: number): number[] {
  const values = columns.map(() => 0);
  for (const cells of texts) cells.forEach((cell, i) => (values[i] = Math.max(values[i]!, stringWidth(cell))));
  const widths = columns.map((c, i) => Math.max(values[i]!, stringWidth(c.header)));
  if (width === undefined) return widths;
  let excess = widths.reduce((a, b) => a + b, 0) + 3 * columns.length + 1 - width;
  const isText = (c: Column<Row>) => c.align !== 'right' && !c.keep;
  const steps: Array<(c: Column<Row>, i: number) => number> = [
    (c) => (isText(c) ? MIN_TEXT_WIDTH : Infinity),
    (c, i) => (c.align === 'right' ? Math.max(values[i]!, MIN_NUMBER_WIDTH) : Infinity),
    () => 1,
  ];
  for (const floorOf of steps) {
    const floors = columns.map(floorOf);
    while (excess > 0) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (w > floors[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      widths[widest]!--;
      excess--;
    }
  }
  return widths;
}

/** `text` cut to `width` terminal columns, with '…' where it was cut. */
export function cutTo(text: string, width: number, where: Column<unknown>['cut'] = 'end'): string {
  // No character takes more than two columns: most cells are known to fit without measuring them.
  if (text.length * 2 <= width || stringWidth(text) <= width) return text;
  if (width < 1) return '';
  const chars = [...text];
  const take = (from: string[], room: number) => {
    const kept: string[] = [];
    for (const c of from) {
      room -= stringWidth(c);
      if (room < 0) break;
      kept.push(c);
    }
    return kept;
  };
  if (where === 'end') return take(chars, width - 1).join('') + '…';
  // Paths: the end, where the file name is, keeps two thirds of the room, or all it needs to show the name whole.
  const slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
  const name = slash < 0 ? text : text.slice(slash);
  const endRoom = Math.min(width - 1, Math.max(Math.ceil(((width - 1) * 2) / 3), stringWidth(name)));
  const end = take([...chars].reverse(), endRoom).reverse();
  const start = take(chars, width - 1 - stringWidth(end.join('')));
  return start.join('') + '…' + end.join('');
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
