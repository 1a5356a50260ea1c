/** Observers of a simulated crossing for tests: each hook does nothing unless the test gives it. */
import type { CrossingHooks } from '../../../src/sim/crossing.js';

export function crossingHooks(given: Partial<CrossingHooks>): CrossingHooks {
  return {
    reach: () => {},
    queue: () => {},
    booked: () => {},
    busy: () => {},
    open: () => {},
    cleared: () => {},
    ...given,
  };
}
