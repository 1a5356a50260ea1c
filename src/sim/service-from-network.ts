/**
 * A service of the network file (a Caspian ferry, a feeder) as a batch service: timetabled departures
 * evenly spread over the week, departures when full, or both, with a maximum wait.
 */
import { parseDuration } from '../model/duration.js';
import type { ServiceModel as ServiceEntry } from '../model/schema.js';
import type { BatchServiceOptions } from './batch-service.js';

/** Departure policy and capacity of one direction of a service (capacity in units of its mode). */
export function serviceOptions(s: ServiceEntry): BatchServiceOptions {
  const perWeek = s.departures_per_week;
  const timetable = perWeek !== undefined ? { period_h: 168 / perWeek, times_h: [0] } : undefined;
  const departs = timetable ? (s.departs_when_full ? 'schedule-or-full' : 'schedule') : 'full';
  let maxWait: number | undefined;
  if (s.departs_when_full && s.max_wait !== undefined) {
    const d = parseDuration(s.max_wait);
    if ('error' in d) throw new Error(`service ${s.id}: invalid max_wait in a validated network`);
    maxWait = d.hours;
  }
  return {
    capacity: s.capacity_units,
    departs,
    ...(timetable ? { timetable } : {}),
    ...(maxWait !== undefined && maxWait > 0 ? { maxWait_h: maxWait } : {}),
  };
}
