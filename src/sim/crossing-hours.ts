/**
 * A crossing's opening calendar (`Mon-Sat 09:00-18:00` in its time zone) as a weekly timetable of open
 * lanes, for a run whose clock starts on a Monday at 00:00 UTC.
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';
import type { CapacityStep, CapacityTimetable } from './capacity-schedule.js';

/**
 * `lanes` open within the calendar's intervals and none outside; `utcOffset_h` is the time zone's
 * offset (local time minus UTC, +5 for Asia/Almaty).
 */
export function crossingTimetable(
  calendar: WeeklyCalendar,
  lanes: number,
  utcOffset_h: number,
): CapacityTimetable {
  if (calendar.alwaysOpen) return { period_h: HOURS_PER_WEEK, steps: [{ at_h: 0, capacity: lanes }] };
  const isOpen = (t: number) => calendar.intervals.some(([a, b]) => a <= t && t < b);
  const boundaries = [
    ...new Set(calendar.intervals.flatMap(([a, b]) => [a % HOURS_PER_WEEK, b % HOURS_PER_WEEK])),
  ].sort((x, y) => x - y);
  const steps: CapacityStep[] = [];
  for (const at of boundaries) {
    const capacity = isOpen(at) ? lanes : 0;
    if (steps.length === 0 || steps[steps.length - 1]!.capacity !== capacity)
      steps.push({ at_h: at, capacity });
  }
  // the week wraps: a step equal to the one in force before it (the last) changes nothing
  while (steps.length > 1 && steps[0]!.capacity === steps[steps.length - 1]!.capacity) steps.shift();
  return { period_h: HOURS_PER_WEEK, steps, offset_h: utcOffset_h };
}

/** Hours a calendar is open on average per day. */
export function openHoursPerDay(calendar: WeeklyCalendar): number {
  return calendar.intervals.reduce((s, [a, b]) => s + (b - a), 0) / 7;
}
