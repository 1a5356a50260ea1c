/** Paired differences against hand-computed Student-t intervals. */
import { describe, expect, it } from 'vitest';
import { exactDifference, meanCi95, pairedDifference, significant } from '../../src/compare/paired.js';

describe('pairedDifference', () => {
  it('is the mean of the replication-by-replication differences with a Student-t 95 % interval', () => {
    // d = [1, 2, 3]: mean 2, sd 1; t(0.975, 2) = 4.302653 (tables); half-width 4.302653 / √3 = 2.484138.
    const d = pairedDifference([1, 2, 3], [2, 4, 6]);
    expect(d.base).toBe(2);
    expect(d.scenario).toBe(4);
    expect(d.difference).toBeCloseTo(2, 12);
    expect(d.difference_ci95![0]).toBeCloseTo(2 - 2.484138, 5);
    expect(d.difference_ci95![1]).toBeCloseTo(2 + 2.484138, 5);
    expect(d.pairs).toBe(3);
    expect(significant(d)).toBe(false);
  });

  it('gives exactly 0 with the interval [0, 0] for identical replications', () => {
    const xs = [0.1, 7.3, 1e-9, 123456.789, 3];
    const d = pairedDifference(xs, [...xs]);
    expect(d.difference).toBe(0);
    expect(d.difference_ci95).toEqual([0, 0]);
    expect(Object.is(d.difference, -0)).toBe(false);
  });

  it('pairs only the replications where both sides observed the quantity', () => {
    const d = pairedDifference([1, Number.NaN, 3, 5], [2, 9, Number.NaN, 7]);
    // pairs (1, 2) and (5, 7): differences 1 and 2
    expect(d.pairs).toBe(2);
    expect(d.difference).toBeCloseTo(1.5, 12);
    expect(d.base).toBe(3); // mean of 1, 3, 5
    expect(d.scenario).toBe(6); // mean of 2, 9, 7
  });

  it('has no interval with fewer than two pairs, and no difference with none', () => {
    expect(pairedDifference([1], [2]).difference_ci95).toBeNull();
    expect(pairedDifference([Number.NaN], [2]).difference).toBeNull();
  });

  it('a constant shift is significant with a zero-width interval', () => {
    const d = pairedDifference([1, 2, 3], [0, 1, 2]);
    expect(d.difference_ci95).toEqual([-1, -1]);
    expect(significant(d)).toBe(true);
  });
});

describe('meanCi95 and exactDifference', () => {
  it('mean and interval of a sample of four (t(0.975, 3) = 3.182446)', () => {
    const r = meanCi95([2, 4, 4, 6])!; // mean 4, sd √(8/3)
    const half = (3.182446 * Math.sqrt(8 / 3)) / 2;
    expect(r.mean).toBe(4);
    expect(r.ci95![0]).toBeCloseTo(4 - half, 5);
    expect(r.ci95![1]).toBeCloseTo(4 + half, 5);
  });
  it('a deterministic difference has no interval', () => {
    expect(exactDifference(10, 7)).toEqual({
      base: 10,
      scenario: 7,
      difference: -3,
      difference_ci95: null,
      pairs: 1,
    });
    expect(exactDifference(null, 7).difference).toBeNull();
  });
});
