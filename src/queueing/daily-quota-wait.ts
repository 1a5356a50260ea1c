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
  const rho = (arrivalsPerH * DAY_H) / quotaPerDay;
  if (!(rho > 0)) return 0;
  if (rho >= 1) return Number.POSITIVE_INFINITY;
  const u = -Math.log1p(-rho);
  if (u >= TABLE_U_MAX) return quotaWaitDirectH(quotaPerDay, arrivalsPerH, arrivalCv2);
  return interpolate(table(quotaPerDay, arrivalCv2), u);
}

/**
 * The wait is tabulated once per quota and arrival SCV over u = −ln(1 − ρ), ρ = λ·24/Q (ρ up to
 * 1 − e^−9 ≈ 0.9999), and read by monotone cubic interpolation (Fritsch–Carlson): it is evaluated
 * many times inside a flow assignment, where 50 µs a call would dominate. Beyond the table, directly.
 */
const TABLE_U_MAX = 9;
const TABLE_POINTS = 361;
const tables = new Map<string, { w: Float64Array; slope: Float64Array }>();

/** A table as plain data: the build stores those of the embedded network (src/io/dataset-snapshot.ts). */
export interface QuotaTableJson {
  readonly quota_per_day: number;
  readonly arrival_cv2: number;
  readonly w: readonly number[];
  readonly slope: readonly number[];
}

const tableKey = (quotaPerDay: number, arrivalCv2: number) => `${quotaPerDay}|${arrivalCv2}`;

/** The tables made so far in this process. */
export function quotaTablesMade(): QuotaTableJson[] {
  return [...tables].map(([key, t]) => {
    const [quota, cv2] = key.split('|').map(Number) as [number, number];
    return { quota_per_day: quota, arrival_cv2: cv2, w: [...t.w], slope: [...t.slope] };
  });
}

/**
 * Tables made before by the same code (the build's, for the embedded network): the same numbers as
 * making them again, without the ~20 ms each takes at every start.
 */
export function rememberQuotaTables(made: readonly QuotaTableJson[]): void {
  for (const t of made) {
    if (t.w.length !== TABLE_POINTS || t.slope.length !== TABLE_POINTS) continue;
    tables.set(tableKey(t.quota_per_day, t.arrival_cv2), {
      w: Float64Array.from(t.w),
      slope: Float64Array.from(t.slope),
    });
  }
}

function table(quotaPerDay: number, arrivalCv2: number): { w: Float64Array; slope: Float64Array } {
  const key = tableKey(quotaPerDay, arrivalCv2);
  const known = tables.get(key);
  if (known) return known;
  const h = TABLE_U_MAX / (TABLE_POINTS - 1);
  const w = new Float64Array(TABLE_POINTS);
  for (let i = 1; i < TABLE_POINTS; i++) {
    const rho = -Math.expm1(-i * h);
    w[i] = quotaWaitDirectH(quotaPerDay, (rho * quotaPerDay) / DAY_H, arrivalCv2);
  }
  // Fritsch–Carlson slopes: the interpolant is monotone where the table is.
  const n = TABLE_POINTS;
  const delta = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) delta[i] = (w[i + 1]! - w[i]!) / h;
  const slope = new Float64Array(n);
  slope[0] = delta[0]!;
  slope[n - 1] = delta[n - 2]!;
  for (let i = 1; i < n - 1; i++)
    slope[i] = delta[i - 1]! * delta[i]! > 0 ? (delta[i - 1]! + delta[i]!) / 2 : 0;
  for (let i = 0; i < n - 1; i++) {
    if (delta[i] === 0) {
      slope[i] = 0;
      slope[i + 1] = 0;
      continue;
    }
    const a = slope[i]! / delta[i]!;
    const b = slope[i + 1]! / delta[i]!;
    const r = a * a + b * b;
    if (r > 9) {
      const t = 3 / Math.sqrt(r);
      slope[i] = t * a * delta[i]!;
      slope[i + 1] = t * b * delta[i]!;
    }
  }
  if (tables.size > 256) tables.clear();
  const made = { w, slope };
  tables.set(key, made);
  return made;
}

function interpolate(t: { w: Float64Array; slope: Float64Array }, u: number): number {
  const h = TABLE_U_MAX / (TABLE_POINTS - 1);
  const i = Math.min(TABLE_POINTS - 2, Math.floor(u / h));
  const x = (u - i * h) / h;
  const x2 = x * x;
  const x3 = x2 * x;
  return (
    (2 * x3 - 3 * x2 + 1) * t.w[i]! +
    (x3 - 2 * x2 + x) * h * t.slope[i]! +
    (-2 * x3 + 3 * x2) * t.w[i + 1]! +
    (x3 - x2) * h * t.slope[i + 1]!
  );
}

/** The wait computed directly. */
function quotaWaitDirectH(quotaPerDay: number, arrivalsPerH: number, arrivalCv2: number): number {
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
    next = Math.min(1, Math.max(1e-12, next));
    const change = Math.abs(next - p);
    p = next;
    if (change < 1e-12) break;
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
