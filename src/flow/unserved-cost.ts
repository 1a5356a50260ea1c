/**
 * What leaving freight unserved costs.
 *
 * The tonnes of one flow are not all worth the same to move. Every tonne of it travels today, so
 * each is worth at least its cheapest path at no load, c₀; around the flow's value v (its cargo
 * class's unserved value) their values are spread evenly over v ± w, with w = s·(v − c₀) for a
 * spread s, and the tonnes worth least are the first to go: a linear demand curve, whose next tonne
 * left costs v − w + 2·w·u/D when u of the flow's D tonnes are. The capacity program takes the curve
 * in SEGMENTS equal steps (a piecewise-linear cost, so that it stays a linear program), and leaving
 * u tonnes costs the integral of those steps, which equals (v − w)·u + w·u²/D at every step's end
 * and v·D when all of it is left.
 *
 * With s > 0 a shortage is shared between the flows that compete for the scarce capacity: flows of
 * equal value and cost lose equal shares (proportional rationing, to within a step), a dearer flow
 * loses a smaller share, and flows move smoothly as demand and capacity do. With s = 0 every tonne
 * of a flow is worth v, and a linear program cuts whole flows one after another. A flow worth no
 * more than its cheapest path (v ≤ c₀) keeps the flat value v.
 */

/**
 * The spread s used unless told otherwise: each flow's values run from halfway between its
 * cheapest path and its value to as far above its value. An estimate (no source gives the spread of
 * values within a cargo class): wide enough that classes overlap, as real consignments of different
 * classes do, narrow enough that a class worth twice another is still cut after it.
 */
export const DEFAULT_UNSERVED_VALUE_SPREAD = 0.5;

/** Steps of a flow's demand curve: rationing moves in twentieths of a flow. */
export const UNSERVED_COST_SEGMENTS = 20;

/** One step of the demand curve: `sizeT` tonnes at `costUsdPerT` each. */
export interface UnservedSegment {
  readonly costUsdPerT: number;
  /** Infinity for the single step of a flat value. */
  readonly sizeT: number;
}

/** Half-width w of a flow's values, USD per tonne: s·(v − c₀), or 0 when the flow is worth no more than its path. */
export function unservedValueHalfWidth(
  valueUsdPerT: number,
  freeCostUsdPerT: number,
  spread: number,
): number {
  if (!Number.isFinite(valueUsdPerT) || !Number.isFinite(freeCostUsdPerT)) return 0;
  return spread * Math.max(valueUsdPerT - freeCostUsdPerT, 0);
}

/** The steps of a flow's demand curve, cheapest first: one flat step when w = 0. */
export function unservedSegments(
  valueUsdPerT: number,
  halfWidthUsdPerT: number,
  demandT: number,
): UnservedSegment[] {
  if (!(halfWidthUsdPerT > 0) || !(demandT > 0))
    return [{ costUsdPerT: valueUsdPerT, sizeT: Number.POSITIVE_INFINITY }];
  const n = UNSERVED_COST_SEGMENTS;
  return Array.from({ length: n }, (_, i) => ({
    costUsdPerT: valueUsdPerT - halfWidthUsdPerT + (halfWidthUsdPerT * (2 * i + 1)) / n,
    sizeT: demandT / n,
  }));
}

/** Cost of leaving `unservedT` of a flow of `demandT` tonnes unserved, USD, at value v and half-width w. */
export function unservedCostUsd(
  valueUsdPerT: number,
  halfWidthUsdPerT: number,
  unservedT: number,
  demandT: number,
): number {
  let left = Math.max(unservedT, 0);
  let cost = 0;
  for (const s of unservedSegments(valueUsdPerT, halfWidthUsdPerT, demandT)) {
    if (!(left > 0)) break;
    const take = Math.min(left, s.sizeT);
    cost += take * s.costUsdPerT;
    left -= take;
  }
  return cost;
}
