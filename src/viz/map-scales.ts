/**
 * The map's scales: line width proportional to flow, circle area proportional to wait (a square-root
 * scale on the radius), and the signed change in wait sorted into five diverging classes, with a
 * neutral class when the 95 % interval of the change contains zero.
 */
import { legendValues } from './legend-values.js';
import { CHANGE_COLOR } from './palette.js';

/** Width of a line carrying `flow`, px: proportional, `maxWidth` at `flowMax`; at least `minWidth` when positive. */
export function flowWidth(flow: number, flowMax: number, maxWidth: number, minWidth = 0.75): number {
  if (!(flow > 0) || !(flowMax > 0)) return 0;
  return Math.max(minWidth, round2((flow / flowMax) * maxWidth));
}

/** Radius of a circle whose area follows `wait`: `maxRadius` at `waitMax`. */
export function waitRadius(wait: number, waitMax: number, maxRadius: number): number {
  if (!(wait > 0) || !(waitMax > 0)) return 0;
  return round2(maxRadius * Math.sqrt(wait / waitMax));
}

export type ChangeClass = 'muchBetter' | 'better' | 'neutral' | 'worse' | 'muchWorse';

/** The threshold between a change and a large change, h: half the round value under the largest |change|. */
export function changeThreshold(maxAbsChange: number): number {
  const top = legendValues(maxAbsChange, 1)[0];
  return top === undefined ? 1 : top / 2;
}

/**
 * The class of a signed change (negative = shorter wait = better). Neutral when the change is zero
 * or its 95 % interval contains zero.
 */
export function changeClass(
  change: number,
  threshold: number,
  ci95?: readonly [number, number],
): ChangeClass {
  if (ci95 && ci95[0] <= 0 && ci95[1] >= 0) return 'neutral';
  if (change === 0) return 'neutral';
  if (change < 0) return change <= -threshold ? 'muchBetter' : 'better';
  return change >= threshold ? 'muchWorse' : 'worse';
}

export function changeColor(c: ChangeClass): string {
  return CHANGE_COLOR[c];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
