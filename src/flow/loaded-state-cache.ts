/**
 * The loaded-state cache: the equilibrium of a network's loaded state on one date, solved once (at
 * build time, for the embedded dataset on the default date) and kept as plain JSON, so that a route
 * question does not solve the same deterministic equilibrium on every start. It is a cache, never a
 * source: the state built from it equals a fresh computation (test/flow/loaded-state-cache.test.ts),
 * and it is used only for the very model object it was remembered for, on its date, with the default
 * assignment options.
 */
import type { NetworkModel } from '../model/schema.js';
import { type CompiledNetwork, compileNetwork } from '../network/compile.js';
import type { EquilibriumSolution } from './assignment.js';
import { type NetworkLoadedState, networkLoadedState } from './loaded-state.js';

/** A number as JSON keeps it: finite values as numbers, the others (and -0) as their names. */
type JsonNumber = number | 'Infinity' | '-Infinity' | 'NaN' | '-0';

/** An equilibrium solution as plain JSON data. */
export interface LoadedStateCacheJson {
  /** YYYY-MM-DD: the day of the loaded state. */
  readonly date: string;
  readonly arc_flow_t_per_year: readonly JsonNumber[];
  readonly arc_cost_usd_per_t: readonly JsonNumber[];
  readonly resource_load_t_per_year: readonly JsonNumber[];
  readonly od_unserved_t_per_year: readonly JsonNumber[];
  /** Per resource: its delay at its load, hours (the queue model's wait above an idle one). */
  readonly resource_delay_h?: readonly JsonNumber[];
  /** Per resource: load × the slope of its cost, USD per tonne (the assignment's congestion toll). */
  readonly resource_congestion_toll_usd_per_t?: readonly JsonNumber[];
  readonly paths: readonly {
    readonly od: number;
    readonly arcs: readonly number[];
    readonly flow_t_per_year: JsonNumber;
  }[];
  readonly gap: JsonNumber;
  readonly iterations: number;
  readonly converged: boolean;
}

function toJson(x: number): JsonNumber {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  return Object.is(x, -0) ? '-0' : x;
}

function fromJson(x: JsonNumber): number {
  return typeof x === 'number' ? x : x === '-0' ? -0 : Number(x);
}

const numbers = (a: ArrayLike<number>): JsonNumber[] => Array.from(a, toJson);
const float64 = (a: readonly JsonNumber[]): Float64Array => Float64Array.from(a, fromJson);

/** The solution as JSON data, every bit of every number kept. */
export function encodeSolution(date: string, s: EquilibriumSolution): LoadedStateCacheJson {
  return {
    date,
    arc_flow_t_per_year: numbers(s.arcFlow),
    arc_cost_usd_per_t: numbers(s.arcCost),
    resource_load_t_per_year: numbers(s.resourceLoad),
    od_unserved_t_per_year: numbers(s.odUnserved),
    ...(s.resourceDelayH !== undefined ? { resource_delay_h: numbers(s.resourceDelayH) } : {}),
    ...(s.resourceCongestionToll !== undefined
      ? { resource_congestion_toll_usd_per_t: numbers(s.resourceCongestionToll) }
      : {}),
    paths: s.paths.map((p) => ({ od: p.od, arcs: Array.from(p.arcs), flow_t_per_year: toJson(p.flow) })),
    gap: toJson(s.gap),
    iterations: s.iterations,
    converged: s.converged,
  };
}

/** The solution back from its JSON data. */
export function decodeSolution(json: LoadedStateCacheJson): EquilibriumSolution {
  return {
    arcFlow: float64(json.arc_flow_t_per_year),
    arcCost: float64(json.arc_cost_usd_per_t),
    resourceLoad: float64(json.resource_load_t_per_year),
    odUnserved: float64(json.od_unserved_t_per_year),
    ...(json.resource_delay_h !== undefined ? { resourceDelayH: float64(json.resource_delay_h) } : {}),
    ...(json.resource_congestion_toll_usd_per_t !== undefined
      ? { resourceCongestionToll: float64(json.resource_congestion_toll_usd_per_t) }
      : {}),
    paths: json.paths.map((p) => ({
      od: p.od,
      arcs: Uint32Array.from(p.arcs),
      flow: fromJson(p.flow_t_per_year),
    })),
    gap: fromJson(json.gap),
    iterations: json.iterations,
    converged: json.converged,
  };
}

/** Solves the loaded state of a written model on a date (default options), for the cache. */
export function solveLoadedStateCache(model: NetworkModel, date: string): LoadedStateCacheJson {
  const { assignment: a } = networkLoadedState(compileNetwork(model, { date }), date);
  return encodeSolution(date, a);
}

const remembered = new WeakMap<NetworkModel, LoadedStateCacheJson>();

/** Keeps a cached solution for this model object (as read, never changed afterwards) and its date. */
export function rememberLoadedState(model: NetworkModel, cache: LoadedStateCacheJson): void {
  remembered.set(model, cache);
}

/**
 * The loaded state of `model` on `date` from its remembered solution, on `net` (the model compiled
 * for that date), with the default assignment options; undefined when none is remembered for this
 * model and date.
 */
export function cachedLoadedState(
  model: NetworkModel,
  net: CompiledNetwork,
  date: string | undefined,
): NetworkLoadedState | undefined {
  const cached = remembered.get(model);
  if (cached === undefined || date === undefined || cached.date !== date || net.date !== date)
    return undefined;
  return networkLoadedState(net, date, { solution: decodeSolution(cached) });
}
