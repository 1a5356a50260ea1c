/**
 * Generalized cost per tonne on each arc as flows load the network: a fixed part plus the cost of
 * a delay that grows with the load of the arc's resource (an element shared by both directions).
 */
export interface ArcCostModel {
  /** Cost at zero load, USD per tonne. */
  readonly baseCost: Float64Array;
  /** Resource of each arc, or -1 when its cost does not depend on load. */
  readonly arcResource: Int32Array;
  readonly resourceCount: number;
  /** Cost added on each arc of resource r at total load `load`, USD per tonne. */
  resourceCost(r: number, load: number): number;
  /** Derivative of resourceCost in its load. */
  resourceCostDerivative(r: number, load: number): number;
}

/** Loads of resources from arc flows. */
export function resourceLoads(model: ArcCostModel, arcFlow: Float64Array, out?: Float64Array): Float64Array {
  const loads = out ?? new Float64Array(model.resourceCount);
  loads.fill(0);
  const res = model.arcResource;
  for (let a = 0; a < arcFlow.length; a++) {
    const r = res[a]!;
    if (r >= 0) loads[r]! += arcFlow[a]!;
  }
  return loads;
}

/** Arc costs at given resource loads. */
export function arcCosts(model: ArcCostModel, loads: Float64Array, out: Float64Array): Float64Array {
  const res = model.arcResource;
  const resCost = new Float64Array(model.resourceCount);
  for (let r = 0; r < model.resourceCount; r++) resCost[r] = model.resourceCost(r, loads[r]!);
  for (let a = 0; a < out.length; a++) {
    const r = res[a]!;
    out[a] = model.baseCost[a]! + (r >= 0 ? resCost[r]! : 0);
  }
  return out;
}
