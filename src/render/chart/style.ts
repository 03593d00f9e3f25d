// The look shared by the chart files (SVG, PNG) and the HTML report: colours, font, sizes, margins. Pure data and tiny helpers.
import type { EntityType } from '../../types.js';

/**
 * One colour per entity type, from the Okabe–Ito palette, which readers with the common colour-vision deficiencies
 * can tell apart (Okabe & Ito, "Color Universal Design", 2002).
 */
export const TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  person: '#0072B2',
  org: '#D55E00',
  country: '#009E73',
  place: '#E69F00',
};

/** Okabe–Ito colours not taken by a type: for any other type, and for a second series of a type already drawn. */
export const SPARE_COLORS = ['#CC79A7', '#56B4E9', '#000000'] as const;

/** The colour of an entity type; a type not in TYPE_COLORS gets the first spare colour. */
export function typeColor(type: string): string {
  return (TYPE_COLORS as Record<string, string>)[type] ?? SPARE_COLORS[0];
}

/**
 * Colours for series drawn side by side, given their entity types: each series takes its type's colour unless an
 * earlier series took it, then the next colour no series has yet (cycling when all are taken).
 */
export function seriesColors(types: readonly string[]): string[] {
  const all = [...new Set([...Object.values(TYPE_COLORS), ...SPARE_COLORS])];
  const used = new Set<string>();
  return types.map((type, i) => {
    const own = typeColor(type);
    const color = !used.has(own) ? own : (all.find((c) => !used.has(c)) ?? all[i % all.length]!);
    used.add(color);
    return color;
  });
}

/** Text, axes and background. */
export const INK = '#222222';
export const MUTED = '#666666';
export const GRID = '#dddddd';
export const BACKGROUND = '#ffffff';
export const EDGE_COLOR = '#999999';

/**
 * The font: DejaVu Sans, which ships with the project (npm package dejavu-fonts-ttf) so a PNG looks the same on
 * any machine; the fallbacks are for SVG and HTML opened where it is not installed.
 */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_STACK = `'${FONT_FAMILY}', Verdana, Arial, sans-serif`;

/** Font sizes in pixels. */
export const FONT_SIZE = { title: 16, label: 12, tick: 11, legend: 12 } as const;

/** Space around the plot area, in pixels: room for the title, axis ticks and labels, and the legend. */
export const MARGIN = { top: 48, right: 24, bottom: 56, left: 64 } as const;

/** Default chart sizes in pixels. */
export const TIMELINE_SIZE = { width: 800, height: 420 } as const;
export const NETWORK_SIZE = { width: 800, height: 640 } as const;
