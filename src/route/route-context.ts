/**
 * What every query on one network, date and unit shares: the waits (analytical from the network's
 * demand, or a simulation's where given) and the per-arc criteria. Built once and reused across
 * queries; pure, like everything under route/.
 */
import { InputError, issue } from '../model/issue.js';
import { didYouMean } from '../model/suggest.js';
import type { CompiledNetwork } from '../network/compile.js';
import { type AnalyticWaitOptions, analyticWaits } from './analytic-waits.js';
import { type ArcCriteria, arcCriteria, type RouteUnit } from './arc-criteria.js';
import { type SimulatedWaits, withSimulatedWaits } from './simulated-waits.js';

export interface RouteContextOptions extends AnalyticWaitOptions {
  /** Unit shipped: a unit id of the network (`teu`, `truck`) or `t` for a tonne. Default: feu, else teu, else t. */
  readonly unit?: string | undefined;
  /** Waits from a simulation, replacing the analytical ones they cover. */
  readonly simulatedWaits?: SimulatedWaits | undefined;
}

export interface RouteContext {
  readonly net: CompiledNetwork;
  readonly date: string | undefined;
  readonly criteria: ArcCriteria;
  /** Demand entries the analytical waits could not load. */
  readonly unrouted: readonly string[];
  /** analytic, simulated, or both (a simulation covering only part of the crossings). */
  readonly waitSource: 'analytic' | 'simulated' | 'analytic+simulated';
}

/** The unit a route moves, from its id; an InputError (with a suggestion) at `path` when unknown. */
export function routeUnit(net: CompiledNetwork, id: string | undefined, path = 'unit'): RouteUnit {
  const units = net.model.units;
  if (id === undefined) {
    const preferred = units.find((u) => u.id === 'feu') ?? units.find((u) => u.id === 'teu');
    return preferred ? { id: preferred.id, t: preferred.t } : { id: 't', t: 1 };
  }
  if (id === 't') return { id: 't', t: 1 };
  const u = units.find((x) => x.id === id);
  if (u) return { id: u.id, t: u.t };
  const known = ['t', ...units.map((x) => x.id)];
  throw new InputError([
    issue(
      'invalid_option',
      path,
      `unknown unit "${id}"${didYouMean(id, known) || ''}: use one of ${known.join(', ')}`,
    ),
  ]);
}

/** Waits and criteria for queries on `net` on a date, per unit. */
export function routeContext(net: CompiledNetwork, options: RouteContextOptions = {}): RouteContext {
  const unit = routeUnit(net, options.unit);
  const analytic = analyticWaits(net, options);
  const sim = options.simulatedWaits;
  const waits = sim ? withSimulatedWaits(net, analytic, sim) : analytic;
  const covered = sim ? sim.crossings.size + sim.services.size : 0;
  const total = net.model.crossings.length + net.model.services.length;
  const waitSource =
    covered === 0 ? 'analytic' : covered >= total ? 'simulated' : ('analytic+simulated' as const);
  return {
    net,
    date: options.date,
    criteria: arcCriteria(net, waits, unit),
    unrouted: analytic.unrouted,
    waitSource,
  };
}
