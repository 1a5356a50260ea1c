/**
 * Wait distributions per crossing: the cumulative share of units that waited at most x (an ECDF),
 * base and variants overlaid on the same axis, one small panel per crossing. The input is either
 * per-bucket counts (a histogram, read as uniform within each bucket) or quantiles.
 */
import type { VizDocument, VizElement } from './dom.js';
import { htmlEl } from './dom.js';
import { type ChartFigureOptions, figure } from './figure.js';
import { formatMagnitude, waitUnit } from './format.js';
import { seriesColor, seriesDash } from './palette.js';
import { Plot, plotSvg, tickNumber, tickPercent } from './plot-svg.js';
import { seriesKey } from './series-key.js';

/** Units whose wait fell in [lower_h, upper_h). */
export interface WaitBucket {
  readonly lower_h: number;
  readonly upper_h: number;
  readonly count: number;
}

/** The wait that a share `p` of units did not exceed. */
export interface WaitQuantile {
  readonly p: number;
  readonly wait_h: number;
}

/** One scenario's waits at a crossing: buckets or quantiles. */
export interface WaitSeries {
  readonly scenario: string;
  readonly buckets?: readonly WaitBucket[] | undefined;
  readonly quantiles?: readonly WaitQuantile[] | undefined;
  readonly mean_wait_h?: number | undefined;
}

/** A crossing and its series, the base first. */
export interface WaitDistribution {
  readonly crossing: string;
  readonly series: readonly WaitSeries[];
}

/** A point of the cumulative distribution: share of units (0–1) that waited at most `wait_h`. */
export interface EcdfPoint {
  readonly wait_h: number;
  readonly share: number;
}

/** The cumulative distribution of a series, as a polyline. */
export function ecdfPoints(series: WaitSeries): EcdfPoint[] {
  if (series.buckets && series.buckets.length > 0) {
    const buckets = [...series.buckets].sort((a, b) => a.lower_h - b.lower_h);
    const total = buckets.reduce((s, b) => s + b.count, 0);
    if (!(total > 0)) return [];
    const points: EcdfPoint[] = [{ wait_h: buckets[0]!.lower_h, share: 0 }];
    let cumulative = 0;
    for (const b of buckets) {
      cumulative += b.count;
      if (Number.isFinite(b.upper_h)) points.push({ wait_h: b.upper_h, share: cumulative / total });
    }
    return points;
  }
  return [...(series.quantiles ?? [])]
    .sort((a, b) => a.p - b.p)
    .map((q) => ({ wait_h: q.wait_h, share: q.p }));
}

/** The wait below which a share `p` of units fell, read off the polyline (linear between points). */
export function ecdfQuantile(points: readonly EcdfPoint[], p: number): number | undefined {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (b.share >= p && a.share <= p) {
      if (b.share === a.share) return a.wait_h;
      return a.wait_h + ((p - a.share) / (b.share - a.share)) * (b.wait_h - a.wait_h);
    }
  }
  return undefined;
}

/** The figure: a key, one panel per crossing, the data table (mean, median, P90 per scenario). */
export function waitDistributionChart(
  doc: VizDocument,
  data: readonly WaitDistribution[],
  options: ChartFigureOptions,
): VizElement {
  const scenarios = [...new Set(data.flatMap((d) => d.series.map((s) => s.scenario)))];
  const panelWidth = Math.floor(((options.width_px ?? 640) - 20) / 2);
  const rows: string[][] = [];
  const panels = data.map((d) => {
    const curves = d.series.map((s) => ({ s, points: ecdfPoints(s) }));
    const maxH = Math.max(0, ...curves.flatMap((c) => c.points.map((p) => p.wait_h)));
    const unit = waitUnit(maxH);
    const k = unit === 'd' ? 1 / 24 : 1;
    const lines = curves.flatMap((c) => {
      const i = scenarios.indexOf(c.s.scenario);
      return c.points.map((p) => ({ scenario: c.s.scenario, i, x: p.wait_h * k, y: p.share }));
    });
    for (const c of curves) {
      const q = (p: number) => {
        const v = ecdfQuantile(c.points, p);
        return v === undefined ? '–' : formatMagnitude(v);
      };
      rows.push([
        d.crossing,
        c.s.scenario,
        c.s.mean_wait_h === undefined ? '–' : formatMagnitude(c.s.mean_wait_h),
        q(0.5),
        q(0.9),
      ]);
    }
    const svg = plotSvg(
      doc,
      {
        width: panelWidth,
        height: 190,
        marginLeft: 40,
        marginRight: 44,
        marginBottom: 34,
        x: {
          label: `wait, ${unit}`,
          labelAnchor: 'center',
          labelArrow: 'none',
          domain: [0, maxH * k || 1],
          nice: true,
          tickFormat: tickNumber,
        },
        y: {
          label: 'share of units, %',
          labelArrow: 'none',
          domain: [0, 1],
          ticks: [0, 0.25, 0.5, 0.75, 1],
          tickFormat: tickPercent,
          grid: true,
        },
        marks: [
          Plot.ruleY([0.5, 0.9], { stroke: '#999999', strokeDasharray: '2 3' }),
          Plot.text(
            [
              { y: 0.5, t: 'median' },
              { y: 0.9, t: 'P90' },
            ],
            { y: 'y', text: 't', frameAnchor: 'right', dx: 40, textAnchor: 'end', fill: '#555555' },
          ),
          ...scenarios.map((name, i) =>
            Plot.line(
              lines.filter((l) => l.i === i),
              {
                x: 'x',
                y: 'y',
                stroke: seriesColor(i),
                strokeWidth: i === 0 ? 2.2 : 2,
                strokeDasharray: seriesDash(i),
                title: () => `${d.crossing}, ${name}`,
              },
            ),
          ),
        ],
      },
      `${d.crossing}: cumulative distribution of the wait, ${scenarios.join(' and ')}`,
    );
    return htmlEl(doc, 'div', { class: 'viz-panel' }, htmlEl(doc, 'h4', {}, d.crossing), svg);
  });
  return figure(doc, {
    id: options.id,
    title: options.title,
    subtitle: 'Share of units that waited at most the time on the horizontal axis (cumulative distribution)',
    caption: options.caption,
    key: seriesKey(
      doc,
      scenarios.map((s, i) => ({
        label: s,
        symbol: { kind: 'line', color: seriesColor(i), dash: seriesDash(i) },
      })),
    ),
    body: panels,
    layout: 'grid',
    table: {
      caption: 'wait per crossing and scenario',
      columns: [
        { label: 'crossing' },
        { label: 'scenario' },
        { label: 'mean wait, h', numeric: true },
        { label: 'median wait, h', numeric: true },
        { label: 'P90 wait, h', numeric: true },
      ],
      rows,
    },
  });
}
