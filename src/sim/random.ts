/**
 * Seeded random streams keyed by identity: each stream is derived by hashing (seed, replication,
 * purpose, element id), not by its position among the others, so adding, removing or reordering
 * elements of a network leaves every other element's draws unchanged (common random numbers), and
 * any split of replications over workers or machines draws the same numbers. Setting up a stream
 * costs the same whatever its replication (no jumps).
 */

import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A source of uniform numbers in [0, 1): `next()` draws one. An object with a method rather than a
 * closure: each replication's sources are new objects of the same class, so a sampler's call to
 * `next()` stays monomorphic across replications and is inlined, where a new closure in every
 * replication is often called out of line (and boxes the double it returns).
 */
export interface Uniform {
  next(): number;
}

/** The source for options that make no draw: always 0. */
export const zeroUniform: Uniform = { next: () => 0 };

/** Exactly 2^-53. */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * Uniform doubles in [0, 1) with 53 random bits, taken from the high bits of two 32-bit outputs (the
 * lowest bits of xoroshiro128+ are its weakest).
 */
class GeneratorUniform implements Uniform {
  constructor(private readonly generator: JumpableRandomGenerator) {}

  next(): number {
    const generator = this.generator;
    return ((generator.next() >>> 5) * 67108864 + (generator.next() >>> 6)) * TWO_POW_MINUS_53;
  }
}

export function uniformFrom(generator: JumpableRandomGenerator): Uniform {
  return new GeneratorUniform(generator);
}

/**
 * The same uniforms as {@link uniformFrom} over pure-rand's xoroshiro128+, stepping the generator's
 * four 32-bit words (its layout: high and low words of s0, then of s1) in an Int32Array: the draw
 * every sampler and arrival makes. V8 reads and writes the array's words as raw integers, where a
 * word held in a property, often beyond its small integers, would be a boxed double.
 */
class XoroshiroUniform implements Uniform {
  private readonly words: Int32Array;

  constructor(state: readonly number[]) {
    this.words = Int32Array.from(state);
  }

  next(): number {
    const w = this.words;
    let s01 = w[0]!;
    let s00 = w[1]!;
    let s11 = w[2]!;
    let s10 = w[3]!;
    const high = (s00 + s10) >>> 5;
    let a0 = s10 ^ s00;
    let a1 = s11 ^ s01;
    let x = s00;
    let y = s01;
    s00 = (x << 24) ^ (y >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (y << 24) ^ (x >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const low = (s00 + s10) >>> 6;
    a0 = s10 ^ s00;
    a1 = s11 ^ s01;
    x = s00;
    y = s01;
    w[1] = (x << 24) ^ (y >>> 8) ^ a0 ^ (a0 << 16);
    w[0] = (y << 24) ^ (x >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    w[3] = (a1 << 5) ^ (a0 >>> 27);
    w[2] = (a0 << 5) ^ (a1 >>> 27);
    return (high * 67108864 + low) * TWO_POW_MINUS_53;
  }
}

export function uniformFromState(state: readonly number[]): Uniform {
  return new XoroshiroUniform(state);
}

const MASK64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** The splitmix64 output function of x + golden ratio: a bijective 64-bit mix with full avalanche. */
function mix64(x: bigint): bigint {
  let z = (x + GOLDEN) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** Absorbs one 64-bit word into a running hash (a sponge over mix64). */
function absorb(h: bigint, word: bigint): bigint {
  return mix64(h ^ (word & MASK64));
}

const textHashes = new Map<string, bigint>();

/** 64-bit hash of a text: its length, then each UTF-16 code unit, absorbed in turn; memoised. */
function textHash(text: string): bigint {
  let h = textHashes.get(text);
  if (h !== undefined) return h;
  h = absorb(0x5ca1ab1e0ddba11n, BigInt(text.length));
  for (let i = 0; i < text.length; i++) h = absorb(h, BigInt(text.charCodeAt(i)));
  if (textHashes.size < 100_000) textHashes.set(text, h);
  return h;
}

/**
 * 128 bits of xoroshiro128+ state from the key (seed, replication, purpose, element): the four parts
 * absorbed in turn, then two splitmix64 outputs (never both zero).
 */
export function streamState(seed: number, replication: number, purpose: string, element: string): number[] {
  let h = absorb(0n, BigInt.asUintN(64, BigInt(seed)));
  h = absorb(h, BigInt(replication));
  h = absorb(h, textHash(purpose));
  h = absorb(h, textHash(element));
  let s0 = mix64(h);
  const s1 = mix64(h ^ GOLDEN);
  if (s0 === 0n && s1 === 0n) s0 = 1n;
  const hi = (v: bigint) => Number(BigInt.asIntN(32, v >> 32n));
  const lo = (v: bigint) => Number(BigInt.asIntN(32, v));
  // pure-rand's state layout is [high of s0, low of s0, high of s1, low of s1] (s01, s00, s11, s10)
  return [hi(s0), lo(s0), hi(s1), lo(s1)];
}

/** What a stream is for, one name per kind of draw. */
export const Purpose = {
  /** A demand's arrival times. */
  arrivals: 'arrivals',
  /** Whether a crossing step applies and whether it is repeated. */
  decision: 'decision',
  /** How long a step, link, sailing or transshipment takes. */
  duration: 'duration',
  /** Whether a unit at a crossing is in the priority class. */
  priority: 'priority',
  /** A driver's threshold on the expected wait (balking) and patience (reneging) at a crossing. */
  balking: 'balking',
  patience: 'patience',
  /** Whether a seasonal service's slot is open or closed by weather (both directions draw alike). */
  weather: 'weather',
  /** A positional substream of {@link RandomStreams.stream} (tests and engine benches). */
  substream: 'substream',
} as const;

/**
 * The streams of one seed. `keyed(replication, purpose, element)` is the stream of one element's one
 * kind of draw; `stream(replication, k)` the k-th plain substream of a replication, for models
 * without named elements.
 */
export class RandomStreams {
  readonly seed: number;

  /** @param seed any safe integer */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`the seed must be an integer, got ${seed}`);
    this.seed = seed;
  }

  /** Generator of the stream keyed by (replication, purpose, element). */
  generator(replication: number, purpose: string, element: string): JumpableRandomGenerator {
    if (!(Number.isSafeInteger(replication) && replication >= 0))
      throw new RangeError('replication must be an integer ≥ 0');
    return xoroshiro128plusFromState(streamState(this.seed, replication, purpose, element));
  }

  /** Uniform source keyed by (replication, purpose, element id). */
  keyed(replication: number, purpose: string, element: string): Uniform {
    if (!(Number.isSafeInteger(replication) && replication >= 0))
      throw new RangeError('replication must be an integer ≥ 0');
    return uniformFromState(streamState(this.seed, replication, purpose, element));
  }

  /** Uniform source of plain substream `substream` (an integer ≥ 0) of replication `replication`. */
  stream(replication: number, substream = 0): Uniform {
    if (!(Number.isSafeInteger(substream) && substream >= 0))
      throw new RangeError('substream must be an integer ≥ 0');
    return this.keyed(replication, Purpose.substream, String(substream));
  }
}
