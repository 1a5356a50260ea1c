/**
 * One direction of a service of the compiled network (a Caspian ferry, a feeder) as a batch service:
 * timetabled departures evenly spread over the week, departures when full, or both, with a maximum
 * wait; a service with a monthly profile is closed by weather for a share of its slots each month.
 */
import type { ServiceSide } from '../network/compile.js';
import type { BatchServiceOptions, ServiceClosures } from './batch-service.js';
import { annualMean, MonthCalendar } from './month-calendar.js';
import type { Uniform } from './random.js';

/** What a seasonal service needs from the run: its start date, and the stream of its weather. */
export interface ServiceSeason {
  /** YYYY-MM-DD, the day whose 00:00 UTC is time 0; undefined: every month sails the annual mean share. */
  readonly start_date: string | undefined;
  /** The service's own stream of weather draws (asked for only when it has a monthly profile). */
  readonly weather: () => Uniform;
}

/**
 * Departure policy and capacity of one direction of a service (capacity in units of its mode). With a
 * monthly profile and `season`, each slot (from one timetabled departure to the next; a UTC day for a
 * service that only leaves when full) is open with the probability the profile gives for the slot's
 * month, so that in month m a timetabled service runs profile[m] of its departures on average.
 */
export function serviceOptions(s: ServiceSide, season?: ServiceSeason): BatchServiceOptions {
  const perWeek = s.departuresPerWeek;
  const timetable = perWeek !== undefined ? { period_h: 168 / perWeek, times_h: [0] } : undefined;
  const departs = timetable ? (s.departsWhenFull ? 'schedule-or-full' : 'schedule') : 'full';
  const maxWait = s.departsWhenFull ? s.maxWaitH : undefined;
  const closures = s.monthlyProfile && season ? serviceClosures(s.monthlyProfile, season) : undefined;
  return {
    capacity: s.capacityUnits,
    departs,
    ...(timetable ? { timetable } : {}),
    ...(maxWait !== undefined && maxWait > 0 ? { maxWait_h: maxWait } : {}),
    ...(closures ? { closures } : {}),
  };
}

/**
 * Share of its scheduled departures a seasonal service sails on average over [from_h, to_h) of a run
 * from `start_date`: each month's share weighted by its hours in that span; the annual mean without a
 * date (as the run does then).
 */
export function sailingShareOver(
  profile: readonly number[],
  start_date: string | undefined,
  from_h: number,
  to_h: number,
): number {
  if (start_date === undefined || !(to_h > from_h)) return annualMean(profile);
  const calendar = new MonthCalendar(start_date);
  let sum = 0;
  for (let t = from_h; t < to_h; ) {
    const end = Math.min(to_h, calendar.monthEnd(t));
    sum += profile[calendar.monthAt(t)]! * (end - t);
    t = end;
  }
  return sum / (to_h - from_h);
}

/** The weather of a service with a monthly profile of sailing shares; none when every month sails all. */
function serviceClosures(profile: readonly number[], season: ServiceSeason): ServiceClosures | undefined {
  if (profile.every((x) => x >= 1)) return undefined;
  const random = season.weather();
  if (season.start_date === undefined) {
    const mean = annualMean(profile);
    return { openShare: () => mean, random };
  }
  const calendar = new MonthCalendar(season.start_date);
  return { openShare: (t) => profile[calendar.monthAt(t)]!, random };
}
