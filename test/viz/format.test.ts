import { describe, expect, it } from 'vitest';
import {
  formatDays,
  formatHours,
  formatMt,
  formatNumber,
  formatPercent,
  formatSigned,
  formatWait,
  waitUnit,
} from '../../src/viz/format.js';
import { legendValues } from '../../src/viz/legend-values.js';

const NB = '\u00a0';

describe('number formatting', () => {
  it('uses thousands separators and a true minus sign', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1234.5, 1)).toBe('\u22121,234.5');
    expect(formatNumber(-0.01, 1)).toBe('0.0');
  });
  it('gives one decimal under 100 and none above, for days and hours', () => {
    expect(formatHours(6.54)).toBe(`6.5${NB}h`);
    expect(formatHours(264.4)).toBe(`264${NB}h`);
    expect(formatHours(99.96)).toBe(`100${NB}h`);
    expect(formatDays(11.04)).toBe(`11.0${NB}d`);
  });
  it('shows waits in days from three days on', () => {
    expect(waitUnit(71.9)).toBe('h');
    expect(waitUnit(72)).toBe('d');
    expect(formatWait(264)).toBe(`11.0${NB}d`);
    expect(formatWait(30.5)).toBe(`30.5${NB}h`);
  });
  it('rounds percentages to whole numbers and signs differences', () => {
    expect(formatPercent(0.874)).toBe(`87${NB}%`);
    expect(formatPercent(1.106)).toBe(`111${NB}%`);
    expect(formatSigned(2.14)).toBe('+2.1');
    expect(formatSigned(-254.5)).toBe('\u2212255');
    expect(formatSigned(0)).toBe('0.0');
  });
  it('writes tonnages in Mt/yr with the precision their size needs', () => {
    expect(formatMt(20_033_794)).toBe(`20.0${NB}Mt/yr`);
    expect(formatMt(109_500_000)).toBe(`110${NB}Mt/yr`);
    expect(formatMt(70_000)).toBe(`0.07${NB}Mt/yr`);
    expect(formatMt(0, false)).toBe('0.0');
  });
});

describe('legend values', () => {
  it('are the largest nice number under the maximum and every second nice number below it', () => {
    expect(legendValues(30.51)).toEqual([20, 5, 1]);
    expect(legendValues(264)).toEqual([200, 50, 10]);
    expect(legendValues(11)).toEqual([10, 2, 0.5]);
    expect(legendValues(5)).toEqual([5, 1, 0.2]);
    expect(legendValues(0)).toEqual([]);
  });
  it('never exceed the maximum', () => {
    for (const max of [0.37, 1, 1.9, 7.5, 99, 1234, 5e6]) {
      const v = legendValues(max, 3, 1);
      expect(v[0]).toBeLessThanOrEqual(max);
      expect(v[0]! * 2.5).toBeGreaterThan(max);
      for (let i = 1; i < v.length; i++) expect(v[i]).toBeLessThan(v[i - 1]!);
    }
  });
});
