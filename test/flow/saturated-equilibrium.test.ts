/**
 * The equilibrium on a saturated network with steep costs, against its equilibrium in closed form.
 * Six rails between the same places, each with a barrier delay that goes to infinity at its capacity
 * (base + s·ρ/(1 − ρ), ρ = load ÷ capacity), in a chain of pairs: the first pair may take rail 0
 * only, pair i rails i − 1 and i, the last pair the last rail only; each may leave tonnes unserved,
 * the first at 300 per tonne, the last at 400, the others at 1000, and together they bring more than
 * the rails carry. The first pair's tonnes are worth least, so at equilibrium it is the one partly
 * unserved: rail 0 costs 300, and since each middle pair uses both its rails, every rail costs 300,
 * below the last pair's 400, which is served in full. Each rail's load then solves base + s·q = 300
 * with q = ρ/(1 − ρ): ρ = q/(1 + q), above 99 % of capacity, where a tonne more moves the cost by
 * thousands. The pairs are tied along the chain: the first taking a tonne of rail 0, each middle pair
 * moving a tonne one rail on, and the last leaving a tonne of the last rail changes no load, so moves
 * one pair (or two) at a time crawl towards the split. The same equilibrium is reached when the cost
 * model gives no finite slope near capacity (as the queue model within a hair of it): the solver then
 * takes a backward difference of the cost (without it, that case stalls short of the split: checked).
 */
import { describe, expect, it } from 'vitest';
import type { ArcCostModel } from '../../src/flow/arc-cost-model.js';
import { solveEquilibrium } from '../../src/flow/equilibrium.js';
import type { OdPair } from '../../src/flow/od-pairs.js';
import { handGraph } from './hand-graph.js';

/** Rail i: base 100 + 20·i, capacity 10, s = 1, its own mode bit. */
const RAILS = 6;
const rails = Array.from({ length: RAILS }, (_, i) => ({
  base: 100 + 20 * i,
  capacity: 10,
  scale: 1,
  mode: 1 << i,
}));
/** The first pair on rail 0 only, pair i (1 ≤ i < n) on rails i − 1 and i, the last pair on the last rail only. */
const pairs = [
  { demand: 12, unserved: 300, modes: 1 },
  ...rails.slice(1).map((r) => ({ demand: 10, unserved: 1000, modes: r.mode | (r.mode >> 1) })),
  { demand: 5, unserved: 400, modes: rails[RAILS - 1]!.mode },
];
const rho = (r: number, x: number) => x / rails[r]!.capacity;
const delayCost = (r: number, x: number) =>
  rho(r, x) < 1 ? (rails[r]!.scale * rho(r, x)) / (1 - rho(r, x)) : Number.POSITIVE_INFINITY;

/** The slope of rail r's delay cost at load x (infinite at capacity). */
const delaySlope = (r: number, x: number) =>
  rho(r, x) < 1 ? rails[r]!.scale / ((1 - rho(r, x)) ** 2 * rails[r]!.capacity) : Number.POSITIVE_INFINITY;

/**
 * @param slope the cost model's slope; by default the formula's. A queueing model may give no finite
 *   slope a little short of capacity where its cost is still finite: the solver then takes a
 *   backward difference of the cost.
 */
function solve(maxGap: number, slope: (r: number, x: number) => number = delaySlope) {
  const graph = handGraph(
    2,
    rails.map((r) => ({ from: 0, to: 1, a: r.base, mode: r.mode })),
  );
  const costs: ArcCostModel = {
    baseCost: Float64Array.from(rails, (r) => r.base),
    arcResource: Int32Array.from(rails, (_, i) => i),
    resourceCount: rails.length,
    resourceCapacity: Float64Array.from(rails, (r) => r.capacity),
    resourceCost: delayCost,
    resourceCostDerivative: slope,
  };
  const ods: OdPair[] = pairs.map((p) => ({
    origin: 0,
    destination: 1,
    demand: p.demand,
    modeMask: p.modes,
    unservedCostUsdPerT: p.unserved,
  }));
  return solveEquilibrium(graph, costs, ods, { maxGap });
}

/** Rail loads at the equilibrium cost 300: base + scale·q = 300, ρ = q/(1 + q). */
const price = pairs[0]!.unserved;
const railLoad = rails.map((r) => {
  const q = (price - r.base) / r.scale;
  return (r.capacity * q) / (1 + q);
});
/**
 * Walking back from the last rail, which carries the last pair in full: pair i (1 ≤ i < n) carries on
 * rail i what that rail's load leaves, the rest of its demand on rail i − 1; rail 0 carries the first
 * pair's served tonnes besides.
 */
const onEarlier: number[] = [];
let fromLater = pairs[pairs.length - 1]!.demand;
for (let i = rails.length - 1; i >= 1; i--) {
  onEarlier[i] = pairs[i]!.demand - (railLoad[i]! - fromLater);
  fromLater = onEarlier[i]!;
}
const firstServed = railLoad[0]! - fromLater;

describe('equilibrium on a saturated network with steep costs (closed form)', () => {
  it('the closed form: every rail above 99 % of capacity, every middle pair on both its rails, the first pair partly unserved', () => {
    for (const [i, r] of rails.entries()) expect(railLoad[i]! / r.capacity).toBeGreaterThan(0.99);
    for (let i = 1; i < rails.length; i++) {
      expect(onEarlier[i]).toBeGreaterThan(0);
      expect(onEarlier[i]).toBeLessThan(pairs[i]!.demand);
    }
    expect(firstServed).toBeGreaterThan(0);
    expect(firstServed).toBeLessThan(pairs[0]!.demand);
  });

  it.each([
    ['the slope of the formula', undefined],
    [
      'no finite slope above 99 % of capacity, where every equilibrium load lies',
      (r: number, x: number) => (rho(r, x) < 0.99 ? delaySlope(r, x) : Number.POSITIVE_INFINITY),
    ],
  ])('reaches it with %s: loads, unserved tonnes, and Wardrop on every path and option', (_, slope) => {
    const r = solve(1e-10, slope);
    expect(r.converged).toBe(true);
    for (let i = 0; i < RAILS; i++) expect(r.arcFlow[i]).toBeCloseTo(railLoad[i]!, 6);
    expect(r.odUnserved[0]).toBeCloseTo(pairs[0]!.demand - firstServed, 6);
    for (let k = 1; k < pairs.length; k++) expect(r.odUnserved[k]).toBeCloseTo(0, 9);
    // Each option's cost from the formula at the loads found; a used one costs the least of its pair's.
    const cost = rails.map((x, i) => x.base + delayCost(i, r.arcFlow[i]!));
    pairs.forEach((p, k) => {
      const own = rails.flatMap((x, i) => ((x.mode & p.modes) !== 0 ? [cost[i]!] : []));
      const least = Math.min(...own, p.unserved);
      for (const path of r.paths.filter((x) => x.od === k && x.flow > 1e-9))
        expect(cost[path.arcs[0]!]).toBeCloseTo(least, 4);
      if (r.odUnserved[k]! > 1e-9) expect(p.unserved).toBeCloseTo(least, 4);
      const carried = r.paths.filter((x) => x.od === k).reduce((s, x) => s + x.flow, 0);
      expect(carried + r.odUnserved[k]!).toBeCloseTo(p.demand, 9);
    });
  });

  it('in a bounded number of iterations, at the default gap and at a gap of 1e-10', () => {
    const loose = solve(1e-4);
    expect(loose.converged).toBe(true);
    expect(loose.iterations).toBeLessThanOrEqual(10);
    const tight = solve(1e-10);
    expect(tight.iterations).toBeLessThanOrEqual(15);
  });
});
