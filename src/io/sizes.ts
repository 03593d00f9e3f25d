// Input sizes, apart from read.ts so that declaring the options does not load the readers.

/** The default --max-size. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KB`;
  return `${n} B`;
}
