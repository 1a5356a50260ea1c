/**
 * Durations as people write them (`45min`, `6h`, `1.5d`), converted to hours, the time unit used
 * everywhere inside Caravan.
 */

const UNIT_HOURS: Readonly<Record<string, number>> = {
  s: 1 / 3600,
  sec: 1 / 3600,
  min: 1 / 60,
  m: 1 / 60,
  h: 1,
  hr: 1,
  d: 24,
  day: 24,
  days: 24,
  w: 168,
  wk: 168,
};

const DURATION = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]+)\s*$/i;

/** The units a duration may carry, for error messages. */
export const DURATION_UNITS = 's, min, h, d, w';

/**
 * Parses a duration such as `45min`, `6h` or `1.5d` into hours.
 * Returns an error message instead of throwing, so that callers can attach a path.
 */
export function parseDuration(text: string): { hours: number } | { error: string } {
  const match = DURATION.exec(text);
  if (!match) {
    if (/^\s*[+-]?\d+(\.\d*)?\s*$/.test(text)) {
      return {
        error: `"${text}" has no unit: write it with one of ${DURATION_UNITS}, e.g. "${text.trim()}h"`,
      };
    }
    return { error: `"${text}" is not a duration: write a number and a unit (${DURATION_UNITS}), e.g. "6h"` };
  }
  const unit = UNIT_HOURS[match[2]!.toLowerCase()];
  if (unit === undefined) {
    return { error: `"${text}" has an unknown time unit "${match[2]}": use one of ${DURATION_UNITS}` };
  }
  return { hours: Number(match[1]) * unit };
}

/** Formats hours compactly for people: `45min`, `6.5h`, `11.2d`. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return String(hours);
  if (Math.abs(hours) < 1) return `${round(hours * 60, 1)}min`;
  if (Math.abs(hours) < 48) return `${round(hours, 1)}h`;
  return `${round(hours / 24, 1)}d`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
