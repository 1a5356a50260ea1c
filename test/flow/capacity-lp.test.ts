import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CapacityProblem, solveCapacityLp } from '../../src/flow/capacity-lp.js';
import type { OdPair } from '../../src/flow/od-pairs.js';
import { bruteForceLp } from './brute-force-lp.js';
import { type HandArc, handGraph, simplePaths } from './hand-graph.js';

const PENALTY = 1000;

function problem(
  n: number,
  arcs: readonly HandArc[],
  ods: readonly OdPair[],
  resourceOf?: readonly number[],
): CapacityProblem {
  const res = resourceOf ?? arcs.map((_, i) => i);
  const R = Math.max(-1, ...res) + 1;
  const capacity = new Float64Array(R).fill(Number.POSITIVE_INFINITY);
  arcs.forEach((a, i) => {
    if (a.cap !== undefined) capacity[res[i]!] = a.cap;
  });
  return {
    graph: handGraph(n, arcs),
    arcCost: Float64Array.from(arcs, (a) => a.a),
    arcResource: Int32Array.from(res),
    resourceCapacity: capacity,
    ods,
  };
}

function od(origin: number, destination: number, demand: number): OdPair {
  return { origin, destination, demand, modeMask: 0xff };
}

/** The same program over all simple paths, solved by vertex enumeration. */
function bruteForce(p: CapacityProblem) {
  const cols: { od: number; arcs: number[] }[] = [];
  p.ods.forEach((o, k) => {
    for (const path of simplePaths(p.graph, o.origin, o.destination)) cols.push({ od: k, arcs: path });
  });
  const n = cols.length + p.ods.length;
  const c = [
    ...cols.map((col) => col.arcs.reduce((s, a) => s + p.arcCost[a]!, 0)),
    ...p.ods.map(() => PENALTY),
  ];
  const aEq = p.ods.map((_, k) => [
    ...cols.map((col) => (col.od === k ? 1 : 0)),
    ...p.ods.map((__, j) => (j === k ? 1 : 0)),
  ]);
  const bEq = p.ods.map((o) => o.demand);
  const aUb: number[][] = [];
  const bUb: number[] = [];
  p.resourceCapacity.forEach((cap, r) => {
    if (!Number.isFinite(cap)) return;
    aUb.push([
      ...cols.map((col) => col.arcs.filter((a) => p.arcResource[a] === r).length),
      ...p.ods.map(() => 0),
    ]);
    bUb.push(cap);
  });
  return { n, result: bruteForceLp({ c, aEq, bEq, aUb, bUb }) };
}

describe('solveCapacityLp', () => {
  it('two parallel paths with capacities: the cheap one fills, the other takes the rest; shadow price = cost difference', async () => {
    // A costs 10 with capacity 60, B costs 20 with capacity 100; 100 t to move.
    const arcs = [
      { from: 0, to: 1, a: 10, cap: 60 },
      { from: 0, to: 1, a: 20, cap: 100 },
    ];
    const r = await solveCapacityLp(problem(2, arcs, [od(0, 1, 100)]), { unservedPenaltyUsdPerT: PENALTY });
    expect([...r.arcFlow]).toEqual([60, 40].map((x) => expect.closeTo(x, 6)));
    expect(r.odUnserved[0]).toBeCloseTo(0, 9);
    expect(r.objectiveUsd).toBeCloseTo(60 * 10 + 40 * 20, 6);
    expect(r.resourceShadowPrice[0]).toBeCloseTo(10, 6);
    expect(r.resourceShadowPrice[1]).toBeCloseTo(0, 6);
    expect(r.odMarginalCost[0]).toBeCloseTo(20, 6);
  });

  it('capacity short: unserved demand is the shortfall, and each full path is worth the penalty less its cost', async () => {
    // 0 → 2 over 0-1-2 (capacity 20 on 1-2) or 0-2 directly (capacity 15); 50 t wanted: 15 t unserved.
    const arcs = [
      { from: 0, to: 1, a: 5 },
      { from: 1, to: 2, a: 5, cap: 20 },
      { from: 0, to: 2, a: 30, cap: 15 },
    ];
    const r = await solveCapacityLp(problem(3, arcs, [od(0, 2, 50)]), { unservedPenaltyUsdPerT: PENALTY });
    expect(r.odUnserved[0]).toBeCloseTo(50 - 20 - 15, 6);
    expect(r.resourceShadowPrice[1]).toBeCloseTo(PENALTY - 10, 6);
    expect(r.resourceShadowPrice[2]).toBeCloseTo(PENALTY - 30, 6);
    expect(r.objectiveUsd).toBeCloseTo(20 * 10 + 15 * 30 + 15 * PENALTY, 6);
  });

  it('a capacity shared by both directions of an element binds their sum', async () => {
    // One element (resource 0) used 0→1 by one pair and 1→0 by another; capacity 10 for both together.
    const arcs = [
      { from: 0, to: 1, a: 1, cap: 10 },
      { from: 1, to: 0, a: 1, cap: 10 },
    ];
    const r = await solveCapacityLp(problem(2, arcs, [od(0, 1, 8), od(1, 0, 8)], [0, 0]), {
      unservedPenaltyUsdPerT: PENALTY,
    });
    expect(r.resourceLoad[0]).toBeCloseTo(10, 6);
    expect(r.odUnserved[0]! + r.odUnserved[1]!).toBeCloseTo(6, 6);
  });

  it('equals a brute-force vertex enumeration on small random instances, and its duals are subgradients', async () => {
    const arb = fc
      .record({
        n: fc.integer({ min: 3, max: 4 }),
        arcs: fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: 3 }),
            to: fc.integer({ min: 0, max: 3 }),
            a: fc.integer({ min: 1, max: 30 }),
            cap: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
          }),
          { minLength: 2, maxLength: 6 },
        ),
        ods: fc.array(
          fc.record({
            origin: fc.integer({ min: 0, max: 3 }),
            destination: fc.integer({ min: 0, max: 3 }),
            demand: fc.integer({ min: 1, max: 15 }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
      })
      .map(({ n, arcs, ods }) => ({
        n,
        arcs: arcs.map((a) => ({ ...a, from: a.from % n, to: a.to % n })).filter((a) => a.from !== a.to),
        ods: ods
          .map((o) => od(o.origin % n, o.destination % n, o.demand))
          .filter((o) => o.origin !== o.destination),
      }))
      .filter(({ arcs, ods }) => arcs.length > 0 && ods.length > 0);
    await fc.assert(
      fc.asyncProperty(arb, async ({ n, arcs, ods }) => {
        const p = problem(n, arcs, ods);
        const truth = bruteForce(p);
        fc.pre(truth.n <= 8 && truth.result !== undefined);
        const r = await solveCapacityLp(p, { unservedPenaltyUsdPerT: PENALTY });
        expect(r.objectiveUsd).toBeCloseTo(truth.result!.value, 6);
        // Feasible: demand met or unserved, capacities respected.
        ods.forEach((o, k) => {
          const served = r.paths.filter((q) => q.od === k).reduce((s, q) => s + q.flow, 0);
          expect(served + r.odUnserved[k]!).toBeCloseTo(o.demand, 6);
        });
        arcs.forEach((a, i) => {
          if (a.cap !== undefined) expect(r.arcFlow[i]!).toBeLessThanOrEqual(a.cap + 1e-6);
        });
        // Duals are subgradients of the optimal value in each capacity: V(c ± δ) ≥ V(c) ∓ price·δ.
        for (let i = 0; i < arcs.length; i++) {
          if (arcs[i]!.cap === undefined) continue;
          for (const delta of [0.5, -0.5]) {
            if (arcs[i]!.cap! + delta <= 0) continue;
            const moved = arcs.map((a, j) => (j === i ? { ...a, cap: a.cap! + delta } : a));
            const v = bruteForce(problem(n, moved, ods)).result!.value;
            expect(v).toBeGreaterThanOrEqual(r.objectiveUsd - r.resourceShadowPrice[i]! * delta - 1e-6);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
