/**
 * A weekly opening calendar cut where anything changes for a queue: openings, closings and local
 * midnights (where a daily quota starts again). Computed once per calendar and kept, since the queue
 * model is evaluated many times inside a flow assignment.
 */
import { HOURS_PER_WEEK, type WeeklyCalendar } from '../model/calendar.js';

export interface WeekSegments {
  /** Segment k runs from at[k] to at[k + 1], hours of the week. */
  readonly at: Float64Array;
  /** Whether the crossing is open in segment k. */
  readonly open: Uint8Array;
  /** Whether segment k starts an open spell (a spell running on across the week's end starts once). */
  readonly opening: Uint8Array;
  /** Length of the open spell segment k starts, hours (0 where none starts). */
  readonly spellH: Float64Array;
  /** Whether segment k starts a local day. */
  readonly midnight: Uint8Array;
  /** Closed gaps (open spells) in a week. */
  readonly gapsPerWeek: number;
  /** Hours the crossing is open in a week. */
  readonly openHPerWeek: number;
  /** The calendar's period: a day when every day has the same hours, else the week. */
  readonly periodH: number;
}

const cache = new WeakMap<WeeklyCalendar, WeekSegments>();

export function weekSegments(calendar: WeeklyCalendar): WeekSegments {
  const known = cache.get(calendar);
  if (known) return known;
  const iv = calendar.intervals;
  const isOpen = (t: number) => iv.some(([a, b]) => a <= t && t < b);
  const days = [0, 24, 48, 72, 96, 120, 144];
  const at = Float64Array.from([...new Set([...iv.flat(), ...days, HOURS_PER_WEEK])].sort((a, b) => a - b));
  const n = at.length - 1;
  const open = new Uint8Array(n);
  const opening = new Uint8Array(n);
  const midnight = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const t = at[k]!;
    open[k] = isOpen(t) ? 1 : 0;
    midnight[k] = t % 24 === 0 ? 1 : 0;
    const before = k > 0 ? open[k - 1] === 1 : isOpen(HOURS_PER_WEEK - 1e-9);
    opening[k] = open[k] === 1 && !before && !calendar.alwaysOpen ? 1 : 0;
  }
  const spellH = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (!opening[k]) continue;
    let j = k;
    let h = 0;
    do {
      h += at[j + 1]! - at[j]!;
      j = (j + 1) % n;
    } while (open[j] === 1 && !opening[j] && j !== k);
    spellH[k] = h;
  }
  let periodH = 24;
  for (const [a, b] of iv)
    for (const t of [a, b, (a + b) / 2])
      for (let d = 1; d < 7; d++)
        if (isOpen((t + 24 * d) % HOURS_PER_WEEK) !== isOpen(t % HOURS_PER_WEEK)) periodH = HOURS_PER_WEEK;
  const segments: WeekSegments = {
    at,
    open,
    opening,
    spellH,
    midnight,
    gapsPerWeek: opening.reduce((sum, x) => sum + x, 0),
    openHPerWeek: iv.reduce((s, [a, b]) => s + (b - a), 0),
    periodH,
  };
  cache.set(calendar, segments);
  return segments;
}
