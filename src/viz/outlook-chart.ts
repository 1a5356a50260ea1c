/**
 * The outlook of one element (a crossing, a corridor) year by year: flow as bars (darker where it
 * exceeds capacity), capacity as a step line, demand as a tick where it differs from the flow, and
 * the first year of saturation annotated.
 */
import type { VizDocument, VizElement } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMt, formatPercent } from './format.js';
import { legendValues } from './legend-values.js';
import { CHART_WIDTH, Plot, plotSvg, tickNumber } from './plot-svg.js';
import { seriesKey } from './series-key.js';

export interface OutlookYear {
  readonly year: number;
  readonly flow_t_per_year: number;
  readonly capacity_t_per_year: number;
  /** Demand, when it differs from the flow (demand left unserved). */
  readonly demand_t_per_year?: number | undefined;
}

export interface OutlookData {
  /** What the outlook is of: "Dostyk–Alashankou". */
  readonly element: string;
  readonly years: readonly OutlookYear[];
  /** First year the flow reaches capacity; absent or null when it never does. */
  readonly saturation_year?: number | null | undefined;
}

const WITHIN = '#9CC3E0';
const ABOVE = '#0B3C5D';

/** The figure: key, chart, data table. */
export function outlookChart(doc: VizDocument, data: OutlookData, options: ChartFigureOptions): VizElement {
  const years = [...data.years].sort((a, b) => a.year - b.year);
  const mt = (t: number) => t / 1e6;
  const bars = years.map((y) => ({
    x1: y.year - 0.38,
    x2: y.year + 0.38,
    flow: mt(y.flow_t_per_year),
    above: y.flow_t_per_year >= y.capacity_t_per_year,
    title: `${y.year}: flow ${formatMt(y.flow_t_per_year)}, capacity ${formatMt(y.capacity_t_per_year)} (${formatPercent(
      y.flow_t_per_year / y.capacity_t_per_year,
    )})`,
  }));
  const steps = years.flatMap((y) => [
    { x: y.year - 0.5, y: mt(y.capacity_t_per_year) },
    { x: y.year + 0.5, y: mt(y.capacity_t_per_year) },
  ]);
  const demand = years
    .filter((y) => y.demand_t_per_year !== undefined && y.demand_t_per_year > y.flow_t_per_year)
    .map((y) => ({ x1: y.year - 0.38, x2: y.year + 0.38, y: mt(y.demand_t_per_year!) }));
  const maxMt = Math.max(
    0,
    ...years.map((y) =>
      Math.max(mt(y.flow_t_per_year), mt(y.capacity_t_per_year), mt(y.demand_t_per_year ?? 0)),
    ),
  );
  const step = (legendValues(maxMt, 1)[0] ?? 1) / 2;
  const top = Math.ceil((maxMt * 1.12) / step) * step;
  const sat = data.saturation_year ?? undefined;
  const first = years[0]?.year ?? 0;
  const last = years[years.length - 1]?.year ?? 0;
  const marks: Plot.Markish[] = [
    Plot.rectY(bars, {
      x1: 'x1',
      x2: 'x2',
      y1: 0,
      y2: 'flow',
      fill: (d: { above: boolean }) => (d.above ? ABOVE : WITHIN),
      title: 'title',
    }),
    Plot.line(steps, { x: 'x', y: 'y', stroke: '#1A1A1A', strokeWidth: 2 }),
    Plot.ruleY([0], { stroke: '#1A1A1A' }),
  ];
  if (demand.length > 0) {
    marks.push(
      Plot.ruleY(demand, {
        x1: 'x1',
        x2: 'x2',
        y: 'y',
        stroke: '#D55E00',
        strokeWidth: 2,
        strokeDasharray: '3 2',
      }),
    );
  }
  if (sat !== undefined) {
    const satYear = years.find((y) => y.year === sat);
    marks.push(
      Plot.ruleX([sat - 0.5], { stroke: '#1A1A1A', strokeDasharray: '4 3' }),
      Plot.text([{ x: sat - 0.5, y: top }], {
        x: 'x',
        y: 'y',
        text: () =>
          `saturated from ${sat}${
            satYear
              ? ` (${satYear.demand_t_per_year === undefined ? 'flow' : 'demand'} ${formatMt(
                  satYear.demand_t_per_year ?? satYear.flow_t_per_year,
                )}, capacity ${formatMt(satYear.capacity_t_per_year)})`
              : ''
          }`,
        textAnchor: sat - first > (last - first) / 2 ? 'end' : 'start',
        dx: sat - first > (last - first) / 2 ? -5 : 5,
        dy: 8,
        fill: '#1A1A1A',
        fontWeight: 600,
        fontSize: 11,
      }),
    );
  }
  const svg = plotSvg(
    doc,
    {
      width: options.width_px ?? CHART_WIDTH,
      height: 280,
      marginLeft: 48,
      marginRight: 16,
      marginBottom: 36,
      marginTop: 12,
      x: {
        label: 'year',
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: [first - 0.6, last + 0.6],
        ticks: years.map((y) => y.year),
        tickFormat: (y: number) => String(y),
      },
      y: { label: 'Mt/yr', labelArrow: 'none', domain: [0, top], grid: true, tickFormat: tickNumber },
      marks,
    },
    `${data.element}: flow and capacity by year, Mt/yr`,
  );
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle: `${data.element}: flow and capacity by year, Mt/yr`,
    caption: options.caption,
    key: seriesKey(doc, [
      { label: 'flow within capacity', symbol: { kind: 'bar', color: WITHIN } },
      { label: 'flow at or above capacity', symbol: { kind: 'bar', color: ABOVE } },
      { label: 'capacity', symbol: { kind: 'line', color: '#1A1A1A', width: 2 } },
      ...(demand.length > 0
        ? [{ label: 'demand not served', symbol: { kind: 'line' as const, color: '#D55E00', dash: '3 2' } }]
        : []),
    ]),
    body: [svg],
    table: {
      caption: `${data.element} by year`,
      columns: [
        { label: 'year' },
        { label: 'flow, Mt/yr', numeric: true },
        { label: 'capacity, Mt/yr', numeric: true },
        { label: 'utilization, %', numeric: true },
        { label: 'demand, Mt/yr', numeric: true },
      ],
      rows: years.map((y) => [
        String(y.year),
        formatMt(y.flow_t_per_year, false),
        formatMt(y.capacity_t_per_year, false),
        formatPercent(y.flow_t_per_year / y.capacity_t_per_year).replace(/\s%$/, ''),
        y.demand_t_per_year === undefined ? '–' : formatMt(y.demand_t_per_year, false),
      ]),
    },
  });
}
