/**
 * The cost model of a flow graph under congestion: each crossing's queueing delay and each
 * capacitated link's or service's BPR delay, valued at the element's value of time.
 */
import type { ArcKindName } from '../network/compile.js';
import type { ArcCostModel } from './arc-cost-model.js';
import { bprDelay } from './bpr-delay.js';
import type { FlowGraph } from './flow-graph.js';
import { type DelayFunction, queueDelay } from './queue-delay.js';

export interface CongestionOptions {
  /** Utilization where the queueing delay hands over to its polynomial continuation (default 0.95). */
  readonly queueThreshold?: number | undefined;
}

/** Delay function of each element of a flow graph, undefined where load adds no delay. */
export function elementDelayFunctions(
  graph: FlowGraph,
  options: CongestionOptions = {},
): (DelayFunction | undefined)[] {
  const net = graph.net;
  const firstArc = new Int32Array(graph.elements.length).fill(-1);
  for (let a = 0; a < graph.arcCount; a++) {
    const e = graph.arcElement[a]!;
    if (e >= 0 && firstArc[e]! < 0) firstArc[e] = a;
  }
  return graph.elements.map((info, e) => {
    const a = firstArc[e]!;
    if (a < 0 || !Number.isFinite(info.capacityTPerYear)) return undefined;
    const kind: ArcKindName = info.kind;
    if (kind === 'crossing') {
      const netArc = graph.arcNet[a]!;
      const mean = net.arcTimeMeanH[netArc]!;
      if (mean <= 0) return undefined;
      const crossing = net.model.crossings[net.arcElement[netArc]!]!;
      return queueDelay({
        servers: crossing.lanes,
        serviceMeanH: mean,
        serviceCv2: net.arcTimeVarH2[netArc]! / (mean * mean),
        capacityTPerYear: info.capacityTPerYear,
        threshold: options.queueThreshold,
      });
    }
    const free = graph.arcTimeH[a]!;
    return free > 0 ? bprDelay(free, info.capacityTPerYear) : undefined;
  });
}

/** The graph's cost model: base generalized cost plus value of time × congestion delay. */
export function congestionCostModel(
  graph: FlowGraph,
  options: CongestionOptions = {},
): ArcCostModel & {
  readonly delays: readonly (DelayFunction | undefined)[];
} {
  const delays = elementDelayFunctions(graph, options);
  const arcResource = Int32Array.from(graph.arcElement, (e) => (e >= 0 && delays[e] ? e : -1));
  const vot = graph.elementValueOfTime;
  return {
    baseCost: graph.arcBaseCost,
    arcResource,
    resourceCount: graph.elements.length,
    delays,
    resourceCost: (r, load) => vot[r]! * (delays[r]?.delayH(load) ?? 0),
    resourceCostDerivative: (r, load) => vot[r]! * (delays[r]?.derivative(load) ?? 0),
  };
}
