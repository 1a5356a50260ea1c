/**
 * The single best route for one objective, by Dijkstra's algorithm on the objective's per-arc
 * weight (P90, which does not add up along a route, is taken from the Pareto set instead).
 */
import type { CompiledNetwork } from '../network/compile.js';
import { nodeIndex } from '../network/lookup.js';
import { allowedArcs, resolveConstraints } from './constraints.js';
import { describeRoute, type Route } from './describe-route.js';
import { ModeSearch } from './mode-search.js';
import { objectiveWeights } from './objective.js';
import { modelValueOfTimeUsdPerTH, planRoutes, ROUTE_LIBRARY_PATHS, type RouteOptions } from './plan.js';
import { routeContext } from './route-context.js';

/** The best route for `options.optimize` (default time), or undefined when there is none. */
export function bestRoute(
  net: CompiledNetwork,
  from: string,
  to: string,
  options: RouteOptions = {},
): Route | undefined {
  const objective = options.optimize ?? 'time';
  if (objective === 'p90') return planRoutes(net, from, to, options).best;
  const paths = options.paths ?? ROUTE_LIBRARY_PATHS;
  const index = nodeIndex(net.model);
  const source = net.nodeIndex.get(index.resolve(from, paths.from).id)!;
  const target = net.nodeIndex.get(index.resolve(to, paths.to).id)!;
  const context = options.context ?? routeContext(net, options);
  const crit = context.criteria;
  const perTH = modelValueOfTimeUsdPerTH(net);
  const vot = options.valueOfTimeUsdPerH ?? (perTH !== undefined ? perTH * crit.unit.t : 0);
  const { weight, transferPenalty } = objectiveWeights(crit, objective, vot);
  const search = new ModeSearch(net, options.maxTransshipments);
  const path = search.best(
    search.weights(weight, transferPenalty),
    source,
    target,
    allowedArcs(net, resolveConstraints(net, options, paths)),
  );
  return path
    ? describeRoute(net, crit, path.arcs, { origin: source, exposure: options.exposure })
    : undefined;
}
