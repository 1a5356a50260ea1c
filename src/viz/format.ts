/**
 * Number formatting shared by the map, the charts and their tables: thousands separators, one
 * decimal under 100 and none above, whole percentages, signed differences with a true minus.
 * Fixed to en-US so that output does not depend on the machine's locale.
 */

const MINUS = '\u2212';
/** No-break space between a number and its unit, so that "11.2 d" never wraps. */
export const NBSP = '\u00a0';

/** `x` with thousands separators and exactly `decimals` decimals (minus sign U+2212). */
export function formatNumber(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? `${MINUS}∞` : '–';
  const text = Math.abs(x).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  const isZero = Number(text.replace(/,/g, '')) === 0;
  return x < 0 && !isZero ? MINUS + text : text;
}

/** One decimal under 100, none from 100 on (the rule for days and hours). */
export function formatMagnitude(x: number): string {
  return formatNumber(x, Math.abs(x) < 99.95 ? 1 : 0);
}

/** A signed difference: `+1.2`, `−3.4`, `0.0`. */
export function formatSigned(x: number, decimals?: number): string {
  const text = decimals === undefined ? formatMagnitude(x) : formatNumber(x, decimals);
  return x > 0 && Number(text.replace(/,/g, '')) !== 0 ? `+${text}` : text;
}

/** Hours: `6.5 h`, `264 h`. */
export function formatHours(h: number): string {
  return `${formatMagnitude(h)}${NBSP}h`;
}

/** Days: `11.2 d`. */
export function formatDays(d: number): string {
  return `${formatMagnitude(d)}${NBSP}d`;
}

/** The unit a set of waits reads best in: days once the largest reaches three days. */
export function waitUnit(maxHours: number): 'h' | 'd' {
  return maxHours >= 72 ? 'd' : 'h';
}

/** A wait in the given unit (hours in, `h` or `d` out). */
export function formatWait(h: number, unit: 'h' | 'd' = waitUnit(h)): string {
  return unit === 'd' ? formatDays(h / 24) : formatHours(h);
}

/** A share as a whole percentage: 0.874 → `87 %`. */
export function formatPercent(share: number): string {
  return `${formatNumber(share * 100, 0)}${NBSP}%`;
}

/** Tonnes a year as million tonnes a year: `20.0 Mt/yr`, `0.07 Mt/yr`, `109 Mt/yr`. */
export function formatMt(tPerYear: number, withUnit = true): string {
  const mt = tPerYear / 1e6;
  const a = Math.abs(mt);
  const text = formatNumber(mt, a >= 99.95 ? 0 : a >= 0.995 || a === 0 ? 1 : 2);
  return withUnit ? `${text}${NBSP}Mt/yr` : text;
}

/** US dollars, whole: `2,900`. */
export function formatUsd(x: number): string {
  return formatNumber(x, 0);
}

/** A 95 % interval: `(10.9–11.5)`. */
export function formatInterval(lo: string, hi: string): string {
  return `(${lo}–${hi})`;
}
