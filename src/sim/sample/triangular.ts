/** Expert-judgement durations, `tri(min, mode, max)`: inverse transform of the triangular law. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

export function triangularSampler(min_h: number, mode_h: number, max_h: number, random: Uniform): Sampler {
  const range = max_h - min_h;
  const split = (mode_h - min_h) / range;
  const left = range * (mode_h - min_h);
  const right = range * (max_h - mode_h);
  return () => {
    const u = random();
    return u < split ? min_h + Math.sqrt(u * left) : max_h - Math.sqrt((1 - u) * right);
  };
}
