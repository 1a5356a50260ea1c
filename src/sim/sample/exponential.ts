/** Memoryless durations, `exp(mean=6h)`: Poisson arrivals' gaps, the M in M/M/c. Inverse transform. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

export function exponentialSampler(mean_h: number, random: Uniform): Sampler {
  const m = -mean_h;
  return () => m * Math.log(1 - random());
}
