/** Durations equally likely anywhere between two bounds, `uniform(1h, 3h)`. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

class UniformSampler implements Sampler {
  private readonly range: number;

  constructor(
    private readonly min_h: number,
    max_h: number,
    private readonly random: Uniform,
  ) {
    this.range = max_h - min_h;
  }

  sample(): number {
    return this.min_h + this.range * this.random.next();
  }
}

export function uniformSampler(min_h: number, max_h: number, random: Uniform): Sampler {
  return new UniformSampler(min_h, max_h, random);
}
