/**
 * When the units of a demand set off: a Poisson process, evenly spaced departures, or a Poisson
 * process whose rate follows an hourly profile of the day (more trucks in the morning); each may
 * follow a monthly profile too (the Chinese New Year), the rate scaled by the month's factor.
 */
import { MonthCalendar, type MonthlyFactors } from './month-calendar.js';
import type { Uniform } from './random.js';

/**
 * Given the time of the previous arrival (or the start), `next` gives the time of the next one;
 * Infinity for none. An object with a method rather than a closure, for the reason given at `Uniform`
 * (random.ts): the call stays monomorphic and inlined from one replication to the next.
 */
export interface ArrivalProcess {
  next(previous: number): number;
}

/** `poisson`, `uniform` or a 24-hour profile of relative intensities in local time, as the file format says. */
export type ArrivalPattern = 'poisson' | 'uniform' | { readonly profile: readonly number[] };

/** No arrivals. */
const NEVER: ArrivalProcess = { next: () => Number.POSITIVE_INFINITY };

class PoissonArrivals implements ArrivalProcess {
  private readonly mean: number;

  constructor(
    perHour: number,
    private readonly random: Uniform,
  ) {
    this.mean = 1 / perHour;
  }

  next(previous: number): number {
    return previous - this.mean * Math.log(1 - this.random.next());
  }
}

/** Evenly spaced arrivals, the first after a uniform share of the gap. */
class EvenArrivals implements ArrivalProcess {
  private readonly gap: number;
  private started = false;

  constructor(
    perHour: number,
    private readonly random: Uniform,
  ) {
    this.gap = 1 / perHour;
  }

  next(previous: number): number {
    if (this.started) return previous + this.gap;
    this.started = true;
    return previous + this.gap * this.random.next();
  }
}

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
  if (!(perHour > 0)) return NEVER;
  // a flat profile is no profile: the same draws as without one
  if (monthly?.factors.some((x) => x !== 1))
    return seasonalArrivals(pattern, perHour, random, offset_h, monthly);
  if (pattern === 'poisson') return new PoissonArrivals(perHour, random);
  if (pattern === 'uniform') return new EvenArrivals(perHour, random);
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
  if (!(total > 0)) return NEVER;
  return new ProfiledArrivals(
    Float64Array.from(profile, (x) => (x / total) * 24 * perHour),
    random,
    offset_h,
  );
}

class ProfiledArrivals implements ArrivalProcess {
  constructor(
    private readonly rates: Float64Array,
    private readonly random: Uniform,
    private readonly offset_h: number,
  ) {}

  next(previous: number): number {
    let need = -Math.log(1 - this.random.next());
    let t = previous;
    for (;;) {
      const local = t + this.offset_h;
      const hourStart = Math.floor(local);
      const hour = ((hourStart % 24) + 24) % 24;
      const rate = this.rates[hour]!;
      const left = hourStart + 1 - local;
      if (rate * left >= need) return t + need / rate;
      need -= rate * left;
      t += left;
    }
  }
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
  if (!monthly.factors.some((x) => x > 0)) return NEVER;
  let hourly: Float64Array | null = null;
  if (typeof pattern === 'object') {
    if (pattern.profile.length !== 24) throw new RangeError('an hourly profile has 24 values');
    const total = pattern.profile.reduce((s, x) => s + x, 0);
    if (!(total > 0)) return NEVER;
    hourly = Float64Array.from(pattern.profile, (x) => (x / total) * 24);
  }
  return new SeasonalArrivals(
    pattern === 'uniform',
    Float64Array.from(monthly.factors, (x) => x * perHour),
    hourly,
    new MonthCalendar(monthly.start_date),
    random,
    offset_h,
  );
}

class SeasonalArrivals implements ArrivalProcess {
  private started = false;

  constructor(
    private readonly evenly: boolean,
    private readonly factors: Float64Array,
    private readonly hourly: Float64Array | null,
    private readonly calendar: MonthCalendar,
    private readonly random: Uniform,
    private readonly offset_h: number,
  ) {}

  next(previous: number): number {
    if (!this.evenly) return this.after(previous, -Math.log(1 - this.random.next()));
    if (this.started) return this.after(previous, 1);
    this.started = true;
    return this.after(previous, this.random.next());
  }

  /** The time at which `need` more of the cumulative intensity is used up after `from`. */
  private after(from: number, need: number): number {
    const { calendar, hourly } = this;
    let t = from;
    let left = need;
    for (;;) {
      let rate = this.factors[calendar.monthAt(t)]!;
      // the month calendar steps a time that rounds onto its month's end into the next month
      let length = calendar.monthEnd(t) - t;
      if (hourly !== null) {
        const local = t + this.offset_h;
        const hourStart = Math.floor(local);
        rate *= hourly[((hourStart % 24) + 24) % 24]!;
        length = Math.min(length, hourStart + 1 - local);
      }
      if (rate > 0 && rate * length >= left) return t + left / rate;
      left -= rate * length;
      // a piece too short for floating point to step over (a time rounded onto its end) moves on a nanohour
      t += Math.max(length, 1e-9);
    }
  }
}
