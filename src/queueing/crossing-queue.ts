/**
 * The one queue model of a border crossing's direction, which route waits, flow assignment and the
 * check against the simulator all read: units arriving at λ an hour wait for the crossing to open and
 * then, by the Allen–Cunneen approximation of the G/G/c queue, Wq(M/M/c) × (ca² + cs²)/2, the c lanes
 * each clearing the direction's operational capacity ÷ c (opening hours and the daily quota
 * included). At or above capacity the stationary wait does not exist: it is Infinity, and a flow
 * assignment keeps every direction below it.
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';
import type { CrossingSide } from '../network/compile.js';
import { erlangC } from './erlang-c.js';

export interface QueueSide {
  readonly lanes: number;
  readonly calendar: WeeklyCalendar;
  /** Squared coefficient of variation of the clearance time. */
  readonly serviceCv2: number;
  /** Units cleared an hour under a standing queue, on average over the week. */
  readonly capacityUnitsPerH: number;
}

export interface QueueWait {
  /** Mean wait before clearance starts, hours (the wait for opening included); Infinity at capacity. */
  readonly meanH: number;
  readonly varH2: number;
  /** Arrivals over capacity. */
  readonly utilization: number;
}

/** The queue parameters of a crossing's direction. */
export function queueSide(side: CrossingSide): QueueSide {
  const m = side.clearanceMeanH;
  return {
    lanes: side.lanes,
    calendar: side.calendar,
    serviceCv2: m > 0 ? side.clearanceVarH2 / (m * m) : 0,
    capacityUnitsPerH: side.saturatedUnitsPerH,
  };
}

/** Mean wait for opening of a unit arriving at a uniformly random time of the week, hours. */
export function closedWaitH(calendar: WeeklyCalendar): number {
  if (calendar.alwaysOpen) return 0;
  let sum = 0;
  forEachGap(calendar, (gap) => {
    sum += (gap * gap) / 2;
  });
  return sum / HOURS_PER_WEEK;
}

/** Variance of that wait, hours². */
export function closedWaitVarianceH2(calendar: WeeklyCalendar): number {
  if (calendar.alwaysOpen) return 0;
  let second = 0;
  forEachGap(calendar, (gap) => {
    second += (gap * gap * gap) / 3;
  });
  const mean = closedWaitH(calendar);
  return Math.max(0, second / HOURS_PER_WEEK - mean * mean);
}

function forEachGap(calendar: WeeklyCalendar, f: (gap: number) => void): void {
  const iv = calendar.intervals;
  for (let i = 0; i < iv.length; i++) {
    const end = iv[i]![1];
    const nextStart = i + 1 < iv.length ? iv[i + 1]![0] : iv[0]![0] + HOURS_PER_WEEK;
    if (nextStart > end) f(nextStart - end);
  }
}

/**
 * The wait of units arriving at `arrivalsPerH` with inter-arrival SCV `arrivalCv2` (1 for Poisson).
 * Its variance is that of the M/M/c wait, C(2 − C)/(cμ − λ)², scaled by the Allen–Cunneen factor
 * squared, plus the variance of the wait for opening.
 */
export function queueWait(q: QueueSide, arrivalsPerH: number, arrivalCv2 = 1): QueueWait {
  const closedMean = closedWaitH(q.calendar);
  const closedVar = closedWaitVarianceH2(q.calendar);
  if (!(arrivalsPerH > 0)) return { meanH: closedMean, varH2: closedVar, utilization: 0 };
  const capacity = q.capacityUnitsPerH;
  const rho = capacity > 0 ? arrivalsPerH / capacity : Number.POSITIVE_INFINITY;
  if (rho >= 1) return { meanH: Number.POSITIVE_INFINITY, varH2: Number.POSITIVE_INFINITY, utilization: rho };
  if (!Number.isFinite(capacity)) return { meanH: closedMean, varH2: closedVar, utilization: 0 };
  const c = q.lanes;
  const mu = capacity / c;
  const factor = (arrivalCv2 + q.serviceCv2) / 2;
  const C = erlangC(c, arrivalsPerH / mu);
  const gap = capacity - arrivalsPerH;
  return {
    meanH: closedMean + (C / gap) * factor,
    varH2: closedVar + (factor * factor * C * (2 - C)) / (gap * gap),
    utilization: rho,
  };
}

/** d(mean wait)/d(arrivals an hour), hours per (unit an hour), by a central difference; Infinity at capacity. */
export function queueWaitSlope(q: QueueSide, arrivalsPerH: number, arrivalCv2 = 1): number {
  const capacity = q.capacityUnitsPerH;
  if (!Number.isFinite(capacity)) return 0;
  const h = 1e-6 * capacity;
  if (arrivalsPerH + h >= capacity) return Number.POSITIVE_INFINITY;
  const lo = Math.max(0, arrivalsPerH - h);
  const hi = arrivalsPerH + h;
  return (queueWait(q, hi, arrivalCv2).meanH - queueWait(q, lo, arrivalCv2).meanH) / (hi - lo);
}
