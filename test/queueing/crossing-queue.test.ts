/** The one queue model, against textbook formulas and brute-force integration over the week. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, parseHours, type WeeklyCalendar } from '../../src/model/calendar.js';
import {
  closedWaitH,
  closedWaitVarianceH2,
  type QueueSide,
  queueSide,
  queueWait,
  queueWaitSlope,
} from '../../src/queueing/crossing-queue.js';
import { crossingSide } from '../sim/helpers/crossing-side.js';
import { erlangCClosedForm } from './erlang-closed-form.js';

const side = (
  lanes: number,
  serviceMeanH: number,
  serviceCv2: number,
  calendar = ALWAYS_OPEN,
): QueueSide => ({
  lanes,
  calendar,
  serviceCv2,
  capacityUnitsPerH: lanes / serviceMeanH,
  clearanceMeanH: serviceMeanH,
  quotaUnitsPerDay: undefined,
  binding: 'lanes',
});

describe('queueWait', () => {
  it('is the M/M/1 wait ρs/(1−ρ), and its slope s²/(1−λs)²', () => {
    const s = 2;
    for (const rho of [0.1, 0.5, 0.9, 0.99]) {
      const lambda = rho / s;
      expect(queueWait(side(1, s, 1), lambda).meanH).toBeCloseTo((rho * s) / (1 - rho), 9);
      expect(queueWaitSlope(side(1, s, 1), lambda)).toBeCloseTo((s * s) / (1 - lambda * s) ** 2, 3);
    }
  });

  it('is the M/D/1 wait ρs/(2(1−ρ)) (Pollaczek–Khinchine)', () => {
    const s = 0.75;
    for (const rho of [0.3, 0.8])
      expect(queueWait(side(1, s, 0), rho / s).meanH).toBeCloseTo((rho * s) / (2 * (1 - rho)), 9);
  });

  it('is the M/M/c wait C(c, a)/(cμ − λ) from Erlang C’s closed form', () => {
    for (const [c, s, rho] of [
      [2, 1, 0.5],
      [4, 1, 0.9],
      [10, 3, 0.95],
    ] as const) {
      const mu = 1 / s;
      const lambda = rho * c * mu;
      const expected = erlangCClosedForm(c, lambda / mu) / (c * mu - lambda);
      expect(queueWait(side(c, s, 1), lambda).meanH).toBeCloseTo(expected, 9);
    }
  });

  it('has no stationary wait at or above capacity', () => {
    expect(queueWait(side(2, 1, 1), 2).meanH).toBe(Number.POSITIVE_INFINITY);
    expect(queueWait(side(2, 1, 1), 3).utilization).toBe(1.5);
    expect(queueWaitSlope(side(2, 1, 1), 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('grows without bound as the load nears capacity', () => {
    let previous = 0;
    for (const rho of [0.9, 0.99, 0.999, 0.9999]) {
      const w = queueWait(side(4, 1, 0.5), 4 * rho).meanH;
      expect(w).toBeGreaterThan(previous);
      previous = w;
    }
    expect(previous).toBeGreaterThan(1000);
  });
});

/** The wait for opening of a unit arriving at time t of the week, by walking the calendar. */
function waitForOpening(calendar: WeeklyCalendar, t: number): number {
  for (let dt = 0; dt < 2 * 168; dt += 0.001) {
    const x = (t + dt) % 168;
    if (calendar.intervals.some(([a, b]) => a <= x && x < b)) return dt;
  }
  throw new Error('never opens');
}

describe('waiting for the crossing to open', () => {
  it('mean and variance match a brute-force average over the week', () => {
    const parsed = parseHours('Mon-Fri 09:00-18:00; Sat 10:00-14:00');
    if (!('calendar' in parsed)) throw new Error(parsed.error);
    const cal = parsed.calendar;
    let sum = 0;
    let sum2 = 0;
    const n = 168 * 10;
    for (let i = 0; i < n; i++) {
      const w = waitForOpening(cal, (i + 0.5) / 10);
      sum += w;
      sum2 += w * w;
    }
    const mean = sum / n;
    expect(closedWaitH(cal)).toBeCloseTo(mean, 2);
    expect(closedWaitVarianceH2(cal)).toBeCloseTo(sum2 / n - mean * mean, 0);
    expect(queueWait(side(1, 1, 1, cal), 0).meanH).toBe(closedWaitH(cal));
  });
});

/** A crossing side of the queue model: c lanes, clearance mean m and SCV cv², open by `hours`. */
function hoursSide(lanes: number, m: number, cv2: number, hours: string, quota?: number) {
  const parsed = parseHours(hours);
  if (!('calendar' in parsed)) throw new Error(parsed.error);
  return queueSide(
    crossingSide({
      lanes,
      hours,
      ...(quota !== undefined ? { quota_units_per_day: quota } : {}),
      steps: [
        {
          name: 'clearance',
          time: cv2 === 0 ? `const(${m}h)` : `gamma(mean=${m}h, sd=${m * Math.sqrt(cv2)}h)`,
        },
      ],
    }),
  );
}

/**
 * Deterministic arrivals every 1/λ hours at a crossing with c lanes of fixed clearance m, open by the
 * calendar: each unit takes the lane free first, at the first open moment from then on (a unit in
 * clearance at closing finishes). The mean wait over the last of `weeks` weeks.
 */
function bruteForceDeterministic(
  calendar: WeeklyCalendar,
  lanes: number,
  m: number,
  lambda: number,
  weeks: number,
) {
  const free = new Array<number>(lanes).fill(0);
  const openFrom = (t: number) => {
    const week = Math.floor(t / 168);
    const x = t - 168 * week;
    for (const [a, b] of calendar.intervals) if (x < b) return 168 * week + Math.max(a, x);
    return 168 * (week + 1) + calendar.intervals[0]![0];
  };
  let sum = 0;
  let count = 0;
  for (let i = 0; ; i++) {
    const t = i / lambda;
    if (t >= 168 * weeks) break;
    let lane = 0;
    for (let k = 1; k < lanes; k++) if (free[k]! < free[lane]!) lane = k;
    const start = openFrom(Math.max(t, free[lane]!));
    free[lane] = start + m;
    if (t >= 168 * (weeks - 1)) {
      sum += start - t;
      count++;
    }
  }
  return sum / count;
}

describe('opening hours: the backlog of the closed hours', () => {
  it('is the fluid wait (G²/2P)/(1 − ρ_open) when units are small and nothing varies (worked by hand)', () => {
    // Open 08:00–16:00: closed G = 16 h of every P = 24 h. A unit arriving s hours into the closure
    // waits G − s for the opening, then for the λs units ahead at c/m an hour; the backlog λG drains
    // at c/m − λ, and units arriving meanwhile wait for what is left of it. Averaged over the day:
    // (G²/2)(1 + ρ + ρ²/(1 − ρ))/P = (G²/2P)/(1 − ρ), ρ = λm/c.
    const q = hoursSide(1, 0.001, 0, 'daily 08:00-16:00');
    const lambda = 200;
    const expected = 16 ** 2 / 2 / 24 / (1 - lambda * 0.001);
    expect(queueWait(q, lambda, 0).meanH).toBeCloseTo(expected, 3);
  });

  // Within 2 %: at opening the model's lanes take c/2 units at once, the mean of the staircase by which
  // c lanes of fixed clearance start the backlog (c at once, c more after m, …).
  it('matches a brute-force walk of deterministic arrivals and clearances, weekends included, within 2 %', () => {
    for (const [lanes, m, lambda, hours] of [
      [1, 0.05, 5, 'Mon-Fri 08:00-18:00'],
      [2, 0.1, 6, 'daily 10:00-18:00'],
      [3, 0.2, 4, 'Mon-Sat 06:00-22:00'],
    ] as const) {
      const q = hoursSide(lanes, m, 0, hours);
      const truth = bruteForceDeterministic(q.calendar, lanes, m, lambda, 4);
      expect(Math.abs(queueWait(q, lambda, 0).meanH - truth)).toBeLessThan(0.02 * truth);
    }
  });
});

describe('the queue model over random crossings (fast-check)', () => {
  const crossing = fc.record({
    lanes: fc.integer({ min: 1, max: 6 }),
    openH: fc.integer({ min: 1, max: 24 }),
    startH: fc.integer({ min: 0, max: 23 }),
    days: fc.constantFrom('daily', 'Mon-Fri', 'Mon-Sat'),
    m: fc.double({ min: 0.05, max: 3, noNaN: true }),
    cv2: fc.constantFrom(0, 0.2, 1, 2),
    quota: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    arrivalCv2: fc.constantFrom(0, 1),
  });
  const build = (p: Parameters<Parameters<typeof crossing.map>[0]>[0]) => {
    const end = (p.startH + p.openH) % 24;
    const hours =
      p.openH >= 24
        ? '24/7'
        : `${p.days} ${String(p.startH).padStart(2, '0')}:00-${String(end).padStart(2, '0')}:00`;
    return hoursSide(p.lanes, p.m, p.cv2, hours, p.quota);
  };

  it('is increasing in the flow below capacity and Infinity at and above it', () => {
    fc.assert(
      fc.property(crossing, (p) => {
        const q = build(p);
        let previous = queueWait(q, 0, p.arrivalCv2).meanH;
        for (let k = 1; k < 200; k++) {
          const w = queueWait(q, (k / 200) * q.capacityUnitsPerH, p.arrivalCv2).meanH;
          expect(Number.isFinite(w)).toBe(true);
          expect(w).toBeGreaterThanOrEqual(previous - 1e-9 * previous);
          previous = w;
        }
        expect(queueWait(q, q.capacityUnitsPerH, p.arrivalCv2).meanH).toBe(Number.POSITIVE_INFINITY);
        expect(queueWait(q, 1.1 * q.capacityUnitsPerH, p.arrivalCv2).meanH).toBe(Number.POSITIVE_INFINITY);
      }),
      { numRuns: 150, seed: 9 },
    );
  });
});
