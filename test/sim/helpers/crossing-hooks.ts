/** Observers and clients of a simulated crossing for tests: each does nothing unless the test gives it. */
import type { CrossingClient, CrossingHooks } from '../../../src/sim/crossing.js';

/** The trips of a crossing in a test: told when a unit leaves cleared, or gives up. */
export function crossingClient(given: Partial<CrossingClient> = {}): CrossingClient {
  return { cleared: () => {}, gaveUp: () => {}, ...given };
}

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
