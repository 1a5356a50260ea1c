import { describe, expect, it } from 'vitest';
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
