/**
 * User equilibrium under hard capacities, by path-based gradient projection (Jayakrishnan et al.
 * 1994): each pair keeps the paths it has used, and flow moves from each path to the pair's cheapest
 * option — its cheapest path, or leaving the tonnes unserved at the pair's unserved cost — by a
 * Newton step, the cost difference over the sum of the derivatives of the resources the two do not
 * share. A move never takes a resource past its capacity (less a hair), where its delay is infinite,
 * so flows stay strictly below capacity. New paths come from a shortest-path search at the current
 * costs each round. Frank–Wolfe steps stall against such barriers; these moves are local to a pair.
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes, type ModeGraph } from '../graph/mode-graph.js';
import { type ArcCostModel, resourceIncidence } from './arc-cost-model.js';
import type { EquilibriumOptions, EquilibriumResult, PathFlow } from './equilibrium-types.js';
import { lineSearch } from './line-search.js';
import { groupOdPairs, type OdPair } from './od-pairs.js';
import { PathSet } from './path-set.js';

/** Share of a capacity a move never reaches. */
const CAPACITY_MARGIN = 1e-9;
/** Inner sweeps over the pairs between two path searches. */
const SWEEPS = 4;
/** Load over capacity from which pairs trade places at a resource. */
const STIFF = 0.9;

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
    flow.push(0);
    base.push(b);
    pathRes.push(Int32Array.from(keys));
    pathMult.push(Float64Array.from(keys, (r) => counts.get(r)!));
    odPaths[k]!.push(id);
  };
  const pathCost = (p: number) => {
    let c = base[p]!;
    const rs = pathRes[p]!;
    const ms = pathMult[p]!;
    for (let i = 0; i < rs.length; i++) c += ms[i]! * costs.resourceCost(rs[i]!, loads[rs[i]!]!);
    return c;
  };
  const shift = (p: number, amount: number) => {
    flow[p]! += amount;
    const rs = pathRes[p]!;
    const ms = pathMult[p]!;
    for (let i = 0; i < rs.length; i++) loads[rs[i]!]! += amount * ms[i]!;
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
    shift(odPaths[k]![0]!, demand[k]!);
  }

  /** Resources whose load a move from p to q changes, with the change per tonne moved. */
  const moveWeights = (p: number, q: number): Map<number, number> => {
    const d = new Map<number, number>();
    const add = (path: number, sign: number) => {
      if (path < 0) return;
      const rs = pathRes[path]!;
      const ms = pathMult[path]!;
      for (let i = 0; i < rs.length; i++) d.set(rs[i]!, (d.get(rs[i]!) ?? 0) + sign * ms[i]!);
    };
    add(p, -1);
    add(q, 1);
    for (const [r, w] of d) if (w === 0) d.delete(r);
    return d;
  };
  /** The most flow that may move onto q from p without taking a resource of q past its capacity. */
  const room = (p: number, q: number) => {
    if (q < 0) return Number.POSITIVE_INFINITY;
    let most = Number.POSITIVE_INFINITY;
    const rs = pathRes[q]!;
    const ms = pathMult[q]!;
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
      if (!Number.isFinite(capacity[r]!)) continue;
      let net = ms[i]!;
      if (p >= 0) {
        const j = pathRes[p]!.indexOf(r);
        if (j >= 0) net -= pathMult[p]![j]!;
      }
      if (net > 0) most = Math.min(most, Math.max(0, (capacity[r]! - loads[r]!) / net));
    }
    return most;
  };

  const has = (p: number, r: number) => p >= 0 && pathRes[p]!.indexOf(r) >= 0;
  const optionCost = (k: number, p: number) => (p >= 0 ? pathCost(p) : unservedCost[k]!);
  const optionFlow = (k: number, p: number) => (p >= 0 ? flow[p]! : xu[k]!);
  const optionBase = (k: number, p: number) => (p >= 0 ? base[p]! : unservedCost[k]!);
  const moveFlow = (k: number, p: number, amount: number) => {
    if (p >= 0) shift(p, amount);
    else xu[k]! += amount;
  };
  /**
   * At a resource near its capacity, whose delay rises steeply, moving one pair at a time barely
   * moves anything: what one pair leaves, another takes back. So two pairs trade places there: the
   * pair that gains most by leaving (its path through the resource against its best option
   * elsewhere) leaves, and the pair that gains most by coming (its best path through it against its
   * dearest option in use elsewhere) comes, in the same amount, the resource's load unchanged.
   */
  const swapAt = (r: number) => {
    let off: { k: number; p: number; a: number; gain: number } | undefined;
    let on: { k: number; q: number; b: number; gain: number } | undefined;
    for (let k = 0; k < K; k++) {
      if (!inGroup[k]) continue;
      const list = odPaths[k]!;
      const opts = Number.isFinite(unservedCost[k]!) ? [...list, -1] : list;
      let cheapestElsewhere = -2;
      let cheapestC = Number.POSITIVE_INFINITY;
      let dearestUsed = -2;
      let dearestC = Number.NEGATIVE_INFINITY;
      for (const o of opts) {
        if (has(o, r)) continue;
        const c = optionCost(k, o);
        if (c < cheapestC) {
          cheapestC = c;
          cheapestElsewhere = o;
        }
        if (optionFlow(k, o) > 0 && c > dearestC) {
          dearestC = c;
          dearestUsed = o;
        }
      }
      for (const p of list) {
        if (!has(p, r)) continue;
        const c = pathCost(p);
        if (cheapestElsewhere > -2 && flow[p]! > 0 && (!off || c - cheapestC > off.gain))
          off = { k, p, a: cheapestElsewhere, gain: c - cheapestC };
        if (dearestUsed > -2 && (!on || dearestC - c > on.gain))
          on = { k, q: p, b: dearestUsed, gain: dearestC - c };
      }
    }
    if (!off || !on || !(off.gain + on.gain > 1e-9 * (Math.abs(off.gain) + Math.abs(on.gain) + 1))) return;
    if (off.k === on.k && (off.p === on.b || off.a === on.q)) return;
    const w = new Map<number, number>();
    const add = (p: number, sign: number) => {
      if (p < 0) return;
      const rs = pathRes[p]!;
      const ms = pathMult[p]!;
      for (let i = 0; i < rs.length; i++) w.set(rs[i]!, (w.get(rs[i]!) ?? 0) + sign * ms[i]!);
    };
    add(off.p, -1);
    add(off.a, 1);
    add(on.b, -1);
    add(on.q, 1);
    let most = Math.min(optionFlow(off.k, off.p), optionFlow(on.k, on.b));
    for (const [x, v] of w) {
      if (v > 0 && Number.isFinite(capacity[x]!))
        most = Math.min(most, Math.max(0, (capacity[x]! - loads[x]!) / v));
    }
    if (!(most > 0)) return;
    const baseSlope =
      optionBase(off.k, off.a) - optionBase(off.k, off.p) + optionBase(on.k, on.q) - optionBase(on.k, on.b);
    const slopeAt = (t: number) => {
      let g = baseSlope;
      for (const [x, v] of w) if (v !== 0) g += v * costs.resourceCost(x, loads[x]! + t * v);
      return g;
    };
    const g0 = slopeAt(0);
    if (!(g0 < 0)) return;
    const amount = slopeAt(most) <= 0 ? most : most * lineSearch((t) => slopeAt(t * most), g0);
    if (!(amount > 0)) return;
    moveFlow(off.k, off.p, -amount);
    moveFlow(off.k, off.a, amount);
    moveFlow(on.k, on.b, -amount);
    moveFlow(on.k, on.q, amount);
  };
  const swaps = () => {
    for (let r = 0; r < R; r++) {
      const cap = capacity[r]!;
      if (Number.isFinite(cap) && loads[r]! > STIFF * cap) for (let i = 0; i < 4; i++) swapAt(r);
    }
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
    for (let sweep = 0; sweep < SWEEPS; sweep++) {
      for (let k = 0; k < K; k++) {
        if (!inGroup[k]) continue;
        const list = odPaths[k]!;
        const u = unservedCost[k]!;
        // Cheapest option: a path (index ≥ 0) or unserved (-1).
        let bestQ = -1;
        let bestC = u;
        for (const p of list) {
          const c = pathCost(p);
          if (c < bestC) {
            bestC = c;
            bestQ = p;
          }
        }
        if (!Number.isFinite(bestC)) continue;
        const options: number[] = [...list];
        if (Number.isFinite(u)) options.push(-1);
        for (const p of options) {
          if (p === bestQ) continue;
          const f = p >= 0 ? flow[p]! : xu[k]!;
          if (!(f > 0)) continue;
          const cp = p >= 0 ? pathCost(p) : u;
          const cq = bestQ >= 0 ? pathCost(bestQ) : u;
          const diff = cp - cq;
          if (!(diff > 0)) continue;
          // Move the amount that equalizes the two costs (their difference falls as flow moves),
          // at most the flow there is and the room q has.
          const most = Math.min(f, room(p, bestQ));
          if (!(most > 0)) continue;
          const w = moveWeights(p, bestQ);
          const baseDiff = (p >= 0 ? base[p]! : u) - (bestQ >= 0 ? base[bestQ]! : u);
          const gapAt = (amount: number) => {
            let g = baseDiff;
            for (const [r, x] of w) g -= x * costs.resourceCost(r, loads[r]! + amount * x);
            return g;
          };
          const amount = gapAt(most) >= 0 ? most : most * lineSearch((t) => -gapAt(t * most), -diff);
          if (!(amount > 0)) continue;
          if (p >= 0) shift(p, -amount);
          else xu[k]! -= amount;
          if (bestQ >= 0) shift(bestQ, amount);
          else xu[k]! += amount;
        }
      }
      swaps();
    }
    iterations++;
  }

  updateArcCosts();
  const arcFlow = new Float64Array(m);
  const pathFlows: PathFlow[] = [];
  for (let p = 0; p < flow.length; p++) {
    if (!(flow[p]! > 0)) continue;
    const arcs = paths.arcs[p]!;
    for (const a of arcs) arcFlow[a]! += flow[p]!;
    pathFlows.push({ od: paths.od[p]!, arcs, flow: flow[p]! });
  }
  // Loads from the path flows afresh, free of the rounding of many small moves.
  loads.fill(0);
  for (let p = 0; p < flow.length; p++) if (flow[p]! > 0) addLoads(p);
  updateArcCosts();
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

  function addLoads(p: number) {
    const rs = pathRes[p]!;
    const ms = pathMult[p]!;
    for (let i = 0; i < rs.length; i++) loads[rs[i]!]! += flow[p]! * ms[i]!;
  }
}
