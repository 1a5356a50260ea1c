/**
 * The backlog a crossing with opening hours builds while closed and clears once open, as a fluid
 * over the week: units arrive at λ an hour round the clock; at each opening the c lanes take
 * c(1 + cv²)/2 of the waiting units at once (what lanes starting together clear ahead of their mean
 * rate, by the renewal theorem: the same end effect that `crossingUnitsPerH` counts at closing), then
 * clear c/m an hour while open, at most the daily quota each local day. The queue of the fluid,
 * integrated over the week, is the wait of the units by Little's law. The randomness of the count
 * waiting at opening and of the clearing adds to each opening's drain, as for a Brownian queue
 * started at that count: E[B²]/(2δ) + E[B]v/(2δ²), δ = c/m − λ its drift and v = λca² + (c/m)cs² its
 * variance an hour, B the count left after the lanes' first take (Gaussian, variance λca² × the
 * closed hours before), at most E[B] × the open spell (a drain cannot outlast it).
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';
import { gaussianExcess } from './gaussian-excess.js';
import { weekSegments } from './week-segments.js';

export interface BacklogParameters {
  readonly calendar: WeeklyCalendar;
  readonly lanes: number;
  /** Mean time a unit holds a lane, hours. */
  readonly clearanceMeanH: number;
  /** Squared coefficient of variation of that time. */
  readonly serviceCv2: number;
  readonly quotaUnitsPerDay: number | undefined;
}

export interface OpeningBacklog {
  /** Units waiting, integrated over the week (unit-hours), the drains' randomness included. */
  readonly queueUnitHPerWeek: number;
  /** Share of the week the crossing is open with no fluid backlog: there arrivals meet the lanes' own queue. */
  readonly freeShare: number;
}

/**
 * The week's fluid backlog at `arrivalsPerH` (below capacity), in its periodic steady state: two weeks
 * from an empty queue, the second measured (the fluid empties at least once a week below capacity, and
 * from then on it follows its periodic path).
 */
export function openingBacklog(p: BacklogParameters, arrivalsPerH: number, arrivalCv2 = 1): OpeningBacklog {
  const lam = arrivalsPerH;
  const w = weekSegments(p.calendar);
  const rate = p.lanes / p.clearanceMeanH;
  const take = (p.lanes * (1 + p.serviceCv2)) / 2;
  const quota = p.quotaUnitsPerDay ?? Number.POSITIVE_INFINITY;
  const drift = rate - lam;
  const v = lam * arrivalCv2 + rate * p.serviceCv2;
  let q = 0;
  let served = 0;
  let closedSince = 0;
  let area = 0;
  let free = 0;
  for (let week = 0; week < 2; week++) {
    area = 0;
    free = 0;
    for (let k = 0; k < w.open.length; k++) {
      let t = w.at[k]!;
      const end = w.at[k + 1]!;
      if (w.midnight[k]) served = 0;
      const open = w.open[k] === 1;
      if (w.opening[k]) {
        // The lanes' first take, and the randomness of the drain that follows.
        const left = Math.max(0, quota - served);
        const j = Math.min(take, left);
        const closedH = t - closedSince;
        const b = gaussianExcess(q, lam * arrivalCv2 * closedH, j);
        const fluidB = Math.max(0, q - j);
        const drain =
          drift > 0
            ? (b.m2 - fluidB * fluidB) / (2 * drift) + (b.m1 * v) / (2 * drift * drift)
            : Number.POSITIVE_INFINITY;
        // A drain cannot outlast its open spell: at most the count left waits all of it.
        area += Math.min(drain, b.m1 * w.spellH[k]!);
        const taken = Math.min(q, j);
        q -= taken;
        served += taken;
      }
      while (t < end - 1e-12) {
        const left = Math.max(0, quota - served);
        const s = open && left > 0 ? rate : 0;
        if (q <= 1e-12 && lam <= s) {
          // No backlog: the lanes keep up, using the quota at the arrival rate.
          const dt = Math.min(end - t, lam > 0 ? left / lam : Number.POSITIVE_INFINITY);
          free += dt;
          served += lam * dt;
          q = 0;
          t += dt;
          continue;
        }
        const dq = lam - s;
        let dt = end - t;
        if (dq < 0) dt = Math.min(dt, q / -dq);
        if (s > 0 && Number.isFinite(left)) dt = Math.min(dt, left / s);
        area += q * dt + 0.5 * dq * dt * dt;
        q = Math.max(0, q + dq * dt);
        served += s * dt;
        t += dt;
      }
      if (open && w.open[(k + 1) % w.open.length] === 0) closedSince = end;
    }
  }
  return { queueUnitHPerWeek: area, freeShare: free / HOURS_PER_WEEK };
}
