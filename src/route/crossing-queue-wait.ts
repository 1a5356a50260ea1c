/**
 * Mean and variance of the wait at one direction of a border crossing, from the Allen–Cunneen
 * G/G/c approximation with opening hours and quota (src/queueing), made finite when saturated: the
 * queue then grows as a fluid over a planning horizon instead of without bound.
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';
import {
  type CrossingQueueParams,
  closedWaitH,
  crossingCapacityPerH,
  crossingWait,
} from '../queueing/crossing-wait.js';
import { erlangC } from '../queueing/erlang-c.js';

export interface QueueWaitOptions {
  /** Utilisation above which the stationary formula is not used (default 0.95). */
  readonly rhoCap?: number | undefined;
  /** Horizon over which an oversaturated queue builds up, hours (default 168: one week). */
  readonly saturationHorizonH?: number | undefined;
}

export interface QueueWait {
  readonly meanH: number;
  readonly varH2: number;
  /** Arrival rate over capacity (may exceed 1). */
  readonly utilization: number;
  /** Whether the fluid build-up term was used (utilisation above rhoCap). */
  readonly saturated: boolean;
}

export const DEFAULT_RHO_CAP = 0.95;
export const DEFAULT_SATURATION_HORIZON_H = 168;

/**
 * The wait before clearance of a unit arriving at `arrivalsPerH` (inter-arrival SCV `arrivalCv2`).
 * Below rhoCap: Allen–Cunneen, Wq = Wq(M/M/c)·(ca² + cs²)/2, its variance that of the M/M/c wait
 * C(2−C)/(cμ−λ)² scaled by the same factor squared, plus the wait for opening. Above rhoCap: the
 * wait at rhoCap plus the mean backlog of a fluid queue fed at ρ/rhoCap times what it clears, over
 * the horizon H: (ρ/rhoCap − 1)·H/2, uniform over [0, (ρ/rhoCap − 1)·H].
 */
export function crossingQueueWait(
  p: CrossingQueueParams,
  arrivalsPerH: number,
  arrivalCv2: number,
  options: QueueWaitOptions = {},
): QueueWait {
  const rhoCap = options.rhoCap ?? DEFAULT_RHO_CAP;
  const horizon = options.saturationHorizonH ?? DEFAULT_SATURATION_HORIZON_H;
  const closedMean = closedWaitH(p.calendar);
  const closedVar = closedWaitVarianceH2(p.calendar);
  const capacity = crossingCapacityPerH(p);
  if (!(arrivalsPerH > 0)) return { meanH: closedMean, varH2: closedVar, utilization: 0, saturated: false };
  const rho = capacity > 0 ? arrivalsPerH / capacity : Number.POSITIVE_INFINITY;
  const saturated = rho > rhoCap;
  const lambda = saturated ? rhoCap * capacity : arrivalsPerH;
  const muPerLane = capacity / p.lanes;
  const scvFactor = (arrivalCv2 + p.serviceCv2) / 2;
  const c = erlangC(p.lanes, lambda / muPerLane);
  const gap = p.lanes * muPerLane - lambda;
  let meanH = crossingWait(p, lambda, arrivalCv2).waitH;
  let varH2 = (scvFactor * scvFactor * c * (2 - c)) / (gap * gap) + closedVar;
  if (saturated) {
    const span = Number.isFinite(rho) ? (rho / rhoCap - 1) * horizon : Number.POSITIVE_INFINITY;
    meanH += span / 2;
    varH2 += (span * span) / 12;
  }
  return { meanH, varH2, utilization: rho, saturated };
}

/** Variance of the wait for opening of a unit arriving at a uniformly random time of the week, h². */
export function closedWaitVarianceH2(calendar: WeeklyCalendar): number {
  if (calendar.alwaysOpen) return 0;
  const iv = calendar.intervals;
  let second = 0;
  for (let i = 0; i < iv.length; i++) {
    const end = iv[i]![1];
    const nextStart = i + 1 < iv.length ? iv[i + 1]![0] : iv[0]![0] + HOURS_PER_WEEK;
    const g = nextStart - end;
    second += (g * g * g) / 3;
  }
  const mean = closedWaitH(calendar);
  return Math.max(0, second / HOURS_PER_WEEK - mean * mean);
}
