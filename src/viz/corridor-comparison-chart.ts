/**
 * Corridors compared: one row per corridor, three dot plots side by side on the same rows —
 * door-to-door days (dot at the mean, whisker to the P90, or P10–P90), cost per FEU and emissions
 * per FEU. Scenarios are told apart by shape (base hollow, variants filled) as well as colour.
 */
import { fitLabel, labelChars, labelWidth } from './axis-labels.js';
import type { VizDocument, VizElement } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMagnitude, formatNumber } from './format.js';
import { seriesColor } from './palette.js';
import { CHART_WIDTH, Plot, plotSvg, threeTicks, tickNumber } from './plot-svg.js';
import { seriesKey } from './series-key.js';

/** A corridor in a scenario. */
export interface CorridorComparisonRow {
  readonly corridor: string;
  readonly scenario: string;
  /** Mean door-to-door time, days. */
  readonly transit_days_mean: number;
  /** 90th percentile of the door-to-door time, days. */
  readonly transit_days_p90: number;
  /** 10th percentile, days (the whisker starts at the mean when absent). */
  readonly transit_days_p10?: number | undefined;
  readonly cost_usd_per_feu: number;
  readonly co2e_kg_per_feu: number;
}

const ROW_H = 34;
const MARGIN_TOP = 8;
const MARGIN_BOTTOM = 38;

/** The figure: key, three aligned panels, data table. */
export function corridorComparisonChart(
  doc: VizDocument,
  rows: readonly CorridorComparisonRow[],
  options: ChartFigureOptions,
): VizElement {
  const corridors = [...new Set(rows.map((r) => r.corridor))];
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const width = options.width_px ?? CHART_WIDTH;
  const height = corridors.length * ROW_H + MARGIN_TOP + MARGIN_BOTTOM;
  const labelW = labelWidth(corridors, Math.round(width * 0.3));
  const chars = labelChars(labelW);
  const panelW = Math.floor((width - labelW) / 3);
  const data = rows.map((r) => {
    const i = scenarios.indexOf(r.scenario);
    return { ...r, i, dy: (i - (scenarios.length - 1) / 2) * 8 };
  });

  const panel = (
    kind: 'days' | 'cost' | 'co2e',
    label: string,
    first: boolean,
    value: (r: CorridorComparisonRow) => number,
    describe: (r: CorridorComparisonRow) => string,
  ) => {
    const ticks = threeTicks(
      Math.max(...rows.map((r) => (kind === 'days' ? Math.max(r.transit_days_p90, value(r)) : value(r)))),
    );
    const marks: Plot.Markish[] = [];
    if (kind === 'days') {
      for (const s of scenarios.keys()) {
        marks.push(
          Plot.ruleY(
            data.filter((r) => r.i === s),
            {
              y: 'corridor',
              x1: (r: CorridorComparisonRow) => r.transit_days_p10 ?? r.transit_days_mean,
              x2: 'transit_days_p90',
              dy: scenarios.length > 1 ? (s - (scenarios.length - 1) / 2) * 8 : 0,
              stroke: seriesColor(s),
              strokeWidth: 2,
            },
          ),
        );
      }
    }
    for (const s of scenarios.keys()) {
      marks.push(
        Plot.dot(
          data.filter((r) => r.i === s),
          {
            y: 'corridor',
            x: value,
            dy: scenarios.length > 1 ? (s - (scenarios.length - 1) / 2) * 8 : 0,
            r: 4.5,
            stroke: seriesColor(s),
            strokeWidth: 1.8,
            fill: s === 0 ? '#FFFFFF' : seriesColor(s),
            title: (r: CorridorComparisonRow) => `${r.corridor}, ${r.scenario}: ${describe(r)}`,
          },
        ),
      );
    }
    return plotSvg(
      doc,
      {
        width: panelW + (first ? labelW : 0),
        height,
        marginLeft: first ? labelW : 12,
        marginRight: 26,
        marginTop: MARGIN_TOP,
        marginBottom: MARGIN_BOTTOM,
        x: {
          label,
          labelAnchor: 'center',
          labelArrow: 'none',
          domain: [0, ticks[2]],
          ticks,
          grid: true,
          tickFormat: tickNumber,
        },
        y: { domain: corridors, label: null, axis: null, padding: 0.3 },
        marks: [
          ...(first
            ? [
                Plot.axisY({
                  label: null,
                  tickSize: 0,
                  tickFormat: (c: string) => fitLabel(c, chars),
                  title: (c: string) => c,
                  fontSize: 11.5,
                } as Plot.AxisOptions),
              ]
            : []),
          ...marks,
        ],
      },
      `${label}, by corridor and scenario`,
    );
  };

  const days = (r: CorridorComparisonRow) =>
    `${formatMagnitude(r.transit_days_mean)} days (P90 ${formatMagnitude(r.transit_days_p90)})`;
  const body = [
    panel('days', 'days, door to door', true, (r) => r.transit_days_mean, days),
    panel(
      'cost',
      'USD per FEU',
      false,
      (r) => r.cost_usd_per_feu,
      (r) => `${formatNumber(r.cost_usd_per_feu)} USD per FEU`,
    ),
    panel(
      'co2e',
      'kg CO2e per FEU',
      false,
      (r) => r.co2e_kg_per_feu,
      (r) => `${formatNumber(r.co2e_kg_per_feu)} kg CO2e per FEU`,
    ),
  ];
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle:
      'Door-to-door time, cost and emissions per FEU. Dot: mean; line: to the 90th percentile (from the 10th where known)',
    caption: options.caption,
    key: seriesKey(
      doc,
      scenarios.map((s, i) => ({
        label: i === 0 ? `${s} (hollow)` : s,
        symbol: { kind: 'dot', color: seriesColor(i), filled: i !== 0 },
      })),
    ),
    body,
    layout: 'row',
    table: {
      caption: 'corridors by scenario',
      columns: [
        { label: 'corridor' },
        { label: 'scenario' },
        { label: 'mean, days', numeric: true },
        { label: 'P10, days', numeric: true },
        { label: 'P90, days', numeric: true },
        { label: 'USD per FEU', numeric: true },
        { label: 'kg CO2e per FEU', numeric: true },
      ],
      rows: rows.map((r) => [
        r.corridor,
        r.scenario,
        formatMagnitude(r.transit_days_mean),
        r.transit_days_p10 === undefined ? '–' : formatMagnitude(r.transit_days_p10),
        formatMagnitude(r.transit_days_p90),
        formatNumber(r.cost_usd_per_feu),
        formatNumber(r.co2e_kg_per_feu),
      ]),
    },
  });
}
