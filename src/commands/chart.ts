// The chart formats of timeline and cooccur (--format svg|png): options, and the output that prints the chart.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { positiveInt, type Output } from './command.js';

export const CHART_FORMATS = ['svg', 'png'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

export function isChartFormat(format: unknown): format is ChartFormat {
  return (CHART_FORMATS as readonly unknown[]).includes(format);
}

/** Widest and tallest chart: a PNG of 10,000 x 10,000 pixels already takes 400 MB to draw. */
const MAX_SIDE = 10_000;

/** --width and --height of the chart, in pixels. */
export function addChartSizeOptions(command: Command): void {
  command
    .addOption(new Option('--width <px>', 'chart width in pixels (with --format svg or png)').argParser(side('--width')))
    .addOption(new Option('--height <px>', 'chart height in pixels (with --format svg or png)').argParser(side('--height')));
}

function side(name: string) {
  const pixels = positiveInt(name);
  return (value: string): number => {
    const n = pixels(value);
    if (n > MAX_SIDE) throw new UsageError(`${name} is at most ${MAX_SIDE} pixels, not ${value}`);
    return n;
  };
}

/** A PNG is binary: like curl and ripgrep, refuse to write it to a terminal, before any input is read. */
export function refuseBinaryOnTerminal(format: unknown, stdout: { isTTY?: boolean } = process.stdout): void {
  if (format === 'png' && stdout.isTTY) throw new UsageError('--format png writes binary data: redirect it to a file (> chart.png)');
}

/** The part of an Output that prints the chart: the SVG, or its PNG. The chart modules load only when a chart is asked for. */
export function chartOutput(format: ChartFormat, draw: () => Promise<string>): Pick<Output, 'bytes'> {
  return {
    bytes: async () => {
      const svg = await draw();
      return format === 'svg' ? Buffer.from(svg) : (await import('../render/chart/png.js')).svgToPng(svg);
    },
  };
}
