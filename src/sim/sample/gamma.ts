/** Durations with a gamma shape given by mean and standard deviation, `gamma(mean=3h, sd=1h)`. */
import type { Uniform } from '../random.js';
import { constantSampler } from './constant.js';
import { normalSampler } from './normal.js';
import type { Sampler } from './sampler.js';

/**
 * Shape k = mean²/sd², scale θ = sd²/mean; Marsaglia and Tsang's method (2000), and for k < 1 a draw
 * with shape k + 1 times U^(1/k).
 */
class GammaSampler implements Sampler {
  private readonly scale: number;
  private readonly boosted: boolean;
  private readonly d: number;
  private readonly c: number;
  private readonly invShape: number;
  private readonly normal: Sampler;

  constructor(
    mean_h: number,
    sd_h: number,
    private readonly random: Uniform,
  ) {
    const shape = (mean_h * mean_h) / (sd_h * sd_h);
    this.scale = (sd_h * sd_h) / mean_h;
    this.boosted = shape < 1;
    this.d = (this.boosted ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
    this.normal = normalSampler(0, 1, random);
  }

  sample(): number {
    const { c, d, normal, random } = this;
    let x: number;
    let v: number;
    for (;;) {
      do {
        x = normal.sample();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - random.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v * this.scale;
    return this.boosted ? g * (1 - random.next()) ** this.invShape : g;
  }
}

export function gammaSampler(mean_h: number, sd_h: number, random: Uniform): Sampler {
  if (sd_h === 0) return constantSampler(mean_h);
  return new GammaSampler(mean_h, sd_h, random);
}
