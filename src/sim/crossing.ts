/**
 * One direction of a border crossing: a queue (FIFO or a priority class first) for lanes open by the
 * hours, a daily quota, an optional e-queue, and the clearance steps in order while holding a lane.
 */
import { AppointmentBook } from './appointment-book.js';
import { CapacitySchedule, type CapacityTimetable } from './capacity-schedule.js';
import { type ClearanceStep, ClearanceSteps } from './clearance-steps.js';
import { DailyQuota } from './daily-quota.js';
import { IdPool } from './id-pool.js';
import type { Simulation } from './kernel.js';
import type { Uniform } from './random.js';
import { type CapacityTarget, Resource, type ResourceHooks } from './resource.js';

/** Observers of a crossing: statistics, animation. Times are in hours. */
export interface CrossingHooks {
  /** A unit reached the crossing; it comes to the border at `due` (later than `time` with an e-queue slot). */
  reach(time: number, due: number): void;
  /** Units waiting at the border became `length`. */
  queue(time: number, length: number): void;
  /** Units holding an e-queue slot, waiting away from the border, became `count`. */
  booked(time: number, count: number): void;
  /** Lanes in use became `busy`. */
  busy(time: number, busy: number): void;
  /** Lanes open by the opening hours became `lanes` (whether the day's quota is used up or not). */
  open(time: number, lanes: number): void;
  /**
   * A unit left, cleared: it reached the crossing at `reachedAt`, came to the border queue at
   * `queuedAt`, got a lane at `startedAt`; `priorityClass` is 0 for the priority class, 1 otherwise.
   */
  cleared(
    time: number,
    token: number,
    reachedAt: number,
    queuedAt: number,
    startedAt: number,
    priorityClass: number,
  ): void;
}

export interface CrossingOptions {
  /** Lanes (tracks at a rail crossing); the timetable's capacities when `hours` is given. */
  readonly lanes: number;
  /** Lanes open over a periodic timetable (default: all lanes always open). */
  readonly hours?: CapacityTimetable;
  /** Clearance steps in order, each holding the lane; a gauge change is one more step. */
  readonly steps: readonly ClearanceStep[];
  /** Units admitted to clearance per local day; `offset_h` is local time minus simulation time. */
  readonly quota?: { readonly perDay: number; readonly offset_h?: number };
  /** Share of units in the priority class (a green lane, a paid out-of-turn passage). */
  readonly priorityShare?: number;
  /** An appointment queue: the booking rate (units an hour while open) and the slot length. */
  readonly appointments?: { readonly perHour: number; readonly slot_h?: number };
  /** Uniforms for step probabilities, repeats and the priority class. */
  readonly random?: Uniform;
  readonly hooks?: CrossingHooks;
}

/**
 * Each unit in the crossing is a small state machine over two kinds of events (its e-queue slot comes
 * due, a step ends), with its state in typed arrays indexed by recycled ids; the caller's token for
 * the unit is handed back when it leaves.
 */
export class BorderCrossing {
  readonly lanes: Resource;
  readonly schedule: CapacitySchedule | null;
  readonly quota: DailyQuota | null;
  /** Units that reached the crossing so far. */
  reached = 0;
  private readonly sim: Simulation;
  private readonly onCleared: (token: number) => void;
  private readonly steps: ClearanceSteps;
  private readonly priorityShare: number;
  private readonly random: Uniform;
  private readonly book: AppointmentBook | null;
  private readonly hooks: CrossingHooks | null;
  private readonly ids = new IdPool();
  private tokens = new Int32Array(64);
  private reachedAt = new Float64Array(64);
  private queuedAt = new Float64Array(64);
  private startedAt = new Float64Array(64);
  private classOf = new Uint8Array(64);
  private readonly dueKind: number;
  /** Units holding an e-queue slot, waiting off the border. */
  private bookedCount = 0;

  /** @param onCleared called when a unit leaves the crossing, with the token it arrived with */
  constructor(sim: Simulation, onCleared: (token: number) => void, options: CrossingOptions) {
    this.sim = sim;
    this.onCleared = onCleared;
    const steps = options.steps;
    if (steps.length === 0) throw new RangeError('a crossing needs at least one clearance step');
    this.steps = new ClearanceSteps(sim, steps, (id) => this.depart(id), 'crossing-step-end');
    this.priorityShare = options.priorityShare ?? 0;
    if (!(this.priorityShare >= 0 && this.priorityShare <= 1))
      throw new RangeError('priorityShare must be in [0, 1]');
    const needsRandom = (this.priorityShare > 0 && this.priorityShare < 1) || this.steps.needsShared;
    if (needsRandom && options.random === undefined)
      throw new RangeError('random step probabilities, repeats or a priority class need `random`');
    this.random = options.random ?? (() => 0);
    this.steps.useRandom(this.random);
    this.hooks = options.hooks ?? null;
    this.dueKind = sim.handler('crossing-slot-due', (id) => this.toBorder(id));

    const hooks = this.hooks;
    const laneHooks: ResourceHooks | undefined = hooks
      ? {
          enqueue: (time, _unit, length) => hooks.queue(time, length),
          start: (time, _unit, _wait, busy, length) => {
            hooks.busy(time, busy);
            hooks.queue(time, length);
          },
          release: (time, busy) => hooks.busy(time, busy),
          capacity: () => {},
        }
      : undefined;
    this.lanes = new Resource(sim, (id) => this.startService(id), {
      capacity: options.hours ? 0 : options.lanes,
      discipline: this.priorityShare > 0 ? 'priority' : 'fifo',
      ...(laneHooks ? { hooks: laneHooks } : {}),
    });
    this.quota = options.quota
      ? new DailyQuota(sim, this.lanes, options.quota.perDay, options.quota.offset_h ?? 0)
      : null;
    const gate: CapacityTarget = this.quota ?? this.lanes;
    const opening: CapacityTarget = {
      setCapacity: (lanes) => {
        if (hooks) hooks.open(sim.now, lanes);
        gate.setCapacity(lanes);
      },
    };
    if (options.hours) this.schedule = new CapacitySchedule(sim, opening, options.hours);
    else {
      this.schedule = null;
      opening.setCapacity(options.lanes);
    }
    const schedule = this.schedule;
    this.book = options.appointments
      ? new AppointmentBook({
          perHour: options.appointments.perHour,
          ...(options.appointments.slot_h !== undefined ? { slot_h: options.appointments.slot_h } : {}),
          ...(schedule ? { isOpen: (t: number) => schedule.capacityAt(t) > 0 } : {}),
        })
      : null;
  }

  /** Units waiting at the border for a lane. */
  get queueLength(): number {
    return this.lanes.queue.length;
  }

  /** Units holding an e-queue slot, waiting away from the border. */
  get booked(): number {
    return this.bookedCount;
  }

  /** A unit reaches the crossing; `token` is handed back to `onCleared` when it leaves. */
  arrive(token: number): void {
    const now = this.sim.now;
    this.reached++;
    const id = this.ids.acquire();
    if (id === this.tokens.length) this.grow();
    this.tokens[id] = token;
    this.reachedAt[id] = now;
    this.classOf[id] = this.priorityShare > 0 && this.random() < this.priorityShare ? 0 : 1;
    if (this.book === null) {
      if (this.hooks !== null) this.hooks.reach(now, now);
      this.toBorder(id);
      return;
    }
    const due = this.book.book(now);
    if (this.hooks !== null) this.hooks.reach(now, due);
    if (due > now) {
      this.bookedCount++;
      if (this.hooks !== null) this.hooks.booked(now, this.bookedCount);
      this.sim.scheduleAt(due, this.dueKind, id);
    } else this.toBorder(id);
  }

  /** The unit comes to the border queue (at once, or when its e-queue slot starts). */
  private toBorder(id: number): void {
    const now = this.sim.now;
    if (now > this.reachedAt[id]!) {
      this.bookedCount--;
      if (this.hooks !== null) this.hooks.booked(now, this.bookedCount);
    }
    this.queuedAt[id] = now;
    this.lanes.request(id, this.classOf[id]!);
  }

  /** Called by the lanes when the unit gets one; never departs synchronously. */
  private startService(id: number): void {
    this.startedAt[id] = this.sim.now;
    if (this.quota !== null) this.quota.admit();
    this.steps.start(id);
  }

  private depart(id: number): void {
    const token = this.tokens[id]!;
    if (this.hooks !== null) {
      this.hooks.cleared(
        this.sim.now,
        token,
        this.reachedAt[id]!,
        this.queuedAt[id]!,
        this.startedAt[id]!,
        this.classOf[id]!,
      );
    }
    this.ids.release(id);
    this.lanes.release();
    this.onCleared(token);
  }

  private grow(): void {
    const n = this.tokens.length * 2;
    const tokens = new Int32Array(n);
    const reachedAt = new Float64Array(n);
    const queuedAt = new Float64Array(n);
    const startedAt = new Float64Array(n);
    const classOf = new Uint8Array(n);
    tokens.set(this.tokens);
    reachedAt.set(this.reachedAt);
    queuedAt.set(this.queuedAt);
    startedAt.set(this.startedAt);
    classOf.set(this.classOf);
    this.tokens = tokens;
    this.reachedAt = reachedAt;
    this.queuedAt = queuedAt;
    this.startedAt = startedAt;
    this.classOf = classOf;
  }
}
