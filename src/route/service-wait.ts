/**
 * The wait for a scheduled or batch service (a Caspian ferry): a unit arriving at a random time
 * waits for the next departure, uniformly within one departure cycle. The cycle is the headway of
 * the timetable, or for a vessel that leaves when full the time to fill it at the flow it carries,
 * or its maximum wait, whichever is shortest.
 */
import type { ServiceSide } from '../network/compile.js';

export type ServiceWaitBasis = 'schedule' | 'fill' | 'max_wait' | 'fallback' | 'none';

export interface ServiceWait {
  readonly meanH: number;
  readonly varH2: number;
  /** Time between departures, hours (0 when the service has no departure pattern). */
  readonly cycleH: number;
  /** What set the cycle. */
  readonly basis: ServiceWaitBasis;
}

/** Cycle assumed for a departs-when-full service with no flow, no timetable and no maximum wait. */
export const FALLBACK_CYCLE_H = 168;

/**
 * The wait for a service carrying `unitsPerH` units (of the service's mode) in this direction:
 * mean cycle/2, variance cycle²/12. A service with neither a timetable nor departs_when_full has no
 * departure pattern in the data and adds no wait.
 */
export function serviceWait(
  s: Pick<ServiceSide, 'departuresPerWeek' | 'departsWhenFull' | 'maxWaitH' | 'capacityUnits'>,
  unitsPerH: number,
  fallbackCycleH = FALLBACK_CYCLE_H,
): ServiceWait {
  let cycle = Number.POSITIVE_INFINITY;
  let basis: ServiceWaitBasis = 'none';
  const consider = (h: number, b: ServiceWaitBasis) => {
    if (h < cycle) {
      cycle = h;
      basis = b;
    }
  };
  if (s.departuresPerWeek !== undefined) consider(168 / s.departuresPerWeek, 'schedule');
  if (s.departsWhenFull) {
    if (unitsPerH > 0) consider(s.capacityUnits / unitsPerH, 'fill');
    if (s.maxWaitH !== undefined) consider(s.maxWaitH, 'max_wait');
    if (basis === 'none') consider(fallbackCycleH, 'fallback');
  }
  if (basis === 'none') return { meanH: 0, varH2: 0, cycleH: 0, basis };
  return { meanH: cycle / 2, varH2: (cycle * cycle) / 12, cycleH: cycle, basis };
}
