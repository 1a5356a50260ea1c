/**
 * Expected waits on each arc of the compiled network, given the freight flowing over it: the queue
 * before a border crossing (one queue per direction) and the wait for a ferry's departure.
 */
import { ArcKind, type CompiledNetwork, crossingSideOf, serviceSideOf } from '../network/compile.js';
import type { CrossingQueueParams } from '../queueing/crossing-wait.js';
import { crossingQueueWait, type QueueWaitOptions } from './crossing-queue-wait.js';
import { FALLBACK_CYCLE_H, serviceWait } from './service-wait.js';

/** Where an arc's wait comes from. */
export const WaitSource = { none: 0, queue: 1, service: 2, simulated: 3 } as const;
export type WaitSourceName = keyof typeof WaitSource;
export const WAIT_SOURCE_NAMES: readonly WaitSourceName[] = ['none', 'queue', 'service', 'simulated'];

export interface ArcWaits {
  /** Mean and variance of the wait before the arc, hours and hours². */
  readonly meanH: Float64Array;
  readonly varH2: Float64Array;
  /** Arrival rate over capacity at crossings (NaN elsewhere). */
  readonly utilization: Float64Array;
  /** WaitSource of each arc. */
  readonly source: Uint8Array;
  /** Freight flow that set the wait, tonnes per hour. */
  readonly loadTPerH: Float64Array;
  /** Ids of crossings whose queue is oversaturated (the fluid build-up term applies). */
  readonly saturated: readonly string[];
}

export interface ArcWaitOptions extends QueueWaitOptions {
  /** Departure cycle of a departs-when-full service with nothing else to go by, hours. */
  readonly fallbackCycleH?: number | undefined;
}

/** Queue parameters of the crossing side an arc runs along, in units of the crossing's mode. */
export function crossingQueueParams(net: CompiledNetwork, arc: number): CrossingQueueParams {
  const side = crossingSideOf(net, arc);
  const mean = net.arcTimeMeanH[arc]!;
  const variance = net.arcTimeVarH2[arc]!;
  return {
    lanes: side.lanes,
    serviceMeanH: mean,
    serviceCv2: mean > 0 ? variance / (mean * mean) : 0,
    calendar: side.calendar,
    quotaUnitsPerDay: side.quotaUnitsPerDay,
  };
}

/**
 * Waits on every arc for freight flows `loadTPerH` (tonnes per hour per arc) whose arrivals have
 * squared coefficient of variation `arrivalCv2` (per arc; 1 = Poisson). Crossing and service flows
 * are turned into units of the element's mode with the mode's unit (`modes.<mode>.unit`).
 */
export function waitsFromLoads(
  net: CompiledNetwork,
  loadTPerH: Float64Array,
  arrivalCv2: Float64Array,
  options: ArcWaitOptions = {},
): ArcWaits {
  const m = net.arcCount;
  const meanH = new Float64Array(m);
  const varH2 = new Float64Array(m);
  const utilization = new Float64Array(m).fill(Number.NaN);
  const source = new Uint8Array(m);
  const saturated = new Set<string>();
  const tonnesOf = (arc: number) => net.modeUnit[net.arcMode[arc]!]?.t;
  for (let a = 0; a < m; a++) {
    const kind = net.arcKind[a];
    if (kind === ArcKind.crossing) {
      const t = tonnesOf(a);
      const unitsPerH = t ? loadTPerH[a]! / t : 0;
      const w = crossingQueueWait(crossingQueueParams(net, a), unitsPerH, arrivalCv2[a]!, options);
      meanH[a] = w.meanH;
      varH2[a] = w.varH2;
      utilization[a] = w.utilization;
      source[a] = WaitSource.queue;
      if (w.saturated) saturated.add(net.model.crossings[net.arcElement[a]!]!.id);
    } else if (kind === ArcKind.service) {
      const t = tonnesOf(a);
      const unitsPerH = t ? loadTPerH[a]! / t : 0;
      const w = serviceWait(serviceSideOf(net, a), unitsPerH, options.fallbackCycleH ?? FALLBACK_CYCLE_H);
      meanH[a] = w.meanH;
      varH2[a] = w.varH2;
      source[a] = w.basis === 'none' ? WaitSource.none : WaitSource.service;
    }
  }
  return { meanH, varH2, utilization, source, loadTPerH, saturated: [...saturated].sort() };
}
