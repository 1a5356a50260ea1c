/**
 * A pair whose origin or destination is out of service (a resilience scenario closing a country
 * that holds one end) has no option but to stay unserved. Both equilibrium solvers must count it
 * on both sides of the relative gap, or the gap never closes.
 */
import { describe, expect, it } from 'vitest';
import type { ArcCostModel } from '../../src/flow/arc-cost-model.js';
import { solveEquilibrium } from '../../src/flow/equilibrium.js';
import type { OdPair } from '../../src/flow/od-pairs.js';
import { type HandArc, handGraph, linearCosts } from './hand-graph.js';

const ARCS: HandArc[] = [
  { from: 0, to: 1, a: 10, b: 1 },
  { from: 0, to: 1, a: 20, b: 0 },
];
// 5 t from 0 to 1 (served: 10 + x = 20 at x = 10 > 5, so all on arc 0 at cost 15), and 7 t from a
// closed place, unserved at 100 a tonne.
const PAIRS: OdPair[] = [
  { origin: 0, destination: 1, demand: 5, modeMask: 0xff, unservedCostUsdPerT: 1000 },
  { origin: -1, destination: 1, demand: 7, modeMask: 0xff, unservedCostUsdPerT: 100 },
];

describe('a pair with a closed end', () => {
  it('Frank–Wolfe (no capacities) converges, with the pair unserved and the other on its cheapest arc', () => {
    const r = solveEquilibrium(handGraph(2, ARCS), linearCosts(ARCS), PAIRS, { maxGap: 1e-9 });
    expect(r.converged).toBe(true);
    expect(r.gap).toBeLessThanOrEqual(1e-9);
    expect(r.odUnserved[1]).toBeCloseTo(7, 9);
    expect(r.odUnserved[0]).toBeCloseTo(0, 9);
    expect(r.arcFlow[0]).toBeCloseTo(5, 6);
  });

  it('the path-based solver (under capacities) converges the same way', () => {
    const costs: ArcCostModel = { ...linearCosts(ARCS), resourceCapacity: Float64Array.from([100, 100]) };
    const r = solveEquilibrium(handGraph(2, ARCS), costs, PAIRS, { maxGap: 1e-9 });
    expect(r.converged).toBe(true);
    expect(r.gap).toBeLessThanOrEqual(1e-9);
    expect(r.odUnserved[1]).toBeCloseTo(7, 9);
    expect(r.odUnserved[0]).toBeCloseTo(0, 9);
    expect(r.arcFlow[0]).toBeCloseTo(5, 6);
  });
});
