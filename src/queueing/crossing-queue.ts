/**
 * The one queue model of a border crossing's direction, which route waits, flow assignment and the
 * check against the simulator all read. Open round the clock, units arriving at λ an hour wait as in
 * the G/G/c queue by the Allen–Cunneen approximation, Wq(M/M/c) × (ca² + cs²)/2, the c lanes each
 * clearing the direction's operational capacity ÷ c; where a daily quota binds instead, for the
 * quota's midnight (src/queueing/daily-quota-wait.ts) and then in the lanes' own queue. With opening hours
 * the wait has three parts: the backlog that builds while the crossing is closed and drains once it
 * opens (a fluid over the week, src/queueing/opening-backlog.ts, the wait for opening included); the
 * G/G/c queue of the lanes at their own rate c/m while open with no backlog left; and the backlog a
 * day leaves to the next, the mean maximum of the random walk of each day's arrivals less what the
 * crossing clears that day (src/queueing/random-walk-maximum.ts; what a day clears varies with the
 * clearance times unless the quota binds), waited a period by each unit of it.
 * At or above capacity the stationary wait does not exist: it is Infinity, and a flow assignment keeps
 * every direction below it.
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';
import type { CrossingSide } from '../network/compile.js';
import { dailyQuotaWaitH } from './daily-quota-wait.js';
import { erlangC } from './erlang-c.js';
import { openingBacklog } from './opening-backlog.js';
import { gaussianWalkMaximumMean } from './random-walk-maximum.js';
import { weekSegments } from './week-segments.js';

export interface QueueSide {
  readonly lanes: number;
  readonly calendar: WeeklyCalendar;
  /** Squared coefficient of variation of the clearance time. */
  readonly serviceCv2: number;
  /** Units cleared an hour under a standing queue, on average over the week. */
  readonly capacityUnitsPerH: number;
  /** Mean time a unit holds a lane, hours. */
  readonly clearanceMeanH: number;
  readonly quotaUnitsPerDay: number | undefined;
  /** What limits the capacity: the lanes, or the daily quota (then what a day clears does not vary). */
  readonly binding: 'lanes' | 'quota';
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
    clearanceMeanH: m,
    quotaUnitsPerDay: side.quotaUnitsPerDay,
    binding: side.saturatedBinding,
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
 * Its variance: that of the wait for opening plus, for the rest, that of an M/M/c wait of the same
 * mean, mean² × (2 − C)/C with C Erlang's probability of waiting at the weekly-average load (open
 * round the clock, exactly C(2 − C)/(cμ − λ)² scaled by the Allen–Cunneen factor squared).
 */
export function queueWait(q: QueueSide, arrivalsPerH: number, arrivalCv2 = 1): QueueWait {
  const closedMean = closedWaitH(q.calendar);
  const closedVar = closedWaitVarianceH2(q.calendar);
  if (!(arrivalsPerH > 0)) return { meanH: closedMean, varH2: closedVar, utilization: 0 };
  const capacity = q.capacityUnitsPerH;
  const rho = capacity > 0 ? arrivalsPerH / capacity : Number.POSITIVE_INFINITY;
  if (rho >= 1) return { meanH: Number.POSITIVE_INFINITY, varH2: Number.POSITIVE_INFINITY, utilization: rho };
  if (!Number.isFinite(capacity) || !(q.clearanceMeanH > 0))
    return { meanH: closedMean, varH2: closedVar, utilization: 0 };
  const c = q.lanes;
  const factor = (arrivalCv2 + q.serviceCv2) / 2;
  const C = erlangC(c, (arrivalsPerH * c) / capacity);
  const roundTheClock = closedMean + (C / (capacity - arrivalsPerH)) * factor;
  let meanH: number;
  if (q.calendar.alwaysOpen && q.binding === 'quota' && q.quotaUnitsPerDay !== undefined) {
    // The quota binds, the lanes could clear more: the quota's wait, then the lanes' own queue.
    const laneRate = c / q.clearanceMeanH;
    meanH =
      dailyQuotaWaitH(q.quotaUnitsPerDay, arrivalsPerH, arrivalCv2) +
      (erlangC(c, arrivalsPerH * q.clearanceMeanH) / (laneRate - arrivalsPerH)) * factor;
  } else if (q.calendar.alwaysOpen) meanH = roundTheClock;
  else {
    // Closures short against the lanes' end effect, (1 + cs²)/2 clearances, leave little backlog the
    // lanes' own queue does not hold: the two forms are blended by that ratio, the round-the-clock
    // one alone from 1 on (where capacity reaches c/m).
    const week = weekSegments(q.calendar);
    const endEffectH = ((1 + q.serviceCv2) / 2) * q.clearanceMeanH;
    const meanGapH = (HOURS_PER_WEEK - week.openHPerWeek) / week.gapsPerWeek;
    const share = q.binding === 'lanes' ? Math.min(1, endEffectH / meanGapH) : 0;
    meanH =
      share >= 1 || capacity >= c / q.clearanceMeanH
        ? roundTheClock
        : share * roundTheClock + (1 - share) * openingHoursWait(q, arrivalsPerH, arrivalCv2);
  }
  const extra = Math.max(0, meanH - closedMean);
  return {
    meanH,
    varH2: closedVar + (C > 0 ? (extra * extra * (2 - C)) / C : 0),
    utilization: rho,
  };
}

/** The three parts of the wait at a crossing with opening hours, below capacity. */
function openingHoursWait(q: QueueSide, lam: number, arrivalCv2: number): number {
  const c = q.lanes;
  const laneRate = c / q.clearanceMeanH;
  const backlog = openingBacklog(q, lam, arrivalCv2);
  let lanesWait = 0;
  if (backlog.freeShare > 0 && lam < laneRate)
    lanesWait = (erlangC(c, lam * q.clearanceMeanH) / (laneRate - lam)) * ((arrivalCv2 + q.serviceCv2) / 2);
  const week = weekSegments(q.calendar);
  const period = week.periodH;
  const carried = gaussianWalkMaximumMean(
    (q.capacityUnitsPerH - lam) * period,
    lam * period * (arrivalCv2 + (q.binding === 'lanes' ? q.serviceCv2 : 0)),
  );
  return backlog.queueUnitHPerWeek / (lam * HOURS_PER_WEEK) + backlog.freeShare * lanesWait + carried / lam;
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
