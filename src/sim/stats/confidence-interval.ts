/** The 95 % confidence interval of a mean over independent replications: mean ± t·s/√n. */
import type { MomentsState } from './moments.js';
import { studentTQuantile } from './student-t.js';

/** Half-width of the two-sided interval at `level` (default 0.95); NaN with fewer than two values. */
export function confidenceHalfWidth(moments: MomentsState, level = 0.95): number {
  const n = moments.count;
  if (n < 2) return Number.NaN;
  const sd = Math.sqrt(moments.m2 / (n - 1));
  return (studentTQuantile(0.5 + level / 2, n - 1) * sd) / Math.sqrt(n);
}

/** [low, high] around the mean, or null with fewer than two values. */
export function confidenceInterval(moments: MomentsState, level = 0.95): readonly [number, number] | null {
  const h = confidenceHalfWidth(moments, level);
  return Number.isNaN(h) ? null : [moments.mean - h, moments.mean + h];
}
