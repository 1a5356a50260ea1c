/** How far a Gaussian quantity exceeds a level, on average: the first two moments of (X − j)⁺. */
import { normalUpperTail } from './random-walk-maximum.js';

/** E[(X − j)⁺] and E[((X − j)⁺)²] for X Gaussian of mean `mean` and variance `variance`. */
export function gaussianExcess(mean: number, variance: number, j: number): { m1: number; m2: number } {
  const d = mean - j;
  if (!(variance > 0)) return d > 0 ? { m1: d, m2: d * d } : { m1: 0, m2: 0 };
  const s = Math.sqrt(variance);
  const z = d / s;
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const below = 1 - normalUpperTail(z);
  return { m1: s * density + d * below, m2: (d * d + variance) * below + d * s * density };
}
