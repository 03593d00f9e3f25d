// The chart formats of timeline and cooccur (--format svg|png): options, and the output that prints the chart.
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { positiveInt, type Output } from './command.js';

export const CHART_FORMATS = ['svg', 'png'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

export function isChartFormat(format: unknown): format is ChartFormat {
  return (CHART_FORMATS as readonly unknown[]).includes(format);
}

/** --width and --height of the chart, in pixels. */
export function addChartSizeOptions(command: Command): void {
  command
    .addOption(new Option('--width <px>', 'chart width in pixels (with --format svg or png)').argParser(positiveInt('--width')))
    .addOption(new Option('--height <px>', 'chart height in pixels (with --format svg or png)').argParser(positiveInt('--height')));
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
