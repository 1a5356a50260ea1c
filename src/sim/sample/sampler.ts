/**
 * A sampler draws one duration in hours per call of `sample()`; it is compiled once from a
 * distribution over an injected uniform source, then called in the hot loop. An object with a method
 * rather than a closure, for the reason given at `Uniform` (random.ts): the call stays monomorphic
 * and inlined from one replication to the next.
 */
export interface Sampler {
  sample(): number;
}
