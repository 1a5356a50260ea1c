/**
 * A sampler draws one duration in hours per call; it is compiled once from a distribution over an
 * injected uniform source, then called in the hot loop.
 */

export type Sampler = () => number;
