/** A fixed duration: `const(2h)`, a timetabled crossing or a deterministic service. */
import type { Sampler } from './sampler.js';

export function constantSampler(value_h: number): Sampler {
  return () => value_h;
}
