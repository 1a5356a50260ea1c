/** Durations with a gamma shape given by mean and standard deviation, `gamma(mean=3h, sd=1h)`. */
import type { Uniform } from '../random.js';
import { normalSampler } from './normal.js';
import type { Sampler } from './sampler.js';

/**
 * Shape k = mean²/sd², scale θ = sd²/mean; Marsaglia and Tsang's method (2000), and for k < 1 a draw
 * with shape k + 1 times U^(1/k).
 */
export function gammaSampler(mean_h: number, sd_h: number, random: Uniform): Sampler {
  if (sd_h === 0) return () => mean_h;
  const shape = (mean_h * mean_h) / (sd_h * sd_h);
  const scale = (sd_h * sd_h) / mean_h;
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  const normal = normalSampler(0, 1, random);
  return () => {
    let x: number;
    let v: number;
    for (;;) {
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - random();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v * scale;
    return boosted ? g * (1 - random()) ** invShape : g;
  };
}
