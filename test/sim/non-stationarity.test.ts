/** The non-stationarity judgement on hand-made cases: material growth, and an interval that excludes 0. */
import { describe, expect, it } from 'vitest';
import { materialGrowth, nonStationary } from '../../src/sim/stats/non-stationarity.js';

describe('non-stationarity', () => {
  it('counts growth above half a unit a day and 1 % of the throughput, either sign', () => {
    expect(materialGrowth(0.4, 10)).toBe(false);
    expect(materialGrowth(3, 400)).toBe(false);
    expect(materialGrowth(5, 400)).toBe(true);
    expect(materialGrowth(-5, 400)).toBe(true);
    expect(materialGrowth(0.6, null)).toBe(true);
  });

  it('flags a material growth whose interval excludes 0, or has no interval (one replication)', () => {
    expect(nonStationary(172, [169, 176], 398)).toBe(true);
    expect(nonStationary(-20, [-30, -10], 398)).toBe(true);
    expect(nonStationary(20, [-5, 45], 398)).toBe(false);
    expect(nonStationary(0.29, [0.16, 0.43], 371)).toBe(false);
    expect(nonStationary(20, null, 398)).toBe(true);
    expect(nonStationary(null, null, null)).toBe(false);
  });
});
