/** Memoryless durations, `exp(mean=6h)`: Poisson arrivals' gaps, the M in M/M/c. Inverse transform. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

class ExponentialSampler implements Sampler {
  private readonly m: number;

  constructor(
    mean_h: number,
    private readonly random: Uniform,
  ) {
    this.m = -mean_h;
  }

  sample(): number {
    return this.m * Math.log(1 - this.random.next());
  }
}

export function exponentialSampler(mean_h: number, random: Uniform): Sampler {
  return new ExponentialSampler(mean_h, random);
}
