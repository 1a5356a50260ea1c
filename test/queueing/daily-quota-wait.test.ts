/** The wait for a daily quota, against the exact chain of whole units with Poisson arrivals. */
import { describe, expect, it } from 'vitest';
import {
  dailyQuotaWaitH,
  quotaTablesMade,
  rememberQuotaTables,
} from '../../src/queueing/daily-quota-wait.js';

function poisson(mean: number, kmax: number): Float64Array {
  const p = new Float64Array(kmax + 1);
  p[0] = Math.exp(-mean);
  for (let k = 1; k <= kmax; k++) p[k] = (p[k - 1]! * mean) / k;
  return p;
}

/**
 * Exact for a whole quota Q and Poisson arrivals (ample lanes): the backlog X left at midnight follows
 * X' = max(0, X + A − Q), A ~ Poisson(λ·24), solved to its stationary law by iteration; the queue at
 * hour t is max(0, X + A(t) − Q), averaged over both laws and over the day (480 steps); mean wait by
 * Little's law.
 */
function exactQuotaWaitH(quota: number, perDay: number): number {
  const n = 300;
  const kmax = 150;
  const arrivals = poisson(perDay, kmax);
  let law = new Float64Array(n);
  law[0] = 1;
  for (let it = 0; it < 20_000; it++) {
    const next = new Float64Array(n);
    for (let x = 0; x < n; x++) {
      if (law[x]! < 1e-300) continue;
      for (let k = 0; k <= kmax; k++)
        next[Math.min(n - 1, Math.max(0, x + k - quota))]! += law[x]! * arrivals[k]!;
    }
    let change = 0;
    for (let x = 0; x < n; x++) change += Math.abs(next[x]! - law[x]!);
    law = next;
    if (change < 1e-13) break;
  }
  const steps = 480;
  let area = 0;
  for (let i = 0; i < steps; i++) {
    const sofar = poisson((perDay * (i + 0.5)) / steps, kmax);
    let queue = 0;
    for (let x = 0; x < n; x++) {
      if (law[x]! < 1e-300) continue;
      for (let k = Math.max(0, quota - x + 1); k <= kmax; k++) queue += law[x]! * sofar[k]! * (x + k - quota);
    }
    area += (queue * 24) / steps;
  }
  return area / perDay;
}

describe('dailyQuotaWaitH', () => {
  it('is the exact wait of whole units within 5 % and 0.025 h, from light to heavy load', () => {
    for (const [quota, rho] of [
      [6, 0.5],
      [6, 0.8],
      [6, 0.9],
      [18, 0.9],
      [3, 0.7],
    ] as const) {
      const exact = exactQuotaWaitH(quota, rho * quota);
      const model = dailyQuotaWaitH(quota, (rho * quota) / 24);
      expect(Math.abs(model - exact)).toBeLessThanOrEqual(0.05 * exact + 0.025);
    }
  });

  it('is nothing at no load, Infinity from the quota on, and increasing between', () => {
    expect(dailyQuotaWaitH(10, 0)).toBe(0);
    expect(dailyQuotaWaitH(10, 10 / 24)).toBe(Number.POSITIVE_INFINITY);
    expect(dailyQuotaWaitH(10, 11 / 24)).toBe(Number.POSITIVE_INFINITY);
    let previous = 0;
    for (let k = 1; k < 500; k++) {
      const w = dailyQuotaWaitH(10, ((k / 500) * 10) / 24);
      expect(w).toBeGreaterThanOrEqual(previous - 1e-12); // rounding of Gaussian tails far out at light load
      previous = w;
    }
    expect(previous).toBeGreaterThan(100);
  });
});

describe('quota wait tables kept by the build', () => {
  it('come back from JSON to the same numbers, and a remembered table is the one read', () => {
    const q = 21.5;
    const at = (quota: number, rho: number) => dailyQuotaWaitH(quota, (rho * quota) / 24);
    const before = [0.3, 0.7, 0.95].map((rho) => at(q, rho));
    const made = JSON.parse(JSON.stringify(quotaTablesMade())) as ReturnType<typeof quotaTablesMade>;
    const own = made.find((t) => t.quota_per_day === q && t.arrival_cv2 === 1)!;
    expect(own).toBeDefined();
    rememberQuotaTables(made);
    expect([0.3, 0.7, 0.95].map((rho) => at(q, rho))).toEqual(before);
    // the same table, doubled, remembered for another quota: read as it is, not made again
    rememberQuotaTables([
      { ...own, quota_per_day: 777, w: own.w.map((x) => 2 * x), slope: own.slope.map((x) => 2 * x) },
    ]);
    for (const [i, rho] of [0.3, 0.7, 0.95].entries()) expect(at(777, rho)).toBeCloseTo(2 * before[i]!, 9);
  });
});
