/** Normal deviates, the building block of the lognormal and gamma samplers. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

/**
 * Marsaglia's polar method, keeping the second deviate of each pair for the next call.
 */
export function normalSampler(mean: number, sd: number, random: Uniform): Sampler {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return mean + sd * u * f;
  };
}
