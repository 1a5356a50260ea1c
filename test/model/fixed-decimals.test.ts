import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedDecimals } from '../../src/model/fixed-decimals.js';

/** The reference: the ICU formatter that fixedDecimals stands in for. */
const icu = (x: number, decimals: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

describe('fixedDecimals', () => {
  it("writes every number as toLocaleString('en-US') with that many decimals does", () => {
    const values = [0, -0, 0.5, 1.005, -2.5, 999.95, 1234567.891, 1e21, -1e-7, Number.NaN, Math.PI * 1e6];
    for (let decimals = 0; decimals <= 6; decimals++) {
      for (const x of values)
        expect(fixedDecimals(x, decimals), `${x} with ${decimals} decimals`).toBe(icu(x, decimals));
    }
    expect(fixedDecimals(1234.5, 1)).toBe('1,234.5');
    expect(fixedDecimals(-0.04, 1)).toBe('-0.0');
    expect(fixedDecimals(999.5, 0)).toBe('1,000');
  });

  it('agrees with ICU on any double, at any magnitude, with 0 to 8 decimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(fixedDecimals(x, decimals)).toBe(icu(x, decimals));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with ICU on the ties and near-ties that rounding turns on', () => {
    // k + j/10^n ± a few ulps: the halves that round up, and the doubles just either side of them.
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -2, max: 2 }),
        (k, j, n, ulps) => {
          let x = k + j / 10 ** n;
          for (let u = 0; u < Math.abs(ulps); u++) x = ulps > 0 ? nextUp(x) : -nextUp(-x);
          for (let decimals = 0; decimals <= n; decimals++)
            expect(fixedDecimals(x, decimals)).toBe(icu(x, decimals));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

/** The next double above x. */
function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
