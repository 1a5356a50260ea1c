/**
 * When the units of a demand set off: a Poisson process, evenly spaced departures, or a Poisson
 * process whose rate follows an hourly profile of the day (more trucks in the morning).
 */
import type { Uniform } from './random.js';

/** Given the time of the previous arrival (or the start), the time of the next one; Infinity for none. */
export type ArrivalProcess = (previous: number) => number;

/** `poisson`, `uniform` or a 24-hour profile of relative intensities in local time, as the file format says. */
export type ArrivalPattern = 'poisson' | 'uniform' | { readonly profile: readonly number[] };

/**
 * Arrivals at `perHour` on average. Evenly spaced arrivals start at a random phase, so that demands
 * do not all set off at time 0. `offset_h` is local time minus simulation time, for a profile.
 */
export function arrivalProcess(
  pattern: ArrivalPattern,
  perHour: number,
  random: Uniform,
  offset_h = 0,
): ArrivalProcess {
  if (!(perHour > 0)) return () => Number.POSITIVE_INFINITY;
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
