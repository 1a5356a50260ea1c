/**
 * The time/cost–distance profile drawn as text for a terminal: cumulative days (or USD) up, km
 * across; sloped parts are movement, vertical steps are borders (B), transshipments (T) and waits
 * for departures (W).
 */
import { fixedDecimals } from '../model/fixed-decimals.js';
import type { ProfilePoint } from './time-cost-distance.js';

export interface ProfileChartOptions {
  /** Which cumulative quantity to draw (default time, in days). */
  readonly series?: 'time' | 'cost';
  /** Plot area in characters (default 64 × 12). */
  readonly width?: number;
  readonly height?: number;
}

const MARK: Readonly<Record<string, string>> = { crossing: 'B', transshipment: 'T', wait: 'W' };

const fmt = fixedDecimals;

/** The chart as lines of text. */
export function profileChart(points: readonly ProfilePoint[], options: ProfileChartOptions = {}): string {
  const series = options.series ?? 'time';
  const W = Math.max(8, Math.floor(options.width ?? 64));
  const H = Math.max(3, Math.floor(options.height ?? 12));
  const y = (p: ProfilePoint) => (series === 'time' ? p.time_h / 24 : p.cost_usd);
  const xMax = Math.max(...points.map((p) => p.distance_km), 1e-9);
  const yMax = Math.max(...points.map(y), 1e-9);
  const grid: string[][] = Array.from({ length: H }, () => Array.from({ length: W }, () => ' '));
  const col = (d: number) => Math.min(W - 1, Math.max(0, Math.floor((d / xMax) * W)));
  const row = (v: number) => Math.min(H - 1, Math.max(0, Math.round((v / yMax) * (H - 1))));
  const put = (c: number, r: number, ch: string) => {
    const line = grid[H - 1 - r]!;
    if (line[c] === ' ' || ch !== '*') line[c] = ch;
  };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const ya = y(a);
    const yb = y(b);
    // Borders, transshipments and waits are steps, even where a crossing has a few km of its own.
    if (b.distance_km === a.distance_km || MARK[b.event] !== undefined) {
      const c = col(b.distance_km);
      const r0 = row(ya);
      const r1 = row(yb);
      for (let r = r0; r <= r1; r++) put(c, r, r === r1 ? (MARK[b.event] ?? '|') : '|');
      continue;
    }
    const c0 = col(a.distance_km);
    const c1 = col(b.distance_km);
    for (let c = c0; c <= c1; c++) {
      const mid = Math.min(Math.max(((c + 0.5) / W) * xMax, a.distance_km), b.distance_km);
      const v = ya + ((yb - ya) * (mid - a.distance_km)) / (b.distance_km - a.distance_km);
      put(c, row(v), '*');
    }
  }
  const decimals = series === 'time' && yMax < 10 ? 1 : 0;
  const labels = grid.map((_, i) => {
    const r = H - 1 - i;
    if (r === H - 1) return fmt(yMax, decimals);
    if (r === Math.round((H - 1) / 2)) return fmt(yMax / 2, decimals);
    if (r === 0) return '0';
    return '';
  });
  const lw = Math.max(...labels.map((l) => l.length));
  const unit = series === 'time' ? 'days' : 'USD';
  const lines = [`${' '.repeat(lw)}  ${unit}`];
  for (const [i, g] of grid.entries()) lines.push(`${labels[i]!.padStart(lw)} |${g.join('').trimEnd()}`);
  lines.push(`${' '.repeat(lw)} +${'-'.repeat(W)}`);
  const right = `${fmt(xMax, 0)} km`;
  const midLabel = fmt(xMax / 2, 0);
  const axis = `0${' '.repeat(Math.max(1, Math.floor(W / 2) - 1 - Math.floor(midLabel.length / 2)))}${midLabel}`;
  lines.push(`${' '.repeat(lw)}  ${axis}${' '.repeat(Math.max(1, W - axis.length - right.length))}${right}`);
  return lines.join('\n');
}
