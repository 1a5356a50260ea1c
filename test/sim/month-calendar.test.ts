/**
 * The month of simulated time against month lengths counted by hand (time 0 = 00:00 UTC on the start date).
 */
import { describe, expect, it } from 'vitest';
import { MonthCalendar } from '../../src/sim/month-calendar.js';

describe('MonthCalendar', () => {
  it('a run from 1 December 2024 enters January at 31 days and March at 31 + 31 + 28 days (2025 is no leap year)', () => {
    const c = new MonthCalendar('2024-12-01');
    expect(c.monthAt(0)).toBe(11);
    expect(c.monthEnd(0)).toBe(31 * 24);
    expect(c.monthAt(31 * 24 - 1e-6)).toBe(11);
    expect(c.monthAt(31 * 24)).toBe(0);
    expect(c.monthEnd(31 * 24)).toBe(62 * 24);
    expect(c.monthAt(62 * 24)).toBe(1);
    expect(c.monthEnd(62 * 24)).toBe((62 + 28) * 24);
    expect(c.monthAt((62 + 28) * 24)).toBe(2);
  });

  it('a run from the middle of February 2024 (a leap year) reaches March after 15 days', () => {
    const c = new MonthCalendar('2024-02-15');
    expect(c.monthAt(0)).toBe(1);
    expect(c.monthEnd(0)).toBe(15 * 24);
    expect(c.monthAt(15 * 24)).toBe(2);
    // looking back after looking forward finds the month again
    expect(c.monthAt(1)).toBe(1);
  });

  it('a time rounded onto a month’s end is in the next month, and the next month ends later', () => {
    const c = new MonthCalendar('2024-01-01');
    for (const m of [1, 2, 6, 11, 12, 13]) {
      const end = (Date.UTC(2024, m, 1) - Date.UTC(2024, 0, 1)) / 3_600_000;
      const t = c.monthEnd(end - 0.5);
      expect(t).toBe(end);
      expect(c.monthAt(t)).toBe(m % 12);
      expect(c.monthEnd(t)).toBeGreaterThan(t);
    }
  });

  it('refuses a start that is not a day', () => {
    expect(() => new MonthCalendar('2024-02-30')).toThrow(RangeError);
    expect(() => new MonthCalendar('1 July 2024')).toThrow(RangeError);
  });
});
