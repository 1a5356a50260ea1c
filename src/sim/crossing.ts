/**
 * One direction of a border crossing: a queue (FIFO or a priority class first) for lanes open by the
 * hours, a daily quota, an optional e-queue backlog, the clearance steps in order while holding a lane,
 * and drivers who may balk at a long expected wait or give up after their patience runs out.
 */
import { AppointmentBook } from './appointment-book.js';
import { CapacitySchedule, type CapacityTimetable } from './capacity-schedule.js';
import { type ClearanceClient, type ClearanceStep, ClearanceSteps } from './clearance-steps.js';
import { DailyQuota } from './daily-quota.js';
import { IdPool, INITIAL_UNIT_ROOM } from './id-pool.js';
import type { Simulation } from './kernel.js';
import { type Uniform, zeroUniform } from './random.js';
import { type CapacityTarget, Resource, type ResourceHooks, type ServiceStarter } from './resource.js';
import type { Sampler } from './sample/sampler.js';

/** Observers of a crossing: statistics, animation. Times are in hours. */
export interface CrossingHooks {
  /** A unit reached the crossing (and joined the e-queue backlog or the border queue). */
  reach(time: number): void;
  /** Units waiting at the border became `length`. */
  queue(time: number, length: number): void;
  /** Units in the e-queue backlog, waiting away from the border, became `count`. */
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
  /** `units` arriving found the expected wait above their threshold and did not join. */
  balked?(time: number, units: number): void;
  /** A unit that reached the crossing at `reachedAt` gave up waiting (from the backlog or the border). */
  reneged?(time: number, reachedAt: number): void;
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
  /**
   * Balking: each arrival draws a threshold, hours; it does not join when the expected wait is above
   * it. The expected wait is (units waiting ahead, backlog and border, + 1) ÷ `clearancePerHour`, or 0
   * when a lane is free and no one waits.
   */
  readonly balkAbove_h?: Sampler;
  /** Reneging: each unit draws a patience, hours; it leaves if it has not got a lane by then. */
  readonly patience_h?: Sampler;
  /** Units the crossing clears per hour in the long run (lanes, hours, quota): for the expected wait. */
  readonly clearancePerHour?: number;
}

/**
 * The model whose units pass the crossing (the trips), handed each unit's token back when it leaves.
 * An object with methods rather than callbacks, for the reason given at `ServiceStarter` (resource.ts).
 */
export interface CrossingClient {
  /** A unit left the crossing, cleared. */
  cleared(token: number): void;
  /** A unit gave up waiting (reneged). */
  gaveUp(token: number): void;
}

/**
 * The lanes' events as the crossing's observers see them. A class rather than an object of closures:
 * its methods are the same functions in every replication, so the next replication's calls to them do
 * not invalidate the compiled lane code (as the samplers, objects of the same classes in every
 * replication).
 */
class LaneHooks implements ResourceHooks {
  constructor(private readonly hooks: CrossingHooks) {}

  enqueue(time: number, _unit: number, length: number): void {
    this.hooks.queue(time, length);
  }

  start(time: number, _unit: number, _wait: number, busy: number, length: number): void {
    this.hooks.busy(time, busy);
    this.hooks.queue(time, length);
  }

  release(time: number, busy: number): void {
    this.hooks.busy(time, busy);
  }

  capacity(): void {}

  withdraw(time: number, _unit: number, length: number): void {
    this.hooks.queue(time, length);
  }
}

/** Where a unit is in the crossing. */
const BOOKED = 1;
const QUEUED = 2;
const SERVING = 3;

/**
 * Each unit in the crossing is a small state machine over two kinds of events (its e-queue slot comes
 * due, a step ends), with its state in typed arrays indexed by recycled ids; the caller's token for
 * the unit is handed back when it leaves.
 */
export class BorderCrossing implements ServiceStarter, ClearanceClient {
  readonly lanes: Resource;
  readonly schedule: CapacitySchedule | null;
  readonly quota: DailyQuota | null;
  /** Units that reached the crossing so far. */
  reached = 0;
  private readonly sim: Simulation;
  private readonly client: CrossingClient;
  private readonly steps: ClearanceSteps;
  private readonly priorityShare: number;
  private readonly random: Uniform;
  private readonly book: AppointmentBook | null;
  private readonly hooks: CrossingHooks | null;
  private readonly ids = new IdPool();
  private tokens = new Int32Array(INITIAL_UNIT_ROOM);
  private reachedAt = new Float64Array(INITIAL_UNIT_ROOM);
  private queuedAt = new Float64Array(INITIAL_UNIT_ROOM);
  private startedAt = new Float64Array(INITIAL_UNIT_ROOM);
  private classOf = new Uint8Array(INITIAL_UNIT_ROOM);
  private stateOf = new Uint8Array(INITIAL_UNIT_ROOM);
  /** Incremented each time an id is taken, so that a late patience event finds a recycled id changed. */
  private serialOf = new Float64Array(INITIAL_UNIT_ROOM);
  private serial = 0;
  private readonly renegeKind: number;
  private readonly balkAbove: Sampler | null;
  private readonly patience: Sampler | null;
  private readonly clearancePerHour: number;

  /** @param client told when a unit leaves the crossing, with the token it arrived with */
  constructor(sim: Simulation, client: CrossingClient, options: CrossingOptions) {
    this.sim = sim;
    this.client = client;
    const steps = options.steps;
    if (steps.length === 0) throw new RangeError('a crossing needs at least one clearance step');
    this.steps = new ClearanceSteps(sim, steps, this, 'crossing-step-end');
    this.priorityShare = options.priorityShare ?? 0;
    if (!(this.priorityShare >= 0 && this.priorityShare <= 1))
      throw new RangeError('priorityShare must be in [0, 1]');
    const needsRandom = (this.priorityShare > 0 && this.priorityShare < 1) || this.steps.needsShared;
    if (needsRandom && options.random === undefined)
      throw new RangeError('random step probabilities, repeats or a priority class need `random`');
    this.random = options.random ?? zeroUniform;
    this.steps.useRandom(this.random);
    this.hooks = options.hooks ?? null;
    this.balkAbove = options.balkAbove_h ?? null;
    this.patience = options.patience_h ?? null;
    this.clearancePerHour = options.clearancePerHour ?? Number.POSITIVE_INFINITY;
    if (this.balkAbove !== null && !(this.clearancePerHour > 0 && Number.isFinite(this.clearancePerHour)))
      throw new RangeError('balking needs the clearance rate: a positive, finite clearancePerHour');
    this.renegeKind = sim.handler('crossing-patience-out', (id, serial) => this.renege(id, serial));

    const hooks = this.hooks;
    const laneHooks = hooks ? new LaneHooks(hooks) : undefined;
    this.lanes = new Resource(sim, this, {
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
      ? new AppointmentBook(sim, (id) => this.toBorder(id), {
          perHour: options.appointments.perHour,
          ...(options.appointments.slot_h !== undefined ? { slot_h: options.appointments.slot_h } : {}),
          ...(schedule ? { isOpen: (t: number) => schedule.capacityAt(t) > 0 } : {}),
          stillWaiting: (id, ticket) => this.stateOf[id] === BOOKED && this.serialOf[id] === ticket,
        })
      : null;
  }

  /** Units waiting at the border for a lane. */
  get queueLength(): number {
    return this.lanes.queue.length;
  }

  /** Units waiting in the e-queue backlog, away from the border. */
  get booked(): number {
    return this.book === null ? 0 : this.book.waiting;
  }

  /**
   * The wait an arriving unit expects, hours: 0 when a lane is free and no one waits, else the units
   * waiting ahead (backlog and border) and itself over the long-run clearance rate.
   */
  expectedWait_h(): number {
    const ahead = this.lanes.queue.length + this.booked;
    if (ahead === 0 && this.lanes.busy < this.lanes.capacity) return 0;
    return (ahead + 1) / this.clearancePerHour;
  }

  /**
   * Whether `units` arriving together balk: the expected wait is above the threshold they draw (never
   * without a balking threshold). Observed through the hooks; the caller sends them elsewhere.
   */
  balks(units = 1): boolean {
    if (this.balkAbove === null) return false;
    const balk = this.expectedWait_h() > this.balkAbove.sample();
    if (balk) this.hooks?.balked?.(this.sim.now, units);
    return balk;
  }

  /**
   * `count` units already waiting when the run starts, in arrival order (the backlog, or the border
   * queue without one), each handed back with `token` when it leaves.
   */
  preload(count: number, token: number): void {
    for (let i = 0; i < count; i++) this.arrive(token);
  }

  /** A unit reaches the crossing; `token` is handed back to the client when it leaves. */
  arrive(token: number): void {
    const now = this.sim.now;
    this.reached++;
    const id = this.ids.acquire();
    if (id === this.tokens.length) this.grow();
    this.tokens[id] = token;
    this.reachedAt[id] = now;
    const serial = ++this.serial;
    this.serialOf[id] = serial;
    this.classOf[id] = this.priorityShare > 0 && this.random.next() < this.priorityShare ? 0 : 1;
    if (this.hooks !== null) this.hooks.reach(now);
    if (this.patience !== null) this.sim.schedule(this.patience.sample(), this.renegeKind, id, serial);
    if (this.book === null || this.book.join(id, serial)) {
      this.toBorder(id);
      return;
    }
    this.stateOf[id] = BOOKED;
    if (this.hooks !== null) this.hooks.booked(now, this.book.waiting);
  }

  /** The unit comes to the border queue (at once, or when the backlog calls it forward). */
  private toBorder(id: number): void {
    const now = this.sim.now;
    if (this.stateOf[id] === BOOKED && this.hooks !== null) this.hooks.booked(now, this.booked);
    this.stateOf[id] = QUEUED;
    this.queuedAt[id] = now;
    this.lanes.request(id, this.classOf[id]!);
  }

  /** The unit's patience ran out: it leaves if it is still waiting (and still the same unit). */
  private renege(id: number, serial: number): void {
    if (this.serialOf[id] !== serial) return;
    const state = this.stateOf[id];
    if (state === BOOKED) {
      this.book!.cancel();
      if (this.hooks !== null) this.hooks.booked(this.sim.now, this.booked);
    } else if (state !== QUEUED || !this.lanes.withdraw(id)) return;
    const token = this.tokens[id]!;
    this.hooks?.reneged?.(this.sim.now, this.reachedAt[id]!);
    this.stateOf[id] = 0;
    this.ids.release(id);
    this.client.gaveUp(token);
  }

  /** Called by the lanes when the unit gets one; never departs synchronously. Not for other callers. */
  startService(id: number): void {
    this.stateOf[id] = SERVING;
    this.startedAt[id] = this.sim.now;
    if (this.quota !== null) this.quota.admit();
    this.steps.start(id);
  }

  /** Called by the clearance steps when the unit is through them. Not for other callers. */
  depart(id: number): void {
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
    this.stateOf[id] = 0;
    this.ids.release(id);
    this.lanes.release();
    this.client.cleared(token);
  }

  private grow(): void {
    const n = this.tokens.length * 2;
    const tokens = new Int32Array(n);
    const reachedAt = new Float64Array(n);
    const queuedAt = new Float64Array(n);
    const startedAt = new Float64Array(n);
    const classOf = new Uint8Array(n);
    const stateOf = new Uint8Array(n);
    const serialOf = new Float64Array(n);
    stateOf.set(this.stateOf);
    serialOf.set(this.serialOf);
    this.stateOf = stateOf;
    this.serialOf = serialOf;
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
