/** The mean maximum of a Gaussian random walk, against Lindley's recursion simulated and the heavy-traffic limits. */
import { describe, expect, it } from 'vitest';
import { gaussianWalkMaximumMean } from '../../src/queueing/random-walk-maximum.js';
import { RandomStreams } from '../../src/sim/random.js';
import { Moments } from '../../src/sim/stats/moments.js';
import { expectWithin4Se } from '../sim/helpers/within.js';

/**
 * The stationary mean of X' = max(0, X + step), steps Gaussian (Box–Muller) of mean −drift and sd
 * sigma: one replication's time average after a burn-in, per replication.
 */
function lindleyMeans(drift: number, sigma: number, replications: number, steps: number): Moments {
  const streams = new RandomStreams(29);
  const means = new Moments();
  for (let r = 0; r < replications; r++) {
    const u = streams.stream(r, 0);
    let x = 0;
    let sum = 0;
    const burnIn = steps / 10;
    for (let n = 0; n < burnIn + steps; n++) {
      const z = Math.sqrt(-2 * Math.log(1 - u.next())) * Math.cos(2 * Math.PI * u.next());
      x = Math.max(0, x - drift + sigma * z);
      if (n >= burnIn) sum += x;
    }
    means.add(sum / steps);
  }
  return means;
}

describe('gaussianWalkMaximumMean', () => {
  it('is the stationary mean of Lindley’s recursion, on both sides of the switch from the series to the sum (β = δ/σ = 1)', () => {
    for (const [drift, sigma] of [
      [0.6, 2], // β = 0.3: the series
      [1.5, 1.5], // β = 1: the switch
      [3, 2], // β = 1.5: the sum
    ] as const) {
      const m = lindleyMeans(drift, sigma, 40, 40_000);
      expectWithin4Se(m, gaussianWalkMaximumMean(drift, sigma * sigma), 0.03);
    }
  });

  it('tends to Siegmund’s corrected diffusion σ²/(2δ) − 0.5826 σ as the drift vanishes, and to nothing as it grows', () => {
    const sigma = 3;
    for (const drift of [0.003, 0.03]) {
      const expected = (sigma * sigma) / (2 * drift) - 0.5826 * sigma;
      expect(Math.abs(gaussianWalkMaximumMean(drift, sigma * sigma) - expected)).toBeLessThan(drift);
    }
    expect(gaussianWalkMaximumMean(30, 1)).toBeLessThan(1e-12);
  });

  it('is Infinity without a negative drift and 0 without variance', () => {
    expect(gaussianWalkMaximumMean(0, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(gaussianWalkMaximumMean(-1, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(gaussianWalkMaximumMean(1, 0)).toBe(0);
  });

  it('falls as the drift grows and rises with the variance', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let drift = 0.05; drift < 6; drift += 0.05) {
      const m = gaussianWalkMaximumMean(drift, 4);
      expect(m).toBeLessThan(previous);
      previous = m;
    }
    expect(gaussianWalkMaximumMean(1, 2)).toBeLessThan(gaussianWalkMaximumMean(1, 3));
  });
});
