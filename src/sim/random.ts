/**
 * Seeded random streams: each replication, and each source of randomness within it, gets its own
 * stream derived from the seed alone, so results do not depend on how work is spread over workers.
 */

import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A source of uniform numbers in [0, 1), as d3-random's `.source()`. */
export type Uniform = () => number;

/** Exactly 2^-53. */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * Uniform doubles in [0, 1) with 53 random bits, taken from the high bits of two 32-bit outputs (the
 * lowest bits of xoroshiro128+ are its weakest).
 */
export function uniformFrom(generator: JumpableRandomGenerator): Uniform {
  return () => ((generator.next() >>> 5) * 67108864 + (generator.next() >>> 6)) * TWO_POW_MINUS_53;
}

export interface RandomStreamsOptions {
  /** Independent streams reserved for each replication (default 16). */
  readonly substreams?: number;
}

/**
 * Streams are xoroshiro128+ generators from pure-rand, 2^64 draws apart (one `jump()` per stream
 * index: replication × substreams + substream), seeded through splitmix64 so that nearby seeds give
 * unrelated sequences.
 */
export class RandomStreams {
  readonly seed: number;
  readonly substreams: number;
  private readonly base: JumpableRandomGenerator;
  private cursor: JumpableRandomGenerator;
  private cursorIndex = 0;

  /** @param seed any safe integer */
  constructor(seed: number, options: RandomStreamsOptions = {}) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`the seed must be an integer, got ${seed}`);
    const substreams = options.substreams ?? 16;
    if (!(Number.isInteger(substreams) && substreams >= 1))
      throw new RangeError('substreams must be an integer ≥ 1');
    this.seed = seed;
    this.substreams = substreams;
    this.base = xoroshiro128plusFromState(splitmixState(seed));
    this.cursor = this.base.clone();
  }

  /**
   * Generator of stream `substream` of replication `replication`: the same numbers whichever order
   * streams are asked for in. Asking in increasing order costs one jump per stream skipped.
   */
  generator(replication: number, substream = 0): JumpableRandomGenerator {
    if (!(Number.isInteger(replication) && replication >= 0))
      throw new RangeError('replication must be an integer ≥ 0');
    if (!(Number.isInteger(substream) && substream >= 0 && substream < this.substreams)) {
      throw new RangeError(`substream must be an integer in [0, ${this.substreams})`);
    }
    const index = replication * this.substreams + substream;
    if (index < this.cursorIndex) {
      this.cursor = this.base.clone();
      this.cursorIndex = 0;
    }
    while (this.cursorIndex < index) {
      this.cursor.jump();
      this.cursorIndex++;
    }
    return this.cursor.clone();
  }

  /** Uniform source of stream `substream` of replication `replication`. */
  stream(replication: number, substream = 0): Uniform {
    return uniformFrom(this.generator(replication, substream));
  }
}

/** 128 bits of generator state from a seed by splitmix64 (Vigna's recommended seeding). */
function splitmixState(seed: number): number[] {
  const mask = (1n << 64n) - 1n;
  let x = BigInt.asUintN(64, BigInt(seed));
  const next = (): bigint => {
    x = (x + 0x9e3779b97f4a7c15n) & mask;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
  const s0 = next();
  const s1 = next();
  const hi = (v: bigint) => Number(BigInt.asIntN(32, v >> 32n));
  const lo = (v: bigint) => Number(BigInt.asIntN(32, v));
  // pure-rand's state layout is [high of s0, low of s0, high of s1, low of s1] (s01, s00, s11, s10)
  return [hi(s0), lo(s0), hi(s1), lo(s1)];
}
