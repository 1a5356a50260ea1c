import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/sim/random.js';
import { exponentialSampler } from '../../src/sim/sample/exponential.js';
import { confidenceInterval } from '../../src/sim/stats/confidence-interval.js';
import { LogHistogram } from '../../src/sim/stats/histogram.js';
import { Moments } from '../../src/sim/stats/moments.js';
import { ReplicationSummary } from '../../src/sim/stats/replication-summary.js';
import { studentTCdf, studentTQuantile } from '../../src/sim/stats/student-t.js';
import { Tally } from '../../src/sim/stats/tally.js';
import { TimeAverage } from '../../src/sim/stats/time-average.js';

describe('Moments', () => {
  it('matches a two-pass computation and merges exactly as one', () => {
    const u = new RandomStreams(1).stream(0);
    const xs = Array.from({ length: 10_001 }, () => 1e6 + u.next() * 10);
    const all = new Moments();
    const left = new Moments();
    const right = new Moments();
    xs.forEach((x, i) => {
      all.add(x);
      (i < 3000 ? left : right).add(x);
    });
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    expect(all.mean / mean).toBeCloseTo(1, 13);
    expect(all.variance / variance).toBeCloseTo(1, 9);
    left.merge(right);
    expect(left.count).toBe(all.count);
    expect(left.mean / all.mean).toBeCloseTo(1, 13);
    expect(left.variance / all.variance).toBeCloseTo(1, 9);
    expect([left.min, left.max]).toEqual([Math.min(...xs), Math.max(...xs)]);
    expect(Moments.from(all.toJSON())).toEqual(all);
    expect(new Moments().variance).toBeNaN();
  });

  it('gives an empty summary as zeros without a sign, and a sum that starts at zero', () => {
    const empty = new Moments().toJSON();
    expect([Object.is(empty.mean, 0), Object.is(empty.m2, 0)]).toEqual([true, true]);
    const zeros = new Moments();
    zeros.add(0);
    expect([Object.is(zeros.mean, 0), Object.is(zeros.m2, 0)]).toEqual([true, true]);
  });
});

describe('LogHistogram', () => {
  it('gives quantiles within its relative error of the exact ones', () => {
    const sample = exponentialSampler(30, new RandomStreams(2).stream(0));
    const h = new LogHistogram();
    const xs = Float64Array.from({ length: 100_000 }, () => sample.sample()).sort();
    for (const x of xs) h.add(x);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1]!;
      expect(Math.abs(h.quantile(q) / exact - 1)).toBeLessThanOrEqual(h.relativeError + 1e-12);
    }
    expect(h.quantile(0)).toBe(xs[0]);
    expect(h.quantile(1)).toBe(xs[xs.length - 1]);
    expect(h.relativeError).toBeCloseTo(1 / 256, 12);
  });

  it('reports zeros below its resolution floor and huge values above its ceiling exactly', () => {
    const h = new LogHistogram({ lowest: 0.01, highest: 100 });
    for (let i = 0; i < 60; i++) h.add(0);
    for (let i = 0; i < 30; i++) h.add(5);
    for (let i = 0; i < 10; i++) h.add(1e4);
    expect(h.quantile(0.5)).toBe(0);
    expect(Math.abs(h.quantile(0.75) / 5 - 1)).toBeLessThanOrEqual(h.relativeError);
    expect(h.quantile(0.95)).toBe(1e4);
  });

  it('merges by adding counts, in any order, and survives a round trip as plain data', () => {
    const u = new RandomStreams(3).stream(0);
    const parts = [new LogHistogram(), new LogHistogram(), new LogHistogram()];
    const whole = new LogHistogram();
    for (let i = 0; i < 30_000; i++) {
      const x = u.next() * 100;
      parts[i % 3]!.add(x);
      whole.add(x);
    }
    const ab = new LogHistogram();
    for (const p of parts) ab.merge(structuredClone(p.toJSON()));
    const ba = new LogHistogram();
    for (const p of [...parts].reverse()) ba.merge(p.toJSON());
    expect(ab.counts).toEqual(whole.counts);
    expect(ba.counts).toEqual(whole.counts);
    expect(LogHistogram.from(structuredClone(whole.toJSON())).quantile(0.9)).toBe(whole.quantile(0.9));
    expect(() => ab.merge(new LogHistogram({ precisionBits: 5 }).toJSON())).toThrow(RangeError);
  });

  it('travels as the span of buckets that hold values, and merges back to the same counts', () => {
    const h = new LogHistogram();
    for (const x of [2, 3, 3, 40]) h.add(x);
    const state = h.toJSON();
    // the first and last buckets of the span hold 2 and 40; every bucket outside it is empty
    expect(state.counts[0]).toBe(1);
    expect(state.counts[state.counts.length - 1]).toBe(1);
    const offset = state.offset ?? 0;
    expect(h.counts.slice(offset, offset + state.counts.length)).toEqual(state.counts);
    expect(h.counts.reduce((s, c) => s + c, 0)).toBe(4);
    expect(state.counts.length).toBeLessThan(h.counts.length / 4);
    const back = new LogHistogram();
    back.merge(state);
    expect(back.counts).toEqual(h.counts);
    expect(LogHistogram.from(state).counts).toEqual(h.counts);
    const empty = new LogHistogram().toJSON();
    expect(empty.counts.length).toBe(0);
    back.merge(empty);
    expect(back.counts).toEqual(h.counts);
    // a span that would run past the layout's last bucket is another layout
    expect(() => back.merge({ ...state, offset: h.counts.length - 1 })).toThrow(RangeError);
  });

  it('counts each value in the bucket that its octave and 1/128 of an octave give, merged in any split', () => {
    // the layout by arithmetic, not by the bits of the doubles: a value x in [2^e, 2^(e+1)) has the key
    // 128·e + ⌊128·(x/2^e − 1)⌋; bucket 0 holds the values below 1e-3, the last those at or above 1e6
    const key = (x: number) => {
      const e = Math.floor(Math.log2(x));
      const octave = 2 ** e <= x ? e : e - 1;
      return 128 * octave + Math.floor(128 * (x / 2 ** octave - 1));
    };
    const first = key(1e-3);
    const last = key(1e6) - first + 2;
    const bucket = (x: number) => (!(x >= 1e-3) ? 0 : x >= 1e6 ? last : key(x) - first + 1);
    const value = fc.oneof(
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.double({ min: 0.5, max: 3, noNaN: true }),
      fc.double({ min: 0, max: 1e-3, noNaN: true }),
      fc.double({ min: 1e6, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.nat(300), (xs, cut) => {
        // the buckets that hold values, as "bucket: count"
        const held = (counts: Float64Array) =>
          [...counts.entries()].filter(([, c]) => c > 0).map(([k, c]) => `${k}: ${c}`);
        const truth = new Float64Array(last + 1);
        for (const x of xs) truth[bucket(x)]!++;
        const expected = held(truth);
        const whole = new LogHistogram();
        const left = new LogHistogram();
        const right = new LogHistogram();
        xs.forEach((x, i) => {
          whole.add(x);
          (i < cut ? left : right).add(x);
        });
        expect(whole.counts.length).toBe(last + 1);
        expect(held(whole.counts)).toEqual(expected);
        const merged = LogHistogram.from(right.toJSON());
        merged.merge(left.toJSON());
        expect(held(merged.counts)).toEqual(expected);
        for (const q of [0, 0.1, 0.5, 0.9, 0.95, 1]) expect(merged.quantile(q)).toBe(whole.quantile(q));
        whole.clear();
        expect(held(whole.counts)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its memory bounded', () => {
    expect(new LogHistogram().counts.length).toBeLessThan(5000);
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
  });
});

describe('Tally', () => {
  it('ignores observations made during the warm-up', () => {
    const t = new Tally({ warmup: 10 });
    t.record(5, 100);
    t.record(10, 2);
    t.record(20, 4);
    expect(t.count).toBe(2);
    expect(t.mean).toBe(3);
    expect(new Tally().mean).toBeNaN();
  });

  it('adds a value unconditionally for a caller that checked the window: count, mean and quantile by hand', () => {
    const t = new Tally({ warmup: 10, end: 20 });
    for (const x of [1, 2, 6]) t.add(x);
    expect(t.count).toBe(3);
    expect(t.mean).toBe(3);
    expect(t.moments.variance).toBe(7); // ((1-3)² + (2-3)² + (6-3)²) / 2
    expect(t.quantile(1)).toBe(6);
  });
});

describe('TimeAverage', () => {
  it('integrates a step function by hand, from the warm-up on', () => {
    // value 2 on [0,4), 5 on [4,6), 1 on [6,10), 3 after; warm-up 5, end 12
    const q = new TimeAverage({ warmup: 5 });
    q.update(0, 2);
    q.update(4, 5);
    q.update(6, 1);
    q.update(10, 3);
    // from 5: 5·1 + 1·4 + 3·2 = 15 over 7 h
    expect(q.integral(12)).toBe(15);
    expect(q.mean(12)).toBeCloseTo(15 / 7, 12);
    expect(q.max(12)).toBe(5);
  });

  it('counts the value in force at the end of the warm-up in the maximum', () => {
    const q = new TimeAverage({ warmup: 5 });
    q.update(1, 9);
    q.update(3, 7);
    expect(q.max(8)).toBe(7);
    expect(q.mean(8)).toBe(7);
    q.update(9, 0);
    expect(q.max(10)).toBe(7);
    expect(new TimeAverage({ warmup: 5 }).mean(5)).toBeNaN();
  });

  it('integrates to zero without a sign when no time has passed', () => {
    const q = new TimeAverage({ start: 3, initial: 4 });
    expect(Object.is(q.integral(3), 0)).toBe(true);
    expect(q.integral(5)).toBe(8);
  });
});

describe("Student's t", () => {
  it('matches table quantiles', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.7062047],
      [0.975, 2, 4.30265273],
      [0.975, 4, 2.77644511],
      [0.975, 9, 2.26215716],
      [0.975, 19, 2.09302405],
      [0.975, 29, 2.04522964],
      [0.995, 10, 3.16927267],
      [0.95, 5, 2.01504837],
      [0.9, 3, 1.63774435],
      [0.975, 1e6, 1.95996634], // z + (z³ + z) / 4ν
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df)).toBeCloseTo(t, 6);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.26215716, 6);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('has a symmetric CDF with the Cauchy case in closed form', () => {
    for (const t of [-3, -0.5, 0, 0.7, 4]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
      expect(studentTCdf(t, 7) + studentTCdf(-t, 7)).toBeCloseTo(1, 12);
    }
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });
});

describe('confidence intervals across replications', () => {
  it('computes mean ± t·s/√n', () => {
    const m = new Moments();
    for (const x of [10, 12, 9, 11, 13]) m.add(x);
    const ci = confidenceInterval(m)!;
    const half = (2.77644511 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(ci[0]).toBeCloseTo(11 - half, 6);
    expect(ci[1]).toBeCloseTo(11 + half, 6);
    const one = new Moments();
    one.add(3);
    expect(confidenceInterval(one)).toBeNull();
  });

  it('covers the true mean about 95 % of the time', () => {
    const streams = new RandomStreams(11);
    let covered = 0;
    const trials = 2000;
    for (let trial = 0; trial < trials; trial++) {
      const sample = exponentialSampler(2, streams.stream(trial));
      const m = new Moments();
      for (let i = 0; i < 30; i++) m.add(sample.sample());
      const [lo, hi] = confidenceInterval(m)!;
      if (lo <= 2 && 2 <= hi) covered++;
    }
    // exponential samples of 30 are skewed: coverage is a little under 95 %, never far
    expect(covered / trials).toBeGreaterThan(0.91);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it('summarises replications: CI of the means, quantiles of the pooled observations', () => {
    const summary = new ReplicationSummary();
    const means = [4, 6, 5];
    for (const [r, mean] of means.entries()) {
      const t = new Tally();
      for (let i = 0; i < 100; i++) t.record(0, mean + (i % 2 === 0 ? -1 : 1) * (r + 1) * 0.1);
      summary.add(t.mean, t.histogram.toJSON());
    }
    summary.add(Number.NaN, new Tally().histogram.toJSON());
    const e = summary.result();
    expect(e.replications).toBe(3);
    expect(e.count).toBe(300);
    expect(e.mean).toBeCloseTo(5, 12);
    const half = (4.30265273 * 1) / Math.sqrt(3);
    expect(e.ci95![0]).toBeCloseTo(5 - half, 6);
    expect(e.max).toBeCloseTo(6.2, 12);
    // pooled: 50 each of 3.9, 4.1, 4.7, 5.3, 5.8, 6.2 → nearest-rank P50 = 4.7, P90 = 6.2
    expect(Math.abs(e.p50 / 4.7 - 1)).toBeLessThanOrEqual(summary.pooled.relativeError);
    expect(e.p90).toBe(6.2);
  });
});
