/**
 * A route plan as the JSON that `caravan route --json` prints and an HTTP API can return: routes
 * with legs, totals, countries, borders, CPMM indicators and the time/cost–distance profile,
 * rounded to meaningful precision.
 */
import { cpmmIndicators } from '../indicators/cpmm.js';
import { timeCostDistance } from '../indicators/time-cost-distance.js';
import type { NetworkModel } from '../model/schema.js';
import type { Route } from './describe-route.js';
import type { RoutePlan } from './plan.js';

const rounded = (x: number, d: number) => {
  const f = 10 ** d;
  return Number.isFinite(x) ? Math.round(x * f) / f : null;
};
const exact = (x: number, _d: number) => (Number.isFinite(x) ? x : null);

/**
 * Routes a classic Pareto filter (time, P90, money, CO2e) would drop, with what they avoid compared
 * with a route that beats them: kept because they are exposed to less.
 */
export function exposureNotes(routes: readonly Route[]): Map<Route, string[]> {
  const notes = new Map<Route, string[]>();
  for (const a of routes) {
    for (const b of routes) {
      if (a === b) continue;
      const va = [a.time_h.expected, a.time_h.p90, a.cost_usd, a.co2e_kg];
      const vb = [b.time_h.expected, b.time_h.p90, b.cost_usd, b.co2e_kg];
      if (vb.every((x, i) => x <= va[i]!) && vb.some((x, i) => x < va[i]!)) {
        notes.set(
          a,
          b.exposure.filter((x) => !a.exposure.includes(x)),
        );
        break;
      }
    }
  }
  return notes;
}

/** One route as JSON, its figures rounded to meaningful precision unless `round` is false. */
export function routeJson(model: NetworkModel, route: Route, unitT: number, note?: string[], round = true) {
  const r = round ? rounded : exact;
  const cpmm = cpmmIndicators(model, route, unitT);
  return {
    label: route.label,
    nodes: route.nodes,
    legs: route.legs.map((l) => ({
      from: l.from,
      to: l.to,
      mode: l.mode,
      kind: l.kind,
      id: l.id,
      name: l.name,
      distance_km: r(l.distance_km, 1),
      time_h: r(l.time_h, 2),
      wait_h: r(l.wait_h, 2),
      wait_source: l.wait_source,
      cost_usd: r(l.cost_usd, 2),
      co2e_kg: r(l.co2e_kg, 1),
      ...(l.from_mode !== undefined ? { from_mode: l.from_mode } : {}),
    })),
    distance_km: r(route.distance_km, 1),
    time_h: { expected: r(route.time_h.expected, 2), p90: r(route.time_h.p90, 2), sd: r(route.time_h.sd, 2) },
    cost_usd: r(route.cost_usd, 2),
    co2e_kg: r(route.co2e_kg, 1),
    countries: route.countries,
    borders: route.borders,
    transshipments: route.transshipments,
    modes: route.modes,
    exposure: route.exposure,
    efficient: note === undefined,
    ...(note !== undefined ? { avoids: note } : {}),
    indicators: {
      bcps: cpmm.bcps.map((b) => ({
        ...b,
        tfi1_h: r(b.tfi1_h, 2),
        wait_h: r(b.wait_h, 2),
        clearance_h: r(b.clearance_h, 2),
        tfi2_usd: r(b.tfi2_usd, 2),
      })),
      delay_h: r(cpmm.delay_h, 2),
      swod_kmh: r(cpmm.swod_kmh, 2),
      swd_kmh: r(cpmm.swd_kmh, 2),
      tfi3_usd_per_500km_20t: r(cpmm.tfi3_usd_per_500km_20t, 2),
    },
    profile: timeCostDistance(route).map((p) => ({
      ...p,
      distance_km: r(p.distance_km, 1),
      time_h: r(p.time_h, 2),
      cost_usd: r(p.cost_usd, 2),
    })),
  };
}

/**
 * The plan as JSON; `all` lists every Pareto route instead of one per distinct offer; `round: false`
 * keeps full precision (for a caller that formats the figures itself).
 */
export function planJson(
  model: NetworkModel,
  plan: RoutePlan,
  options: { all?: boolean; round?: boolean } = {},
) {
  const routes = options.all ? plan.pareto : plan.routes;
  const notes = exposureNotes(plan.pareto);
  const r = options.round === false ? exact : rounded;
  const { sharedRations, ...waits } = plan.waits;
  return {
    from: plan.from,
    to: plan.to,
    date: plan.date ?? null,
    unit: plan.unit,
    objective: plan.objective,
    value_of_time_usd_per_h: plan.valueOfTimeUsdPerH ?? null,
    best: plan.best ? routes.indexOf(plan.best) : null,
    pareto_count: plan.pareto.length,
    waits: {
      ...waits,
      shared_rations: sharedRations.map((x) => ({
        kind: x.kind,
        id: x.id,
        utilization: r(x.utilization, 4),
        delay_h: r(x.delayH, 1),
      })),
    },
    warnings: plan.warnings,
    routes: routes.map((route) => routeJson(model, route, plan.unit.t, notes.get(route), options.round)),
  };
}
