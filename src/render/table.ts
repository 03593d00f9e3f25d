// Records to a terminal table, with borders never coloured and cells coloured only when asked. Laid out in one pass
// over the rows (cli-table3's layout took minutes past 20,000 rows and overflowed the stack at 200,000).
import stringWidth from 'string-width';

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
  const head = columns.map((c) => ({ text: c.header, shown: options.color && options.bold ? options.bold(c.header) : c.header }));
  const body = rows.map((row) =>
    columns.map((c) => {
      let text = cellText(c.value(row));
      if (c.maxWidth && [...text].length > c.maxWidth) text = [...text].slice(0, c.maxWidth - 1).join('') + '…';
      return { text, shown: options.color && c.style ? c.style(text, row) : text };
    }),
  );
  // Display width, as a terminal shows it: wide East Asian characters take two columns, escape codes none.
  const widths = head.map((cell) => stringWidth(cell.text));
  for (const cells of body) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, stringWidth(cell.text))));
  const line = (cells: Array<{ text: string; shown: string }>) =>
    '│' +
    cells
      .map(({ text, shown }, i) => {
        const pad = ' '.repeat(widths[i]! - stringWidth(text));
        return ` ${columns[i]!.align === 'right' ? pad + shown : shown + pad} `;
      })
      .join('│') +
    '│';
  const border = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  return [border('┌', '┬', '┐'), line(head), ...body.map(line), border('└', '┴', '┘')].join('\n') + '\n';
}

function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value.replace(/\s+/g, ' ');
}
