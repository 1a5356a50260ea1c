import { describe, expect, it } from 'vitest';
import { fixedDecimals } from '../../src/model/fixed-decimals.js';

describe('fixedDecimals', () => {
  it("writes every number as toLocaleString('en-US') with that many decimals does", () => {
    const values = [0, -0, 0.5, 1.005, -2.5, 999.95, 1234567.891, 1e21, -1e-7, Number.NaN, Math.PI * 1e6];
    for (let decimals = 0; decimals <= 6; decimals++) {
      for (const x of values) {
        const expected = x.toLocaleString('en-US', {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        });
        expect(fixedDecimals(x, decimals), `${x} with ${decimals} decimals`).toBe(expected);
      }
    }
    expect(fixedDecimals(1234.5, 1)).toBe('1,234.5');
  });
});
