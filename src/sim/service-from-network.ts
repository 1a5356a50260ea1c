/**
 * One direction of a service of the compiled network (a Caspian ferry, a feeder) as a batch service:
 * timetabled departures evenly spread over the week, departures when full, or both, with a maximum wait.
 */
import type { ServiceSide } from '../network/compile.js';
import type { BatchServiceOptions } from './batch-service.js';

/** Departure policy and capacity of one direction of a service (capacity in units of its mode). */
export function serviceOptions(s: ServiceSide): BatchServiceOptions {
  const perWeek = s.departuresPerWeek;
  const timetable = perWeek !== undefined ? { period_h: 168 / perWeek, times_h: [0] } : undefined;
  const departs = timetable ? (s.departsWhenFull ? 'schedule-or-full' : 'schedule') : 'full';
  const maxWait = s.departsWhenFull ? s.maxWaitH : undefined;
  return {
    capacity: s.capacityUnits,
    departs,
    ...(timetable ? { timetable } : {}),
    ...(maxWait !== undefined && maxWait > 0 ? { maxWait_h: maxWait } : {}),
  };
}
