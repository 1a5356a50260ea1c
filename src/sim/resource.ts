/**
 * Lanes at a crossing, tracks at a gauge-change yard: identical servers with one waiting line, whose
 * number open changes over time (opening hours, a quota) without interrupting a unit in service.
 */
import { FifoQueue } from './fifo-queue.js';
import type { Simulation } from './kernel.js';
import { PriorityQueue } from './priority-queue.js';
import type { Discipline, UnitQueue } from './unit-queue.js';

/** Observers of a resource: statistics collectors, animation. Times are in hours. */
export interface ResourceHooks {
  /** A unit found no free server and joined the queue, now `queueLength` long. */
  enqueue(time: number, unit: number, queueLength: number): void;
  /** A unit got a server after waiting `wait` hours (0 if served at once); `busy` servers are now in use. */
  start(time: number, unit: number, wait: number, busy: number, queueLength: number): void;
  /** A server was freed; `busy` servers are still in use. */
  release(time: number, busy: number): void;
  /** The number of open servers became `capacity`. */
  capacity(time: number, capacity: number): void;
  /** A waiting unit left the queue without being served, which is now `queueLength` long. */
  withdraw?(time: number, unit: number, queueLength: number): void;
}

/**
 * The model a resource hands each unit to when it gets a server: it schedules the end of the unit's
 * service and eventually calls {@link Resource.release}. An object with a method rather than a
 * callback: every replication's model is another object of the same class, so the resource's call
 * to it stays monomorphic across replications and is inlined, where a new closure in each
 * replication would throw the compiled code away once ("wrong call target") and often not inline.
 */
export interface ServiceStarter {
  /** Called synchronously when `unit` gets a server. */
  startService(unit: number): void;
}

/** Something whose number of open servers a schedule can set. */
export interface CapacityTarget {
  setCapacity(capacity: number): void;
}

export interface ResourceOptions {
  /** Open servers at the start (default 1). */
  readonly capacity?: number;
  /** Queue discipline (default 'fifo'). */
  readonly discipline?: Discipline;
  /** A custom queue, overriding `discipline`. */
  readonly queue?: UnitQueue;
  readonly hooks?: ResourceHooks;
}

export class Resource implements CapacityTarget {
  /** Servers in use; may exceed `capacity` for a while after a closing. */
  busy = 0;
  /** Servers open now. */
  capacity: number;
  readonly queue: UnitQueue;
  hooks: ResourceHooks | null;
  private readonly sim: Simulation;
  private readonly starter: ServiceStarter;

  /** @param starter told (synchronously) when a unit gets a server */
  constructor(sim: Simulation, starter: ServiceStarter, options: ResourceOptions = {}) {
    this.sim = sim;
    this.starter = starter;
    this.capacity = options.capacity ?? 1;
    this.queue = options.queue ?? (options.discipline === 'priority' ? new PriorityQueue() : new FifoQueue());
    this.hooks = options.hooks ?? null;
  }

  /** Asks for a server; returns true if the unit was served at once, false if it joined the queue. */
  request(unit: number, priority = 0): boolean {
    const now = this.sim.now;
    const queue = this.queue;
    if (this.busy < this.capacity && queue.length === 0) {
      this.busy++;
      if (this.hooks !== null) this.hooks.start(now, unit, 0, this.busy, 0);
      this.starter.startService(unit);
      return true;
    }
    queue.push(unit, priority, now);
    if (this.hooks !== null) this.hooks.enqueue(now, unit, queue.length);
    return false;
  }

  /** Takes a waiting unit out of the queue (it gave up); false when it is not waiting. */
  withdraw(unit: number): boolean {
    if (!this.queue.remove(unit)) return false;
    this.hooks?.withdraw?.(this.sim.now, unit, this.queue.length);
    return true;
  }

  /** Frees one server; it takes the next waiting unit if capacity allows. */
  release(): void {
    if (this.busy === 0) throwNoServerInUse();
    this.busy--;
    if (this.hooks !== null) this.hooks.release(this.sim.now, this.busy);
    this.dispatch();
  }

  /** Opens or closes servers; units in service are never interrupted. */
  setCapacity(capacity: number): void {
    if (!(capacity >= 0)) throw new RangeError(`capacity must be a non-negative number, got ${capacity}`);
    this.capacity = capacity;
    if (this.hooks !== null) this.hooks.capacity(this.sim.now, capacity);
    this.dispatch();
  }

  private dispatch(): void {
    const queue = this.queue;
    while (this.busy < this.capacity && queue.length > 0) {
      const unit = queue.shift();
      this.busy++;
      if (this.hooks !== null) {
        const now = this.sim.now;
        this.hooks.start(now, unit, now - queue.shiftedAt, this.busy, queue.length);
      }
      this.starter.startService(unit);
    }
  }
}

function throwNoServerInUse(): never {
  throw new Error('release() on a resource with no server in use');
}
