import { describe, expect, it } from 'vitest';
import { formatHours, parseDuration } from '../../src/model/duration.js';

describe('parseDuration', () => {
  it.each([
    ['45min', 0.75],
    ['6h', 6],
    ['1.5d', 36],
    ['30s', 30 / 3600],
    ['2w', 336],
    [' 90 min ', 1.5],
    ['.5h', 0.5],
  ])('%s is %f hours', (text, hours) => {
    expect(parseDuration(text)).toEqual({ hours: expect.closeTo(hours, 12) });
  });

  it('rejects a number without a unit, naming the fix', () => {
    const r = parseDuration('6');
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toContain('"6h"');
  });

  it.each(['six hours', '6 parsecs', '', 'h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toHaveProperty('error');
  });
});

describe('formatHours', () => {
  it('picks a readable unit', () => {
    expect(formatHours(0.5)).toBe('30min');
    expect(formatHours(6.25)).toBe('6.3h');
    expect(formatHours(264)).toBe('11d');
  });
});
