/** Expert-judgement durations, `tri(min, mode, max)`: inverse transform of the triangular law. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

class TriangularSampler implements Sampler {
  private readonly split: number;
  private readonly left: number;
  private readonly right: number;

  constructor(
    private readonly min_h: number,
    mode_h: number,
    private readonly max_h: number,
    private readonly random: Uniform,
  ) {
    const range = max_h - min_h;
    this.split = (mode_h - min_h) / range;
    this.left = range * (mode_h - min_h);
    this.right = range * (max_h - mode_h);
  }

  sample(): number {
    const u = this.random.next();
    return u < this.split
      ? this.min_h + Math.sqrt(u * this.left)
      : this.max_h - Math.sqrt((1 - u) * this.right);
  }
}

export function triangularSampler(min_h: number, mode_h: number, max_h: number, random: Uniform): Sampler {
  return new TriangularSampler(min_h, mode_h, max_h, random);
}
