/**
 * Rationing by value, and smooth: with the values of a flow's tonnes spread around its unserved cost
 * (src/flow/unserved-cost.ts), the capacity program shares a shortage between the flows competing for
 * it. Checked against the closed form of the continuous demand curves: each flow leaves unserved the
 * tonnes whose value is below the scarce capacity's price, u_i = D_i·(c_i + λ − v_i + w_i)/(2·w_i)
 * clamped to [0, D_i], with λ the price at which the served tonnes fill the capacity. The closed form
 * is continuous in demand and capacity; the program takes each curve in steps of D_i/20, so it must
 * agree to within a step, which is what "smooth" asks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CapacityProblem, solveCapacityLp } from '../../src/flow/capacity-lp.js';
import type { OdPair } from '../../src/flow/od-pairs.js';
import {
  UNSERVED_COST_SEGMENTS,
  unservedCostUsd,
  unservedValueHalfWidth,
} from '../../src/flow/unserved-cost.js';
import { handGraph } from './hand-graph.js';

interface Flow {
  /** Tonnes a year. */
  readonly d: number;
  /** Cost of its own leg to the shared link, USD per tonne. */
  readonly c: number;
  /** Mean value and half-width of its tonnes' values, USD per tonne. */
  readonly v: number;
  readonly w: number;
}

/** Flows from their own origins (nodes 1..n) to a hub (node 0), then over one shared link of capacity `cap` to node n+1. */
function sharedLink(flows: readonly Flow[], cap: number): CapacityProblem {
  const n = flows.length;
  const arcs = [...flows.map((f, i) => ({ from: i + 1, to: 0, a: f.c })), { from: 0, to: n + 1, a: 0, cap }];
  const ods: OdPair[] = flows.map((f, i) => ({
    origin: i + 1,
    destination: n + 1,
    demand: f.d,
    modeMask: 0xff,
    unservedCostUsdPerT: f.v,
    unservedHalfWidthUsdPerT: f.w,
  }));
  return {
    graph: handGraph(n + 2, arcs),
    arcCost: Float64Array.from(arcs, (a) => a.a),
    arcResource: Int32Array.from(arcs, (_, i) => (i === n ? 0 : -1)),
    resourceCapacity: Float64Array.of(cap),
    ods,
  };
}

/** The closed form: unserved tonnes of each flow at the price λ that makes the served tonnes fit. */
function closedForm(flows: readonly Flow[], cap: number): { unserved: number[]; price: number } {
  const unservedAt = (price: number) =>
    flows.map((f) => {
      // The tonnes valued below c + price go unserved; values run evenly over v ± w.
      const threshold = f.c + price;
      if (f.w === 0) return threshold > f.v ? f.d : 0;
      return Math.min(f.d, Math.max(0, (f.d * (threshold - f.v + f.w)) / (2 * f.w)));
    });
  const served = (price: number) => unservedAt(price).reduce((s, u, i) => s + flows[i]!.d - u, 0);
  if (served(0) <= cap) return { unserved: unservedAt(0), price: 0 };
  let lo = 0;
  let hi = Math.max(...flows.map((f) => f.v + f.w));
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (served(mid) > cap) lo = mid;
    else hi = mid;
  }
  return { unserved: unservedAt(hi), price: hi };
}

describe('rationing by value with a spread', () => {
  it('the cost of unserved tonnes: the integral of the linear demand curve at each step, v·D when all is left', () => {
    // v = 500, w = 100, D = 1,000: the cheapest 300 t are worth 400..460, mean 430 → 129,000
    // (300 t is the end of the sixth step of 50 t).
    expect(UNSERVED_COST_SEGMENTS).toBe(20);
    expect(unservedCostUsd(500, 100, 300, 1000)).toBeCloseTo(300 * 430, 9);
    expect(unservedCostUsd(500, 100, 1000, 1000)).toBeCloseTo(500 * 1000, 9);
    // Within a step, linear between its ends: 310 t = 300 t + 10 t at the seventh step's 465.
    expect(unservedCostUsd(500, 100, 310, 1000)).toBeCloseTo(300 * 430 + 10 * 465, 9);
    // A flat value: v per tonne.
    expect(unservedCostUsd(500, 0, 310, 1000)).toBeCloseTo(500 * 310, 9);
    // w = s·(v − c₀), and 0 for a flow worth no more than its path.
    expect(unservedValueHalfWidth(500, 100, 0.5)).toBe(200);
    expect(unservedValueHalfWidth(80, 100, 0.5)).toBe(0);
  });

  it('flows of equal value and cost lose equal shares (proportional rationing), hand-computed', async () => {
    // 100 t and 300 t through a link of 200 t: each loses half. The price of the link is the
    // value of the last tonne left, 500 − 100 + 2·100·0.5 = 500, less the 50 its leg costs.
    const flows = [
      { d: 100, c: 50, v: 500, w: 100 },
      { d: 300, c: 50, v: 500, w: 100 },
    ];
    const r = await solveCapacityLp(sharedLink(flows, 200));
    // Both curves end a step there (the tenth of 5 t and of 15 t): exact.
    expect(r.odUnserved[0]).toBeCloseTo(50, 6);
    expect(r.odUnserved[1]).toBeCloseTo(150, 6);
  });

  it('a dearer flow loses a smaller share, hand-computed', async () => {
    // v 600 ± 200 and 400 ± 200, 100 t each, 100 t of room: price λ with 100·(λ−400)/400 +
    // 100·(λ−200)/400 = 100 → λ = 500: 25 t and 75 t unserved.
    const flows = [
      { d: 100, c: 0, v: 600, w: 200 },
      { d: 100, c: 0, v: 400, w: 200 },
    ];
    const r = await solveCapacityLp(sharedLink(flows, 100));
    // 25 t and 75 t end the fifth and fifteenth steps of 5 t: exact.
    expect(r.odUnserved[0]).toBeCloseTo(25, 6);
    expect(r.odUnserved[1]).toBeCloseTo(75, 6);
    // The price lies between the steps at the margin: 480 (a tonne more of the dearer flow) and
    // 520, less 20 … the cheaper flow's 480 + 20: both give 500 ± 20.
    expect(r.resourceShadowPrice[0]).toBeGreaterThanOrEqual(480 - 1e-6);
    expect(r.resourceShadowPrice[0]).toBeLessThanOrEqual(520 + 1e-6);
  });

  it('matches the closed form on random shortages, and so moves continuously with demand and capacity', async () => {
    const flow = fc.record({
      d: fc.integer({ min: 10, max: 1000 }),
      c: fc.integer({ min: 0, max: 200 }),
      v: fc.integer({ min: 250, max: 1000 }),
      spread: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(flow, { minLength: 2, maxLength: 5 }),
        fc.double({ min: 0.05, max: 1.2, noNaN: true }),
        async (raw, capShare) => {
          const flows = raw.map((f) => ({ ...f, w: unservedValueHalfWidth(f.v, f.c, f.spread) }));
          const cap = capShare * flows.reduce((s, f) => s + f.d, 0);
          const want = closedForm(flows, cap);
          const got = await solveCapacityLp(sharedLink(flows, cap));
          flows.forEach((f, i) => {
            // Within one step of each flow's curve (and of every other flow's, whose step shifts the price).
            const step = Math.max(...flows.map((g) => g.d)) / UNSERVED_COST_SEGMENTS;
            expect(Math.abs(got.odUnserved[i]! - want.unserved[i]!)).toBeLessThanOrEqual(step + 1e-6 * f.d);
          });
        },
      ),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('with no spread the program cuts the lowest-value flow whole (the jump the spread removes)', async () => {
    const flows = [
      { d: 100, c: 0, v: 600, w: 0 },
      { d: 100, c: 0, v: 400, w: 0 },
    ];
    const r = await solveCapacityLp(sharedLink(flows, 100));
    expect(r.odUnserved[0]).toBeCloseTo(0, 6);
    expect(r.odUnserved[1]).toBeCloseTo(100, 6);
  });
});
