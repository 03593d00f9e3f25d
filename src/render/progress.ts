// The progress line: documents done (of how many), rate and time left.

export interface ProgressState {
  done: number;
  /** Inputs in all, once counted; null while unknown. */
  total: number | null;
  bytes: number;
  elapsedMs: number;
  /** Time left, from an Eta; undefined while it is not yet stable (the line then shows "ETA ?"). */
  secondsLeft?: number;
}

/** Seconds over which the throughput is averaged: long enough to ride over bursts of documents, short enough to follow a real change of pace. */
const SMOOTHING_SECONDS = 10;
/** The smoothed throughput counts as stable once, over this many milliseconds, ... */
const STABLE_WINDOW_MS = 3000;
/** ... its highest value has stayed within this factor of its lowest. */
const STABLE_SPREAD = 1.5;

/**
 * Time left from a smoothed throughput: documents per second over the run so far, each stretch weighted down
 * exponentially with its age (an exponential moving average that starts unbiased, whatever the time between
 * updates). Time before the first document is done (loading code) is left out. A first estimate swings with the
 * first documents' sizes, so none is given until the throughput has settled; once given, it stays.
 */
export class Eta {
  /** Decayed sums of documents done and of seconds taken. */
  private documents = 0;
  private seconds = 0;
  private last?: { done: number; elapsedMs: number };
  private readonly recent: Array<{ elapsedMs: number; rate: number }> = [];
  private stable = false;

  update(done: number, elapsedMs: number): void {
    const last = this.last;
    if (done === 0 || (last && elapsedMs <= last.elapsedMs)) return;
    this.last = { done, elapsedMs };
    if (!last) return;
    const seconds = (elapsedMs - last.elapsedMs) / 1000;
    const decay = Math.exp(-seconds / SMOOTHING_SECONDS);
    this.documents = this.documents * decay + (done - last.done);
    this.seconds = this.seconds * decay + seconds;
    this.recent.push({ elapsedMs, rate: this.rate });
    while (this.recent.length > 1 && this.recent[1]!.elapsedMs <= elapsedMs - STABLE_WINDOW_MS) this.recent.shift();
    const rates = this.recent.map((r) => r.rate);
    const spanned = this.recent[0]!.elapsedMs <= elapsedMs - STABLE_WINDOW_MS;
    if (spanned && Math.min(...rates) > 0 && Math.max(...rates) <= STABLE_SPREAD * Math.min(...rates)) this.stable = true;
  }

  /** Documents per second, smoothed. */
  get rate(): number {
    return this.seconds > 0 ? this.documents / this.seconds : 0;
  }

  /** Seconds until `total` documents are done; undefined until the throughput is stable. */
  secondsLeft(done: number, total: number): number | undefined {
    if (!this.stable || this.rate === 0) return undefined;
    return Math.max(0, total - done) / this.rate;
  }
}

export function progressLine(s: ProgressState, width = 80): string {
  const seconds = Math.max(s.elapsedMs / 1000, 0.001);
  const rate = s.done / seconds;
  const mbs = s.bytes / 1e6 / seconds;
  let line = `${s.done}${s.total !== null ? `/${s.total}` : ''} documents  ${rate.toFixed(rate < 10 ? 1 : 0)}/s  ${mbs.toFixed(1)} MB/s`;
  if (s.total !== null && s.total > 0) {
    const share = Math.min(1, s.done / s.total);
    const barWidth = 20;
    const filled = Math.round(share * barWidth);
    line = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${Math.round(share * 100)}%  ${line}  ETA ${formatDuration(s.secondsLeft ?? Infinity)}`;
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
