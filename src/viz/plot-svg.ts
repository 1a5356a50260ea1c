/**
 * Observable Plot with the settings every chart shares: the caller's document (server-side or the
 * browser's), a fixed class name (stable output), system fonts, tabular figures, and `role="img"`
 * with an accessible name (the table behind the chart carries the figures).
 */
import * as Plot from '@observablehq/plot';
import type { VizDocument, VizElement } from './dom.js';
import { formatNumber } from './format.js';

export type PlotOptions = Plot.PlotOptions;
export { Plot };

/** Default width of a chart, px: prints at 100 % on A4 with 15-mm margins (≤ 680 px). */
export const CHART_WIDTH = 640;

/** An SVG chart from Plot options. */
export function plotSvg(doc: VizDocument, options: PlotOptions, ariaLabel: string): VizElement {
  const svg = Plot.plot({
    document: doc as never,
    className: 'viz-plot',
    style: {
      fontSize: '11px',
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    },
    ...options,
  }) as VizElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  return svg;
}

/** Tick labels with thousands separators and no more decimals than the step needs. */
export function tickNumber(x: number): string {
  const decimals = Number.isInteger(x) ? 0 : Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 ? 1 : 2;
  return formatNumber(x, decimals);
}

/** Tick labels for shares as whole percentages (0.5 → "50"). */
export function tickPercent(share: number): string {
  return formatNumber(share * 100, 0);
}

const TICK_MANTISSAS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] as const;

/** Three ticks [0, s, 2s] with a round step s and 2s ≥ max: for narrow panels where labels crowd. */
export function threeTicks(max: number): [number, number, number] {
  const half = max > 0 ? max / 2 : 0.5;
  const p = 10 ** Math.floor(Math.log10(half));
  const m = TICK_MANTISSAS.find((k) => k * p >= half * (1 - 1e-12)) ?? 10;
  const s = Number((m * p).toPrecision(12));
  return [0, s, 2 * s];
}
