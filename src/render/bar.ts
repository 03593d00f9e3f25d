// Horizontal bars in eighths of a character, for counts in tables.

const PARTS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `value / max` of `width` characters at most; any non-zero value shows at least a sliver. */
export function bar(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + PARTS[eighths % 8];
}
