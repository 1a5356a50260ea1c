/**
 * A difference between the base and a scenario, row by row (crossings): on the left the two levels
 * (base hollow, scenario filled, joined by a line), on the right the difference with its 95 %
 * confidence interval against a zero line. A difference whose interval excludes zero is drawn solid
 * and dark; one that does not is hollow, dashed and marked "n.s.", so it reads without colour.
 */
import { labelChars, labelWidth, truncateLabel } from './axis-labels.js';
import type { VizDocument, VizElement } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMagnitude, formatSigned } from './format.js';
import { INK, seriesColor } from './palette.js';
import { CHART_WIDTH, Plot, plotSvg, tickNumber } from './plot-svg.js';
import { seriesKey } from './series-key.js';

/** One row: a quantity in the base and the scenario, the paired difference and its interval. */
export interface DifferenceRow {
  readonly label: string;
  readonly base: number | null;
  readonly scenario: number | null;
  readonly difference: number | null;
  readonly ci95: readonly [number, number] | null;
}

export interface DifferenceChartOptions extends ChartFigureOptions {
  /** What is measured, for the axis: "mean wait". */
  readonly quantity: string;
  /** Its unit, for the axes and the table: "h", "units a day". */
  readonly unit: string;
  readonly base_name: string;
  readonly scenario_name: string;
}

const ROW_H = 24;
const MARGIN_TOP = 8;
const MARGIN_BOTTOM = 38;
const LABEL_FONT_PX = 11.5;

/** Whether the interval of a difference excludes zero. */
function beyondChance(r: DifferenceRow): boolean {
  return r.ci95 !== null && (r.ci95[0] > 0 || r.ci95[1] < 0);
}

/** Bounds around [lo, hi] that include zero, with a little room on both sides. */
function domainAround(lo: number, hi: number): [number, number] {
  const a = Math.min(0, lo);
  const b = Math.max(0, hi);
  const pad = (b - a || 1) * 0.06;
  return [a - pad, b + pad];
}

/** The figure: key, the levels and the differences side by side on the same rows, data table. */
export function differenceChart(
  doc: VizDocument,
  rows: readonly DifferenceRow[],
  options: DifferenceChartOptions,
): VizElement {
  const width = options.width_px ?? CHART_WIDTH;
  const labels = rows.map((r) => r.label);
  const labelW = labelWidth(labels, Math.round(width * 0.34));
  const chars = labelChars(labelW);
  const height = rows.length * ROW_H + MARGIN_TOP + MARGIN_BOTTOM;
  const levelW = Math.floor((width - labelW) * 0.45);
  const diffW = width - labelW - levelW;
  const unit = options.unit;
  const data = rows.map((r) => ({
    ...r,
    short: truncateLabel(r.label, chars),
    real: beyondChance(r),
    lo: r.ci95?.[0] ?? r.difference,
    hi: r.ci95?.[1] ?? r.difference,
  }));
  const y = { domain: labels, axis: null, padding: 0.3 } as const;
  const top = Math.max(0, ...rows.flatMap((r) => [r.base ?? 0, r.scenario ?? 0]));
  const levels = plotSvg(
    doc,
    {
      width: labelW + levelW,
      height,
      marginLeft: labelW,
      marginRight: 14,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      x: {
        label: `${options.quantity}, ${unit}`,
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: [0, top > 0 ? top * 1.06 : 1],
        ticks: 4,
        grid: true,
        tickFormat: tickNumber,
      },
      y,
      marks: [
        Plot.text(data, {
          y: 'label',
          frameAnchor: 'left',
          dx: -labelW + 2,
          textAnchor: 'start',
          text: 'short',
          title: 'label',
          fontSize: LABEL_FONT_PX,
          fill: INK.text,
        }),
        Plot.ruleY(
          data.filter((r) => r.base !== null && r.scenario !== null),
          { y: 'label', x1: 'base', x2: 'scenario', stroke: '#999999', strokeWidth: 1.5 },
        ),
        Plot.dot(
          data.filter((r) => r.base !== null),
          {
            y: 'label',
            x: 'base',
            r: 4.5,
            stroke: seriesColor(0),
            strokeWidth: 1.8,
            fill: '#FFFFFF',
            title: (r: DifferenceRow) =>
              `${r.label}, ${options.base_name}: ${formatMagnitude(r.base!)} ${unit}`,
          },
        ),
        Plot.dot(
          data.filter((r) => r.scenario !== null),
          {
            y: 'label',
            x: 'scenario',
            r: 4.5,
            stroke: seriesColor(1),
            strokeWidth: 1.8,
            fill: seriesColor(1),
            title: (r: DifferenceRow) =>
              `${r.label}, ${options.scenario_name}: ${formatMagnitude(r.scenario!)} ${unit}`,
          },
        ),
      ],
    },
    `${options.quantity} in ${options.base_name} and ${options.scenario_name}, ${unit}`,
  );
  const withDiff = data.filter((r) => r.difference !== null);
  const [lo, hi] = domainAround(
    Math.min(0, ...withDiff.map((r) => r.lo!)),
    Math.max(0, ...withDiff.map((r) => r.hi!)),
  );
  const describe = (r: DifferenceRow) =>
    `${r.label}: ${formatSigned(r.difference!)} ${unit}${
      r.ci95 ? ` (95 % CI ${formatSigned(r.ci95[0])} to ${formatSigned(r.ci95[1])})` : ''
    }${beyondChance(r) ? '' : ', not significant'}`;
  const diffs = plotSvg(
    doc,
    {
      width: diffW,
      height,
      marginLeft: 14,
      marginRight: 34,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      x: {
        label: `difference, ${unit} (95 % CI)`,
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: [lo, hi],
        ticks: 4,
        grid: true,
        tickFormat: (x: number) => (x > 0 ? `+${tickNumber(x)}` : tickNumber(x)),
      },
      y,
      marks: [
        Plot.ruleX([0], { stroke: INK.text, strokeWidth: 1 }),
        Plot.ruleY(
          withDiff.filter((r) => r.real),
          { y: 'label', x1: 'lo', x2: 'hi', stroke: INK.text, strokeWidth: 2.5 },
        ),
        Plot.ruleY(
          withDiff.filter((r) => !r.real),
          { y: 'label', x1: 'lo', x2: 'hi', stroke: '#8A8A8A', strokeWidth: 1.5, strokeDasharray: '3 2' },
        ),
        Plot.dot(withDiff, {
          y: 'label',
          x: 'difference',
          r: 4,
          stroke: (r: { real: boolean }) => (r.real ? INK.text : '#8A8A8A'),
          strokeWidth: 1.6,
          fill: (r: { real: boolean }) => (r.real ? INK.text : '#FFFFFF'),
          title: describe,
        }),
        Plot.text(
          withDiff.filter((r) => !r.real),
          {
            y: 'label',
            frameAnchor: 'right',
            dx: 30,
            textAnchor: 'end',
            text: () => 'n.s.',
            fontSize: 10.5,
            fill: INK.muted,
          },
        ),
      ],
    },
    `difference of the ${options.quantity}, ${options.scenario_name} − ${options.base_name}, ${unit}, with its 95 % confidence interval`,
  );
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle: `${options.quantity}, ${unit}: ${options.base_name} and ${options.scenario_name}; the difference (${options.scenario_name} − ${options.base_name}) with its 95 % confidence interval; n.s.: the interval contains zero`,
    caption: options.caption,
    key: seriesKey(doc, [
      {
        label: `${options.base_name} (hollow)`,
        symbol: { kind: 'dot', color: seriesColor(0), filled: false },
      },
      { label: options.scenario_name, symbol: { kind: 'dot', color: seriesColor(1), filled: true } },
      { label: 'difference beyond chance', symbol: { kind: 'line', color: INK.text, width: 2.5 } },
      { label: 'n.s.', symbol: { kind: 'line', color: '#8A8A8A', dash: '3 2', width: 1.5 } },
    ]),
    body: [levels, diffs],
    layout: 'row',
    table: {
      caption: `${options.quantity} by row, ${unit}`,
      columns: [
        { label: 'row' },
        { label: `${options.base_name}, ${unit}`, numeric: true },
        { label: `${options.scenario_name}, ${unit}`, numeric: true },
        { label: `difference, ${unit}`, numeric: true },
        { label: '95 % CI', numeric: true },
      ],
      rows: rows.map((r) => [
        r.label,
        r.base === null ? '–' : formatMagnitude(r.base),
        r.scenario === null ? '–' : formatMagnitude(r.scenario),
        r.difference === null ? '–' : formatSigned(r.difference),
        r.ci95 ? `${formatSigned(r.ci95[0])} to ${formatSigned(r.ci95[1])}` : '–',
      ]),
    },
  });
}
