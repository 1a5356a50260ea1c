/** Durations equally likely anywhere between two bounds, `uniform(1h, 3h)`. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

export function uniformSampler(min_h: number, max_h: number, random: Uniform): Sampler {
  const range = max_h - min_h;
  return () => min_h + range * random();
}
