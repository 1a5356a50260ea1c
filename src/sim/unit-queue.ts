/**
 * The line units wait in before a server (a lane, a track, a berth) takes them. A queue discipline is
 * an implementation of this interface; every implementation passes the same conformance tests.
 */

export interface UnitQueue {
  /** Number of units waiting. */
  readonly length: number;
  /** Time at which the unit last returned by {@link shift} joined the queue. */
  readonly shiftedAt: number;
  /** Adds a unit that joined at `time`; `priority` is an integer class, lower served first where it counts. */
  push(unit: number, priority: number, time: number): void;
  /** Removes and returns the next unit to serve, or -1 when empty. */
  shift(): number;
  /** The unit {@link shift} would return next, or -1 when empty. */
  peek(): number;
  /** Takes a waiting unit out of the line (a driver who gives up); false when it is not waiting. */
  remove(unit: number): boolean;
  clear(): void;
}

/** Queue disciplines a resource can be built with. */
export type Discipline = 'fifo' | 'priority';
