import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lognormalQuantile, p90, varianceFromP90, Z90 } from '../../src/route/p90.js';

/** Standard normal CDF by numerical integration (Simpson), independent of any approximation used in src. */
function phi(z: number): number {
  const n = 20000;
  const a = -12;
  const h = (z - a) / n;
  const f = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let s = f(a) + f(z);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe('P90 by a lognormal fit', () => {
  it('z90 is the 90th percentile of the standard normal', () => {
    expect(phi(Z90)).toBeCloseTo(0.9, 9);
  });

  it('equals exp(μ + z90·σ) for the lognormal with those log-parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 8, noNaN: true }),
        fc.double({ min: 0.01, max: 1.2, noNaN: true }),
        (mu, s) => {
          const mean = Math.exp(mu + (s * s) / 2);
          const variance = (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s);
          expect(p90(mean, variance)).toBeCloseTo(Math.exp(mu + Z90 * s), 6);
        },
      ),
    );
  });

  it('is the mean without variance, grows with the mean, and with the variance while CV < 2.04 (property)', () => {
    expect(p90(100, 0)).toBe(100);
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1.6, noNaN: true }),
        fc.double({ min: 1.001, max: 1.6, noNaN: true }),
        (mean, cv, k) => {
          const v = (cv * mean) ** 2;
          expect(p90(mean * k, v)).toBeGreaterThanOrEqual(p90(mean, v));
          expect(lognormalQuantile(mean, v * k + 1e-9)).toBeGreaterThanOrEqual(lognormalQuantile(mean, v));
        },
      ),
    );
  });

  it('the normal-equivalent variance from a P90 is exact for a normal and 1.03× for an exponential', () => {
    expect(varianceFromP90(10, 10 + Z90 * 3)).toBeCloseTo(9, 12);
    const m = 5;
    expect(varianceFromP90(m, m * Math.log(10)) / (m * m)).toBeCloseTo(1.0332, 3);
    expect(varianceFromP90(10, 8)).toBe(0);
  });
});
