/** Observed durations with their frequencies, `empirical(1h: 0.7, 8h: 0.3)`. */
import type { Uniform } from '../random.js';
import type { Sampler } from './sampler.js';

/**
 * Walker's alias method (Vose's construction): constant time, one uniform per draw.
 */
export function empiricalSampler(
  values_h: readonly number[],
  weights: readonly number[],
  random: Uniform,
): Sampler {
  const n = values_h.length;
  if (n === 0 || weights.length !== n)
    throw new RangeError('empirical needs as many weights as values, at least one');
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0) || weights.some((w) => !(w >= 0)))
    throw new RangeError('empirical weights must be ≥ 0, not all 0');
  const values = Float64Array.from(values_h);
  const keep = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weights.map((w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  for (const [i, p] of scaled.entries()) (p < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    keep[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of large) keep[i] = 1;
  for (const i of small) keep[i] = 1;
  return new AliasSampler(values, keep, alias, random);
}

class AliasSampler implements Sampler {
  constructor(
    private readonly values: Float64Array,
    private readonly keep: Float64Array,
    private readonly alias: Int32Array,
    private readonly random: Uniform,
  ) {}

  sample(): number {
    const x = this.random.next() * this.values.length;
    const i = Math.floor(x);
    return x - i < this.keep[i]! ? this.values[i]! : this.values[this.alias[i]!]!;
  }
}
