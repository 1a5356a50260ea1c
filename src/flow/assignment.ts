/**
 * Assigning an origin–destination demand to a flow graph by one of two methods with one call shape
 * and one result: `equilibrium` (congestion, soft capacities) and `capacity` (hard capacities, LP).
 */
import type { Highs } from 'highs';
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes } from '../graph/mode-graph.js';
import { DEFAULT_UNSERVED_PENALTY_USD_PER_T, solveCapacityLp } from './capacity-lp.js';
import type { OdDemand } from './demand.js';
import {
  type DirectionRule,
  type EquilibriumResult,
  type PathFlow,
  solveEquilibrium,
} from './equilibrium.js';
import { type FlowGraph, modeMask } from './flow-graph.js';
import { groupOdPairs, type OdPair } from './od-pairs.js';
import { type FlowResources, flowResources, resourceCostModel } from './resources.js';
import { DEFAULT_UNSERVED_VALUE_SPREAD, unservedValueHalfWidth } from './unserved-cost.js';

export const ASSIGNMENT_METHODS = ['equilibrium', 'capacity'] as const;
export type AssignmentMethodName = (typeof ASSIGNMENT_METHODS)[number];

export interface AssignOptions {
  readonly method?: AssignmentMethodName | undefined;
  /** Equilibrium: stop at this relative gap (default 1e-4). */
  readonly maxGap?: number | undefined;
  /** Equilibrium: most iterations (default 5,000). */
  readonly maxIterations?: number | undefined;
  /** Equilibrium: search directions (default biconjugate). */
  readonly direction?: DirectionRule | undefined;
  /** Cost of a tonne left unserved for demand that gives none, USD above its cheapest path at no load (default 10,000). */
  readonly unservedPenaltyUsdPerT?: number | undefined;
  /** Spread of the values of a flow's tonnes (unserved-cost.ts; default 0.5; the capacity method only). */
  readonly unservedValueSpread?: number | undefined;
  /** Capacity: a loaded HiGHS runtime. */
  readonly highs?: Highs | undefined;
}

/** The outcome of an assignment, on the flow graph; report.ts maps it back to ids. */
export interface Assignment {
  readonly method: AssignmentMethodName;
  readonly graph: FlowGraph;
  readonly demand: readonly OdDemand[];
  readonly ods: readonly OdPair[];
  /** What each direction, shared capacity and node can carry, and their delays (resources.ts). */
  readonly resources: FlowResources;
  /** Tonnes per year on each resource. */
  readonly resourceLoad: Float64Array;
  /** Delay of each resource at its load, hours (0 under the capacity method). */
  readonly resourceDelayH: Float64Array;
  /** Capacity method: what one more tonne per year of each resource's capacity saves, USD per tonne. */
  readonly resourceShadowPrice?: Float64Array | undefined;
  /** Equilibrium: the marginal-cost toll of each resource (load × d cost / d load), USD per tonne. */
  readonly resourceCongestionToll?: Float64Array | undefined;
  /** Tonnes per year on each graph arc. */
  readonly arcFlow: Float64Array;
  /** Generalized cost per tonne of each arc at the solution (with congestion delay), USD. */
  readonly arcCost: Float64Array;
  /** Congestion delay of each arc at the solution, hours. */
  readonly arcDelayH: Float64Array;
  /** Tonnes per year through each element, both directions together. */
  readonly elementLoad: Float64Array;
  /** The longest delay of the element's directions, hours. */
  readonly elementDelayH: Float64Array;
  /** Capacity method: the highest shadow price of the element's capacities, USD per tonne. */
  readonly elementShadowPrice?: Float64Array | undefined;
  /** Equilibrium: the highest marginal-cost toll of the element's capacities, USD per tonne. */
  readonly elementCongestionToll?: Float64Array | undefined;
  readonly paths: readonly PathFlow[];
  /** Tonnes per year of each pair left unserved. */
  readonly odUnserved: Float64Array;
  /** What a tonne of each pair left unserved costs, USD. */
  readonly odUnservedCostUsdPerT: Float64Array;
  /** Equilibrium: relative gap; capacity: relative gap of column generation (0 at the optimum). */
  readonly gap: number;
  /** Equilibrium: Frank–Wolfe iterations; capacity: pricing rounds. */
  readonly iterations: number;
  readonly converged: boolean;
}

/** One way of assigning demand: the extension point that the conformance tests hold every method to. */
export interface AssignmentMethod {
  readonly name: AssignmentMethodName;
  assign(graph: FlowGraph, demand: readonly OdDemand[], options?: AssignOptions): Promise<Assignment>;
}

/**
 * The demand's pairs on a graph; a pair whose end is closed or unknown gets node -1. Each may be left
 * unserved at its own cost (`unserved_cost_usd_per_t`); a pair that gives none is valued at
 * `unservedPenaltyUsdPerT` (default 10,000 USD per tonne) above its cheapest path at no load, so that
 * no pair is cut first merely for travelling far. Its tonnes' values are spread around that cost by
 * `unservedValueSpread` (unserved-cost.ts).
 */
export function odPairs(
  graph: FlowGraph,
  demand: readonly OdDemand[],
  unservedPenaltyUsdPerT = DEFAULT_UNSERVED_PENALTY_USD_PER_T,
  unservedValueSpread = 0,
): OdPair[] {
  const zone = (id: string) => {
    const v = graph.net.nodeIndex.get(id);
    return v === undefined ? -1 : graph.zone[v]!;
  };
  const pairs = demand.map((d) => ({
    origin: zone(d.from),
    destination: zone(d.to),
    demand: d.tPerYear,
    modeMask: modeMask(d.modes),
  }));
  const free = new Float64Array(pairs.length).fill(Number.POSITIVE_INFINITY);
  const tree = new ShortestPathTree(graph);
  for (const g of groupOdPairs(pairs)) {
    tree.run(g.origin, graph.arcBaseCost, { allowed: arcsOfModes(graph, g.modeMask), targets: g.targets });
    for (let i = 0; i < g.ods.length; i++) free[g.ods[i]!] = tree.dist[g.targets[i]!]!;
  }
  return pairs.map((p, k) => {
    // a pair with no path is valued from 0
    const base = Number.isFinite(free[k]!) ? free[k]! : 0;
    const value = demand[k]!.unservedCostUsdPerT ?? base + unservedPenaltyUsdPerT;
    return {
      ...p,
      unservedCostUsdPerT: value,
      unservedHalfWidthUsdPerT: unservedValueHalfWidth(value, base, unservedValueSpread),
      freeCostUsdPerT: free[k]!,
    };
  });
}

/** Per element: the sum over its directions, and the largest of a per-resource figure over its capacities. */
function elementFigures(
  graph: FlowGraph,
  resources: FlowResources,
  arcFlow: Float64Array,
  perResource: Float64Array,
) {
  const E = graph.elements.length;
  const load = new Float64Array(E);
  for (let a = 0; a < graph.arcCount; a++) {
    const e = graph.arcElement[a]!;
    if (e >= 0) load[e]! += arcFlow[a]!;
  }
  const max = new Float64Array(E);
  resources.list.forEach((r, i) => {
    if (r.element >= 0) max[r.element] = Math.max(max[r.element]!, perResource[i]!);
  });
  return { load, max };
}

/** Delay of each arc: the sum of its resources' delays. */
function arcDelays(graph: FlowGraph, resources: FlowResources, resourceDelayH: Float64Array): Float64Array {
  const out = new Float64Array(graph.arcCount);
  for (let a = 0; a < graph.arcCount; a++) {
    let d = 0;
    for (let i = resources.arcResourceStart[a]!; i < resources.arcResourceStart[a + 1]!; i++)
      d += resourceDelayH[resources.arcResources[i]!]!;
    out[a] = d;
  }
  return out;
}

/**
 * What an assignment keeps of the equilibrium it solved: enough to rebuild the assignment without
 * solving; with the delays and congestion tolls at its loads, also without evaluating the queue model
 * at each resource three times (its delay, and the slope of its delay by a central difference).
 */
export type EquilibriumSolution = Omit<EquilibriumResult, 'odCost'> & {
  readonly resourceDelayH?: Float64Array | undefined;
  readonly resourceCongestionToll?: Float64Array | undefined;
};

/**
 * The equilibrium assignment, synchronously (it needs no solver runtime). `solved`: the solution of
 * this very graph, demand and options computed before (the loaded-state cache,
 * flow/loaded-state-cache.ts), used instead of solving again.
 */
export function assignEquilibrium(
  graph: FlowGraph,
  demand: readonly OdDemand[],
  options: AssignOptions = {},
  solved?: EquilibriumSolution,
): Assignment {
  const ods = odPairs(graph, demand, options.unservedPenaltyUsdPerT);
  const costs = resourceCostModel(graph);
  const resources = costs.resources;
  const r =
    solved ??
    solveEquilibrium(graph, costs, ods, {
      maxGap: options.maxGap,
      maxIterations: options.maxIterations,
      direction: options.direction,
    });
  const resourceDelayH =
    solved?.resourceDelayH ??
    Float64Array.from(resources.list, (x, i) => x.delay?.delayH(r.resourceLoad[i]!) ?? 0);
  const toll =
    solved?.resourceCongestionToll ??
    Float64Array.from(
      resources.list,
      (_, i) => r.resourceLoad[i]! * costs.resourceCostDerivative(i, r.resourceLoad[i]!),
    );
  const delays = elementFigures(graph, resources, r.arcFlow, resourceDelayH);
  return {
    method: 'equilibrium',
    graph,
    demand,
    ods,
    resources,
    resourceLoad: r.resourceLoad,
    resourceDelayH,
    resourceCongestionToll: toll,
    arcFlow: r.arcFlow,
    arcCost: r.arcCost,
    arcDelayH: arcDelays(graph, resources, resourceDelayH),
    elementLoad: delays.load,
    elementDelayH: delays.max,
    elementCongestionToll: elementFigures(graph, resources, r.arcFlow, toll).max,
    paths: r.paths,
    odUnserved: r.odUnserved,
    odUnservedCostUsdPerT: Float64Array.from(ods, (o) => o.unservedCostUsdPerT!),
    gap: r.gap,
    iterations: r.iterations,
    converged: r.converged,
  };
}

export const equilibriumMethod: AssignmentMethod = {
  name: 'equilibrium',
  async assign(graph, demand, options = {}) {
    return assignEquilibrium(graph, demand, options);
  },
};

export const capacityMethod: AssignmentMethod = {
  name: 'capacity',
  async assign(graph, demand, options = {}) {
    const ods = odPairs(
      graph,
      demand,
      options.unservedPenaltyUsdPerT,
      options.unservedValueSpread ?? DEFAULT_UNSERVED_VALUE_SPREAD,
    );
    const resources = flowResources(graph);
    const r = await solveCapacityLp(
      {
        graph,
        arcCost: graph.arcBaseCost,
        arcResource: new Int32Array(graph.arcCount).fill(-1),
        arcResourceStart: resources.arcResourceStart,
        arcResources: resources.arcResources,
        nodeResource: resources.nodeResource,
        resourceCapacity: Float64Array.from(resources.list, (x) => x.capacityTPerYear),
        ods,
      },
      { unservedPenaltyUsdPerT: options.unservedPenaltyUsdPerT, highs: options.highs },
    );
    const zeros = new Float64Array(resources.list.length);
    const figures = elementFigures(graph, resources, r.arcFlow, r.resourceShadowPrice);
    return {
      method: 'capacity',
      graph,
      demand,
      ods,
      resources,
      resourceLoad: r.resourceLoad,
      resourceDelayH: zeros,
      resourceShadowPrice: r.resourceShadowPrice,
      arcFlow: r.arcFlow,
      arcCost: graph.arcBaseCost,
      arcDelayH: new Float64Array(graph.arcCount),
      elementLoad: figures.load,
      elementDelayH: new Float64Array(graph.elements.length),
      elementShadowPrice: figures.max,
      paths: r.paths,
      odUnserved: r.odUnserved,
      odUnservedCostUsdPerT: Float64Array.from(ods, (o) => o.unservedCostUsdPerT!),
      gap: r.gap,
      iterations: r.rounds,
      converged: r.converged,
    };
  },
};

export const METHODS: Readonly<Record<AssignmentMethodName, AssignmentMethod>> = {
  equilibrium: equilibriumMethod,
  capacity: capacityMethod,
};

/** Assigns demand to a graph with the chosen method (default equilibrium). */
export function assignFlows(
  graph: FlowGraph,
  demand: readonly OdDemand[],
  options: AssignOptions = {},
): Promise<Assignment> {
  return METHODS[options.method ?? 'equilibrium'].assign(graph, demand, options);
}
