/**
 * Tonnage by corridor, base against variants: a bar per scenario, labelled with its Mt/yr and, for
 * a variant, the signed change from the base.
 */
import type { VizDocument, VizElement } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMt, formatSigned } from './format.js';
import { groupedBars } from './grouped-bars.js';
import { legendValues } from './legend-values.js';
import { seriesFill } from './palette.js';
import { CHART_WIDTH, tickNumber } from './plot-svg.js';
import { seriesKey } from './series-key.js';

export interface TonnageBar {
  readonly corridor: string;
  readonly scenario: string;
  readonly flow_t_per_year: number;
}

/** The figure: key, bars, data table (with the change from the base). */
export function tonnageChart(
  doc: VizDocument,
  bars: readonly TonnageBar[],
  options: ChartFigureOptions,
): VizElement {
  const scenarios = [...new Set(bars.map((b) => b.scenario))];
  const base = scenarios[0];
  const baseOf = new Map(bars.filter((b) => b.scenario === base).map((b) => [b.corridor, b.flow_t_per_year]));
  const change = (b: TonnageBar) => {
    const v = baseOf.get(b.corridor);
    return b.scenario === base ? undefined : b.flow_t_per_year - (v ?? 0);
  };
  const maxMt = Math.max(0, ...bars.map((b) => b.flow_t_per_year)) / 1e6;
  const step = (legendValues(maxMt, 1)[0] ?? 1) / 2;
  const top = Math.max(step, Math.ceil(maxMt / step) * step);
  const data = bars.map((b) => {
    const d = change(b);
    const label = `${formatMt(b.flow_t_per_year, false)}${d === undefined ? '' : d === 0 ? ' (no change)' : ` (${formatSigned(d / 1e6, Math.abs(d) < 1e6 ? 2 : 1)})`}`;
    return {
      group: b.corridor,
      scenario: b.scenario,
      value: b.flow_t_per_year / 1e6,
      label,
      title: `${b.corridor}, ${b.scenario}: ${formatMt(b.flow_t_per_year)}${
        d === undefined ? '' : `, ${formatSigned(d / 1e6, 2)} Mt/yr against ${base}`
      }`,
    };
  });
  const svg = groupedBars(doc, data, {
    width: options.width_px ?? CHART_WIDTH,
    xLabel: 'flow, Mt/yr',
    xDomain: [0, top * 1.12],
    tickFormat: tickNumber,
    ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step),
    ariaLabel: 'Tonnage by corridor and scenario, Mt/yr',
  });
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle: `Flow by corridor, Mt/yr; in brackets the change against ${base ?? 'the base'}`,
    caption: options.caption,
    key: seriesKey(
      doc,
      scenarios.map((s, i) => ({ label: s, symbol: { kind: 'bar' as const, color: seriesFill(i) } })),
    ),
    body: [svg],
    table: {
      caption: 'tonnage by corridor and scenario',
      columns: [
        { label: 'corridor' },
        { label: 'scenario' },
        { label: 'flow, Mt/yr', numeric: true },
        { label: `change against ${base ?? 'base'}, Mt/yr`, numeric: true },
      ],
      rows: bars.map((b) => {
        const d = change(b);
        return [
          b.corridor,
          b.scenario,
          formatMt(b.flow_t_per_year, false),
          d === undefined ? '–' : formatSigned(d / 1e6, 2),
        ];
      }),
    },
  });
}
