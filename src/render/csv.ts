// Records to CSV (RFC 4180: quoted where needed, CRLF-free so it pipes well).
import type { Column } from './table.js';

export function csvLine(values: Array<string | number | null | undefined>): string {
  return values.map(csvCell).join(',') + '\n';
}

export function renderCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  return csvLine(columns.map((c) => c.header)) + rows.map((row) => csvLine(columns.map((c) => c.value(row)))).join('');
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
