/**
 * The rations on the best routes of `caravan compare`, named for the notes beside its route
 * comparison (the text and the HTML report): crossings whose wait in a direction is the equilibrium's
 * ration rather than a forecast of the queue, and capacities both directions share that the loaded
 * network rations, which route times leave out (`caravan route` says both for one route).
 */
import type { CompareResultJson } from '../app/compare.js';
import { fixedDecimals } from '../model/fixed-decimals.js';
import type { NetworkModel } from '../model/schema.js';
import { crossingIndex } from '../network/lookup.js';

/** One side's best route of a pair, as compare reports it (null when it has none). */
export type RouteSideJson = NonNullable<CompareResultJson['base']['routes']>[number]['route'];

/** A crossing's name, or the id when the network has no such crossing. */
export function crossingName(model: NetworkModel, id: string): string {
  return crossingIndex(model).find(id)?.name ?? id;
}

/**
 * The crossings whose wait is a ration on these routes, by name, each with the sides it is a ration
 * on ("base and scenario", "base", "scenario").
 */
export function rationedCrossings(
  model: NetworkModel,
  base: readonly RouteSideJson[],
  scenario: readonly RouteSideJson[],
): string[] {
  const ids = (routes: readonly RouteSideJson[]) => new Set(routes.flatMap((r) => r?.rationed ?? []));
  const inBase = ids(base);
  const inScenario = ids(scenario);
  return [...new Set([...inBase, ...inScenario])].map((id) => {
    const sides =
      inBase.has(id) && inScenario.has(id) ? 'base and scenario' : inBase.has(id) ? 'base' : 'scenario';
    return `${crossingName(model, id)} (${sides})`;
  });
}

/**
 * The shared capacities the loaded network rations on these routes, by name, each with its ration in
 * the base and the scenario (hours; "none" where that side's routes do not meet it rationed).
 */
export function sharedRations(
  model: NetworkModel,
  base: readonly RouteSideJson[],
  scenario: readonly RouteSideJson[],
): string[] {
  const rations = (routes: readonly RouteSideJson[]) =>
    new Map(routes.flatMap((r) => r?.shared_rations ?? []).map((x) => [`${x.kind} ${x.id}`, x] as const));
  const inBase = rations(base);
  const inScenario = rations(scenario);
  const hours = (key: string, side: Map<string, { delay_h: number }>) => {
    const h = side.get(key)?.delay_h;
    return h === undefined ? 'none' : `${fixedDecimals(h, 0)} h`;
  };
  return [...new Set([...inBase.keys(), ...inScenario.keys()])].map((key) => {
    const { kind, id } = (inBase.get(key) ?? inScenario.get(key))!;
    const name = kind === 'crossing' ? crossingName(model, id) : id;
    return `${name} (base ${hours(key, inBase)}, scenario ${hours(key, inScenario)})`;
  });
}
