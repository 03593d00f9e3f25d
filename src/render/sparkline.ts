// One-line charts of a series (articles per month) in block characters, for table cells.

const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * The series as block characters scaled to its own peak: zero is the baseline `▁`, any non-zero value at
 * least `▂`. Longer series than `width` are summed into `width` buckets of consecutive values.
 */
export function sparkline(values: number[], width = values.length): string {
  const size = Math.max(1, Math.ceil(values.length / Math.max(1, width)));
  const buckets: number[] = [];
  for (let i = 0; i < values.length; i += size) buckets.push(values.slice(i, i + size).reduce((a, b) => a + b, 0));
  const peak = Math.max(0, ...buckets);
  return buckets.map((v) => (v <= 0 || peak <= 0 ? LEVELS[0] : LEVELS[1 + Math.round((v / peak) * 6)])).join('');
}
