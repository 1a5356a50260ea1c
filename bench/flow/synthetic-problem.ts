/**
 * A synthetic freight network for benchmarks, generated from a seed: a side × side grid of nodes
 * (10,000 for side 100) joined both ways by elements with a cost per tonne and, for a share of
 * them, a capacity; origin–destination pairs between random nodes; and a congestion cost (BPR) on
 * every element for the equilibrium.
 */
import type { ArcCostModel } from '../../src/flow/arc-cost-model.js';
import type { OdPair } from '../../src/flow/od-pairs.js';
import { digraph } from '../../src/graph/csr.js';
import type { ModeGraph } from '../../src/graph/mode-graph.js';

export interface SyntheticOptions {
  readonly side: number;
  readonly origins: number;
  readonly destinationsPerOrigin: number;
  readonly seed: number;
  /** Share of elements with a hard capacity. */
  readonly capacitatedShare: number;
}

export interface SyntheticProblem {
  readonly graph: ModeGraph;
  /** Cost of each arc, USD per tonne. */
  readonly arcCost: Float64Array;
  /** Element of each arc: both directions of a grid edge share one. */
  readonly arcElement: Int32Array;
  /** Hard capacity of each element (t/yr), Infinity for most. */
  readonly elementCapacity: Float64Array;
  /** Practical capacity of each element for the BPR congestion cost (t/yr). */
  readonly elementBprCapacity: Float64Array;
  readonly ods: OdPair[];
}

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticProblem(o: SyntheticOptions): SyntheticProblem {
  const rand = seededRandom(o.seed);
  const n = o.side * o.side;
  const from: number[] = [];
  const to: number[] = [];
  const element: number[] = [];
  const cost: number[] = [];
  const cap: number[] = [];
  const bprCap: number[] = [];
  const id = (x: number, y: number) => y * o.side + x;
  for (let y = 0; y < o.side; y++) {
    for (let x = 0; x < o.side; x++) {
      for (const [dx, dy] of [
        [1, 0],
        [0, 1],
      ] as const) {
        if (x + dx >= o.side || y + dy >= o.side) continue;
        const e = cap.length;
        const c = 1 + Math.floor(rand() * 10);
        cap.push(
          rand() < o.capacitatedShare ? 50_000 + Math.floor(rand() * 450_000) : Number.POSITIVE_INFINITY,
        );
        bprCap.push(200_000 + Math.floor(rand() * 1_800_000));
        for (const [a, b] of [
          [id(x, y), id(x + dx, y + dy)],
          [id(x + dx, y + dy), id(x, y)],
        ] as const) {
          from.push(a);
          to.push(b);
          element.push(e);
          cost.push(c);
        }
      }
    }
  }
  const graph: ModeGraph = {
    ...digraph(n, from, to, new Uint8Array(n).fill(1)),
    arcModeBit: new Uint8Array(from.length),
  };
  const ods: OdPair[] = [];
  const pick = () => Math.floor(rand() * n);
  for (let i = 0; i < o.origins; i++) {
    const origin = pick();
    const seen = new Set<number>([origin]);
    while (seen.size <= o.destinationsPerOrigin) {
      const d = pick();
      if (seen.has(d)) continue;
      seen.add(d);
      ods.push({ origin, destination: d, demand: 10_000 + Math.floor(rand() * 90_000), modeMask: 0xff });
    }
  }
  return {
    graph,
    arcCost: Float64Array.from(cost),
    arcElement: Int32Array.from(element),
    elementCapacity: Float64Array.from(cap),
    elementBprCapacity: Float64Array.from(bprCap),
    ods,
  };
}

/** BPR congestion on every element: cost × 0.15 × (load ÷ practical capacity)^4 added to each of its arcs. */
export function bprCostModel(p: SyntheticProblem): ArcCostModel {
  const elementCost = new Float64Array(p.elementBprCapacity.length);
  for (let a = 0; a < p.graph.arcCount; a++) elementCost[p.arcElement[a]!] = p.arcCost[a]!;
  const k = Float64Array.from(elementCost, (c, e) => (c * 0.15) / p.elementBprCapacity[e]! ** 4);
  return {
    baseCost: p.arcCost,
    arcResource: p.arcElement,
    resourceCount: elementCost.length,
    resourceCost: (r, x) => {
      const x2 = x * x;
      return k[r]! * x2 * x2;
    },
    resourceCostDerivative: (r, x) => 4 * k[r]! * x * x * x,
  };
}
