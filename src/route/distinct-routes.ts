/**
 * Presenting a Pareto set without clutter: routes that share a corridor label (the same corridor
 * through the same entry, water crossing and exit points) are variants of one offer (a rail ferry
 * or a container feeder across the Caspian, a truck or a train for the last 200 km), so one route
 * stands for each label: the best for the chosen objective or, among the variants within 1 % of it,
 * the cheapest (the fastest when the objective is money). The overall best route always stands for
 * its own label. The full Pareto set stays available.
 */
import type { Route } from './describe-route.js';
import { type Objective, objectiveValue } from './objective.js';

/** Variants within this share of the best value of their group count as equally good. */
export const VARIANT_TOLERANCE = 0.01;

/** What makes two routes the same offer: their corridor label. */
export function offerKey(route: Route): string {
  return route.label;
}

/** Orders routes by an objective, then by expected time, money and CO2e. */
export function compareRoutes(objective: Objective, valueOfTimeUsdPerH = 0): (a: Route, b: Route) => number {
  return (a, b) =>
    objectiveValue(a, objective, valueOfTimeUsdPerH) - objectiveValue(b, objective, valueOfTimeUsdPerH) ||
    a.time_h.expected - b.time_h.expected ||
    a.cost_usd - b.cost_usd ||
    a.co2e_kg - b.co2e_kg;
}

/** One route per offer, ordered by the objective; the overall best route stands for its own offer. */
export function distinctRoutes(
  routes: readonly Route[],
  objective: Objective,
  valueOfTimeUsdPerH = 0,
): Route[] {
  const value = (r: Route) => objectiveValue(r, objective, valueOfTimeUsdPerH);
  const secondary = (r: Route) => (objective === 'cost' ? r.time_h.expected : r.cost_usd);
  const groups = new Map<string, Route[]>();
  for (const r of [...routes].sort(compareRoutes(objective, valueOfTimeUsdPerH))) {
    const key = offerKey(r);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const chosen = [...groups.values()].map((g, i) => {
    if (i === 0) return g[0]!;
    const limit = value(g[0]!) * (1 + VARIANT_TOLERANCE);
    return g.filter((r) => value(r) <= limit).reduce((a, b) => (secondary(b) < secondary(a) ? b : a));
  });
  return chosen.sort(compareRoutes(objective, valueOfTimeUsdPerH));
}
