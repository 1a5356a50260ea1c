/**
 * User equilibrium (Wardrop) of freight over generalized cost with load-dependent delays, by
 * Frank–Wolfe with biconjugate directions (Mitradjieva & Lindberg 2013), tracking path flows.
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes, type ModeGraph } from '../graph/mode-graph.js';
import { type ArcCostModel, resourceIncidence } from './arc-cost-model.js';
import type { EquilibriumOptions, EquilibriumResult, PathFlow } from './equilibrium-types.js';
import { lineSearch } from './line-search.js';
import { groupOdPairs, type OdPair } from './od-pairs.js';
import { solvePathEquilibrium } from './path-equilibrium.js';
import { PathSet } from './path-set.js';
import { PathVectors } from './path-vectors.js';

export type {
  DirectionRule,
  EquilibriumOptions,
  EquilibriumResult,
  PathFlow,
} from './equilibrium-types.js';

export const DEFAULT_MAX_GAP = 1e-4;
const DELTA = 1e-6;
/** Share of a capacity a step never reaches. */
const CAPACITY_MARGIN = 1e-9;

/**
 * Solves the equilibrium of `ods` on `graph` under `costs`. With capacities (costs that go to
 * infinity at a load), by path-based projected Newton steps (path-equilibrium.ts);
 * else by Frank–Wolfe with the chosen direction rule. A pair with an unserved cost may leave
 * tonnes unserved at that cost (elastic demand: a virtual arc per pair); it starts all unserved, so
 * that the start loads no resource, and every step stops short of the resources' capacities, where
 * their costs go to infinity: flows stay strictly below capacity.
 */
export function solveEquilibrium(
  graph: ModeGraph,
  costs: ArcCostModel,
  ods: readonly OdPair[],
  options: EquilibriumOptions = {},
): EquilibriumResult {
  if (costs.resourceCapacity?.some((c) => Number.isFinite(c)))
    return solvePathEquilibrium(graph, costs, ods, options);
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP;
  const maxIterations = options.maxIterations ?? 5000;
  const rule = options.direction ?? 'biconjugate';
  const m = graph.arcCount;
  const K = ods.length;
  const R = costs.resourceCount;
  const inc = resourceIncidence(costs);
  const capacity = costs.resourceCapacity;
  const nodeRes = costs.nodeResource;
  const groups = groupOdPairs(ods);
  const tree = new ShortestPathTree(graph);
  const paths = new PathSet();
  const odCost = new Float64Array(K).fill(Number.POSITIVE_INFINITY);
  const demand = Float64Array.from(ods, (od) => Math.max(od.demand, 0));
  /** Cost of leaving a tonne unserved (Infinity: must be served), and the same as a finite linear cost. */
  const unservedCost = Float64Array.from(ods, (od) => od.unservedCostUsdPerT ?? Number.POSITIVE_INFINITY);
  const linearUnserved = Float64Array.from(unservedCost, (u) => (Number.isFinite(u) ? u : 0));
  /** Node resources each pair's served flow loads (its two ends). */
  const odRes: number[][] = ods.map((od) => {
    const out: number[] = [];
    if (nodeRes && od.origin >= 0 && od.destination >= 0) {
      const a = nodeRes[od.origin]!;
      const b = nodeRes[od.destination]!;
      if (a >= 0) out.push(a);
      if (b >= 0) out.push(b);
    }
    return out;
  });
  const inGroup = new Uint8Array(K);
  for (const g of groups) for (const k of g.ods) inGroup[k] = 1;
  const aonPath = new Int32Array(K).fill(-1);

  // Arc vectors: current flows, all-or-nothing target, two previous targets, the new target; and
  // the same for the unserved tonnes of each pair.
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  let s1 = new Float64Array(m);
  let s2 = new Float64Array(m);
  let sNew = new Float64Array(m);
  const xu = new Float64Array(K);
  const yu = new Float64Array(K);
  let s1u = new Float64Array(K);
  let s2u = new Float64Array(K);
  let sNewu = new Float64Array(K);
  const pv = new PathVectors();
  const cost = new Float64Array(m);
  const loads = new Float64Array(R);
  const resCost = new Float64Array(R);

  /** Resource loads of (arc flows, unserved tonnes): arcs, plus each pair's served tonnes at its ends. */
  const aggregate = (v: Float64Array, vu: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let a = 0; a < m; a++) {
      const f = v[a]!;
      if (f === 0) continue;
      for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) out[inc.list[i]!]! += f;
    }
    for (let k = 0; k < K; k++) {
      const list = odRes[k]!;
      if (list.length === 0 || !inGroup[k]) continue;
      for (const r of list) out[r]! += demand[k]! - vu[k]!;
    }
  };
  const updateCosts = () => {
    aggregate(x, xu, loads);
    for (let r = 0; r < R; r++) resCost[r] = costs.resourceCost(r, loads[r]!);
    for (let a = 0; a < m; a++) {
      let c = costs.baseCost[a]!;
      for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) c += resCost[inc.list[i]!]!;
      cost[a] = c;
    }
  };
  const endCost = (k: number) => {
    let c = 0;
    for (const r of odRes[k]!) c += resCost[r]!;
    return c;
  };

  /**
   * All-or-nothing assignment at the current costs into `y`, `yu` (arcs, unserved) and pv.y (paths):
   * each pair on its cheapest path, or unserved when that costs less. Returns Σ demand × cheapest cost.
   */
  const allOrNothing = (startUnserved: boolean): number => {
    y.fill(0);
    yu.fill(0);
    let spCost = 0;
    // A pair with a closed or missing end has no path: unserved in the target as in the flow, so it
    // counts on both sides of the gap.
    for (let k = 0; k < K; k++) {
      if (inGroup[k]) continue;
      yu[k] = demand[k]!;
      spCost += demand[k]! * linearUnserved[k]!;
    }
    for (const g of groups) {
      tree.run(g.origin, cost, { allowed: arcsOfModes(graph, g.modeMask), targets: g.targets });
      for (let i = 0; i < g.ods.length; i++) {
        const k = g.ods[i]!;
        const d = demand[k]!;
        const t = g.targets[i]!;
        const dist = tree.dist[t]!;
        const c = dist + endCost(k);
        odCost[k] = c;
        const u = unservedCost[k]!;
        if (!Number.isFinite(c) || (startUnserved && Number.isFinite(u)) || u < c) {
          aonPath[k] = -1;
          yu[k] = d;
          spCost += d * linearUnserved[k]!;
          continue;
        }
        spCost += d * c;
        aonPath[k] = paths.internFromTree(k, tree, t);
        for (let v = t; tree.predArc[v]! >= 0; v = graph.arcFrom[tree.predArc[v]!]!)
          y[tree.predArc[v]!]! += d;
      }
    }
    pv.grow(paths.size);
    pv.y.fill(0);
    for (let k = 0; k < K; k++) if (aonPath[k]! >= 0) pv.y[aonPath[k]!] = demand[k]!;
    return spCost;
  };

  // Start: pairs that may be left unserved are, the others on their cheapest path at zero load.
  for (let k = 0; k < K; k++) xu[k] = demand[k]!;
  updateCosts();
  allOrNothing(true);
  x.set(y);
  xu.set(yu);
  pv.x.set(pv.y);
  s1.set(y);
  s1u.set(yu);
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
  const SN = new Float64Array(R);
  const active: number[] = [];

  for (;;) {
    updateCosts();
    let total = 0;
    for (let a = 0; a < m; a++) total += cost[a]! * x[a]!;
    for (let k = 0; k < K; k++) {
      total += linearUnserved[k]! * xu[k]!;
      if (inGroup[k]) total += endCost(k) * (demand[k]! - xu[k]!);
    }
    const spCost = allOrNothing(false);
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
      X.set(loads);
      aggregate(y, yu, Y);
      aggregate(s1, s1u, S1);
      for (let r = 0; r < R; r++) H[r] = costs.resourceCostDerivative(r, X[r]!);
      const biconjugate = rule === 'biconjugate' && iterations >= 2 && tau2 < 1;
      if (biconjugate) {
        aggregate(s2, s2u, S2);
        let n1 = 0;
        let d1 = 0;
        let n2 = 0;
        let d2 = 0;
        for (let r = 0; r < R; r++) {
          const h = H[r]!;
          if (h === 0 || !Number.isFinite(h)) continue;
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
          if (h === 0 || !Number.isFinite(h)) continue;
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
      if (!Number.isFinite(b0) || !Number.isFinite(b1) || !Number.isFinite(b2)) {
        b0 = 1;
        b1 = 0;
        b2 = 0;
      }
    }
    combine(sNew, y, s1, s2, b0, b1, b2);
    combine(sNewu, yu, s1u, s2u, b0, b1, b2);
    // Fall back to the plain direction when the combination is not a descent direction.
    const slopeOf = () => {
      let sl = 0;
      for (let a = 0; a < m; a++) sl += cost[a]! * (sNew[a]! - x[a]!);
      for (let k = 0; k < K; k++) {
        const du = sNewu[k]! - xu[k]!;
        sl += linearUnserved[k]! * du;
        if (inGroup[k]) sl -= endCost(k) * du;
      }
      return sl;
    };
    let slope = slopeOf();
    if (!(slope < 0) && b0 !== 1) {
      b0 = 1;
      b1 = 0;
      b2 = 0;
      sNew.set(y);
      sNewu.set(yu);
      slope = slopeOf();
    }
    pv.combine(b0, b1, b2);

    // Line search on τ ∈ [0, τmax]: the derivative of the Beckmann objective along the direction,
    // τmax stopping short of the first capacity the direction runs into.
    let baseSlope = 0;
    for (let a = 0; a < m; a++) baseSlope += costs.baseCost[a]! * (sNew[a]! - x[a]!);
    for (let k = 0; k < K; k++) baseSlope += linearUnserved[k]! * (sNewu[k]! - xu[k]!);
    aggregate(sNew, sNewu, SN);
    active.length = 0;
    let tauMax = 1;
    for (let r = 0; r < R; r++) {
      Dr[r] = SN[r]! - loads[r]!;
      if (Dr[r] === 0) continue;
      active.push(r);
      const cap = capacity?.[r] ?? Number.POSITIVE_INFINITY;
      if (Dr[r]! > 0 && Number.isFinite(cap)) {
        // Stop a hair short of capacity (relative to it), where the delay is infinite.
        const room = cap * (1 - CAPACITY_MARGIN) - loads[r]!;
        tauMax = Math.min(tauMax, Math.max(0, room / Dr[r]!));
      }
    }
    const derivative = (tau: number) => {
      let g = baseSlope;
      for (const r of active) g += costs.resourceCost(r, loads[r]! + tau * Dr[r]!) * Dr[r]!;
      return g;
    };
    const tau =
      tauMax > 0 ? tauMax * lineSearch((s) => derivative(s * tauMax), slope < 0 ? slope : derivative(0)) : 0;
    for (let a = 0; a < m; a++) x[a]! += tau * (sNew[a]! - x[a]!);
    for (let k = 0; k < K; k++) xu[k]! += tau * (sNewu[k]! - xu[k]!);
    pv.step(tau);
    // Rotate targets: s2 ← s1 ← new.
    const t = s2;
    s2 = s1;
    s1 = sNew;
    sNew = t;
    const tu = s2u;
    s2u = s1u;
    s1u = sNewu;
    sNewu = tu;
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
    odUnserved: xu,
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
