/**
 * When the units of a demand set off: a Poisson process, evenly spaced departures, or a Poisson
 * process whose rate follows an hourly profile of the day (more trucks in the morning); each may
 * follow a monthly profile too (the Chinese New Year), the rate scaled by the month's factor.
 */
import { MonthCalendar, type MonthlyFactors } from './month-calendar.js';
import type { Uniform } from './random.js';

/** Given the time of the previous arrival (or the start), the time of the next one; Infinity for none. */
export type ArrivalProcess = (previous: number) => number;

/** `poisson`, `uniform` or a 24-hour profile of relative intensities in local time, as the file format says. */
export type ArrivalPattern = 'poisson' | 'uniform' | { readonly profile: readonly number[] };

/**
 * Arrivals at `perHour` on average. Evenly spaced arrivals start at a random phase, so that demands
 * do not all set off at time 0. `offset_h` is local time minus simulation time, for a profile. With
 * `monthly`, the rate in each calendar month of the run is `perHour` × the month's factor (factors of
 * mean 1, as the compiled demand's): see {@link seasonalArrivals}.
 */
export function arrivalProcess(
  pattern: ArrivalPattern,
  perHour: number,
  random: Uniform,
  offset_h = 0,
  monthly?: MonthlyFactors,
): ArrivalProcess {
  if (!(perHour > 0)) return () => Number.POSITIVE_INFINITY;
  // a flat profile is no profile: the same draws as without one
  if (monthly?.factors.some((x) => x !== 1))
    return seasonalArrivals(pattern, perHour, random, offset_h, monthly);
  if (pattern === 'poisson') {
    const mean = 1 / perHour;
    return (previous) => previous - mean * Math.log(1 - random());
  }
  if (pattern === 'uniform') {
    const gap = 1 / perHour;
    let started = false;
    return (previous) => {
      if (started) return previous + gap;
      started = true;
      return previous + gap * random();
    };
  }
  return profiledPoisson(pattern.profile, perHour, random, offset_h);
}

/**
 * A non-homogeneous Poisson process with a rate constant within each local hour, by inversion: a unit
 * exponential amount of cumulative intensity is used up hour by hour.
 */
function profiledPoisson(
  profile: readonly number[],
  perHour: number,
  random: Uniform,
  offset_h: number,
): ArrivalProcess {
  if (profile.length !== 24) throw new RangeError('an hourly profile has 24 values');
  const total = profile.reduce((s, x) => s + x, 0);
  if (!(total > 0)) return () => Number.POSITIVE_INFINITY;
  const rates = Float64Array.from(profile, (x) => (x / total) * 24 * perHour);
  return (previous) => {
    let need = -Math.log(1 - random());
    let t = previous;
    for (;;) {
      const local = t + offset_h;
      const hourStart = Math.floor(local);
      const hour = ((hourStart % 24) + 24) % 24;
      const rate = rates[hour]!;
      const left = hourStart + 1 - local;
      if (rate * left >= need) return t + need / rate;
      need -= rate * left;
      t += left;
    }
  };
}

/**
 * Arrivals whose rate is `perHour` × the factor of the calendar month × (with an hourly profile) the
 * hour's share of the day × 24, by inversion of the cumulative intensity Λ: a Poisson arrival comes
 * once a unit exponential amount of Λ is used up after the previous one; an evenly spaced one once a
 * whole unit is (so that the spacing is 1 / the month's rate, and a gap running over a month's end
 * is stretched or shrunk by the next month's rate), the first after a uniform share of a unit. The
 * intensity is constant on each piece between an hour's and a month's end; a month whose factor is 0
 * has no arrivals.
 */
export function seasonalArrivals(
  pattern: ArrivalPattern,
  perHour: number,
  random: Uniform,
  offset_h: number,
  monthly: MonthlyFactors,
): ArrivalProcess {
  if (monthly.factors.length !== 12) throw new RangeError('a monthly profile has 12 values');
  if (!monthly.factors.some((x) => x > 0)) return () => Number.POSITIVE_INFINITY;
  const calendar = new MonthCalendar(monthly.start_date);
  const factors = Float64Array.from(monthly.factors, (x) => x * perHour);
  let hourly: Float64Array | null = null;
  if (typeof pattern === 'object') {
    if (pattern.profile.length !== 24) throw new RangeError('an hourly profile has 24 values');
    const total = pattern.profile.reduce((s, x) => s + x, 0);
    if (!(total > 0)) return () => Number.POSITIVE_INFINITY;
    hourly = Float64Array.from(pattern.profile, (x) => (x / total) * 24);
  }
  /** The time at which `need` more of the cumulative intensity is used up after `from`. */
  const after = (from: number, need: number): number => {
    let t = from;
    let left = need;
    for (;;) {
      let rate = factors[calendar.monthAt(t)]!;
      // the month calendar steps a time that rounds onto its month's end into the next month
      let length = calendar.monthEnd(t) - t;
      if (hourly !== null) {
        const local = t + offset_h;
        const hourStart = Math.floor(local);
        rate *= hourly[((hourStart % 24) + 24) % 24]!;
        length = Math.min(length, hourStart + 1 - local);
      }
      if (rate > 0 && rate * length >= left) return t + left / rate;
      left -= rate * length;
      // a piece too short for floating point to step over (a time rounded onto its end) moves on a nanohour
      t += Math.max(length, 1e-9);
    }
  };
  if (pattern === 'uniform') {
    let started = false;
    return (previous) => {
      if (started) return after(previous, 1);
      started = true;
      return after(previous, random());
    };
  }
  return (previous) => after(previous, -Math.log(1 - random()));
}
