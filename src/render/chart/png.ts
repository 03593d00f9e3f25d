// SVG charts to PNG with resvg, with the font files that ship with the project, so a chart is drawn the same on any machine.
import { createRequire } from 'node:module';
import { FONT_FAMILY } from './style.js';

/** DejaVu Sans, regular and bold, from the dejavu-fonts-ttf package. */
function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

/** The PNG of an SVG chart, at the SVG's own size. resvg is loaded on first use: other commands do not pay for it. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const font = { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
  return new Resvg(svg, { font, fitTo: { mode: 'original' } }).render().asPng();
}
