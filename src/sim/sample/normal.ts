/** Normal deviates, the building block of the lognormal and gamma samplers. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

/**
 * Marsaglia's polar method, keeping the second deviate of each pair for the next call.
 */
class NormalSampler implements Sampler {
  private spare = 0;
  private hasSpare = false;

  constructor(
    private readonly mean: number,
    private readonly sd: number,
    private readonly random: Uniform,
  ) {}

  sample(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.mean + this.sd * this.spare;
    }
    const random = this.random;
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random.next() - 1;
      v = 2 * random.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return this.mean + this.sd * u * f;
  }
}

export function normalSampler(mean: number, sd: number, random: Uniform): Sampler {
  return new NormalSampler(mean, sd, random);
}
