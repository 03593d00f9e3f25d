// What the report page's script reads: types only (see report-data.ts).
import type { ReportData } from '../../aggregate/report-data.js';

/** What the page's script reads. */
export interface ReportPage {
  title: string;
  /** When the report was made (ISO 8601). */
  generated: string;
  /** The run's inputs: read, skipped (by reason), and files of kinds mine does not read (by extension). */
  summary: { inputs: number; records: number; skipped: Array<[reason: string, count: number]>; ignored: Array<[extension: string, count: number]> };
  data: ReportData;
  /** Where each article of `data.sources` is: its URL, or its file relative to the report. */
  links: Record<number, string>;
  /** Concordance lines kept per entity. */
  kwicLines: number;
}
