/**
 * The mark that tells a change's direction without colour: at the crossing, a white triangle with a
 * dark outline pointing down for a shorter wait and up for a longer one; two of them, one behind the
 * other, for a large change; none when the change is not significant. White on a dark outline reads
 * on every fill, so the map says the same in grey print as in colour.
 */
import { svgEl, type VizDocument, type VizElement } from './dom.js';
import type { ChangeClass } from './map-scales.js';
import { INK } from './palette.js';

/** Half the width of a triangle, px. */
export const CHANGE_MARKER_SIZE = 4.4;

const r2 = (v: number) => Math.round(v * 100) / 100;

function triangle(x: number, y: number, s: number, down: boolean): string {
  const tip = down ? y + s * 0.8 : y - s * 0.8;
  const base = down ? y - s * 0.8 : y + s * 0.8;
  return `M${r2(x - s)},${r2(base)}L${r2(x + s)},${r2(base)}L${r2(x)},${r2(tip)}Z`;
}

/** The triangle(s) for a class at (x, y), or undefined for no significant change. */
export function changeMarker(
  doc: VizDocument,
  cls: ChangeClass,
  x: number,
  y: number,
  size = CHANGE_MARKER_SIZE,
): VizElement | undefined {
  if (cls === 'neutral') return undefined;
  const down = cls === 'muchBetter' || cls === 'better';
  const large = cls === 'muchBetter' || cls === 'muchWorse';
  // A large change: a second triangle behind the first, shifted back along the way it points.
  const shift = large ? size * 0.55 : 0;
  const centres = large ? [down ? y - shift : y + shift, down ? y + shift : y - shift] : [y];
  return svgEl(
    doc,
    'g',
    { class: 'viz-change-marker', 'data-change': cls },
    ...centres.map((cy) =>
      svgEl(doc, 'path', {
        d: triangle(x, cy, size, down),
        fill: INK.halo,
        stroke: INK.text,
        'stroke-width': 1.2,
        'stroke-linejoin': 'round',
      }),
    ),
  );
}
