/**
 * Route planning between two places: the Pareto-optimal door-to-door routes over expected time,
 * reliability (P90), money and CO2e under a query's constraints, each told leg by leg, the best one
 * for the chosen objective, and the distinct corridors to show.
 */

import { isRationed, type SharedRation } from '../flow/loaded-state.js';
import { inputArcs, liftArcMask, liftArcValues, modeGraphOf } from '../graph/mode-graph.js';
import { InputError, type Issue, issue } from '../model/issue.js';
import { MODES } from '../model/modes.js';
import { ARC_KIND_NAMES, ArcKind, arcElementId, type CompiledNetwork } from '../network/compile.js';
import { nodeIndex } from '../network/lookup.js';
import type { RouteUnit } from './arc-criteria.js';
import { type ArcWaits, WaitSource } from './arc-waits.js';
import {
  allowedArcs,
  type ConstraintPaths,
  LIBRARY_PATHS,
  type RouteConstraints,
  resolveConstraints,
} from './constraints.js';
import { describeRoute, type Route } from './describe-route.js';
import { compareRoutes, distinctRoutes } from './distinct-routes.js';
import { arcExposureFlags, DEFAULT_EXPOSURE, type Exposure } from './exposure.js';
import { OBJECTIVES, type Objective } from './objective.js';
import { paretoRoutes } from './pareto.js';
import { type RouteContext, type RouteContextOptions, routeContext, routeUnit } from './route-context.js';

export interface RouteOptionPaths extends ConstraintPaths {
  readonly from: string;
  readonly to: string;
  readonly optimize: string;
  readonly valueOfTimeUsdPerH: string;
  readonly maxTransshipments: string;
  readonly unit: string;
}

export const ROUTE_LIBRARY_PATHS: RouteOptionPaths = {
  ...LIBRARY_PATHS,
  from: 'from',
  to: 'to',
  optimize: 'optimize',
  valueOfTimeUsdPerH: 'valueOfTimeUsdPerH',
  maxTransshipments: 'maxTransshipments',
  unit: 'unit',
};

export interface RouteOptions extends RouteConstraints, RouteContextOptions {
  /** What "best" means (default `time`). */
  readonly optimize?: Objective | undefined;
  /** USD per hour per unit shipped, for `generalized` (default: the modes table's value of time). */
  readonly valueOfTimeUsdPerH?: number | undefined;
  /** At most this many mode changes (default: no limit). */
  readonly maxTransshipments?: number | undefined;
  /** Waits and criteria shared by queries; built from the options (date, unit, waits) when absent. */
  readonly context?: RouteContext | undefined;
  /** Countries and modes whose exposure is a criterion (default: RU, BY, IR; ferry, sea). */
  readonly exposure?: Exposure | undefined;
  /** Names of the options in error paths (default: the library's). */
  readonly paths?: RouteOptionPaths | undefined;
}

export interface RoutePlan {
  readonly from: string;
  readonly to: string;
  readonly objective: Objective;
  /** Value of time used by `generalized`, USD per hour per unit; undefined when none is known. */
  readonly valueOfTimeUsdPerH: number | undefined;
  readonly unit: RouteUnit;
  readonly date: string | undefined;
  /** One route per distinct offer, best first for the objective. */
  readonly routes: Route[];
  /** Every Pareto-optimal route over expected time, P90, money, CO2e, exposure (and distance when optimized). */
  readonly pareto: Route[];
  readonly best: Route | undefined;
  readonly search: { readonly labels: number; readonly truncated: boolean };
  readonly waits: {
    readonly source: RouteContext['waitSource'];
    /** Crossings on the shown routes whose queues are oversaturated. */
    readonly saturated: readonly string[];
    /**
     * Crossings whose direction on a shown route the loaded network rations (isRationed,
     * src/flow/loaded-state.ts): their wait is the equilibrium's ration, not a forecast of the queue.
     * Simulated waits are not listed.
     */
    readonly rationed: readonly string[];
    /**
     * Elements on the shown routes whose capacity shared by both directions the loaded network
     * rations: a delay the assignment adds to every tonne through them and these routes leave out.
     */
    readonly sharedRations: readonly SharedRation[];
    readonly unrouted: readonly string[];
  };
  readonly warnings: string[];
}

/** The value of time of the modes table, USD per tonne-hour (mean of the modes giving one). */
export function modelValueOfTimeUsdPerTH(net: CompiledNetwork): number | undefined {
  const values = MODES.map((m) => net.model.modes[m]?.value_of_time_usd_per_t_h).filter(
    (v): v is number => v !== undefined,
  );
  return values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : undefined;
}

/** Pareto-optimal routes from `from` to `to` (node ids, names or aliases). */
export function planRoutes(
  net: CompiledNetwork,
  from: string,
  to: string,
  options: RouteOptions = {},
): RoutePlan {
  const paths = options.paths ?? ROUTE_LIBRARY_PATHS;
  const objective = options.optimize ?? 'time';
  const issues: Issue[] = [];
  if (!(OBJECTIVES as readonly string[]).includes(objective)) {
    issues.push(
      issue(
        'invalid_option',
        paths.optimize,
        `unknown objective "${objective}": use ${OBJECTIVES.join(', ')}`,
      ),
    );
  }
  const mt = options.maxTransshipments;
  if (mt !== undefined && !(Number.isInteger(mt) && mt >= 0)) {
    issues.push(issue('invalid_option', paths.maxTransshipments, `"${mt}" is not a whole number ≥ 0`));
  }
  const vot = options.valueOfTimeUsdPerH;
  if (vot !== undefined && !(Number.isFinite(vot) && vot >= 0)) {
    issues.push(
      issue('invalid_option', paths.valueOfTimeUsdPerH, `"${vot}" is not an amount ≥ 0 in USD per hour`),
    );
  }
  if (issues.length > 0) throw new InputError(issues);

  const index = nodeIndex(net.model);
  const source = net.nodeIndex.get(index.resolve(from, paths.from).id)!;
  const target = net.nodeIndex.get(index.resolve(to, paths.to).id)!;
  if (source === target) {
    const place = net.model.nodes[source]!.name;
    const message = `origin and destination are the same place (${place}): give two different places`;
    throw new InputError([issue('same_place', paths.to, message)]);
  }
  const resolved = resolveConstraints(net, options, paths);
  for (const [v, path] of [
    [source, paths.from],
    [target, paths.to],
  ] as const) {
    const node = net.model.nodes[v]!;
    if (resolved.avoidCountries.has(node.country)) {
      throw new InputError([
        issue(
          'invalid_option',
          paths.avoidCountries,
          `${node.name} (${path}) is in ${node.country}, which is to be avoided`,
        ),
      ]);
    }
    if (resolved.avoid.has(node.id)) {
      throw new InputError([
        issue(
          'invalid_option',
          paths.avoid,
          `${node.name} is the ${path === paths.from ? 'origin' : 'destination'}`,
        ),
      ]);
    }
  }
  if (!options.context) routeUnit(net, options.unit, paths.unit);
  const context = options.context ?? routeContext(net, options);
  const crit = context.criteria;
  const perTH = modelValueOfTimeUsdPerTH(net);
  const valueOfTime = vot ?? (perTH !== undefined ? perTH * crit.unit.t : undefined);
  if (objective === 'generalized' && valueOfTime === undefined) {
    throw new InputError([
      issue(
        'invalid_option',
        paths.valueOfTimeUsdPerH,
        'the generalized cost needs a value of time in USD per hour per unit (the network gives none), e.g. 2',
      ),
    ]);
  }

  const allowed = allowedArcs(net, resolved);
  const withDistance = objective === 'distance';
  const criteria = [crit.timeMeanH, crit.timeVarH2, crit.costUsd, crit.co2eKg];
  const penalties = [crit.transfer.timeMeanH, crit.transfer.timeVarH2, crit.transfer.costUsd, undefined];
  if (withDistance) {
    criteria.push(crit.distanceKm);
    penalties.push(undefined);
  }
  const exposure = options.exposure ?? DEFAULT_EXPOSURE;
  const graph = modeGraphOf(net, mt);
  const result = paretoRoutes(
    graph,
    criteria.map((c, k) => liftArcValues(graph, c, penalties[k])),
    graph.zone[source]!,
    graph.zone[target]!,
    {
      allowed: liftArcMask(graph, allowed),
      maxTransfers: mt,
      arcFlags: Uint32Array.from(liftArcValues(graph, arcExposureFlags(net, exposure))),
    },
  );
  const described = result.routes.map((r) =>
    describeRoute(net, crit, inputArcs(graph, r.arcs), { origin: source, exposure }),
  );
  const pareto = paretoFilter(described, withDistance).sort(compareRoutes(objective, valueOfTime ?? 0));
  const routes = distinctRoutes(pareto, objective, valueOfTime ?? 0);
  const best = pareto[0];

  const onRoutes = new Set(
    routes.flatMap((r) => r.legs.filter((l) => l.kind === 'crossing').map((l) => l.id)),
  );
  const warnings: string[] = [];
  const usedModes = new Set(routes.flatMap((r) => r.modes));
  for (const m of crit.factors.missing) {
    if (usedModes.has(m))
      warnings.push(`the network gives no emission factor for ${m}: its legs count 0 kg CO2e`);
  }
  if (result.truncated)
    warnings.push(`the search stopped after ${result.labels} labels: the Pareto set may be incomplete`);
  return {
    from: net.nodeIds[source]!,
    to: net.nodeIds[target]!,
    objective,
    valueOfTimeUsdPerH: valueOfTime,
    unit: crit.unit,
    date: context.date,
    routes,
    pareto,
    best,
    search: { labels: result.labels, truncated: result.truncated },
    waits: {
      source: context.waitSource,
      saturated: crit.waits.saturated.filter((id) => onRoutes.has(id)),
      rationed: rationedOn(net, crit.waits, routes),
      sharedRations: sharedRationsOn(net, crit.waits, routes),
      unrouted: context.unrouted,
    },
    warnings,
  };
}

/**
 * Routes not dominated on expected time, P90, money, CO2e (and distance) and exposure: the search
 * compares variances, which keeps every route that is best on P90 and possibly a few that are not.
 */
export function paretoFilter(routes: readonly Route[], withDistance = false): Route[] {
  const v = (r: Route) => {
    const x = [r.time_h.expected, r.time_h.p90, r.cost_usd, r.co2e_kg];
    if (withDistance) x.push(r.distance_km);
    return x;
  };
  const vals = routes.map(v);
  return routes.filter((_, i) => {
    const a = vals[i]!;
    return !vals.some((b, j) => {
      if (j === i) return false;
      const ri = routes[i]!;
      const rj = routes[j]!;
      if (!rj.exposure.every((x) => ri.exposure.includes(x))) return false;
      let le = true;
      let lt = false;
      for (let k = 0; k < a.length; k++) {
        if (b[k]! > a[k]!) le = false;
        if (b[k]! < a[k]!) lt = true;
      }
      return le && (lt || rj.exposure.length < ri.exposure.length || j < i);
    });
  });
}

/** The shared rations of RoutePlan.waits.sharedRations: those of elements some route goes through, in the network's order. */
function sharedRationsOn(net: CompiledNetwork, waits: ArcWaits, routes: readonly Route[]): SharedRation[] {
  const on = new Set(
    routes.flatMap((r) => r.arcs.map((a) => `${ARC_KIND_NAMES[net.arcKind[a]!]} ${arcElementId(net, a)}`)),
  );
  return waits.sharedRations.filter((x) => on.has(`${x.kind} ${x.id}`));
}

/** The crossings of RoutePlan.waits.rationed: by the direction each route takes, in the order met. */
function rationedOn(net: CompiledNetwork, waits: ArcWaits, routes: readonly Route[]): string[] {
  const ids = new Set<string>();
  for (const route of routes)
    for (const a of route.arcs) {
      if (net.arcKind[a] !== ArcKind.crossing || waits.source[a] !== WaitSource.queue) continue;
      if (isRationed(waits.utilization[a]!)) ids.add(net.model.crossings[net.arcElement[a]!]!.id);
    }
  return [...ids];
}
