/**
 * Generalized cost per tonne on each arc as flows load the network: a fixed part plus the cost of
 * delays that grow with the load of the resources the arc uses — a direction of an element, a
 * capacity its two directions share, the node where cargo is handled. The served flow of a pair may
 * also load resources at its two ends (a node's handling capacity).
 */
export interface ArcCostModel {
  /** Cost at zero load, USD per tonne. */
  readonly baseCost: Float64Array;
  /** Resource of each arc, or -1 when its cost does not depend on load (the one-resource form). */
  readonly arcResource: Int32Array;
  /** The many-resource form, which replaces `arcResource` when given: arc a uses arcResources[arcResourceStart[a] .. arcResourceStart[a+1]). */
  readonly arcResourceStart?: Uint32Array | undefined;
  readonly arcResources?: Uint32Array | undefined;
  /** Resource that the served flow of a pair starting or ending at each graph node loads, or -1. */
  readonly nodeResource?: Int32Array | undefined;
  readonly resourceCount: number;
  /** Load a resource cannot reach, tonnes per year (Infinity when none): its cost tends to infinity there. */
  readonly resourceCapacity?: Float64Array | undefined;
  /** Cost added on each arc of resource r at total load `load`, USD per tonne. */
  resourceCost(r: number, load: number): number;
  /** Derivative of resourceCost in its load. */
  resourceCostDerivative(r: number, load: number): number;
}

/** The resources of each arc as CSR, from either form of a cost model. */
export function resourceIncidence(
  model: Pick<ArcCostModel, 'arcResource' | 'arcResourceStart' | 'arcResources'>,
): { start: Uint32Array; list: Uint32Array } {
  if (model.arcResourceStart && model.arcResources)
    return { start: model.arcResourceStart, list: model.arcResources };
  const res = model.arcResource;
  const start = new Uint32Array(res.length + 1);
  for (let a = 0; a < res.length; a++) start[a + 1] = start[a]! + (res[a]! >= 0 ? 1 : 0);
  const list = new Uint32Array(start[res.length]!);
  for (let a = 0; a < res.length; a++) if (res[a]! >= 0) list[start[a]!] = res[a]!;
  return { start, list };
}

/** Loads of resources from arc flows (served flows at the pairs' ends not included). */
export function resourceLoads(model: ArcCostModel, arcFlow: Float64Array, out?: Float64Array): Float64Array {
  const loads = out ?? new Float64Array(model.resourceCount);
  loads.fill(0);
  const { start, list } = resourceIncidence(model);
  for (let a = 0; a < arcFlow.length; a++) {
    const f = arcFlow[a]!;
    if (f === 0) continue;
    for (let i = start[a]!; i < start[a + 1]!; i++) loads[list[i]!]! += f;
  }
  return loads;
}

/** Arc costs at given resource loads. */
export function arcCosts(model: ArcCostModel, loads: Float64Array, out: Float64Array): Float64Array {
  const { start, list } = resourceIncidence(model);
  const resCost = new Float64Array(model.resourceCount);
  for (let r = 0; r < model.resourceCount; r++) resCost[r] = model.resourceCost(r, loads[r]!);
  for (let a = 0; a < out.length; a++) {
    let c = model.baseCost[a]!;
    for (let i = start[a]!; i < start[a + 1]!; i++) c += resCost[list[i]!]!;
    out[a] = c;
  }
  return out;
}
