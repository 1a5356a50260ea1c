/** A fixed duration: `const(2h)`, a timetabled crossing or a deterministic service. */
import type { Sampler } from './sampler.js';

class ConstantSampler implements Sampler {
  constructor(private readonly value_h: number) {}

  sample(): number {
    return this.value_h;
  }
}

export function constantSampler(value_h: number): Sampler {
  return new ConstantSampler(value_h);
}
