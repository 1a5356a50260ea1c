/**
 * The UNESCAP time/cost–distance chart: cumulative cost (or time) against distance, one line per
 * corridor. Border crossings and transshipments cover almost no distance, so they show as steps,
 * marked with a square (border) or a triangle (transshipment); lines are named at their ends.
 */
import type { VizDocument, VizElement } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMagnitude, formatNumber } from './format.js';
import { textWidth } from './label-placement.js';
import { seriesColor, seriesDash } from './palette.js';
import { CHART_WIDTH, Plot, plotSvg, tickNumber } from './plot-svg.js';
import { seriesKey } from './series-key.js';

/** A point of a corridor's profile: cumulative distance, time and cost on arrival at a place. */
export interface ProfilePointInput {
  readonly distance_km: number;
  readonly time_h: number;
  readonly cost_usd: number;
  /** The step into this point: `link`, `crossing`, `transshipment`, `wait` or `start`. */
  readonly event: string;
  /** The place or leg. */
  readonly name: string;
}

export interface ProfileLine {
  readonly corridor: string;
  readonly points: readonly ProfilePointInput[];
}

export interface TimeCostDistanceOptions extends ChartFigureOptions {
  /** Which cumulative quantity goes up the chart. Default cost. */
  readonly y?: 'cost' | 'time';
  /** What the cost is counted per, for the axis label. Default "USD per FEU". */
  readonly cost_unit?: string;
}

const HEIGHT = 340;
const MARGIN_TOP = 14;
const MARGIN_BOTTOM = 40;

/** End labels pushed apart so that they do not overlap (at least `gap` px), keeping their order. */
export function dodge(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const over = (placed[placed.length - 1] ?? 0) - max;
  if (over > 0) for (let k = 0; k < placed.length; k++) placed[k]! -= over;
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k]!, min + k * gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => {
    out[o.i] = placed[k]!;
  });
  return out;
}

/** The figure: key, the chart, the data table (one row per step). */
export function timeCostDistanceChart(
  doc: VizDocument,
  lines: readonly ProfileLine[],
  options: TimeCostDistanceOptions,
): VizElement {
  const series = options.y ?? 'cost';
  const costUnit = options.cost_unit ?? 'USD per FEU';
  const width = options.width_px ?? CHART_WIDTH;
  const value = (p: ProfilePointInput) => (series === 'cost' ? p.cost_usd : p.time_h / 24);
  const yLabel = series === 'cost' ? `cumulative cost, ${costUnit}` : 'cumulative time, days';
  const points = lines.flatMap((l, i) =>
    l.points.map((p) => ({
      corridor: l.corridor,
      i,
      x: p.distance_km,
      y: value(p),
      event: p.event,
      name: p.name,
    })),
  );
  const yMax = Math.max(0, ...points.map((p) => p.y));
  const xMax = Math.max(0, ...points.map((p) => p.x));
  const fmt = (y: number) => (series === 'cost' ? formatNumber(y) : formatMagnitude(y));
  // End labels: pixel positions computed from the y scale the chart will use ([0, yMax], nice).
  const plotH = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
  const niceMax = niceCeil(yMax);
  const ends = lines.map((l, i) => {
    const last = l.points[l.points.length - 1];
    return { corridor: l.corridor, i, x: last?.distance_km ?? 0, y: last ? value(last) : 0 };
  });
  const endPx = dodge(
    ends.map((e) => MARGIN_TOP + plotH * (1 - e.y / niceMax)),
    13,
    MARGIN_TOP,
    HEIGHT - MARGIN_BOTTOM,
  );
  const endLabels = ends.map((e, k) => ({
    ...e,
    yLabel: niceMax * (1 - (endPx[k]! - MARGIN_TOP) / plotH),
    text: `${e.corridor} ${fmt(e.y)}`,
  }));
  const marks: Plot.Markish[] = [];
  for (const l of lines.keys()) {
    marks.push(
      Plot.line(
        points.filter((p) => p.i === l),
        {
          x: 'x',
          y: 'y',
          stroke: seriesColor(l + 1),
          strokeWidth: 2,
          strokeDasharray: seriesDash(l),
          title: (p: { corridor: string }) => p.corridor,
        },
      ),
    );
  }
  const describe = (p: { corridor: string; name: string; x: number; y: number }) =>
    `${p.corridor}: ${p.name}, ${formatNumber(p.x)} km, ${fmt(p.y)} ${series === 'cost' ? costUnit : 'days'}`;
  marks.push(
    Plot.dot(
      points.filter((p) => p.event === 'crossing'),
      {
        x: 'x',
        y: 'y',
        symbol: 'square',
        r: 3.5,
        fill: '#FFFFFF',
        stroke: '#1A1A1A',
        strokeWidth: 1.3,
        title: describe,
      },
    ),
    Plot.dot(
      points.filter((p) => p.event === 'transshipment'),
      {
        x: 'x',
        y: 'y',
        symbol: 'triangle',
        r: 3.8,
        fill: '#1A1A1A',
        stroke: '#FFFFFF',
        strokeWidth: 0.8,
        title: describe,
      },
    ),
    Plot.link(endLabels, {
      x1: 'x',
      y1: 'y',
      x2: 'x',
      y2: 'yLabel',
      stroke: '#999999',
      strokeWidth: 0.7,
    }),
    Plot.text(endLabels, {
      x: 'x',
      y: 'yLabel',
      text: 'text',
      dx: 6,
      textAnchor: 'start',
      fill: '#1A1A1A',
      fontSize: 11,
    }),
  );
  const svg = plotSvg(
    doc,
    {
      width,
      height: HEIGHT,
      marginLeft: 56,
      marginRight: Math.ceil(Math.max(40, ...endLabels.map((e) => textWidth(e.text, 11))) + 14),
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      x: {
        label: 'distance, km',
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: [0, xMax],
        nice: true,
        tickFormat: tickNumber,
        ticks: 6,
      },
      y: { label: yLabel, labelArrow: 'none', domain: [0, niceMax], grid: true, tickFormat: tickNumber },
      marks,
    },
    `${yLabel} against distance, by corridor`,
  );
  const rows = points.map((p) => [
    p.corridor,
    p.name,
    p.event,
    formatNumber(p.x),
    series === 'cost' ? formatNumber(p.y) : formatMagnitude(p.y),
  ]);
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle: `Cumulative ${series === 'cost' ? `cost, ${costUnit}` : 'time, days'}, against distance; steps are borders and transshipments`,
    caption: options.caption,
    key: seriesKey(doc, [
      ...lines.map((l, i) => ({
        label: l.corridor,
        symbol: {
          kind: 'line' as const,
          color: seriesColor(i + 1),
          dash: seriesDash(i),
        },
      })),
      { label: 'border crossing', symbol: { kind: 'square', color: '#1A1A1A' } },
      { label: 'transshipment', symbol: { kind: 'triangle', color: '#1A1A1A' } },
    ]),
    body: [svg],
    table: {
      caption: 'profile points by corridor',
      columns: [
        { label: 'corridor' },
        { label: 'place or leg' },
        { label: 'step' },
        { label: 'distance, km', numeric: true },
        { label: series === 'cost' ? `cost, ${costUnit}` : 'time, days', numeric: true },
      ],
      rows,
    },
  });
}

/** The "nice" upper end Plot's linear scale would pick for [0, max] (1, 2, 5 steps, about 10 ticks). */
function niceCeil(max: number): number {
  if (!(max > 0)) return 1;
  const rough = max / 10;
  const p = 10 ** Math.floor(Math.log10(rough));
  const m = rough / p;
  const step = (m >= 7.07 ? 10 : m >= 3.16 ? 5 : m >= 1.41 ? 2 : 1) * p;
  return Math.ceil(max / step - 1e-9) * step;
}
