/**
 * The legend under the network map: one section per encoding in use (mode or utilization colour,
 * line width for flow, circle area for waits, fill for changes, the highlighted route), each with
 * its unit, laid out left to right and wrapped to the map's width.
 */
import { svgEl, type VizDocument, type VizElement } from './dom.js';
import { textWidth } from './label-placement.js';
import { INK } from './palette.js';

/** One legend section: a title and a drawing of its entries, of known size. */
export interface LegendSection {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** Draws the entries into `g`, with (0, 0) the top-left corner under the title. */
  readonly draw: (g: VizElement) => void;
}

export const LEGEND_FONT = 11;
const TITLE_H = 16;
const GAP_X = 28;
const GAP_Y = 12;

/** A legend entry: a symbol drawn in a 30 × 14 box and a text beside it. */
export interface LegendEntry {
  readonly label: string;
  readonly symbol: (doc: VizDocument) => VizElement;
}

/** A section listing entries one under another. */
export function entryList(doc: VizDocument, title: string, entries: readonly LegendEntry[]): LegendSection {
  const rowH = 17;
  const width = Math.max(
    textWidth(title, LEGEND_FONT, true),
    ...entries.map((e) => 38 + textWidth(e.label, LEGEND_FONT)),
  );
  return {
    title,
    width,
    height: entries.length * rowH,
    draw: (g) => {
      entries.forEach((e, i) => {
        const y = i * rowH;
        g.append(
          svgEl(
            doc,
            'g',
            { transform: `translate(0,${y})` },
            e.symbol(doc),
            svgEl(doc, 'text', { x: 38, y: 11, 'font-size': LEGEND_FONT, fill: INK.text }, e.label),
          ) as never,
        );
      });
    },
  };
}

/** Lays the sections out in rows no wider than `width`; returns the group and its height. */
export function layoutLegend(
  doc: VizDocument,
  sections: readonly LegendSection[],
  width: number,
  top: number,
): { group: VizElement; height: number } {
  const group = svgEl(doc, 'g', { class: 'viz-legend', transform: `translate(0,${top})` });
  let x = 16;
  let y = 10;
  let rowH = 0;
  for (const s of sections) {
    if (x > 16 && x + s.width > width - 16) {
      x = 16;
      y += rowH + GAP_Y;
      rowH = 0;
    }
    const g = svgEl(doc, 'g', { transform: `translate(${round1(x)},${y})` });
    g.append(
      svgEl(
        doc,
        'text',
        {
          x: 0,
          y: 11,
          'font-size': LEGEND_FONT,
          'font-weight': 700,
          fill: INK.text,
          class: 'viz-legend-title',
        },
        s.title,
      ) as never,
    );
    const body = svgEl(doc, 'g', { transform: `translate(0,${TITLE_H + 2})` });
    s.draw(body);
    g.append(body as never);
    group.append(g as never);
    x += s.width + GAP_X;
    rowH = Math.max(rowH, TITLE_H + 2 + s.height);
  }
  return { group, height: sections.length === 0 ? 0 : y + rowH + 10 };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
