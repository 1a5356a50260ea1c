/**
 * User equilibrium (Wardrop) of freight over generalized cost with load-dependent delays, by
 * Frank–Wolfe with biconjugate directions (Mitradjieva & Lindberg 2013), tracking path flows.
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes, type ModeGraph } from '../graph/mode-graph.js';
import { type ArcCostModel, arcCosts, resourceLoads } from './arc-cost-model.js';
import { lineSearch } from './line-search.js';
import { groupOdPairs, type OdPair } from './od-pairs.js';
import { PathSet } from './path-set.js';
import { PathVectors } from './path-vectors.js';

export type DirectionRule = 'frank-wolfe' | 'conjugate' | 'biconjugate';

export interface EquilibriumOptions {
  /** Stop at this relative gap (default 1e-4). */
  readonly maxGap?: number | undefined;
  /** Stop after this many iterations even if the gap is larger (default 5000). */
  readonly maxIterations?: number | undefined;
  /** How the search direction is chosen (default biconjugate). */
  readonly direction?: DirectionRule | undefined;
  readonly onIteration?: ((iteration: number, gap: number) => void) | undefined;
}

export interface PathFlow {
  readonly od: number;
  readonly arcs: Uint32Array;
  /** Tonnes per year. */
  readonly flow: number;
}

export interface EquilibriumResult {
  readonly arcFlow: Float64Array;
  /** Generalized cost per tonne of each arc at the solution, USD. */
  readonly arcCost: Float64Array;
  readonly resourceLoad: Float64Array;
  /** Cost of each pair's cheapest path at the solution; Infinity when it has none. */
  readonly odCost: Float64Array;
  /** Demand of each pair that has no path, tonnes per year. */
  readonly odUnserved: Float64Array;
  readonly paths: readonly PathFlow[];
  /** Relative gap: (Σ cost × flow − Σ demand × cheapest cost) ÷ Σ cost × flow. */
  readonly gap: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export const DEFAULT_MAX_GAP = 1e-4;
const DELTA = 1e-6;

/** Solves the equilibrium of `ods` on `graph` under `costs`. */
export function solveEquilibrium(
  graph: ModeGraph,
  costs: ArcCostModel,
  ods: readonly OdPair[],
  options: EquilibriumOptions = {},
): EquilibriumResult {
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
  const maxIterations = options.maxIterations ?? 5000;
  const rule = options.direction ?? 'biconjugate';
  const m = graph.arcCount;
  const R = costs.resourceCount;
  const groups = groupOdPairs(ods);
  const tree = new ShortestPathTree(graph);
  const paths = new PathSet();
  const odCost = new Float64Array(ods.length).fill(Number.POSITIVE_INFINITY);
  const odUnserved = Float64Array.from(ods, (od) => Math.max(od.demand, 0));
  const aonPath = new Int32Array(ods.length).fill(-1);

  // Arc vectors: current flows, all-or-nothing target, two previous targets, the new target.
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  let s1 = new Float64Array(m);
  let s2 = new Float64Array(m);
  let sNew = new Float64Array(m);
  // The same vectors over paths.
  const pv = new PathVectors();
  const cost = new Float64Array(m);
  const loads = new Float64Array(R);

  /** All-or-nothing assignment at arc costs `cost` into `y` (arcs) and pv.y (paths); returns Σ demand × cheapest cost. */
  const allOrNothing = (): number => {
    y.fill(0);
    let spCost = 0;
    for (const g of groups) {
      tree.run(g.origin, cost, { allowed: arcsOfModes(graph, g.modeMask), targets: g.targets });
      for (let i = 0; i < g.ods.length; i++) {
        const k = g.ods[i]!;
        const d = ods[k]!.demand;
        const t = g.targets[i]!;
        const c = tree.dist[t]!;
        odCost[k] = c;
        if (!Number.isFinite(c)) {
          aonPath[k] = -1;
          continue;
        }
        odUnserved[k] = 0;
        spCost += d * c;
        aonPath[k] = paths.internFromTree(k, tree, t);
        for (let v = t; tree.predArc[v]! >= 0; v = graph.arcFrom[tree.predArc[v]!]!)
          y[tree.predArc[v]!]! += d;
      }
    }
    pv.grow(paths.size);
    pv.y.fill(0);
    for (let k = 0; k < ods.length; k++) if (aonPath[k]! >= 0) pv.y[aonPath[k]!] = ods[k]!.demand;
    return spCost;
  };

  // Start from the all-or-nothing assignment at zero load.
  arcCosts(costs, loads, cost);
  allOrNothing();
  x.set(y);
  pv.x.set(pv.y);
  s1.set(y);
  pv.s1.set(pv.y);
  let tau1 = 1;
  let tau2 = 1;
  let gap = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let converged = false;

  const X = new Float64Array(R);
  const Y = new Float64Array(R);
  const S1 = new Float64Array(R);
  const S2 = new Float64Array(R);
  const H = new Float64Array(R);
  const Dr = new Float64Array(R);
  const active: number[] = [];

  for (;;) {
    resourceLoads(costs, x, loads);
    arcCosts(costs, loads, cost);
    let total = 0;
    for (let a = 0; a < m; a++) total += cost[a]! * x[a]!;
    const spCost = allOrNothing();
    gap = total > 0 ? Math.max(0, (total - spCost) / total) : 0;
    options.onIteration?.(iterations, gap);
    if (gap <= maxGap) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;

    // Choose the target: plain, conjugate or biconjugate combination of AON and previous targets.
    let b0 = 1;
    let b1 = 0;
    let b2 = 0;
    const useConjugate = rule !== 'frank-wolfe' && iterations >= 1 && tau1 < 1;
    if (useConjugate) {
      aggregate(costs, x, X);
      aggregate(costs, y, Y);
      aggregate(costs, s1, S1);
      for (let r = 0; r < R; r++) H[r] = costs.resourceCostDerivative(r, X[r]!);
      const biconjugate = rule === 'biconjugate' && iterations >= 2 && tau2 < 1;
      if (biconjugate) {
        aggregate(costs, s2, S2);
        let n1 = 0;
        let d1 = 0;
        let n2 = 0;
        let d2 = 0;
        for (let r = 0; r < R; r++) {
          const h = H[r]!;
          if (h === 0) continue;
          const u = tau1 * S1[r]! - X[r]! + (1 - tau1) * S2[r]!;
          const yx = Y[r]! - X[r]!;
          const sx = S1[r]! - X[r]!;
          n1 += h * u * yx;
          d1 += h * u * (S2[r]! - S1[r]!);
          n2 += h * sx * yx;
          d2 += h * sx * sx;
        }
        if (d1 !== 0 && d2 !== 0) {
          const mu = Math.max(0, -n1 / d1);
          const nu = Math.max(0, (mu * tau1) / (1 - tau1) - n2 / d2);
          b0 = 1 / (1 + mu + nu);
          b1 = nu * b0;
          b2 = mu * b0;
        }
      } else {
        let n = 0;
        let d = 0;
        for (let r = 0; r < R; r++) {
          const h = H[r]!;
          if (h === 0) continue;
          const sx = S1[r]! - X[r]!;
          n += h * sx * (Y[r]! - X[r]!);
          d += h * sx * (Y[r]! - S1[r]!);
        }
        let alpha = d !== 0 ? n / d : 0;
        if (!(alpha >= 0)) alpha = 0;
        if (alpha > 1 - DELTA) alpha = 1 - DELTA;
        b0 = 1 - alpha;
        b1 = alpha;
      }
    }
    combine(sNew, y, s1, s2, b0, b1, b2);
    // Fall back to the plain direction when the combination is not a descent direction.
    let slope = 0;
    for (let a = 0; a < m; a++) slope += cost[a]! * (sNew[a]! - x[a]!);
    if (!(slope < 0) && b0 !== 1) {
      b0 = 1;
      b1 = 0;
      b2 = 0;
      sNew.set(y);
    }
    pv.combine(b0, b1, b2);

    // Line search on τ ∈ [0, 1]: the derivative of the Beckmann objective along the direction.
    let baseSlope = 0;
    for (let a = 0; a < m; a++) baseSlope += costs.baseCost[a]! * (sNew[a]! - x[a]!);
    Dr.fill(0);
    active.length = 0;
    for (let a = 0; a < m; a++) {
      const r = costs.arcResource[a]!;
      if (r >= 0) Dr[r]! += sNew[a]! - x[a]!;
    }
    for (let r = 0; r < R; r++) if (Dr[r] !== 0) active.push(r);
    const derivative = (tau: number) => {
      let g = baseSlope;
      for (const r of active) g += costs.resourceCost(r, loads[r]! + tau * Dr[r]!) * Dr[r]!;
      return g;
    };
    const tau = lineSearch(derivative, slope < 0 ? slope : derivative(0));
    for (let a = 0; a < m; a++) x[a]! += tau * (sNew[a]! - x[a]!);
    pv.step(tau);
    // Rotate targets: s2 ← s1 ← new.
    const t = s2;
    s2 = s1;
    s1 = sNew;
    sNew = t;
    tau2 = tau1;
    tau1 = tau;
    iterations++;
  }

  // Final arc costs at x are in `cost`; the path flows follow x.
  const pathFlows: PathFlow[] = [];
  for (let p = 0; p < paths.size; p++) {
    const f = pv.x[p]!;
    if (f > 0) pathFlows.push({ od: paths.od[p]!, arcs: paths.arcs[p]!, flow: f });
  }
  return {
    arcFlow: x,
    arcCost: cost,
    resourceLoad: loads,
    odCost,
    odUnserved,
    paths: pathFlows,
    gap,
    iterations,
    converged,
  };

  function combine(
    out: Float64Array,
    a: Float64Array,
    b: Float64Array,
    c: Float64Array,
    w0: number,
    w1: number,
    w2: number,
  ): void {
    if (w1 === 0 && w2 === 0) {
      out.set(a);
      return;
    }
    for (let i = 0; i < out.length; i++) out[i] = w0 * a[i]! + w1 * b[i]! + w2 * c[i]!;
  }
}

/** Resource totals of an arc vector. */
function aggregate(costs: ArcCostModel, v: Float64Array, out: Float64Array): void {
  out.fill(0);
  const res = costs.arcResource;
  for (let a = 0; a < v.length; a++) {
    const r = res[a]!;
    if (r >= 0) out[r]! += v[a]!;
  }
}
