/**
 * What the map's legend says: the sections for the encodings a map uses, each titled with what it
 * encodes and its unit ("Flow, Mt/yr (line width)", "Mean wait (circle area)").
 */
import { changeMarker } from './change-marker.js';
import { svgEl, type VizDocument, type VizElement } from './dom.js';
import { formatNumber } from './format.js';
import { entryList, LEGEND_FONT, type LegendSection } from './map-legend.js';
import type { ChangeClass } from './map-scales.js';
import {
  CHANGE_COLOR,
  dashArray,
  INK,
  MODE_COLOR,
  MODE_LABEL,
  MODE_ORDER,
  type Mode,
  UTILIZATION_CLASSES,
  WAIT_FILL,
} from './palette.js';

export interface MapLegendSpec {
  readonly colorBy: 'mode' | 'utilization';
  readonly modes: readonly Mode[];
  readonly hasNoUtilization: boolean;
  /** Flow values (t/yr) and their line widths, px. */
  readonly flowValues: readonly { value: number; width: number }[];
  /** Wait labels and their circle radii, px, largest first. */
  readonly waitValues: readonly { label: string; radius: number }[];
  readonly waitUnit: 'h' | 'd';
  readonly isComparison: boolean;
  readonly changeThresholdLabel: string;
  readonly route: string | undefined;
}

function lineSample(doc: VizDocument, color: string, width: number, mode: Mode = 'rail'): VizElement {
  return svgEl(doc, 'line', {
    x1: 2,
    y1: 7,
    x2: 30,
    y2: 7,
    stroke: color,
    'stroke-width': width,
    'stroke-dasharray': dashArray(mode, width),
    'stroke-linecap': mode === 'ferry' ? 'round' : 'butt',
  });
}

/** A crossing's circle filled for a change class, with the triangle the map draws on it. */
function swatch(doc: VizDocument, cls: ChangeClass): VizElement {
  return svgEl(
    doc,
    'g',
    {},
    svgEl(doc, 'circle', {
      cx: 16,
      cy: 7,
      r: 6.5,
      fill: CHANGE_COLOR[cls],
      stroke: INK.outline,
      'stroke-width': 1,
    }),
    changeMarker(doc, cls, 16, 7, 4.2),
  );
}

/** The legend sections for a map. */
export function mapLegendSections(doc: VizDocument, spec: MapLegendSpec): LegendSection[] {
  const sections: LegendSection[] = [];
  const modes = MODE_ORDER.filter((m) => spec.modes.includes(m));
  if (spec.colorBy === 'mode') {
    sections.push(
      entryList(
        doc,
        'Mode (colour)',
        modes.map((m) => ({ label: MODE_LABEL[m], symbol: (d) => lineSample(d, MODE_COLOR[m], 3, m) })),
      ),
    );
  } else {
    sections.push(
      entryList(doc, 'Utilization, % of capacity (colour)', [
        ...UTILIZATION_CLASSES.map((c) => ({
          label: c.label,
          symbol: (d: VizDocument) => lineSample(d, c.color, 4),
        })),
        ...(spec.hasNoUtilization
          ? [{ label: 'no data', symbol: (d: VizDocument) => lineSample(d, '#9A9A9A', 1.5) }]
          : []),
      ]),
    );
    sections.push(
      entryList(
        doc,
        'Mode (line style)',
        modes.map((m) => ({ label: MODE_LABEL[m], symbol: (d) => lineSample(d, INK.muted, 2.5, m) })),
      ),
    );
  }
  if (spec.flowValues.length > 0) {
    sections.push(
      entryList(doc, 'Flow, Mt/yr (line width)', [
        ...spec.flowValues.map((f) => ({
          label: formatNumber(f.value / 1e6, f.value < 1e6 ? 1 : 0),
          symbol: (d: VizDocument) => lineSample(d, INK.muted, f.width),
        })),
        { label: 'no flow', symbol: (d: VizDocument) => lineSample(d, INK.muted, 0.8) },
      ]),
    );
  }
  if (spec.waitValues.length > 0) sections.push(waitSection(doc, spec));
  if (spec.isComparison) {
    const t = spec.changeThresholdLabel;
    sections.push(
      entryList(doc, 'Change in mean wait (fill and triangle)', [
        { label: `shorter by ${t} or more`, symbol: (d) => swatch(d, 'muchBetter') },
        { label: `shorter by less than ${t}`, symbol: (d) => swatch(d, 'better') },
        { label: 'no significant change', symbol: (d) => swatch(d, 'neutral') },
        { label: `longer by less than ${t}`, symbol: (d) => swatch(d, 'worse') },
        { label: `longer by ${t} or more`, symbol: (d) => swatch(d, 'muchWorse') },
      ]),
    );
  }
  if (spec.route !== undefined) {
    sections.push(
      entryList(doc, 'Highlighted route', [
        {
          label: spec.route,
          symbol: (d) =>
            svgEl(
              d,
              'g',
              {},
              svgEl(d, 'line', { x1: 2, y1: 7, x2: 30, y2: 7, stroke: INK.text, 'stroke-width': 3 }),
              svgEl(d, 'circle', { cx: 4, cy: 7, r: 4, fill: INK.halo, stroke: INK.text, 'stroke-width': 2 }),
              svgEl(d, 'circle', { cx: 28, cy: 7, r: 4, fill: INK.text }),
            ),
        },
      ]),
    );
  }
  return sections;
}

/** Nested circles, bottoms aligned, each with a leader line to its value. */
function waitSection(doc: VizDocument, spec: MapLegendSpec): LegendSection {
  const rMax = Math.max(...spec.waitValues.map((w) => w.radius));
  const title = spec.isComparison ? 'Mean wait (circle area; dashed: base)' : 'Mean wait (circle area)';
  const labelW = Math.max(...spec.waitValues.map((w) => w.label.length)) * LEGEND_FONT * 0.55;
  const width = Math.max(2 * rMax + 14 + labelW, title.length * LEGEND_FONT * 0.6);
  const height = Math.max(2 * rMax + 4, spec.waitValues.length * (LEGEND_FONT + 1) + 8);
  return {
    title,
    width,
    height,
    draw: (g) => {
      const cx = rMax + 1;
      const bottom = 2 * rMax + 1;
      let lastY = Number.NEGATIVE_INFINITY;
      spec.waitValues.forEach((w) => {
        const cy = bottom - w.radius;
        const top = bottom - 2 * w.radius;
        const ty = Math.max(top + 4, lastY + LEGEND_FONT + 1);
        lastY = ty;
        g.append(
          svgEl(doc, 'circle', {
            cx,
            cy,
            r: w.radius,
            fill: WAIT_FILL,
            stroke: INK.outline,
            'stroke-width': 1,
          }) as never,
        );
        g.append(
          svgEl(doc, 'line', {
            x1: cx,
            y1: top,
            x2: 2 * rMax + 8,
            y2: ty,
            stroke: INK.muted,
            'stroke-width': 0.6,
          }) as never,
        );
        g.append(
          svgEl(
            doc,
            'text',
            { x: 2 * rMax + 10, y: ty + 4, 'font-size': LEGEND_FONT, fill: INK.text },
            w.label,
          ) as never,
        );
      });
    },
  };
}
