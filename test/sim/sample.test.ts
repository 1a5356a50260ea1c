import { describe, expect, it } from 'vitest';
import {
  type Distribution,
  distributionMean,
  distributionVariance,
  parseDistribution,
} from '../../src/model/distribution.js';
import { RandomStreams } from '../../src/sim/random.js';
import { compileSampler } from '../../src/sim/sample/compile.js';
import { normalSampler } from '../../src/sim/sample/normal.js';

const N = 200_000;

function dist(text: string): Distribution {
  const parsed = parseDistribution(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.dist;
}

function draw(d: Distribution, seed: number, n = N): Float64Array {
  const sample = compileSampler(d, new RandomStreams(seed).stream(0));
  return Float64Array.from({ length: n }, () => sample.sample());
}

/** Sample mean, variance and fourth central moment. */
function moments(xs: Float64Array) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  return { mean, variance: m2 / (n - 1), m3: m3 / n, m4: m4 / n };
}

/** Kolmogorov–Smirnov distance between a sample and a CDF. */
function ksDistance(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  });
  return d;
}
/** KS critical distance at the 0.1 % level. */
const KS_CRITICAL = 1.95 / Math.sqrt(N);

const CASES = [
  'const(2h)',
  'exp(mean=6h)',
  'exp(45min)',
  'lognormal(mean=6h, sd=2h)',
  'lognormal(mean=1h, sd=3h)',
  'gamma(mean=3h, sd=1h)',
  'gamma(mean=2h, sd=4h)',
  'gamma(mean=5h, sd=5h)',
  'tri(1h, 2h, 6h)',
  'tri(1h, 1h, 3h)',
  'uniform(1h, 3h)',
  'empirical(1h, 2h, 8h)',
  'empirical(1h: 0.7, 8h: 0.25, 30h: 0.05)',
];

describe('samplers: mean and variance match the distribution formulas', () => {
  CASES.forEach((text, seed) => {
    it(text, () => {
      const d = dist(text);
      const xs = draw(d, seed + 1);
      const m = moments(xs);
      const mean = distributionMean(d);
      const variance = distributionVariance(d);
      // The sample mean within 4.5 standard errors; the sample variance within 4.5 of its own
      // standard errors, estimated from the fourth moment: Var(s²) ≈ (m4 − s⁴) / n.
      expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(4.5 * Math.sqrt(variance / N) + 1e-12);
      const varianceSe = Math.sqrt(Math.max(m.m4 - m.variance ** 2, 0) / N);
      expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(4.5 * varianceSe + 1e-12);
      expect(xs.reduce((a, x) => Math.min(a, x), Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(0);
    });
  });
});

describe('samplers: shapes', () => {
  it('exp follows its CDF (Kolmogorov–Smirnov)', () => {
    expect(ksDistance(draw(dist('exp(mean=6h)'), 11), (x) => 1 - Math.exp(-x / 6))).toBeLessThan(KS_CRITICAL);
  });

  it('uniform follows its CDF', () => {
    expect(ksDistance(draw(dist('uniform(1h, 3h)'), 12), (x) => (x - 1) / 2)).toBeLessThan(KS_CRITICAL);
  });

  it('tri follows its CDF', () => {
    const [a, c, b] = [1, 2, 6];
    const cdf = (x: number) =>
      x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    expect(ksDistance(draw(dist('tri(1h, 2h, 6h)'), 13), cdf)).toBeLessThan(KS_CRITICAL);
  });

  it('lognormal has a normal logarithm with the implied μ and σ', () => {
    const xs = draw(dist('lognormal(mean=6h, sd=2h)'), 14);
    const sigma2 = Math.log(1 + (2 / 6) ** 2);
    const mu = Math.log(6) - sigma2 / 2;
    const logs = xs.map(Math.log);
    const m = moments(logs);
    expect(Math.abs(m.mean - mu)).toBeLessThan(4.5 * Math.sqrt(sigma2 / N));
    expect(Math.abs(m.variance / sigma2 - 1)).toBeLessThan(4.5 * Math.sqrt(2 / N));
    expect(Math.abs(m.m3 / m.variance ** 1.5)).toBeLessThan(4.5 * Math.sqrt(6 / N)); // skewness 0
  });

  it('gamma has skewness 2/√k for shapes above and below 1 (Marsaglia–Tsang and its boost)', () => {
    for (const [text, shape] of [
      ['gamma(mean=3h, sd=1h)', 9],
      ['gamma(mean=2h, sd=4h)', 0.25],
    ] as const) {
      const m = moments(draw(dist(text), 15));
      const skew = m.m3 / m.variance ** 1.5;
      expect(Math.abs(skew / (2 / Math.sqrt(shape)) - 1)).toBeLessThan(0.06);
    }
  });

  it('empirical draws each value with its weight', () => {
    const xs = draw(dist('empirical(1h: 0.7, 8h: 0.25, 30h: 0.05)'), 16);
    const share = (v: number) => xs.filter((x) => x === v).length / N;
    for (const [v, p] of [
      [1, 0.7],
      [8, 0.25],
      [30, 0.05],
    ] as const) {
      expect(Math.abs(share(v) - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('normal deviates are standard (mean, variance, kurtosis)', () => {
    const sample = normalSampler(0, 1, new RandomStreams(17).stream(0));
    const m = moments(Float64Array.from({ length: N }, () => sample.sample()));
    expect(Math.abs(m.mean)).toBeLessThan(4.5 / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(4.5 * Math.sqrt(2 / N));
    expect(Math.abs(m.m4 / m.variance ** 2 - 3)).toBeLessThan(4.5 * Math.sqrt(24 / N));
  });

  it('zero spread collapses to the mean', () => {
    expect(draw(dist('lognormal(mean=2h, sd=0h)'), 1, 3)).toEqual(Float64Array.of(2, 2, 2));
    expect(draw(dist('gamma(mean=2h, sd=0h)'), 1, 3)).toEqual(Float64Array.of(2, 2, 2));
  });

  it('the same seed gives the same draws', () => {
    expect(draw(dist('gamma(mean=2h, sd=4h)'), 5, 100)).toEqual(draw(dist('gamma(mean=2h, sd=4h)'), 5, 100));
    expect(draw(dist('gamma(mean=2h, sd=4h)'), 5, 100)).not.toEqual(
      draw(dist('gamma(mean=2h, sd=4h)'), 6, 100),
    );
  });
});
