/**
 * Differences and durations in words, in one unit each: "10.6 days", "−10.6 days (95 % CI −10.9 to
 * −10.3 days)". Shared by the terminal, the report and the dashboard, so that all say it alike.
 */
import type { Difference } from '../compare/paired.js';

/** A number with thousands separators and a fixed count of decimals (one by default). */
export const fmt = (x: number, decimals = 1) =>
  x.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

type TimeUnit = 'days' | 'h' | 'min';

function timeUnit(...hs: number[]): TimeUnit {
  const a = Math.max(...hs.map((h) => Math.abs(h)));
  return a >= 48 ? 'days' : a >= 1 ? 'h' : 'min';
}

function inUnit(h: number, unit: TimeUnit): string {
  if (unit === 'days') return `${fmt(h / 24)} days`;
  if (unit === 'h') return `${fmt(h)} h`;
  return `${fmt(h * 60, 0)} min`;
}

/** "10.6 days" or "9.5 h" or "25 min". */
export function durationText(h: number): string {
  return inUnit(h, timeUnit(h));
}

const minus = (text: string) => text.replace(/^-/, '−');

/** A difference and its interval in words, in one unit: ["−10.6 days", "−10.9 to −10.3 days"]. */
export function differenceParts(d: Difference, asDuration = true): [string, string | null] {
  const diff = d.difference ?? 0;
  const ci = d.difference_ci95;
  const unit = timeUnit(diff, ...(ci ?? []));
  const sign = (x: number) => (x > 0 ? '+' : '');
  const show = (x: number) => `${sign(x)}${minus(asDuration ? inUnit(x, unit) : fmt(x))}`;
  const bare = (x: number) =>
    `${sign(x)}${minus(asDuration ? inUnit(x, unit).replace(/ (days|h|min)$/, '') : fmt(x))}`;
  return [show(diff), ci ? `${bare(ci[0])} to ${show(ci[1])}` : null];
}

/** "−10.6 days, 95 % CI −10.9 to −10.3 days": to go inside brackets. */
export function differenceInBrackets(d: Difference, asDuration = true): string {
  const [diff, ci] = differenceParts(d, asDuration);
  return `${diff}${ci ? `, 95 % CI ${ci}` : ''}`;
}

/** A difference in words, in one unit: "−10.6 days (95 % CI −10.9 to −10.3 days)". */
export function differenceText(d: Difference, asDuration = true): string {
  const [diff, ci] = differenceParts(d, asDuration);
  return `${diff}${ci ? ` (95 % CI ${ci})` : ''}`;
}
