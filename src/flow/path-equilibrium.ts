/**
 * User equilibrium under hard capacities, by path-based projected Newton steps (Bertsekas 1982;
 * Jayakrishnan et al. 1994 take the diagonal of the same step, one pair at a time): each pair keeps
 * the paths it has used, and every pair's flows among its options — its paths, or leaving the tonnes
 * unserved at the pair's unserved cost — move at once, by the step that minimizes the second-order
 * model of Beckmann's objective, whose Hessian couples the pairs that share a resource. A move never
 * takes a resource past its capacity (less a hair), where its delay is infinite, so flows stay
 * strictly below capacity. New paths come from a shortest-path search at the current costs each
 * round. Frank–Wolfe steps stall against such barriers, and so do moves one pair at a time, where
 * what one pair leaves at a resource near capacity another takes back.
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes, type ModeGraph } from '../graph/mode-graph.js';
import { type ArcCostModel, resourceIncidence } from './arc-cost-model.js';
import { boundedNewtonStep } from './bounded-newton-step.js';
import type { EquilibriumOptions, EquilibriumResult, PathFlow } from './equilibrium-types.js';
import { lineSearch } from './line-search.js';
import { groupOdPairs, type OdPair } from './od-pairs.js';
import { PathSet } from './path-set.js';

/** Share of a capacity a move never reaches. */
const CAPACITY_MARGIN = 1e-9;
/** Newton steps between two path searches. */
const STEPS = 2;
/** Relative step of the backward difference that stands for an infinite slope. */
const SLOPE_STEP = 1e-6;

export function solvePathEquilibrium(
  graph: ModeGraph,
  costs: ArcCostModel,
  ods: readonly OdPair[],
  options: EquilibriumOptions = {},
): EquilibriumResult {
  const maxGap = options.maxGap ?? 1e-4;
  const maxIterations = options.maxIterations ?? 5000;
  const m = graph.arcCount;
  const K = ods.length;
  const R = costs.resourceCount;
  const inc = resourceIncidence(costs);
  const nodeRes = costs.nodeResource;
  const capacity = Float64Array.from({ length: R }, (_, r) => {
    const c = costs.resourceCapacity?.[r] ?? Number.POSITIVE_INFINITY;
    return Number.isFinite(c) ? c * (1 - CAPACITY_MARGIN) : c;
  });
  const groups = groupOdPairs(ods);
  const tree = new ShortestPathTree(graph);
  const paths = new PathSet();
  const demand = Float64Array.from(ods, (od) => Math.max(od.demand, 0));
  const unservedCost = Float64Array.from(ods, (od) => od.unservedCostUsdPerT ?? Number.POSITIVE_INFINITY);
  const odCost = new Float64Array(K).fill(Number.POSITIVE_INFINITY);
  const xu = Float64Array.from(demand);
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  const inGroup = new Uint8Array(K);
  for (const g of groups) for (const k of g.ods) inGroup[k] = 1;

  // Per path: flow, base cost, and the resources it loads with their multiplicity.
  const flow: number[] = [];
  const base: number[] = [];
  const pathRes: Int32Array[] = [];
  const pathMult: Float64Array[] = [];
  const odPaths: number[][] = ods.map(() => []);
  const loads = new Float64Array(R);
  const resCost = new Float64Array(R);
  const cost = new Float64Array(m);
  const resSlope = new Float64Array(R);
  /** The resources some path loads, each once. */
  const pathResources: number[] = [];
  const onPath = new Uint8Array(R);

  const endResources = (k: number): number[] => {
    const out: number[] = [];
    if (!nodeRes) return out;
    for (const v of [ods[k]!.origin, ods[k]!.destination])
      if (v >= 0 && nodeRes[v]! >= 0) out.push(nodeRes[v]!);
    return out;
  };
  const register = (k: number, id: number) => {
    if (id < flow.length) return;
    const arcs = paths.arcs[id]!;
    let b = 0;
    const counts = new Map<number, number>();
    for (const a of arcs) {
      b += costs.baseCost[a]!;
      for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++)
        counts.set(inc.list[i]!, (counts.get(inc.list[i]!) ?? 0) + 1);
    }
    for (const r of endResources(k)) counts.set(r, (counts.get(r) ?? 0) + 1);
    const keys = [...counts.keys()].sort((p, q) => p - q);
    for (const r of keys) {
      if (onPath[r]) continue;
      onPath[r] = 1;
      pathResources.push(r);
    }
    flow.push(0);
    base.push(b);
    pathRes.push(Int32Array.from(keys));
    pathMult.push(Float64Array.from(keys, (r) => counts.get(r)!));
    odPaths[k]!.push(id);
  };
  /** Cost of a path at the resources' costs last computed. */
  const pathCost = (p: number) => {
    let c = base[p]!;
    const rs = pathRes[p]!;
    const ms = pathMult[p]!;
    for (let i = 0; i < rs.length; i++) c += ms[i]! * resCost[rs[i]!]!;
    return c;
  };
  const recomputeLoads = () => {
    loads.fill(0);
    for (let p = 0; p < flow.length; p++) {
      if (!(flow[p]! > 0)) continue;
      const rs = pathRes[p]!;
      const ms = pathMult[p]!;
      for (let i = 0; i < rs.length; i++) loads[rs[i]!]! += flow[p]! * ms[i]!;
    }
  };
  const updateArcCosts = () => {
    for (let r = 0; r < R; r++) resCost[r] = costs.resourceCost(r, loads[r]!);
    for (let a = 0; a < m; a++) {
      let c = costs.baseCost[a]!;
      for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) c += resCost[inc.list[i]!]!;
      cost[a] = c;
    }
  };
  /** Shortest paths at the current costs: new paths registered; returns Σ demand × cheapest option. */
  const search = (): number => {
    updateArcCosts();
    let best = 0;
    // A pair with a closed or missing end has no option but unserved, in the best as in the total.
    for (let k = 0; k < K; k++)
      if (!inGroup[k] && Number.isFinite(unservedCost[k]!)) best += demand[k]! * unservedCost[k]!;
    for (const g of groups) {
      tree.run(g.origin, cost, { allowed: arcsOfModes(graph, g.modeMask), targets: g.targets });
      for (let i = 0; i < g.ods.length; i++) {
        const k = g.ods[i]!;
        const t = g.targets[i]!;
        let c = tree.dist[t]!;
        if (Number.isFinite(c)) {
          for (const r of endResources(k)) c += resCost[r]!;
          const id = paths.internFromTree(k, tree, t);
          register(k, id);
        }
        odCost[k] = c;
        const u = unservedCost[k]!;
        const cheapest = Math.min(c, u);
        if (Number.isFinite(cheapest)) best += demand[k]! * cheapest;
      }
    }
    return best;
  };

  // Start: pairs that may be left unserved are; the others take their cheapest path at zero load.
  search();
  for (let k = 0; k < K; k++) {
    if (!inGroup[k] || Number.isFinite(unservedCost[k]!) || odPaths[k]!.length === 0) continue;
    xu[k] = 0;
    flow[odPaths[k]![0]!] = demand[k]!;
  }
  recomputeLoads();

  /** A pair's options: its paths, and leaving tonnes unserved (-1) when that has a cost. */
  const pairOptions = (k: number): number[] =>
    Number.isFinite(unservedCost[k]!) ? [...odPaths[k]!, -1] : odPaths[k]!;
  const optionCost = (k: number, o: number) => (o >= 0 ? pathCost(o) : unservedCost[k]!);
  /** How moving a tonne from option p to option q changes each resource's load, where it does. */
  const moveLoads = (p: number, q: number): Map<number, number> => {
    const d = new Map<number, number>();
    const add = (path: number, sign: number) => {
      if (path < 0) return;
      const rs = pathRes[path]!;
      const ms = pathMult[path]!;
      for (let i = 0; i < rs.length; i++) d.set(rs[i]!, (d.get(rs[i]!) ?? 0) + sign * ms[i]!);
    };
    add(p, -1);
    add(q, 1);
    for (const [r, x] of d) if (x === 0) d.delete(r);
    return d;
  };

  const optionBase = (k: number, o: number) => (o >= 0 ? base[o]! : unservedCost[k]!);
  const optionFlow = (k: number, o: number) => (o >= 0 ? flow[o]! : xu[k]!);
  const setOptionFlow = (k: number, o: number, f: number) => {
    if (o >= 0) flow[o] = f;
    else xu[k] = f;
  };
  /** The slope of a resource's cost at its load; a backward difference where the model's is infinite (within a hair of capacity). */
  const slope = (r: number) => {
    const d = costs.resourceCostDerivative(r, loads[r]!);
    if (Number.isFinite(d)) return d;
    const h = SLOPE_STEP * loads[r]!;
    return (resCost[r]! - costs.resourceCost(r, loads[r]! - h)) / h;
  };

  /**
   * One projected Newton step on the flows of every pair at once (Bertsekas 1982; the gradient
   * projection of Jayakrishnan et al. 1994 is its diagonal, one pair at a time). In each pair the
   * option carrying most takes the rest of the demand; the pair's other options are the variables,
   * those in use and those cheaper than it (the others, costlier and empty, stay empty), and each
   * one's cost over it is the gradient. The Hessian of Beckmann's objective in these variables,
   * Σ over resources of the cost's slope × the products of how each move loads it, couples the pairs
   * that share a resource: at a resource near capacity, where the delay rises steeply, what one pair
   * leaves another takes back, and only the coupled step moves them together. The step goes along
   * the Newton direction as far as the objective falls (its derivative along it, increasing, found
   * by the line search), no option below zero and no resource past its capacity.
   */
  const newtonStep = (): void => {
    for (const r of pathResources) {
      resCost[r] = costs.resourceCost(r, loads[r]!);
      resSlope[r] = slope(r);
    }
    // Per pair: the option carrying most; per variable: pair, option, gradient, and its move's loads.
    const main = new Int32Array(K).fill(-2);
    const vk: number[] = [];
    const vo: number[] = [];
    const vg: number[] = [];
    const va: Map<number, number>[] = [];
    for (let k = 0; k < K; k++) {
      if (!inGroup[k]) continue;
      const opts = pairOptions(k);
      let b = -2;
      for (const o of opts) if (b === -2 || optionFlow(k, o) > optionFlow(k, b)) b = o;
      if (b === -2) continue;
      main[k] = b;
      const cb = optionCost(k, b);
      for (const o of opts) {
        const g = optionCost(k, o) - cb;
        if (o === b || !(optionFlow(k, o) > 0 || g < 0)) continue;
        vk.push(k);
        vo.push(o);
        vg.push(g);
        va.push(moveLoads(b, o));
      }
    }
    const n = vk.length;
    if (n === 0) return;
    const d = boundedNewtonStep(
      va,
      resSlope,
      vg,
      vk.map((k, i) => -optionFlow(k, vo[i]!)),
      totalDemand,
    );
    // Loads per unit step, and the furthest step (d keeps every option ≥ 0 up to 1) that keeps each
    // pair's main option ≥ 0 and every resource below capacity.
    const out = new Float64Array(K);
    const w = new Map<number, number>();
    let baseSlope = 0;
    for (let i = 0; i < n; i++) {
      const k = vk[i]!;
      out[k]! += d[i]!;
      baseSlope += d[i]! * (optionBase(k, vo[i]!) - optionBase(k, main[k]!));
      for (const [r, x] of va[i]!) w.set(r, (w.get(r) ?? 0) + d[i]! * x);
    }
    let most = 1;
    for (let k = 0; k < K; k++)
      if (out[k]! > 0 && optionFlow(k, main[k]!) < most * out[k]!) most = optionFlow(k, main[k]!) / out[k]!;
    for (const [r, x] of w)
      if (x > 0 && Number.isFinite(capacity[r]!) && loads[r]! + most * x > capacity[r]!)
        most = Math.max(0, (capacity[r]! - loads[r]!) / x);
    const slopeAt = (t: number) => {
      let g = baseSlope;
      for (const [r, x] of w) if (x !== 0) g += x * costs.resourceCost(r, loads[r]! + t * x);
      return g;
    };
    const g0 = slopeAt(0);
    if (!(most > 0) || !(g0 < 0)) return;
    const t = slopeAt(most) <= 0 ? most : most * lineSearch((s) => slopeAt(s * most), g0);
    if (!(t > 0)) return;
    for (let i = 0; i < n; i++)
      setOptionFlow(vk[i]!, vo[i]!, Math.max(0, optionFlow(vk[i]!, vo[i]!) + t * d[i]!));
    // The main option of each pair takes what the others leave.
    for (let k = 0; k < K; k++) {
      if (main[k]! === -2) continue;
      let rest = demand[k]!;
      for (const o of pairOptions(k)) if (o !== main[k]) rest -= optionFlow(k, o);
      setOptionFlow(k, main[k]!, Math.max(0, rest));
    }
    recomputeLoads();
  };

  let gap = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  for (;;) {
    const best = search();
    let total = 0;
    for (let k = 0; k < K; k++) {
      if (Number.isFinite(unservedCost[k]!)) total += unservedCost[k]! * xu[k]!;
      for (const p of odPaths[k]!) if (flow[p]! > 0) total += flow[p]! * pathCost(p);
    }
    gap = total > 0 ? Math.max(0, (total - best) / total) : 0;
    options.onIteration?.(iterations, gap);
    if (gap <= maxGap) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    for (let step = 0; step < STEPS; step++) newtonStep();
    iterations++;
  }

  // The costs are those of the last search, at the loads of these flows.
  const arcFlow = new Float64Array(m);
  const pathFlows: PathFlow[] = [];
  for (let p = 0; p < flow.length; p++) {
    if (!(flow[p]! > 0)) continue;
    const arcs = paths.arcs[p]!;
    for (const a of arcs) arcFlow[a]! += flow[p]!;
    pathFlows.push({ od: paths.od[p]!, arcs, flow: flow[p]! });
  }
  return {
    arcFlow,
    arcCost: cost,
    resourceLoad: loads,
    odCost,
    odUnserved: xu,
    paths: pathFlows,
    gap,
    iterations,
    converged,
  };
}
