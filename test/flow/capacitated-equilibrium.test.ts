/**
 * The equilibrium under capacities (barrier delays, elastic demand) against independent truth on
 * small networks: two parallel arcs, each with its own capacity, a capacity the two share and a
 * handling capacity at the destination node, one pair that may leave tonnes unserved at a cost.
 * Truth: the KKT conditions of the convex program, and a brute-force search over the splits of its
 * objective, written out here from the definitions (the barrier's integral in closed form).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArcCostModel } from '../../src/flow/arc-cost-model.js';
import { solveEquilibrium } from '../../src/flow/equilibrium.js';
import { handGraph } from './hand-graph.js';

interface Case {
  b0: number;
  b1: number;
  c0: number;
  c1: number;
  shared: number;
  node: number;
  demand: number;
  unserved: number;
}

/** Cost of resource r at load x: B × ρ/(1 − ρ), B = 1 (and Infinity at capacity). */
const barrier = (cap: number, x: number) =>
  x / cap < 1 ? x / cap / (1 - x / cap) : Number.POSITIVE_INFINITY;
/** ∫₀ˣ barrier = cap × (−ρ − ln(1 − ρ)). */
const barrierIntegral = (cap: number, x: number) =>
  x / cap < 1 ? cap * (-x / cap - Math.log(1 - x / cap)) : Number.POSITIVE_INFINITY;

function solve(p: Case) {
  const graph = handGraph(2, [
    { from: 0, to: 1, a: p.b0 },
    { from: 0, to: 1, a: p.b1 },
  ]);
  const caps = [p.c0, p.c1, p.shared, p.node];
  const costs: ArcCostModel = {
    baseCost: Float64Array.from([p.b0, p.b1]),
    arcResource: Int32Array.from([-1, -1]),
    arcResourceStart: Uint32Array.from([0, 2, 4]),
    arcResources: Uint32Array.from([0, 2, 1, 2]),
    nodeResource: Int32Array.from([-1, 3]),
    resourceCount: 4,
    resourceCapacity: Float64Array.from(caps),
    resourceCost: (r, x) => barrier(caps[r]!, x),
    resourceCostDerivative: (r, x) => {
      const rho = x / caps[r]!;
      return rho < 1 ? 1 / ((1 - rho) * (1 - rho) * caps[r]!) : Number.POSITIVE_INFINITY;
    },
  };
  return solveEquilibrium(
    graph,
    costs,
    [{ origin: 0, destination: 1, demand: p.demand, modeMask: 0xff, unservedCostUsdPerT: p.unserved }],
    { maxGap: 1e-9, maxIterations: 20_000 },
  );
}

/** The convex objective at a split (x0, x1; the rest unserved). */
function objective(p: Case, x0: number, x1: number): number {
  const served = x0 + x1;
  return (
    p.b0 * x0 +
    p.b1 * x1 +
    p.unserved * (p.demand - served) +
    barrierIntegral(p.c0, x0) +
    barrierIntegral(p.c1, x1) +
    barrierIntegral(p.shared, served) +
    barrierIntegral(p.node, served)
  );
}

const arb = fc.record({
  b0: fc.double({ min: 0, max: 20, noNaN: true }),
  b1: fc.double({ min: 0, max: 20, noNaN: true }),
  c0: fc.double({ min: 1, max: 50, noNaN: true }),
  c1: fc.double({ min: 1, max: 50, noNaN: true }),
  shared: fc.double({ min: 1, max: 80, noNaN: true }),
  node: fc.double({ min: 1, max: 80, noNaN: true }),
  demand: fc.double({ min: 1, max: 100, noNaN: true }),
  unserved: fc.double({ min: 1, max: 60, noNaN: true }),
});

describe('equilibrium under capacities (two parallel arcs, shared and node capacities, elastic demand)', () => {
  it('meets the KKT conditions: used options cost the least, unserved tonnes cost what serving would; loads stay below capacity', () => {
    fc.assert(
      fc.property(arb, (p) => {
        const r = solve(p);
        expect(r.converged).toBe(true);
        const x0 = r.arcFlow[0]!;
        const x1 = r.arcFlow[1]!;
        const xu = r.odUnserved[0]!;
        expect(x0 + x1 + xu).toBeCloseTo(p.demand, 6);
        const served = x0 + x1;
        for (const [x, cap] of [
          [x0, p.c0],
          [x1, p.c1],
          [served, p.shared],
          [served, p.node],
        ] as const)
          expect(x).toBeLessThan(cap);
        const common = barrier(p.shared, served) + barrier(p.node, served);
        const c0 = p.b0 + barrier(p.c0, x0) + common;
        const c1 = p.b1 + barrier(p.c1, x1) + common;
        const least = Math.min(c0, c1, p.unserved);
        const tol = 1e-4 * (1 + least);
        if (x0 > 1e-6 * p.demand) expect(c0).toBeLessThanOrEqual(least + tol);
        if (x1 > 1e-6 * p.demand) expect(c1).toBeLessThanOrEqual(least + tol);
        if (xu > 1e-6 * p.demand) expect(p.unserved).toBeLessThanOrEqual(least + tol);
      }),
      { numRuns: 60 },
    );
  });

  it('no split on a fine grid has a lower objective (brute force)', () => {
    fc.assert(
      fc.property(arb, (p) => {
        const r = solve(p);
        const found = objective(p, r.arcFlow[0]!, r.arcFlow[1]!);
        const n = 120;
        let best = Number.POSITIVE_INFINITY;
        for (let i = 0; i <= n; i++) {
          for (let j = 0; i + j <= n; j++)
            best = Math.min(best, objective(p, (p.demand * i) / n, (p.demand * j) / n));
        }
        expect(found).toBeLessThanOrEqual(best + 1e-9 * Math.abs(best) + 1e-9);
      }),
      { numRuns: 30 },
    );
  });
});
