/**
 * Assigning an origin–destination demand to a flow graph by one of two methods with one call shape
 * and one result: `equilibrium` (congestion, soft capacities) and `capacity` (hard capacities, LP).
 */
import type { Highs } from 'highs';
import { solveCapacityLp } from './capacity-lp.js';
import { type CongestionOptions, congestionCostModel } from './congestion.js';
import type { OdDemand } from './demand.js';
import { type DirectionRule, type PathFlow, solveEquilibrium } from './equilibrium.js';
import { type FlowGraph, modeMask } from './flow-graph.js';
import type { OdPair } from './od-pairs.js';

export const ASSIGNMENT_METHODS = ['equilibrium', 'capacity'] as const;
export type AssignmentMethodName = (typeof ASSIGNMENT_METHODS)[number];

export interface AssignOptions extends CongestionOptions {
  readonly method?: AssignmentMethodName | undefined;
  /** Equilibrium: stop at this relative gap (default 1e-4). */
  readonly maxGap?: number | undefined;
  /** Equilibrium: most iterations (default 5,000). */
  readonly maxIterations?: number | undefined;
  /** Equilibrium: search directions (default biconjugate). */
  readonly direction?: DirectionRule | undefined;
  /** Capacity: cost of a tonne left unserved, USD (default 10,000). */
  readonly unservedPenaltyUsdPerT?: number | undefined;
  /** Capacity: a loaded HiGHS runtime. */
  readonly highs?: Highs | undefined;
}

/** The outcome of an assignment, on the flow graph; report.ts maps it back to ids. */
export interface Assignment {
  readonly method: AssignmentMethodName;
  readonly graph: FlowGraph;
  readonly demand: readonly OdDemand[];
  readonly ods: readonly OdPair[];
  /** Tonnes per year on each graph arc. */
  readonly arcFlow: Float64Array;
  /** Generalized cost per tonne of each arc at the solution (with congestion delay), USD. */
  readonly arcCost: Float64Array;
  /** Congestion delay of each arc at the solution, hours. */
  readonly arcDelayH: Float64Array;
  /** Tonnes per year through each element, both directions together. */
  readonly elementLoad: Float64Array;
  readonly elementDelayH: Float64Array;
  /** Capacity method: what one more tonne per year of each element's capacity saves, USD per tonne. */
  readonly elementShadowPrice?: Float64Array | undefined;
  /** Equilibrium: the marginal-cost toll of each element (load × d cost / d load), USD per tonne. */
  readonly elementCongestionToll?: Float64Array | undefined;
  readonly paths: readonly PathFlow[];
  /** Tonnes per year of each pair left unserved. */
  readonly odUnserved: Float64Array;
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

/** The demand's pairs on a graph; a pair whose end is closed or unknown gets node -1. */
export function odPairs(graph: FlowGraph, demand: readonly OdDemand[]): OdPair[] {
  const zone = (id: string) => {
    const v = graph.net.nodeIndex.get(id);
    return v === undefined ? -1 : graph.zone[v]!;
  };
  return demand.map((d) => ({
    origin: zone(d.from),
    destination: zone(d.to),
    demand: d.tPerYear,
    modeMask: modeMask(d.modes),
  }));
}

function elementTotals(graph: FlowGraph, arcValue: Float64Array): Float64Array {
  const out = new Float64Array(graph.elements.length);
  for (let a = 0; a < graph.arcCount; a++) {
    const e = graph.arcElement[a]!;
    if (e >= 0) out[e]! += arcValue[a]!;
  }
  return out;
}

export const equilibriumMethod: AssignmentMethod = {
  name: 'equilibrium',
  async assign(graph, demand, options = {}) {
    const ods = odPairs(graph, demand);
    const costs = congestionCostModel(graph, options);
    const r = solveEquilibrium(graph, costs, ods, {
      maxGap: options.maxGap,
      maxIterations: options.maxIterations,
      direction: options.direction,
    });
    const elementLoad = elementTotals(graph, r.arcFlow);
    const elementDelayH = Float64Array.from(elementLoad, (x, e) => costs.delays[e]?.delayH(x) ?? 0);
    const elementCongestionToll = Float64Array.from(
      elementLoad,
      (x, e) => x * costs.resourceCostDerivative(e, x),
    );
    const arcDelayH = Float64Array.from(graph.arcElement, (e) => (e >= 0 ? elementDelayH[e]! : 0));
    return {
      method: 'equilibrium',
      graph,
      demand,
      ods,
      arcFlow: r.arcFlow,
      arcCost: r.arcCost,
      arcDelayH,
      elementLoad,
      elementDelayH,
      elementCongestionToll,
      paths: r.paths,
      odUnserved: r.odUnserved,
      gap: r.gap,
      iterations: r.iterations,
      converged: r.converged,
    };
  },
};

export const capacityMethod: AssignmentMethod = {
  name: 'capacity',
  async assign(graph, demand, options = {}) {
    const ods = odPairs(graph, demand);
    const r = await solveCapacityLp(
      {
        graph,
        arcCost: graph.arcBaseCost,
        arcResource: graph.arcElement,
        resourceCapacity: Float64Array.from(graph.elements, (e) => e.capacityTPerYear),
        ods,
      },
      { unservedPenaltyUsdPerT: options.unservedPenaltyUsdPerT, highs: options.highs },
    );
    return {
      method: 'capacity',
      graph,
      demand,
      ods,
      arcFlow: r.arcFlow,
      arcCost: graph.arcBaseCost,
      arcDelayH: new Float64Array(graph.arcCount),
      elementLoad: r.resourceLoad,
      elementDelayH: new Float64Array(graph.elements.length),
      elementShadowPrice: r.resourceShadowPrice,
      paths: r.paths,
      odUnserved: r.odUnserved,
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
