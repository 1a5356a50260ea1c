/**
 * The wait a daily quota makes at a crossing open round the clock whose lanes could clear more: units
 * start at once until the day's Q have, later ones wait for local midnight, when the backlog X the day
 * leaves starts first. Within a day the queue at hour t is (X + A(t) − Q)⁺, A(t) the arrivals so far
 * (Gaussian, mean λt, variance λt·ca², with the half-unit correction of a count); X is the stationary
 * backlog of Lindley's recursion X' = (X + A(24) − Q)⁺, zero with probability 1 − p and otherwise
 * exponential of mean E[X]/p, E[X] the random walk's mean maximum (src/queueing/random-walk-maximum.ts)
 * and p the probability that a day overflows, found as the fixed point of that mixture. The mean wait
 * is the day's queue integrated (48 steps; over X by 8-point Gauss–Laguerre) over the day's arrivals.
 */
import { gaussianExcess } from './gaussian-excess.js';
import { gaussianWalkMaximumMean, normalUpperTail } from './random-walk-maximum.js';

const DAY_H = 24;
const STEPS = 48;
/** Gauss–Laguerre nodes and weights, 8 points: ∫₀^∞ e^(−x) f(x) dx ≈ Σ w f(x). */
const LAGUERRE: readonly (readonly [number, number])[] = [
  [0.170279632305101, 0.369188589341638],
  [0.90370177679938, 0.418786780814343],
  [2.251086629866131, 0.175794986637172],
  [4.266700170287659, 0.0333434922612157],
  [7.045905402393466, 0.00279453623522567],
  [10.758516010181, 0.0000907650877335821],
  [15.740678641278, 8.48574671627253e-7],
  [22.8631317368893, 1.04800117487151e-9],
];
/** Iterations of the fixed point for the probability that a day overflows. */
const ITERATIONS = 30;

/** Mean wait for the quota, hours, of units arriving at `arrivalsPerH`; Infinity at or above quota ÷ 24. */
export function dailyQuotaWaitH(quotaPerDay: number, arrivalsPerH: number, arrivalCv2 = 1): number {
  const lam = arrivalsPerH;
  if (!(lam > 0)) return 0;
  const perDay = lam * DAY_H;
  if (perDay >= quotaPerDay) return Number.POSITIVE_INFINITY;
  const variance = perDay * arrivalCv2;
  const carried = gaussianWalkMaximumMean(quotaPerDay - perDay, variance);
  const sd = Math.sqrt(variance);
  const overflowOver = (x: number) => normalUpperTail((quotaPerDay - 0.5 - perDay - x) / sd);
  let p = 0.5;
  for (let i = 0; i < ITERATIONS && sd > 0; i++) {
    const scale = carried / p;
    let next = (1 - p) * overflowOver(0);
    for (const [x, w] of LAGUERRE) next += p * w * overflowOver(scale * x);
    p = Math.min(1, Math.max(1e-12, next));
  }
  const scale = carried / p;
  let area = 0;
  for (let i = 0; i < STEPS; i++) {
    const t = ((i + 0.5) * DAY_H) / STEPS;
    const mean = lam * t - quotaPerDay + 0.5;
    const v = lam * t * arrivalCv2;
    let queue = (1 - p) * gaussianExcess(mean, v, 0).m1;
    for (const [x, w] of LAGUERRE) queue += p * w * gaussianExcess(mean + scale * x, v, 0).m1;
    area += (queue * DAY_H) / STEPS;
  }
  return area / perDay;
}
