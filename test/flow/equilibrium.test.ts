import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveEquilibrium } from '../../src/flow/equilibrium.js';
import type { OdPair } from '../../src/flow/od-pairs.js';
import { type HandArc, handGraph, linearCosts, pathCost, simplePaths } from './hand-graph.js';

const ALL = 0xff;

/** Braess (1968): 1→2 10x, 1→3 50+x, 2→4 50+x, 3→4 10x, bridge 2→3 10+x; 6 units from 1 to 4. */
const BRAESS: HandArc[] = [
  { from: 0, to: 1, a: 0, b: 10 },
  { from: 0, to: 2, a: 50, b: 1 },
  { from: 1, to: 3, a: 50, b: 1 },
  { from: 2, to: 3, a: 0, b: 10 },
  { from: 1, to: 2, a: 10, b: 1 },
];

/** A w × h grid, both directions, with random linear costs. */
function grid(w: number, h: number, rand: () => number): HandArc[] {
  const arcs: HandArc[] = [];
  const id = (x: number, y: number) => y * w + x;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
      ] as const) {
        if (x + dx >= w || y + dy >= h) continue;
        const a = 1 + Math.floor(rand() * 10);
        const b = 0.1 + rand();
        arcs.push({ from: id(x, y), to: id(x + dx, y + dy), a, b });
        arcs.push({ from: id(x + dx, y + dy), to: id(x, y), a, b });
      }
    }
  }
  return arcs;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('solveEquilibrium', () => {
  it('Braess network: 2 units on each of the three paths, each costing 92', () => {
    for (const direction of ['frank-wolfe', 'conjugate', 'biconjugate'] as const) {
      const r = solveEquilibrium(handGraph(4, BRAESS), linearCosts(BRAESS), [od(0, 3, 6)], {
        maxGap: 1e-9,
        direction,
      });
      expect(r.converged).toBe(true);
      expect([...r.arcFlow]).toEqual([4, 2, 2, 4, 2].map((f) => expect.closeTo(f, 4)));
      expect(r.odCost[0]).toBeCloseTo(92, 4);
      expect(r.paths).toHaveLength(3);
      for (const p of r.paths) expect(p.flow).toBeCloseTo(2, 4);
    }
  });

  it('Braess paradox: without the bridge, 3 units on each path at cost 83', () => {
    const arcs = BRAESS.slice(0, 4);
    const r = solveEquilibrium(handGraph(4, arcs), linearCosts(arcs), [od(0, 3, 6)], { maxGap: 1e-9 });
    expect(r.odCost[0]).toBeCloseTo(83, 6);
    expect([...r.arcFlow]).toEqual([3, 3, 3, 3].map((f) => expect.closeTo(f, 6)));
  });

  it('two parallel routes 10 + x and 15 + x/2 with 20 units split 10 / 10 at cost 20', () => {
    const arcs = [
      { from: 0, to: 1, a: 10, b: 1 },
      { from: 0, to: 1, a: 15, b: 0.5 },
    ];
    const r = solveEquilibrium(handGraph(2, arcs), linearCosts(arcs), [od(0, 1, 20)], { maxGap: 1e-10 });
    expect(r.arcFlow[0]).toBeCloseTo(10, 6);
    expect(r.arcFlow[1]).toBeCloseTo(10, 6);
    expect(r.odCost[0]).toBeCloseTo(20, 6);
  });

  it('a route that is never worth using carries nothing', () => {
    const arcs = [
      { from: 0, to: 1, a: 10, b: 0.1 },
      { from: 0, to: 1, a: 50, b: 0.1 },
    ];
    const r = solveEquilibrium(handGraph(2, arcs), linearCosts(arcs), [od(0, 1, 100)]);
    expect(r.arcFlow[0]).toBeCloseTo(100, 9);
    expect(r.arcFlow[1]).toBe(0);
  });

  it('demand with no path is unserved, and the rest is assigned', () => {
    const arcs = [{ from: 0, to: 1, a: 1, b: 1 }];
    const r = solveEquilibrium(handGraph(3, arcs), linearCosts(arcs), [od(0, 1, 5), od(0, 2, 7)]);
    expect(r.odUnserved[0]).toBe(0);
    expect(r.odUnserved[1]).toBe(7);
    expect(r.odCost[1]).toBe(Number.POSITIVE_INFINITY);
    expect(r.arcFlow[0]).toBeCloseTo(5, 12);
  });

  it("Wardrop's condition: every used path of a pair costs the pair's minimum, within the gap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const rand = lcg(seed);
        const arcs = grid(3, 3, rand);
        const g = handGraph(9, arcs);
        const ods = [od(0, 8, 5 + rand() * 20), od(2, 6, 5 + rand() * 20), od(7, 1, 5 + rand() * 20)];
        const r = solveEquilibrium(g, linearCosts(arcs), ods, { maxGap: 1e-7 });
        expect(r.converged).toBe(true);
        let excess = 0;
        let total = 0;
        ods.forEach((o, k) => {
          // Independent truth: the cheapest of all simple paths at the equilibrium flows.
          const all = simplePaths(g, o.origin, o.destination).map((p) => pathCost(arcs, p, r.arcFlow));
          const min = Math.min(...all);
          expect(r.odCost[k]).toBeCloseTo(min, 6);
          const used = r.paths.filter((p) => p.od === k);
          expect(used.reduce((s, p) => s + p.flow, 0)).toBeCloseTo(o.demand, 6);
          for (const p of used) {
            const c = pathCost(arcs, p.arcs, r.arcFlow);
            excess += p.flow * (c - min);
            total += p.flow * c;
            // A path carrying a share s of the pair can exceed the minimum by at most gap/s.
            if (p.flow / o.demand > 1e-3) expect((c - min) / min).toBeLessThan(1e-3);
          }
        });
        // Computed from paths, the gap is the reported gap (computed from arcs).
        expect(excess / total).toBeLessThanOrEqual(r.gap + 1e-9);
        expect(excess / total).toBeCloseTo(r.gap, 9);
      }),
      { numRuns: 15 },
    );
  });

  it('the three direction rules reach the same flows; biconjugate in fewer iterations than plain Frank–Wolfe', () => {
    const rand = lcg(42);
    const arcs = grid(8, 8, rand);
    const g = handGraph(64, arcs);
    const ods: OdPair[] = [];
    for (let k = 0; k < 20; k++) {
      const o = Math.floor(rand() * 64);
      const d = (o + 1 + Math.floor(rand() * 63)) % 64;
      ods.push(od(o, d, 10 + rand() * 40));
    }
    const results = (['frank-wolfe', 'conjugate', 'biconjugate'] as const).map((direction) =>
      solveEquilibrium(g, linearCosts(arcs), ods, { maxGap: 1e-4, direction, maxIterations: 20_000 }),
    );
    for (const r of results) expect(r.converged).toBe(true);
    const scale = Math.max(...results[2]!.arcFlow);
    for (const r of results) {
      for (let a = 0; a < arcs.length; a++)
        expect(Math.abs(r.arcFlow[a]! - results[2]!.arcFlow[a]!) / scale).toBeLessThan(0.02);
    }
    expect(results[2]!.iterations).toBeLessThan(results[0]!.iterations);
  });
});

function od(origin: number, destination: number, demand: number): OdPair {
  return { origin, destination, demand, modeMask: ALL };
}
