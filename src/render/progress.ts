// The progress line: documents done (of how many), rate and time left.

export interface ProgressState {
  done: number;
  /** Inputs in all, once counted; null while unknown. */
  total: number | null;
  bytes: number;
  elapsedMs: number;
}

export function progressLine(s: ProgressState, width = 80): string {
  const seconds = Math.max(s.elapsedMs / 1000, 0.001);
  const rate = s.done / seconds;
  const mbs = s.bytes / 1e6 / seconds;
  let line = `${s.done}${s.total !== null ? `/${s.total}` : ''} documents  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ${mbs.toFixed(1)} MB/s`;
  if (s.total !== null && s.total > 0) {
    const share = Math.min(1, s.done / s.total);
    const left = rate > 0 ? (s.total - s.done) / rate : Infinity;
    const barWidth = 20;
    const filled = Math.round(share * barWidth);
    line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${Math.round(share * 100)}%  ${line}  ETA ${formatDuration(left)}`;
  }
  return line.slice(0, width - 1);
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
