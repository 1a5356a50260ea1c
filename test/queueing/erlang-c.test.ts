import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmcWait } from '../../src/queueing/erlang-c.js';
import { erlangCClosedForm } from './erlang-closed-form.js';

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
