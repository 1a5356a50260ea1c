/**
 * How many jobs a server runs at once by default, in a module of its own so that `caravan serve
 * --help` can say so without loading the server.
 */
import { availableParallelism } from 'node:os';

/** Default job workers: one per core beyond the one the HTTP thread needs, at least one, at most four. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
