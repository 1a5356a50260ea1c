/**
 * The criteria a route is judged on, per arc of the compiled network and per unit shipped (a TEU,
 * a truck, a tonne): expected time and its variance (travel or clearance plus the expected wait),
 * money, CO2e, distance and borders passed; and per node, the cost of a transshipment.
 */
import {
  idleCo2eKg,
  type ModeEmissionFactors,
  modeEmissionFactors,
  transportCo2eKg,
} from '../indicators/emissions.js';
import { ArcKind, type CompiledNetwork, type CompiledTransshipment } from '../network/compile.js';
import type { ArcWaits } from './arc-waits.js';

/** What a route moves: one loaded unit of `t` tonnes (`t` itself for a tonne). */
export interface RouteUnit {
  readonly id: string;
  readonly t: number;
}

export interface ArcCriteria {
  readonly unit: RouteUnit;
  readonly waits: ArcWaits;
  readonly factors: ModeEmissionFactors;
  /** Expected time through the arc, hours: wait before it plus travel or clearance. */
  readonly timeMeanH: Float64Array;
  readonly timeVarH2: Float64Array;
  /** Money per unit, USD: tariffs, fees, fares, gauge change. */
  readonly costUsd: Float64Array;
  /** kg CO2e per unit, well-to-wheel, with idling during the wait where the mode gives a rate. */
  readonly co2eKg: Float64Array;
  readonly distanceKm: Float64Array;
  /** 1 for a border crossing, else 0. */
  readonly borders: Float64Array;
  /** Per node: transshipment time and its variance, and its cost per unit. */
  readonly transfer: CompiledTransshipment & { readonly costUsd: Float64Array };
}

/** Per-arc criteria for a unit, with the waits given. */
export function arcCriteria(net: CompiledNetwork, waits: ArcWaits, unit: RouteUnit): ArcCriteria {
  const m = net.arcCount;
  const factors = modeEmissionFactors(net.model);
  const timeMeanH = new Float64Array(m);
  const timeVarH2 = new Float64Array(m);
  const costUsd = new Float64Array(m);
  const co2eKg = new Float64Array(m);
  const borders = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const mode = net.arcMode[a]!;
    const wait = waits.meanH[a]!;
    timeMeanH[a] = net.arcTimeMeanH[a]! + wait;
    timeVarH2[a] = net.arcTimeVarH2[a]! + waits.varH2[a]!;
    costUsd[a] = net.arcCostUsdPerT[a]! * unit.t;
    const g = factors.gPerTKm[mode]!;
    const isCrossing = net.arcKind[a] === ArcKind.crossing;
    co2eKg[a] =
      (Number.isNaN(g) ? 0 : transportCo2eKg(g, unit.t, net.arcDistanceKm[a]!)) +
      (isCrossing ? idleCo2eKg(factors.idleKgPerTH[mode]!, unit.t, wait) : 0);
    borders[a] = isCrossing ? 1 : 0;
  }
  const trans = net.transshipment;
  return {
    unit,
    waits,
    factors,
    timeMeanH,
    timeVarH2,
    costUsd,
    co2eKg,
    distanceKm: net.arcDistanceKm,
    borders,
    transfer: { ...trans, costUsd: trans.costUsdPerT.map((c) => c * unit.t) },
  };
}
