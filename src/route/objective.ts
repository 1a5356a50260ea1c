/**
 * What "best" means for a query: expected time, P90 time, money, CO2e, distance, or a generalized
 * cost (money plus time valued at a value of time). Each objective reads a route's totals; the
 * additive ones also give a per-arc weight for Dijkstra.
 */
import type { ArcCriteria } from './arc-criteria.js';
import type { Route } from './describe-route.js';

export const OBJECTIVES = ['time', 'p90', 'cost', 'co2e', 'distance', 'generalized'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** A route's value for an objective; `valueOfTimeUsdPerH` is used by `generalized` only. */
export function objectiveValue(route: Route, objective: Objective, valueOfTimeUsdPerH = 0): number {
  switch (objective) {
    case 'time':
      return route.time_h.expected;
    case 'p90':
      return route.time_h.p90;
    case 'cost':
      return route.cost_usd;
    case 'co2e':
      return route.co2e_kg;
    case 'distance':
      return route.distance_km;
    case 'generalized':
      return route.cost_usd + valueOfTimeUsdPerH * route.time_h.expected;
  }
}

/** Per-arc weight and per-node transfer penalty of an additive objective (not p90). */
export function objectiveWeights(
  crit: ArcCriteria,
  objective: Exclude<Objective, 'p90'>,
  valueOfTimeUsdPerH = 0,
): { weight: Float64Array; transferPenalty: Float64Array | undefined } {
  const t = crit.transfer;
  switch (objective) {
    case 'time':
      return { weight: crit.timeMeanH, transferPenalty: t.timeMeanH };
    case 'cost':
      return { weight: crit.costUsd, transferPenalty: t.costUsd };
    case 'co2e':
      return { weight: crit.co2eKg, transferPenalty: undefined };
    case 'distance':
      return { weight: crit.distanceKm, transferPenalty: undefined };
    case 'generalized':
      return {
        weight: crit.costUsd.map((c, a) => c + valueOfTimeUsdPerH * crit.timeMeanH[a]!),
        transferPenalty: t.costUsd.map((c, v) => c + valueOfTimeUsdPerH * t.timeMeanH[v]!),
      };
  }
}
