import { describe, expect, it } from 'vitest';
import { openShare, parseHours, utcOffsetHours } from '../../src/model/calendar.js';

function intervals(text: string) {
  const r = parseHours(text);
  if ('error' in r) throw new Error(r.error);
  return r.calendar.intervals;
}

describe('parseHours', () => {
  it('24/7 is always open', () => {
    const r = parseHours('24/7');
    expect(r).toEqual({ calendar: { alwaysOpen: true, intervals: [[0, 168]] } });
  });

  it('Mon-Sat 09:00-18:00 opens 9 h on six days (hand-computed hours of the week)', () => {
    expect(intervals('Mon-Sat 09:00-18:00')).toEqual(
      [0, 1, 2, 3, 4, 5].map((d) => [d * 24 + 9, d * 24 + 18]),
    );
    const r = parseHours('Mon-Sat 09:00-18:00');
    if ('error' in r) throw new Error();
    expect(openShare(r.calendar)).toBeCloseTo(54 / 168, 12);
  });

  it('joins several rules and wraps overnight hours into the next day, and Sunday night into Monday', () => {
    expect(intervals('Mon-Fri 08:00-20:00; Sat 09:00-13:30')).toHaveLength(6);
    expect(intervals('Sun 22:00-06:00')).toEqual([
      [0, 6],
      [166, 168],
    ]);
    expect(intervals('Mon 00:00-24:00; Tue 00:00-12:00')).toEqual([[0, 36]]);
  });

  it.each([
    'Mon-Sat 09:00-25:00',
    'Funday 09:00-18:00',
    'Mon 09:00-09:00',
    'open sometimes',
    '',
    'Mon 9:75-18:00',
  ])('rejects the impossible calendar %j', (text) => {
    expect(parseHours(text)).toHaveProperty('error');
  });
});

describe('utcOffsetHours', () => {
  it('reads fixed offsets and IANA zones', () => {
    expect(utcOffsetHours('UTC+05:00')).toEqual({ hours: 5 });
    expect(utcOffsetHours('-03:30')).toEqual({ hours: -3.5 });
    expect(utcOffsetHours('UTC')).toEqual({ hours: 0 });
    expect(utcOffsetHours('Europe/Warsaw', new Date(Date.UTC(2025, 0, 15)))).toEqual({ hours: 1 });
    expect(utcOffsetHours('Europe/Warsaw', new Date(Date.UTC(2025, 6, 15)))).toEqual({ hours: 2 });
  });

  it('rejects an unknown zone', () => {
    expect(utcOffsetHours('Asia/Atlantis')).toHaveProperty('error');
  });
});
