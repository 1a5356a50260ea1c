/**
 * Opening calendars of border crossings: `24/7`, or weekly rules such as
 * `Mon-Sat 09:00-18:00; Sun 10:00-14:00`, in a time zone. Compiled to open intervals in hours of the
 * week (0 = Monday 00:00 local time).
 */

export const HOURS_PER_WEEK = 168;
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Weekly open intervals `[start_h, end_h)`, sorted, merged, within [0, 168]. */
export interface WeeklyCalendar {
  readonly alwaysOpen: boolean;
  readonly intervals: readonly (readonly [number, number])[];
}

export const ALWAYS_OPEN: WeeklyCalendar = { alwaysOpen: true, intervals: [[0, HOURS_PER_WEEK]] };

export function parseHours(text: string): { calendar: WeeklyCalendar } | { error: string } {
  const src = text.trim().toLowerCase();
  if (src === '24/7' || src === 'always' || src === 'daily 00:00-24:00') return { calendar: ALWAYS_OPEN };
  const raw: [number, number][] = [];
  for (const rule of src
    .split(/[;\n]+/)
    .map((r) => r.trim())
    .filter(Boolean)) {
    const m = /^([a-z,\s-]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(rule);
    if (!m) {
      return { error: `"${rule}" is not a rule like "Mon-Sat 09:00-18:00" (or write "24/7")` };
    }
    const days = parseDays(m[1]!.trim());
    if ('error' in days) return days;
    const [h1, m1, h2, m2] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
    if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || (h1 === 24 && m1 > 0) || (h2 === 24 && m2 > 0)) {
      return { error: `"${rule}": hours run 00:00 to 24:00` };
    }
    const start = h1 + m1 / 60;
    let end = h2 + m2 / 60;
    if (end === start)
      return { error: `"${rule}": opening and closing times are equal (for all day write 00:00-24:00)` };
    if (end < start) end += 24; // overnight: 22:00-06:00 runs into the next day
    for (const d of days.days) {
      const s = d * 24 + start;
      const e = d * 24 + end;
      if (e <= HOURS_PER_WEEK) raw.push([s, e]);
      else raw.push([s, HOURS_PER_WEEK], [0, e - HOURS_PER_WEEK]);
    }
  }
  if (raw.length === 0)
    return { error: `"${text}" opens at no time: write "24/7" or rules like "Mon-Fri 08:00-20:00"` };
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  const alwaysOpen = merged.length === 1 && merged[0]![0] === 0 && merged[0]![1] === HOURS_PER_WEEK;
  return { calendar: { alwaysOpen, intervals: merged } };
}

function parseDays(text: string): { days: number[] } | { error: string } {
  if (text === 'daily' || text === 'every day' || text === 'mon-sun') return { days: [0, 1, 2, 3, 4, 5, 6] };
  const out = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = part.split('-').map((p) => p.trim());
    const idx = range.map((d) => DAYS.indexOf(d.slice(0, 3) as (typeof DAYS)[number]));
    if (range.length > 2 || idx.some((i) => i < 0) || range.some((d) => d.length < 3)) {
      return {
        error: `"${part}" is not a day or day range: use Mon, Tue, Wed, Thu, Fri, Sat, Sun, e.g. "Mon-Sat"`,
      };
    }
    const [a, b = a] = idx as [number, number?];
    for (let d = a; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === b) break;
    }
  }
  return { days: [...out].sort() };
}

/** Share of the week a calendar is open, 0..1. */
export function openShare(calendar: WeeklyCalendar): number {
  return calendar.intervals.reduce((s, [a, b]) => s + (b - a), 0) / HOURS_PER_WEEK;
}

/** One formatter per time zone, made once: making one loads the zone's rules, which costs far more than using it. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter of local date and time in a time zone; throws a RangeError for an unknown zone. */
function zoneFormat(tz: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zoneFormats.set(tz, f);
  }
  return f;
}

/** A time zone's UTC offset at an instant, as worked out once. */
export interface ZoneOffset {
  readonly tz: string;
  readonly at_ms: number;
  readonly hours: number;
}

/**
 * The offsets of named zones already worked out, by zone and instant. The first formatter of a zone
 * costs ≈ 4–12 ms (ICU loads the zone's rules), so the build's snapshot of the embedded network
 * carries the offsets its zones have (src/io/dataset-snapshot.ts) and a start need not make any.
 */
const zoneOffsets = new Map<string, ZoneOffset>();

const offsetKey = (tz: string, atMs: number) => `${tz}@${atMs}`;

/** Every named zone's offset worked out (or remembered) so far in this process. */
export function knownZoneOffsets(): ZoneOffset[] {
  return [...zoneOffsets.values()];
}

/** Takes offsets worked out before, by the same time-zone data (the caller checks its version). */
export function rememberZoneOffsets(offsets: readonly ZoneOffset[]): void {
  for (const o of offsets) zoneOffsets.set(offsetKey(o.tz, o.at_ms), o);
}

/**
 * UTC offset in hours of a time zone at a date: an IANA name (`Asia/Almaty`) or `UTC`, `UTC+05:00`,
 * `+05:00`. Returns an error message for an unknown zone.
 */
export function utcOffsetHours(
  tz: string,
  date: Date = new Date(Date.UTC(2025, 0, 1)),
): { hours: number } | { error: string } {
  const fixed = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(tz.trim());
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    return { hours: sign * (Number(fixed[2]) + Number(fixed[3] ?? 0) / 60) };
  }
  if (/^(utc|gmt|z)$/i.test(tz.trim())) return { hours: 0 };
  const key = offsetKey(tz, date.getTime());
  const known = zoneOffsets.get(key);
  if (known !== undefined) return { hours: known.hours };
  try {
    const parts = zoneFormat(tz).formatToParts(date);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    const hours = Math.round((local - date.getTime()) / 60000) / 60;
    zoneOffsets.set(key, { tz, at_ms: date.getTime(), hours });
    return { hours };
  } catch {
    return {
      error: `unknown time zone "${tz}": use an IANA name such as "Asia/Almaty" or an offset such as "UTC+05:00"`,
    };
  }
}
