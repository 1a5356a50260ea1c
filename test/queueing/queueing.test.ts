import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, parseHours } from '../../src/model/calendar.js';
import { closedWaitH, crossingCapacityPerH, crossingWait } from '../../src/queueing/crossing-wait.js';
import { erlangB, erlangC, mmcWait } from '../../src/queueing/erlang-c.js';

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/** Erlang C from its textbook closed form, as independent truth for the recursion. */
function erlangCClosedForm(c: number, a: number): number {
  let sum = 0;
  for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
  const top = (a ** c / factorial(c)) * (c / (c - a));
  return top / (sum + top);
}

describe('Erlang formulas', () => {
  it('Erlang B for one server is a/(1+a)', () => {
    expect(erlangB(1, 0.5)).toBeCloseTo(1 / 3, 14);
  });

  it.each([
    [1, 0.5],
    [2, 1],
    [4, 3.6],
    [10, 8],
    [20, 19.5],
  ])('Erlang C(%i, %f) equals the closed form', (c, a) => {
    expect(erlangC(c, a)).toBeCloseTo(erlangCClosedForm(c, a), 12);
  });

  it('M/M/1 wait is ρ/(μ−λ)', () => {
    expect(mmcWait(1, 0.8, 1)).toBeCloseTo(0.8 / 0.2, 12);
    expect(mmcWait(1, 1, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('M/M/2 with a = 1: C = 1/3 and Wq = C/(2μ − λ)', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    expect(mmcWait(2, 1, 1)).toBeCloseTo(1 / 3, 14);
  });
});

describe('crossingWait', () => {
  it('reduces to M/M/c for an always-open crossing with exponential clearance and Poisson arrivals', () => {
    const w = crossingWait({ lanes: 3, serviceMeanH: 0.5, serviceCv2: 1, calendar: ALWAYS_OPEN }, 5);
    expect(w.waitH).toBeCloseTo(mmcWait(3, 5, 2), 12);
    expect(w.utilization).toBeCloseTo(5 / 6, 12);
  });

  it('halves the M/M/1 wait for deterministic clearance (Pollaczek–Khinchine for M/D/1)', () => {
    const rho = 0.8;
    const w = crossingWait({ lanes: 1, serviceMeanH: 1, serviceCv2: 0, calendar: ALWAYS_OPEN }, rho);
    expect(w.waitH).toBeCloseTo(rho / (2 * (1 - rho)), 12);
  });

  it('opening hours cut capacity and add the wait for opening (hand-computed)', () => {
    const cal = parseHours('Mon-Sat 09:00-18:00');
    if ('error' in cal) throw new Error();
    // Six 15 h nights and one 39 h weekend gap (Sat 18:00 to Mon 09:00).
    expect(closedWaitH(cal.calendar)).toBeCloseTo((5 * 15 ** 2 + 39 ** 2) / 2 / 168, 12);
    expect(
      crossingCapacityPerH({ lanes: 2, serviceMeanH: 0.5, serviceCv2: 1, calendar: cal.calendar }),
    ).toBeCloseTo((2 * 54) / 168 / 0.5, 12);
  });

  it('a daily quota caps capacity, and a load above capacity is saturated', () => {
    const p = { lanes: 10, serviceMeanH: 0.5, serviceCv2: 1, calendar: ALWAYS_OPEN, quotaUnitsPerDay: 240 };
    expect(crossingCapacityPerH(p)).toBe(10);
    expect(crossingWait(p, 12).waitH).toBe(Number.POSITIVE_INFINITY);
  });
});
