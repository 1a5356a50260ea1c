/**
 * Utilization by crossing and direction: a bar per scenario, flow over capacity as a percentage,
 * with the capacity line at 100 %.
 */
import type { VizDocument, VizElement } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMt, formatPercent } from './format.js';
import { groupedBars } from './grouped-bars.js';
import { seriesFill } from './palette.js';
import { CHART_WIDTH, Plot, tickPercent } from './plot-svg.js';
import { seriesKey } from './series-key.js';

export interface UtilizationBar {
  readonly crossing: string;
  /** The direction, e.g. "China → Kazakhstan". */
  readonly direction: string;
  readonly scenario: string;
  /** Flow over capacity: 1 = at capacity. */
  readonly utilization: number;
  readonly flow_t_per_year?: number | undefined;
  readonly capacity_t_per_year?: number | undefined;
}

/** The figure: key, bars, data table. */
export function utilizationChart(
  doc: VizDocument,
  bars: readonly UtilizationBar[],
  options: ChartFigureOptions,
): VizElement {
  const scenarios = [...new Set(bars.map((b) => b.scenario))];
  const maxU = Math.max(1.1, ...bars.map((b) => b.utilization));
  const top = Math.ceil(maxU / 0.25) * 0.25;
  const data = bars.map((b) => ({
    group: `${b.crossing}\n${b.direction}`,
    scenario: b.scenario,
    value: b.utilization,
    label: formatPercent(b.utilization),
    title: `${b.crossing}, ${b.direction}, ${b.scenario}: ${formatPercent(b.utilization)} of capacity${
      b.flow_t_per_year === undefined ? '' : `, flow ${formatMt(b.flow_t_per_year)}`
    }${b.capacity_t_per_year === undefined ? '' : `, capacity ${formatMt(b.capacity_t_per_year)}`}`,
  }));
  const svg = groupedBars(doc, data, {
    width: options.width_px ?? CHART_WIDTH,
    xLabel: 'utilization, % of capacity',
    xDomain: [0, top],
    tickFormat: tickPercent,
    ticks: Array.from({ length: Math.round(top / 0.25) + 1 }, (_, i) => i * 0.25),
    extra: [Plot.ruleX([1], { stroke: '#1A1A1A', strokeWidth: 1.5, strokeDasharray: '5 3' })],
    ariaLabel: 'Utilization by crossing, direction and scenario, % of capacity',
  });
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle: 'Flow as a share of capacity, by direction; the dashed line is capacity (100 %)',
    caption: options.caption,
    key: seriesKey(doc, [
      ...scenarios.map((s, i) => ({ label: s, symbol: { kind: 'bar' as const, color: seriesFill(i) } })),
      { label: 'capacity (100 %)', symbol: { kind: 'line', color: '#1A1A1A', dash: '5 3', width: 1.5 } },
    ]),
    body: [svg],
    table: {
      caption: 'utilization by crossing and direction',
      columns: [
        { label: 'crossing' },
        { label: 'direction' },
        { label: 'scenario' },
        { label: 'flow, Mt/yr', numeric: true },
        { label: 'capacity, Mt/yr', numeric: true },
        { label: 'utilization, %', numeric: true },
      ],
      rows: bars.map((b) => [
        b.crossing,
        b.direction,
        b.scenario,
        b.flow_t_per_year === undefined ? '–' : formatMt(b.flow_t_per_year, false),
        b.capacity_t_per_year === undefined ? '–' : formatMt(b.capacity_t_per_year, false),
        tickPercent(b.utilization),
      ]),
    },
  });
}
