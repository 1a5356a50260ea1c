import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import {
  RandomStreams,
  streamState,
  type Uniform,
  uniformFrom,
  uniformFromState,
} from '../../src/sim/random.js';

const draw = (u: Uniform, n: number) => Array.from({ length: n }, () => u.next());

describe('RandomStreams', () => {
  it('gives the same numbers for the same seed, replication and substream', () => {
    expect(draw(new RandomStreams(42).stream(3, 1), 20)).toEqual(
      draw(new RandomStreams(42).stream(3, 1), 20),
    );
  });

  it("draws, from a state, the very numbers of pure-rand's xoroshiro128+ generator", () => {
    for (const [seed, r, element] of [
      [1, 0, 'demand:a'],
      [-7, 12, 'crossing:x:a->b/step:0:customs'],
      [2 ** 40, 99_999, ''],
    ] as const) {
      const state = streamState(seed, r, 'duration', element);
      const library = draw(uniformFrom(xoroshiro128plusFromState(state)), 10_000);
      expect(draw(uniformFromState(state), 10_000)).toEqual(library);
      expect(draw(new RandomStreams(seed).keyed(r, 'duration', element), 10_000)).toEqual(library);
    }
  });

  it('gives the same stream whatever order replications are asked for (any split over workers)', () => {
    const sequential = new RandomStreams(7);
    const all = [0, 1, 2, 3, 4, 5].map((r) => draw(sequential.stream(r), 5));
    const workerA = new RandomStreams(7);
    const workerB = new RandomStreams(7);
    const split = [5, 3, 1].map((r) => [r, draw(workerB.stream(r), 5)] as const);
    const split2 = [0, 2, 4].map((r) => [r, draw(workerA.stream(r), 5)] as const);
    for (const [r, values] of [...split, ...split2]) expect(values).toEqual(all[r]);
  });

  it('gives different numbers for different seeds, replications and substreams', () => {
    const first = (seed: number, r: number, s: number) => new RandomStreams(seed).stream(r, s).next();
    const values = new Set([first(1, 0, 0), first(2, 0, 0), first(1, 1, 0), first(1, 0, 1), first(0, 0, 0)]);
    expect(values.size).toBe(5);
  });

  it('draws uniform doubles in [0, 1) with the right mean and variance', () => {
    const u = new RandomStreams(2024).stream(0);
    const n = 1_000_000;
    let sum = 0;
    let sum2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = u.next();
      sum += x;
      sum2 += x * x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const mean = sum / n;
    const variance = sum2 / n - mean * mean;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // standard error of the mean is sqrt(1/12/n) ≈ 2.9e-4
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5e-4);
  });

  it('fills ten equal bins evenly (chi-square, 9 degrees of freedom)', () => {
    const u = new RandomStreams(99).stream(5, 3);
    const n = 200_000;
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < n; i++) bins[Math.floor(u.next() * 10)]!++;
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // 99.9th percentile of chi-square(9)
  });

  it('keeps streams uncorrelated, even for consecutive seeds', () => {
    const n = 100_000;
    const pairs: [Uniform, Uniform][] = [
      [new RandomStreams(1).stream(0), new RandomStreams(2).stream(0)],
      [new RandomStreams(1).stream(0), new RandomStreams(1).stream(1)],
      [new RandomStreams(1).stream(0, 0), new RandomStreams(1).stream(0, 1)],
    ];
    for (const [a, b] of pairs) {
      let sxy = 0;
      for (let i = 0; i < n; i++) sxy += (a.next() - 0.5) * (b.next() - 0.5);
      const correlation = sxy / n / (1 / 12);
      expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(n));
    }
  });

  it('validates its arguments', () => {
    expect(() => new RandomStreams(1.5)).toThrow(RangeError);
    expect(() => new RandomStreams(1).stream(-1)).toThrow(RangeError);
    expect(() => new RandomStreams(1).stream(0, -2)).toThrow(RangeError);
    expect(() => new RandomStreams(1).stream(0.5, 0)).toThrow(RangeError);
    expect(new RandomStreams(-5).stream(0).next()).toBeLessThan(1);
    expect(new RandomStreams(Number.MAX_SAFE_INTEGER).stream(0).next()).toBeLessThan(1);
  });
});
