/** Right-skewed durations given by mean and standard deviation, `lognormal(mean=6h, sd=2h)`. */
import type { Uniform } from '../random.js';
import { constantSampler } from './constant.js';
import { normalSampler } from './normal.js';
import type { Sampler } from './sampler.js';

class LognormalSampler implements Sampler {
  constructor(private readonly normal: Sampler) {}

  sample(): number {
    return Math.exp(this.normal.sample());
  }
}

/**
 * The log is normal with σ² = ln(1 + sd²/mean²) and μ = ln(mean) − σ²/2.
 */
export function lognormalSampler(mean_h: number, sd_h: number, random: Uniform): Sampler {
  if (sd_h === 0) return constantSampler(mean_h);
  const cv = sd_h / mean_h;
  const sigma2 = Math.log1p(cv * cv);
  return new LognormalSampler(normalSampler(Math.log(mean_h) - sigma2 / 2, Math.sqrt(sigma2), random));
}
