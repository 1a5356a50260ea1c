/**
 * The rule for stochastic estimates: |estimate − truth| ≤ 4 standard errors, the standard error from
 * independent observations (replication means, or i.i.d. draws). A legitimate change of draw order
 * fails it about once in 16,000 runs, where "a 95 % interval at one seed covers" fails once in 20.
 * `relative` checks that the test is tight: 4 standard errors are within that share of the truth.
 */
import { expect } from 'vitest';
import type { Moments } from '../../../src/sim/stats/moments.js';

export function expectWithin4Se(m: Moments, truth: number, relative: number): void {
  expect(m.count).toBeGreaterThan(1);
  const se = m.sd / Math.sqrt(m.count);
  expect(Math.abs(m.mean - truth)).toBeLessThanOrEqual(4 * se);
  expect(4 * se).toBeLessThan(relative * Math.abs(truth));
}
