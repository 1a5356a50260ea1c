/** The one queue model, against textbook formulas and brute-force integration over the week. */
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, parseHours, type WeeklyCalendar } from '../../src/model/calendar.js';
import {
  closedWaitH,
  closedWaitVarianceH2,
  type QueueSide,
  queueWait,
  queueWaitSlope,
} from '../../src/queueing/crossing-queue.js';
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
