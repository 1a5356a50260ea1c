/**
 * Default waits for route planning: the loaded network of the date (src/flow/loaded-state.ts) — the
 * network's demand assigned at equilibrium, one flow per element and direction — and from those flows
 * the wait at each crossing's direction by the one queue model of src/queueing, and at each ferry.
 * So `route`, `assign` and `outlook` give the same wait for the same crossing and direction.
 */
import { type NetworkLoadedState, networkLoadedState } from '../flow/loaded-state.js';
import { ArcKind, type CompiledNetwork, crossingSideOf, serviceSideOf } from '../network/compile.js';
import { queueSide, queueWait } from '../queueing/crossing-queue.js';
import { type ArcWaitOptions, type ArcWaits, WaitSource } from './arc-waits.js';
import { FALLBACK_CYCLE_H, serviceWait } from './service-wait.js';

export interface AnalyticWaitOptions extends ArcWaitOptions {
  /** YYYY-MM-DD: the infrastructure in service that day carries the demand (default: all of it). */
  readonly date?: string | undefined;
  /** The loaded network of that date, when the caller has it already (it is not computed again). */
  readonly loaded?: NetworkLoadedState | undefined;
}

export interface AnalyticWaits extends ArcWaits {
  /** Demand entries that could not be loaded, with the reason. */
  readonly unrouted: readonly string[];
}

/**
 * Waits at every crossing and service from the loaded network of the date (its own demand, grown to
 * the date's year, at equilibrium; see networkLoadedState):
 * a crossing direction waits as its queue does at the assigned flow (never at or above capacity: the
 * assignment leaves unserved what does not fit), a service as its departures and the flow it carries
 * make it.
 */
export function analyticWaits(net: CompiledNetwork, options: AnalyticWaitOptions = {}): AnalyticWaits {
  const state = options.loaded ?? networkLoadedState(net, options.date);
  const demand = state.demand;
  const m = net.arcCount;
  const meanH = new Float64Array(m);
  const varH2 = new Float64Array(m);
  const utilization = new Float64Array(m).fill(Number.NaN);
  const source = new Uint8Array(m);
  const saturated = new Set<string>();
  const loadTPerH = state.arcLoadTPerH;
  for (let a = 0; a < m; a++) {
    const kind = net.arcKind[a];
    const unitT = net.modeUnit[net.arcMode[a]!]?.t;
    if (kind === ArcKind.crossing) {
      const side = crossingSideOf(state.net, a);
      const w = state.crossingWait[a] ?? queueWait(queueSide(side), unitT ? loadTPerH[a]! / unitT : 0);
      meanH[a] = w.meanH;
      varH2[a] = w.varH2;
      utilization[a] = w.utilization;
      source[a] = WaitSource.queue;
      if (w.utilization >= 1) saturated.add(net.model.crossings[net.arcElement[a]!]!.id);
    } else if (kind === ArcKind.service) {
      const unitsPerH = unitT ? loadTPerH[a]! / unitT : 0;
      const w = serviceWait(serviceSideOf(net, a), unitsPerH, options.fallbackCycleH ?? FALLBACK_CYCLE_H);
      meanH[a] = w.meanH;
      varH2[a] = w.varH2;
      source[a] = w.basis === 'none' ? WaitSource.none : WaitSource.service;
    }
  }
  const as = state.assignment;
  const unrouted: string[] = [];
  as.ods.forEach((od, k) => {
    const served = od.origin >= 0 && od.destination >= 0 && as.odUnserved[k]! < demand[k]!.tPerYear;
    if (!served && demand[k]!.tPerYear > 0)
      unrouted.push(`${demand[k]!.id}: not served on this date (no route in service, or no capacity left)`);
  });
  return {
    meanH,
    varH2,
    utilization,
    source,
    loadTPerH,
    saturated: [...saturated].sort(),
    sharedRations: state.sharedRations,
    unrouted,
  };
}
