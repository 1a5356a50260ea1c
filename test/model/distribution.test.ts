import { describe, expect, it } from 'vitest';
import {
  type Distribution,
  distributionMean,
  distributionVariance,
  parseDistribution,
  scaleDistribution,
} from '../../src/model/distribution.js';

function parsed(text: string): Distribution {
  const r = parseDistribution(text);
  if ('error' in r) throw new Error(r.error);
  return r.dist;
}

describe('parseDistribution', () => {
  it('reads named and positional parameters in any time unit', () => {
    expect(parsed('exp(mean=6h)')).toEqual({ kind: 'exp', mean_h: 6 });
    expect(parsed('exp(30min)')).toEqual({ kind: 'exp', mean_h: 0.5 });
    expect(parsed('lognormal(mean=6h, sd=2h)')).toEqual({ kind: 'lognormal', mean_h: 6, sd_h: 2 });
    expect(parsed('gamma(sd=1h, mean=1d)')).toEqual({ kind: 'gamma', mean_h: 24, sd_h: 1 });
    expect(parsed('tri(1h, 2h, 6h)')).toEqual({ kind: 'tri', min_h: 1, mode_h: 2, max_h: 6 });
    expect(parsed('uniform(a=1h, b=3h)')).toEqual({ kind: 'uniform', min_h: 1, max_h: 3 });
    expect(parsed('const(2h)')).toEqual({ kind: 'const', value_h: 2 });
    expect(parsed('90min')).toEqual({ kind: 'const', value_h: 1.5 });
  });

  it('normalises empirical weights', () => {
    expect(parsed('empirical(1h, 3h)')).toEqual({ kind: 'empirical', values_h: [1, 3], weights: [0.5, 0.5] });
    expect(parsed('empirical(1h: 3, 2d: 1)')).toEqual({
      kind: 'empirical',
      values_h: [1, 48],
      weights: [0.75, 0.25],
    });
  });

  it.each([
    ['lognormal(mean=-1h, sd=1h)', 'mean must be positive'],
    ['exp(mean=0h)', 'mean must be positive'],
    ['gamma(mean=1h, sd=-1h)', 'cannot be negative'],
    ['tri(3h, 2h, 1h)', 'min ≤ mode ≤ max'],
    ['uniform(2h, 1h)', 'min < max'],
    ['normal(1h, 2h)', 'unknown distribution'],
    ['lognormal(mean=6h)', 'missing sd'],
    ['exp(mean=6)', 'no unit'],
    ['tri(1h, 2h, 3h, 4h)', 'takes 3'],
    ['exp(rate=2h)', 'no parameter "rate"'],
    ['tri(10min', 'quotes'],
  ])('rejects %s (%s)', (text, why) => {
    const r = parseDistribution(text);
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toContain(why);
  });
});

describe('moments', () => {
  // Independent truth: the textbook formulas for each family.
  it.each([
    ['exp(mean=6h)', 6, 36],
    ['lognormal(mean=6h, sd=2h)', 6, 4],
    ['gamma(mean=3h, sd=1.5h)', 3, 2.25],
    ['tri(1h, 2h, 6h)', 3, (1 + 4 + 36 - 2 - 6 - 12) / 18],
    ['uniform(1h, 3h)', 2, 4 / 12],
    ['const(2h)', 2, 0],
    ['empirical(1h, 3h)', 2, 1],
  ])('%s has mean %f and variance %f', (text, mean, variance) => {
    const d = parsed(text);
    expect(distributionMean(d)).toBeCloseTo(mean, 12);
    expect(distributionVariance(d)).toBeCloseTo(variance, 12);
  });

  it('scaling by k multiplies the mean by k and the variance by k²', () => {
    for (const text of [
      'exp(mean=6h)',
      'lognormal(mean=6h, sd=2h)',
      'tri(1h, 2h, 6h)',
      'uniform(1h, 3h)',
      'empirical(1h, 3h)',
    ]) {
      const d = parsed(text);
      const s = scaleDistribution(d, 2.5);
      expect(distributionMean(s)).toBeCloseTo(2.5 * distributionMean(d), 10);
      expect(distributionVariance(s)).toBeCloseTo(6.25 * distributionVariance(d), 10);
    }
  });
});
