/**
 * The rate at which a crossing direction clears units under a standing queue: its operational
 * capacity in units, which the compiled network stores on each side for every model to read (the
 * flow models' capacity, the queue model, the simulated e-queue's booking rate and drivers' expected
 * wait).
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';

/** What the rate depends on (a compiled crossing side has these fields). */
export interface ClearanceParams {
  readonly lanes: number;
  readonly calendar: WeeklyCalendar;
  /** Mean and variance of the time a unit holds a lane, hours. */
  readonly clearanceMeanH: number;
  readonly clearanceVarH2: number;
  readonly quotaUnitsPerDay: number | undefined;
  /** Drivers wait in an e-queue that calls them forward at the rate the lanes clear while open. */
  readonly eQueue: boolean;
}

/**
 * Units a crossing direction clears an hour under a standing queue, on average over the week, and
 * what limits it. Open round the clock, each lane clears one unit per mean clearance time. With
 * opening hours, a lane starts units from opening until closing and finishes the last one after
 * closing: over an open spell of H hours it starts, by the renewal theorem, H/m + (1 + cv²)/2 units
 * on average (m and cv² the mean and squared coefficient of variation of the clearance), which is
 * what the simulator's lanes do. The daily quota caps each day of the week on its own (a crossing
 * closed at weekends uses no quota then): Σ over the days of min(quota, what the lanes clear that day).
 * An e-queue calls units forward at the rate the lanes clear while open (H/m a lane), so a crossing
 * whose drivers use one clears that many: the last unit's edge is not used.
 */
export function crossingUnitsPerH(side: ClearanceParams): { unitsPerH: number; binding: 'lanes' | 'quota' } {
  const m = side.clearanceMeanH;
  const quota = side.quotaUnitsPerDay;
  if (!(m > 0)) {
    // Clearance takes no time: only the quota limits, on the days the crossing opens.
    if (quota === undefined) return { unitsPerH: Number.POSITIVE_INFINITY, binding: 'lanes' };
    return { unitsPerH: (quota * openDays(side)) / HOURS_PER_WEEK, binding: 'quota' };
  }
  const cv2 = side.clearanceVarH2 / (m * m);
  const iv = side.calendar.intervals;
  // Units the lanes clear on each day of the week (a spell's last unit counted on the day it ends).
  const perDay = new Float64Array(7);
  if (side.calendar.alwaysOpen) perDay.fill((side.lanes * 24) / m);
  else {
    // A spell running over the end of the week into its start is one spell, not two.
    const wraps = iv.length > 1 && iv[0]![0] === 0 && iv[iv.length - 1]![1] === HOURS_PER_WEEK;
    iv.forEach(([a, b], i) => {
      for (let d = Math.floor(a / 24); d * 24 < b && d < 7; d++) {
        const h = Math.min(b, (d + 1) * 24) - Math.max(a, d * 24);
        if (h > 0) perDay[d]! += (side.lanes * h) / m;
      }
      const joined = wraps && i === iv.length - 1;
      if (!joined && !side.eQueue)
        perDay[Math.min(6, Math.floor((b - 1e-9) / 24))]! += (side.lanes * (1 + cv2)) / 2;
    });
  }
  let byLanes = 0;
  let byBoth = 0;
  for (const units of perDay) {
    byLanes += units;
    byBoth += quota !== undefined ? Math.min(quota, units) : units;
  }
  return byBoth < byLanes
    ? { unitsPerH: byBoth / HOURS_PER_WEEK, binding: 'quota' }
    : { unitsPerH: byLanes / HOURS_PER_WEEK, binding: 'lanes' };
}

/** Days of the week on which the crossing opens at all. */
function openDays(side: ClearanceParams): number {
  if (side.calendar.alwaysOpen) return 7;
  const open = new Uint8Array(7);
  for (const [a, b] of side.calendar.intervals)
    for (let d = Math.floor(a / 24); d * 24 < b && d < 7; d++) open[d] = 1;
  return open.reduce((s, x) => s + x, 0);
}
