/**
 * Expected waits on each arc of the compiled network, as route planning reads them: the queue before
 * a border crossing (one per direction) and the wait for a ferry's departure. The loaded network of
 * the date sets them (src/route/analytic-waits.ts); simulated waits may replace them
 * (src/route/simulated-waits.ts).
 */
import type { SharedRation } from '../flow/loaded-state.js';

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
  /** Ids of crossings loaded at or above their capacity in some direction. */
  readonly saturated: readonly string[];
  /**
   * Capacities both directions of an element share that the loaded network rations: a delay the
   * waits above leave out (src/flow/loaded-state.ts).
   */
  readonly sharedRations: readonly SharedRation[];
}

export interface ArcWaitOptions {
  /** Departure cycle of a departs-when-full service with nothing else to go by, hours. */
  readonly fallbackCycleH?: number | undefined;
}
