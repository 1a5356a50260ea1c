/**
 * What flows load and capacities constrain on a flow graph: each direction of a link, crossing or
 * service (its operational capacity, capped by a declared one), a capacity both directions share,
 * and a node's handling capacity. Each resource has a delay that grows with its load and goes to
 * infinity at its capacity: at a crossing's direction the queue of src/queueing (the wait for opening
 * left out, it is in the free time), elsewhere a small smooth barrier, B × ρ/(1 − ρ) with B = 1 h,
 * that is next to nothing at half load. A declared capacity below a crossing's operational one adds
 * the barrier at the declared figure.
 */
import { ArcRole } from '../graph/mode-graph.js';
import { MODES } from '../model/modes.js';
import { ArcKind, type ArcKindName } from '../network/compile.js';
import { type CapacityBinding, networkCapacity, type SideCapacity } from '../network/operational-capacity.js';
import { type QueueSide, queueSide, queueWait, queueWaitSlope } from '../queueing/crossing-queue.js';
import type { ArcCostModel } from './arc-cost-model.js';
import { DEFAULT_VALUE_OF_TIME_USD_PER_T_H, type FlowGraph } from './flow-graph.js';

const HOURS_PER_YEAR = 8760;
/** Scale of the barrier at a capacity without a queue model, hours: the delay at half load. */
export const BARRIER_H = 1;

export type ResourceKind = 'side' | 'shared' | 'node';

/** A load-dependent delay, hours, with its derivative in hours per (tonne per year). */
export interface ResourceDelay {
  delayH(loadTPerYear: number): number;
  derivative(loadTPerYear: number): number;
}

export interface FlowResource {
  readonly kind: ResourceKind;
  /** Element index of the flow graph (sides and shared capacities), or -1. */
  readonly element: number;
  /** 0: from → to, 1: to → from; -1 for shared capacities and nodes. */
  readonly side: number;
  /** Model node (node capacities), or -1. */
  readonly node: number;
  /** `<from>-><to>` for a side, the element id for a shared capacity, the node id for a node. */
  readonly label: string;
  /** Load the resource cannot reach, tonnes per year (Infinity when unlimited). */
  readonly capacityTPerYear: number;
  readonly operationalTPerYear: number;
  readonly declaredTPerYear: number;
  readonly binding: CapacityBinding;
  /** The crossing queue of a crossing's direction, when it has one. */
  readonly queue: QueueSide | undefined;
  /** Tonnes of one unit of the queue's mode. */
  readonly unitT: number | undefined;
  readonly delay: ResourceDelay | undefined;
  /** Value of time of the resource's delay, USD per tonne-hour. */
  readonly valueOfTime: number;
}

export interface FlowResources {
  readonly list: readonly FlowResource[];
  /** Resource of each (element, side): index 2e + side; -1 when none. */
  readonly sideResource: Int32Array;
  /** Resource of each element's shared capacity, or -1. */
  readonly sharedResource: Int32Array;
  /** Arc a of the graph uses arcResources[arcResourceStart[a] .. arcResourceStart[a+1]). */
  readonly arcResourceStart: Uint32Array;
  readonly arcResources: Uint32Array;
  /** Resource that pairs starting or ending at a graph node load, or -1. */
  readonly nodeResource: Int32Array;
}

/** ρ/(1 − ρ) × B hours: 0 at no load, B at half load, infinite at capacity. */
export function barrierDelay(capacityTPerYear: number, scaleH = BARRIER_H): ResourceDelay {
  return {
    delayH: (load) => {
      const rho = load / capacityTPerYear;
      if (rho <= 0) return 0;
      return rho < 1 ? (scaleH * rho) / (1 - rho) : Number.POSITIVE_INFINITY;
    },
    derivative: (load) => {
      const rho = Math.max(0, load / capacityTPerYear);
      return rho < 1 ? scaleH / ((1 - rho) * (1 - rho) * capacityTPerYear) : Number.POSITIVE_INFINITY;
    },
  };
}

/**
 * The queue wait of a crossing's direction above its wait at no load, hours, at a load in tonnes a
 * year (units of `unitT` tonnes arriving as a Poisson stream).
 */
export function crossingQueueDelay(q: QueueSide, unitT: number): ResourceDelay {
  const perUnit = 1 / (HOURS_PER_YEAR * unitT);
  const idle = queueWait(q, 0).meanH;
  return {
    delayH: (load) => queueWait(q, Math.max(0, load) * perUnit).meanH - idle,
    derivative: (load) => queueWaitSlope(q, Math.max(0, load) * perUnit) * perUnit,
  };
}

function sum(a: ResourceDelay | undefined, b: ResourceDelay | undefined): ResourceDelay | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    delayH: (load) => a.delayH(load) + b.delayH(load),
    derivative: (load) => a.derivative(load) + b.derivative(load),
  };
}

/** The resources of a flow graph. */
export function flowResources(graph: FlowGraph): FlowResources {
  const net = graph.net;
  const caps = networkCapacity(net);
  const E = graph.elements.length;
  const list: FlowResource[] = [];
  const sideResource = new Int32Array(2 * E).fill(-1);
  const sharedResource = new Int32Array(E).fill(-1);
  const offsets = [0, net.model.links.length, net.model.links.length + net.model.crossings.length];
  const kindIndex: Record<ArcKindName, number> = {
    link: ArcKind.link,
    crossing: ArcKind.crossing,
    service: ArcKind.service,
  };
  // Elements present in the graph, and which sides.
  const present = new Uint8Array(2 * E);
  for (let a = 0; a < graph.arcCount; a++) {
    const e = graph.arcElement[a]!;
    if (e >= 0) present[2 * e + net.arcReversed[graph.arcNet[a]!]!] = 1;
  }
  graph.elements.forEach((info, e) => {
    const kind = kindIndex[info.kind];
    const i = e - offsets[kind]!;
    const elementCaps =
      kind === ArcKind.link
        ? caps.links[i]!
        : kind === ArcKind.crossing
          ? caps.crossings[i]!
          : caps.services[i]!;
    const vot = graph.elementValueOfTime[e]!;
    const unitT = net.modeUnit[MODES.indexOf(info.mode)]?.t;
    for (const d of [0, 1]) {
      if (!present[2 * e + d]) continue;
      const c: SideCapacity = elementCaps.sides[d]!;
      if (!Number.isFinite(c.effectiveTPerYear)) continue;
      let queue: QueueSide | undefined;
      let delay: ResourceDelay | undefined;
      if (kind === ArcKind.crossing && Number.isFinite(c.operationalTPerYear) && unitT !== undefined) {
        const side = net.crossings[i]!.sides[d]!;
        queue = queueSide(side);
        delay = crossingQueueDelay(queue, unitT);
        if (c.declaredTPerYear < c.operationalTPerYear) delay = sum(delay, barrierDelay(c.declaredTPerYear));
      } else delay = barrierDelay(c.effectiveTPerYear);
      sideResource[2 * e + d] = list.length;
      list.push({
        kind: 'side',
        element: e,
        side: d,
        node: -1,
        label: d === 0 ? `${info.from}->${info.to}` : `${info.to}->${info.from}`,
        capacityTPerYear: c.effectiveTPerYear,
        operationalTPerYear: c.operationalTPerYear,
        declaredTPerYear: c.declaredTPerYear,
        binding: c.binding,
        queue,
        unitT,
        delay,
        valueOfTime: vot,
      });
    }
    const shared = elementCaps.sharedTPerYear;
    // A shared capacity binds only when it is below what the two directions can carry apart.
    const apart = elementCaps.sides.reduce((s, c) => s + (c ? c.effectiveTPerYear : 0), 0);
    const bothPresent = present[2 * e] && present[2 * e + 1];
    if (Number.isFinite(shared) && bothPresent && shared < apart) {
      sharedResource[e] = list.length;
      list.push({
        kind: 'shared',
        element: e,
        side: -1,
        node: -1,
        label: info.id,
        capacityTPerYear: shared,
        operationalTPerYear: Number.POSITIVE_INFINITY,
        declaredTPerYear: shared,
        binding: 'declared',
        queue: undefined,
        unitT,
        delay: barrierDelay(shared),
        valueOfTime: vot,
      });
    }
  });
  // Node handling: pairs starting or ending at the node, and changes of mode there.
  const nodeRes = new Int32Array(net.nodeCount).fill(-1);
  const meanVot =
    E > 0 ? graph.elementValueOfTime.reduce((s, v) => s + v, 0) / E : DEFAULT_VALUE_OF_TIME_USD_PER_T_H;
  for (let v = 0; v < net.nodeCount; v++) {
    const cap = net.nodeCapacityTPerYear[v]!;
    if (!Number.isFinite(cap) || graph.zone[v]! < 0) continue;
    nodeRes[v] = list.length;
    list.push({
      kind: 'node',
      element: -1,
      side: -1,
      node: v,
      label: net.nodeIds[v]!,
      capacityTPerYear: cap,
      operationalTPerYear: Number.POSITIVE_INFINITY,
      declaredTPerYear: cap,
      binding: 'declared',
      queue: undefined,
      unitT: undefined,
      delay: barrierDelay(cap),
      valueOfTime: meanVot,
    });
  }
  const arcResourceStart = new Uint32Array(graph.arcCount + 1);
  const arcLists: number[][] = [];
  for (let a = 0; a < graph.arcCount; a++) {
    const own: number[] = [];
    const e = graph.arcElement[a]!;
    if (e >= 0) {
      const r = sideResource[2 * e + net.arcReversed[graph.arcNet[a]!]!]!;
      if (r >= 0) own.push(r);
      if (sharedResource[e]! >= 0) own.push(sharedResource[e]!);
    } else if (graph.arcRole[a] === ArcRole.transfer) {
      // A change of mode at a split node.
      const r = nodeRes[graph.nodeModel[graph.arcFrom[a]!]!]!;
      if (r >= 0) own.push(r);
    }
    arcLists.push(own);
    arcResourceStart[a + 1] = arcResourceStart[a]! + own.length;
  }
  const nodeResource = new Int32Array(graph.nodeCount).fill(-1);
  for (let v = 0; v < net.nodeCount; v++) {
    const z = graph.zone[v]!;
    if (z >= 0) nodeResource[z] = nodeRes[v]!;
  }
  return {
    list,
    sideResource,
    sharedResource,
    arcResourceStart,
    arcResources: Uint32Array.from(arcLists.flat()),
    nodeResource,
  };
}

/** The cost model of a flow graph: base generalized cost plus value of time × each resource's delay. */
export function resourceCostModel(
  graph: FlowGraph,
  resources: FlowResources = flowResources(graph),
): ArcCostModel & {
  readonly resources: FlowResources;
} {
  const list = resources.list;
  return {
    baseCost: graph.arcBaseCost,
    arcResource: new Int32Array(graph.arcCount).fill(-1),
    arcResourceStart: resources.arcResourceStart,
    arcResources: resources.arcResources,
    nodeResource: resources.nodeResource,
    resourceCount: list.length,
    resourceCapacity: Float64Array.from(list, (r) => r.capacityTPerYear),
    resources,
    resourceCost: (r, load) => {
      const x = list[r]!;
      return x.delay ? x.valueOfTime * x.delay.delayH(load) : 0;
    },
    resourceCostDerivative: (r, load) => {
      const x = list[r]!;
      return x.delay ? x.valueOfTime * x.delay.derivative(load) : 0;
    },
  };
}
