/**
 * A crossing-like G/G/c queue, the engine's test vehicle: one line, c lanes open on a timetable, and
 * clearance steps in order, each applying with a probability and repeated with a repeat probability.
 */
import { CapacitySchedule, type CapacityTimetable } from './capacity-schedule.js';
import { type ClearanceClient, type ClearanceStep, ClearanceSteps } from './clearance-steps.js';
import { IdPool } from './id-pool.js';
import type { Simulation } from './kernel.js';
import { type Uniform, zeroUniform } from './random.js';
import { Resource, type ResourceHooks, type ServiceStarter } from './resource.js';
import type { Sampler } from './sample/sampler.js';
import type { Discipline } from './unit-queue.js';

/** A clearance step of the queue model. */
export type QueueStep = ClearanceStep;

/** A share of arrivals served with the given priority (lower first) under the 'priority' discipline. */
export interface PriorityClass {
  readonly share: number;
  readonly priority: number;
}

export interface QueueModelHooks {
  arrive(time: number, unit: number, priorityClass: number): void;
  depart(time: number, unit: number, arrivedAt: number, startedAt: number, priorityClass: number): void;
}

export interface QueueModelOptions {
  /** Time between arrivals, hours. */
  readonly interarrival: Sampler;
  readonly steps: readonly QueueStep[];
  /** Lanes (default 1); ignored when `hours` is given. */
  readonly servers?: number;
  /** Opening hours: lanes open over a periodic timetable. */
  readonly hours?: CapacityTimetable;
  readonly discipline?: Discipline;
  /** Priority classes drawn for each arrival (default: one class, priority 0). */
  readonly classes?: readonly PriorityClass[];
  /** Uniforms for step probabilities, repeats and classes; needed only when those are random. */
  readonly random?: Uniform;
  /** Time of the first arrival (default: one interarrival time after the start). */
  readonly firstArrival_h?: number;
  /** No arrivals after this many (default unlimited). */
  readonly maxArrivals?: number;
  /** No arrivals at or after this time (default never). */
  readonly arrivalsUntil_h?: number;
  readonly hooks?: QueueModelHooks;
  readonly resourceHooks?: ResourceHooks;
}

/**
 * Each unit is a small state machine driven by two kinds of events, an arrival and the end of a step;
 * its state lives in typed arrays indexed by recycled unit ids.
 */
export class QueueModel implements ServiceStarter, ClearanceClient {
  readonly resource: Resource;
  readonly schedule: CapacitySchedule | null;
  /** Units that have arrived so far. */
  arrivals = 0;
  private readonly sim: Simulation;
  private readonly interarrival: Sampler;
  private readonly steps: ClearanceSteps;
  private readonly classShares: Float64Array;
  private readonly classPriorities: Int32Array;
  private readonly random: Uniform;
  private readonly maxArrivals: number;
  private readonly arrivalsUntil: number;
  private readonly hooks: QueueModelHooks | null;
  private readonly ids = new IdPool();
  private arrivedAt = new Float64Array(64);
  private startedAt = new Float64Array(64);
  private classOf = new Int32Array(64);
  private readonly arriveKind: number;

  constructor(sim: Simulation, options: QueueModelOptions) {
    this.sim = sim;
    this.interarrival = options.interarrival;
    this.steps = new ClearanceSteps(sim, options.steps, this);
    const classes = options.classes ?? [{ share: 1, priority: 0 }];
    const total = classes.reduce((s, c) => s + c.share, 0);
    let cumulative = 0;
    this.classShares = Float64Array.from(classes, (c) => (cumulative += c.share / total));
    this.classPriorities = Int32Array.from(classes, (c) => c.priority);
    const random = options.random;
    if ((classes.length > 1 || this.steps.needsShared) && random === undefined)
      throw new RangeError('random step probabilities or classes need `random`');
    this.random = random ?? zeroUniform;
    this.steps.useRandom(this.random);
    this.maxArrivals = options.maxArrivals ?? Number.POSITIVE_INFINITY;
    this.arrivalsUntil = options.arrivalsUntil_h ?? Number.POSITIVE_INFINITY;
    this.hooks = options.hooks ?? null;
    this.arriveKind = sim.handler('arrival', () => this.arrive());
    this.resource = new Resource(sim, this, {
      capacity: options.servers ?? 1,
      discipline: options.discipline ?? 'fifo',
      ...(options.resourceHooks ? { hooks: options.resourceHooks } : {}),
    });
    this.schedule = options.hours ? new CapacitySchedule(sim, this.resource, options.hours) : null;
    const first = options.firstArrival_h ?? sim.now + this.interarrival.sample();
    if (first < this.arrivalsUntil && this.maxArrivals > 0) sim.scheduleAt(first, this.arriveKind);
  }

  /** Units in the system (waiting or in service). */
  get inSystem(): number {
    return this.ids.inUse;
  }

  private arrive(): void {
    const now = this.sim.now;
    if (++this.arrivals < this.maxArrivals) {
      const next = now + this.interarrival.sample();
      if (next < this.arrivalsUntil) this.sim.scheduleAt(next, this.arriveKind);
    }
    const unit = this.ids.acquire();
    if (unit === this.arrivedAt.length) this.grow();
    this.arrivedAt[unit] = now;
    const c = this.classShares.length > 1 ? this.drawClass() : 0;
    this.classOf[unit] = c;
    if (this.hooks !== null) this.hooks.arrive(now, unit, c);
    this.resource.request(unit, this.classPriorities[c]!);
  }

  private drawClass(): number {
    const shares = this.classShares;
    const u = this.random.next();
    let c = 0;
    while (c < shares.length - 1 && u >= shares[c]!) c++;
    return c;
  }

  /**
   * Called by the resource when the unit gets a lane; never departs synchronously (no recursion).
   * Not for other callers.
   */
  startService(unit: number): void {
    this.startedAt[unit] = this.sim.now;
    this.steps.start(unit);
  }

  /** Called by the clearance steps when the unit is through them. Not for other callers. */
  depart(unit: number): void {
    if (this.hooks !== null) {
      this.hooks.depart(
        this.sim.now,
        unit,
        this.arrivedAt[unit]!,
        this.startedAt[unit]!,
        this.classOf[unit]!,
      );
    }
    this.ids.release(unit);
    this.resource.release();
  }

  private grow(): void {
    const n = this.arrivedAt.length * 2;
    const arrivedAt = new Float64Array(n);
    const startedAt = new Float64Array(n);
    const classOf = new Int32Array(n);
    arrivedAt.set(this.arrivedAt);
    startedAt.set(this.startedAt);
    classOf.set(this.classOf);
    this.arrivedAt = arrivedAt;
    this.startedAt = startedAt;
    this.classOf = classOf;
  }
}
