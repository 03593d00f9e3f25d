// Calendar periods (day, ISO week, month, year) of ISO dates, and the run of periods between two of them.

/** The first and last date seen (ISO dates, which compare in date order), null while none is. */
export interface DateSpan {
  first: string | null;
  last: string | null;
}

/** Widens `span` to take in the dates from `first` to `last` (one date by default; null or undefined: none). */
export function widen(span: DateSpan, first: string | null | undefined, last = first): void {
  if (first && (!span.first || first < span.first)) span.first = first;
  if (last && (!span.last || last > span.last)) span.last = last;
}

export type Granularity = 'day' | 'week' | 'month' | 'year';
export const GRANULARITIES: Granularity[] = ['day', 'week', 'month', 'year'];

/** The period label of an ISO date: "2023-08-07", "2023-W32", "2023-08", "2023". */
export function periodOf(iso: string, by: Granularity): string {
  const date = iso.slice(0, 10);
  switch (by) {
    case 'day': return date;
    case 'month': return date.slice(0, 7);
    case 'year': return date.slice(0, 4);
    case 'week': return isoWeek(date);
  }
}

function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every period from the one holding `fromIso` to the one holding `toIso`, in order. */
export function periodsBetween(fromIso: string, toIso: string, by: Granularity): string[] {
  const periods: string[] = [];
  const d = new Date(`${fromIso.slice(0, 10)}T00:00:00Z`);
  const end = periodOf(toIso, by);
  for (let guard = 0; guard < 100_000; guard++) {
    const p = periodOf(d.toISOString(), by);
    if (periods[periods.length - 1] !== p) periods.push(p);
    if (p === end) break;
    if (by === 'day' || by === 'week') d.setUTCDate(d.getUTCDate() + (by === 'day' ? 1 : 7));
    else if (by === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 1);
  }
  return periods;
}
