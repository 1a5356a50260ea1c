/**
 * The analytical wait at a border crossing: a G/G/c queue by the Allen–Cunneen approximation,
 * with capacity reduced by opening hours and a daily quota, plus the wait for the crossing to open.
 * Used where simulating is too slow (route planning, flow assignment); the simulator is the truth.
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';
import { mmcWait } from './erlang-c.js';

export interface CrossingQueueParams {
  /** Servers (lanes or tracks). */
  readonly lanes: number;
  /** Mean clearance time of one unit, hours. */
  readonly serviceMeanH: number;
  /** Squared coefficient of variation of the clearance time. */
  readonly serviceCv2: number;
  readonly calendar: WeeklyCalendar;
  /** Units cleared per day at most. */
  readonly quotaUnitsPerDay?: number | undefined;
}

export interface CrossingWait {
  /** Mean wait before clearance starts, hours (Infinity when saturated). */
  readonly waitH: number;
  /** Arrival rate over capacity. */
  readonly utilization: number;
  /** Units per hour the crossing can clear on average. */
  readonly capacityUnitsPerH: number;
}

/** Average units per hour a crossing can clear over a week: lanes × open share / service time, capped by the quota. */
export function crossingCapacityPerH(p: CrossingQueueParams): number {
  const open = p.calendar.intervals.reduce((s, [a, b]) => s + (b - a), 0) / HOURS_PER_WEEK;
  const byLanes = p.serviceMeanH > 0 ? (p.lanes * open) / p.serviceMeanH : Number.POSITIVE_INFINITY;
  return p.quotaUnitsPerDay !== undefined ? Math.min(byLanes, p.quotaUnitsPerDay / 24) : byLanes;
}

/**
 * Mean wait for arrivals at `arrivalsPerH` with squared coefficient of variation `arrivalCv2` of
 * inter-arrival times (1 for Poisson). The crossing is treated as c servers each clearing at the
 * week's average capacity (Allen–Cunneen: Wq ≈ Wq(M/M/c) · (ca² + cs²) / 2); arrivals that come while
 * it is closed also wait for it to open (E = Σ closed_i² / (2 · 168 h) for arrivals spread evenly).
 */
export function crossingWait(p: CrossingQueueParams, arrivalsPerH: number, arrivalCv2 = 1): CrossingWait {
  const capacity = crossingCapacityPerH(p);
  const utilization = capacity > 0 ? arrivalsPerH / capacity : Number.POSITIVE_INFINITY;
  const closedWait = closedWaitH(p.calendar);
  if (arrivalsPerH <= 0) return { waitH: closedWait, utilization: 0, capacityUnitsPerH: capacity };
  if (utilization >= 1) return { waitH: Number.POSITIVE_INFINITY, utilization, capacityUnitsPerH: capacity };
  const muPerServer = capacity / p.lanes;
  const wq = mmcWait(p.lanes, arrivalsPerH, muPerServer) * ((arrivalCv2 + p.serviceCv2) / 2);
  return { waitH: wq + closedWait, utilization, capacityUnitsPerH: capacity };
}

/** Mean wait for opening of a unit arriving at a uniformly random time of the week, hours. */
export function closedWaitH(calendar: WeeklyCalendar): number {
  if (calendar.alwaysOpen) return 0;
  const iv = calendar.intervals;
  let sum = 0;
  for (let i = 0; i < iv.length; i++) {
    const end = iv[i]![1];
    const nextStart = i + 1 < iv.length ? iv[i + 1]![0] : iv[0]![0] + HOURS_PER_WEEK;
    const gap = nextStart - end;
    sum += (gap * gap) / 2;
  }
  return sum / HOURS_PER_WEEK;
}
