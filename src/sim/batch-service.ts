/**
 * A batch service: a Caspian ferry that sails when full (or after a maximum wait), a block train that
 * leaves on its timetable, or whichever comes first; weather may close it for a slot at a time.
 */
import type { EventHandle } from './event-queue.js';
import { FifoQueue } from './fifo-queue.js';
import { Priority, type Simulation } from './kernel.js';
import type { Uniform } from './random.js';

/**
 * When a batch leaves: `full` as soon as `capacity` slots are taken and a carrier is in; `schedule` at
 * each timetabled time with whatever is waiting (at least `minLoad`); `schedule-or-full` at whichever
 * comes first.
 */
export type DeparturePolicy = 'full' | 'schedule' | 'schedule-or-full';

export interface DepartureTimetable {
  /** Length of the repeating period in hours (default 24). */
  readonly period_h?: number;
  /** Departure times within the period, increasing, in hours from the period's start (local time). */
  readonly times_h: readonly number[];
  /** Local time minus simulation time, in hours. */
  readonly offset_h?: number;
}

/**
 * Closures (storms, ice): the service is open or closed a slot at a time. With a timetable a slot runs
 * from one timetabled departure to the next, so that a closed slot cancels its departure; without one
 * a slot is `slot_h` long from time 0. Each slot draws once from `random`, whatever the load, and is
 * open when the draw is below `openShare` at the slot's start. While closed nothing sails (a full
 * carrier or an expired maximum wait leaves when it opens).
 */
export interface ServiceClosures {
  /** Share of slots open, as of a time (the month's share of the scheduled departures that sail). */
  readonly openShare: (time_h: number) => number;
  readonly random: Uniform;
  /** Length of a slot without a timetable, hours (default 24: a day at a time). */
  readonly slot_h?: number;
}

export interface BatchHooks {
  /** A unit joined the boarding queue; `waiting` counts it. */
  board(time: number, unit: number, waiting: number): void;
  /** A batch of `load` units left; `waiting` remain behind. */
  depart(time: number, load: number, waiting: number): void;
}

export interface BatchServiceOptions {
  /** Slots per departure (a unit takes one slot unless it boards with more). */
  readonly capacity: number;
  readonly departs: DeparturePolicy;
  /** Required unless `departs` is 'full'. */
  readonly timetable?: DepartureTimetable;
  /** Number of carriers (default: unlimited, one is always at the berth). */
  readonly carriers?: number;
  /** Hours from a departure until its carrier is back at the berth; required with a finite fleet. */
  readonly turnaround?: () => number;
  /** Fewest units for a timetabled departure to sail (default 1: no empty sailings). */
  readonly minLoad?: number;
  /**
   * With `full` or `schedule-or-full`: a carrier also leaves, with whatever is aboard, once the first
   * unit waiting has waited this many hours (default: no limit).
   */
  readonly maxWait_h?: number;
  readonly closures?: ServiceClosures;
  readonly hooks?: BatchHooks;
}

/**
 * Receives each departing batch. The arrays are reused by the next departure: copy what must be kept.
 * `boardedAt[i]` is when `units[i]` joined the queue.
 */
export type DepartureHandler = (units: Int32Array, boardedAt: Float64Array, load: number) => void;

/**
 * Carriers (vessels, trainsets) are away for a turnaround time after each departure, and a departure
 * needs one at the berth.
 */
export class BatchService {
  /** Carriers at the berth now. */
  carriersIn: number;
  /** Whether the weather lets the service sail now (always, without closures). */
  open = true;
  hooks: BatchHooks | null;
  private readonly sim: Simulation;
  private readonly onDepart: DepartureHandler;
  private readonly capacity: number;
  private readonly whenFull: boolean;
  private readonly minLoad: number;
  private readonly turnaround: (() => number) | null;
  private readonly queue = new FifoQueue();
  /** Slots of each waiting unit, in step with `queue`. */
  private readonly slots = new FifoQueue();
  /** Slots of the first unit in line still ashore after part of it sailed; -1 when none did. */
  private headSlotsLeft = -1;
  private waitingSlots = 0;
  private readonly maxWait: number;
  private timeout: EventHandle = -1;
  /** The maximum wait ran out while no carrier was in: leave as soon as one is back. */
  private overdue = false;
  private readonly timeoutKind: number;
  private readonly units: Int32Array;
  private readonly boardedAt: Float64Array;
  private readonly returnKind: number;
  private readonly departureKind: number;
  private readonly times: Float64Array;
  private readonly period: number;
  private readonly offset: number;
  private readonly closures: ServiceClosures | null;

  constructor(sim: Simulation, onDepart: DepartureHandler, options: BatchServiceOptions) {
    const { capacity, departs } = options;
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new RangeError('capacity must be an integer ≥ 1');
    this.sim = sim;
    this.onDepart = onDepart;
    this.capacity = capacity;
    this.whenFull = departs !== 'schedule';
    this.minLoad = Math.max(1, options.minLoad ?? 1);
    this.maxWait = options.maxWait_h ?? Number.POSITIVE_INFINITY;
    if (!(this.maxWait > 0)) throw new RangeError('maxWait_h must be positive');
    if (Number.isFinite(this.maxWait) && departs === 'schedule')
      throw new RangeError("maxWait_h applies to departs: 'full' or 'schedule-or-full'");
    this.carriersIn = options.carriers ?? Number.POSITIVE_INFINITY;
    this.turnaround = options.turnaround ?? null;
    if (Number.isFinite(this.carriersIn) && this.turnaround === null) {
      throw new RangeError('a finite fleet of carriers needs a turnaround time');
    }
    this.hooks = options.hooks ?? null;
    this.closures = options.closures ?? null;
    this.units = new Int32Array(capacity);
    this.boardedAt = new Float64Array(capacity);
    this.returnKind = sim.handler('carrier-return', () => this.carrierReturns());
    this.departureKind = sim.handler('timetabled-departure', (i, cycle) => this.timetabled(i, cycle));
    this.timeoutKind = sim.handler('maximum-wait', () => this.maxWaitReached());

    const timetable = options.timetable;
    this.times = Float64Array.from(timetable?.times_h ?? []);
    this.period = timetable?.period_h ?? 24;
    this.offset = timetable?.offset_h ?? 0;
    for (let i = 0; i < this.times.length; i++) {
      const t = this.times[i]!;
      if (!(t >= 0 && t < this.period) || (i > 0 && !(t > this.times[i - 1]!))) {
        throw new RangeError(`departure times must increase within [0, ${this.period}h)`);
      }
    }
    if (departs !== 'full') {
      if (this.times.length === 0) throw new RangeError(`departs: '${departs}' needs a timetable with times`);
      this.scheduleFirstDeparture();
    } else if (this.closures !== null) {
      const slot = this.closures.slot_h ?? 24;
      if (!(slot > 0)) throw new RangeError('slot_h must be positive');
      const kind = sim.handler('weather-slot', () => {
        this.weather();
        if (this.open) this.release();
        sim.schedule(slot, kind, 0, 0, Priority.urgent);
      });
      sim.schedule(0, kind, 0, 0, Priority.urgent);
    }
  }

  /** A slot starts: one draw decides whether it is open. */
  private weather(): void {
    const c = this.closures!;
    this.open = c.random.next() < c.openShare(this.sim.now);
  }

  /** The service opened: full carriers, and a unit whose maximum wait ran out, leave. */
  private release(): void {
    if (this.whenFull) this.departWhileFull();
    if (this.overdue && this.carriersIn >= 1 && this.queue.length > 0) {
      this.overdue = false;
      this.depart();
    }
  }

  /** Units waiting to board. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * A unit joins the boarding queue, taking `slots` slots (a train's wagons on a rail ferry; at most the
   * capacity); it may fill the carrier and make it leave at once. Units boarding at the very time of a
   * timetabled departure make that departure. A unit of several slots is loaded slot by slot, as a
   * train is split into wagons at a ferry port: what fits sails, the rest takes a later departure, and
   * the unit leaves with its last slot.
   */
  board(unit: number, slots = 1): void {
    const now = this.sim.now;
    const size = Math.min(this.capacity, Math.max(1, Math.round(slots)));
    this.queue.push(unit, 0, now);
    this.slots.push(size, 0, now);
    this.waitingSlots += size;
    if (this.hooks !== null) this.hooks.board(now, unit, this.queue.length);
    if (this.whenFull) this.departWhileFull();
    if (this.timeout < 0 && this.queue.length > 0) this.armTimeout();
  }

  private departWhileFull(): void {
    while (this.open && this.carriersIn >= 1 && this.waitingSlots >= this.capacity) this.depart();
  }

  private carrierReturns(): void {
    this.carriersIn++;
    if (this.whenFull) this.departWhileFull();
    if (this.open && this.overdue && this.carriersIn >= 1 && this.queue.length > 0) {
      this.overdue = false;
      this.depart();
    }
  }

  /** Starts the clock of the maximum wait for the unit first in line. */
  private armTimeout(): void {
    if (!Number.isFinite(this.maxWait) || this.queue.length === 0) return;
    const due = Math.max(this.sim.now, this.queue.peekTime() + this.maxWait);
    this.timeout = this.sim.scheduleCancellable(due - this.sim.now, this.timeoutKind, 0, 0, Priority.late);
  }

  private maxWaitReached(): void {
    this.timeout = -1;
    if (this.queue.length === 0) return;
    if (this.open && this.carriersIn >= 1) this.depart();
    else this.overdue = true;
  }

  private timetabled(i: number, cycle: number): void {
    if (this.closures !== null) this.weather();
    if (this.open && this.carriersIn >= 1 && this.queue.length >= this.minLoad) this.depart();
    if (this.closures !== null && this.open) this.release();
    let next = i + 1;
    let nextCycle = cycle;
    if (next === this.times.length) {
      next = 0;
      nextCycle++;
    }
    this.scheduleDeparture(next, nextCycle);
  }

  private depart(): void {
    const queue = this.queue;
    let load = 0;
    let taken = 0;
    while (queue.length > 0) {
      const size = this.headSlotsLeft >= 0 ? this.headSlotsLeft : this.slots.peek();
      const room = this.capacity - taken;
      if (size > room) {
        if (room > 0) {
          this.headSlotsLeft = size - room;
          taken += room;
        }
        break;
      }
      taken += size;
      this.headSlotsLeft = -1;
      this.slots.shift();
      this.units[load] = queue.shift();
      this.boardedAt[load] = queue.shiftedAt;
      load++;
    }
    this.waitingSlots -= taken;
    this.carriersIn--;
    if (this.timeout >= 0) {
      this.sim.cancel(this.timeout);
      this.timeout = -1;
    }
    this.overdue = false;
    if (queue.length > 0) this.armTimeout();
    if (this.turnaround !== null && Number.isFinite(this.carriersIn)) {
      this.sim.schedule(this.turnaround(), this.returnKind, 0, 0, Priority.urgent);
    }
    if (this.hooks !== null) this.hooks.depart(this.sim.now, load, queue.length);
    this.onDepart(this.units, this.boardedAt, load);
  }

  private scheduleFirstDeparture(): void {
    const local = this.sim.now + this.offset;
    const cycle = Math.floor(local / this.period);
    const phase = local - cycle * this.period;
    let i = 0;
    while (i < this.times.length && this.times[i]! < phase) i++;
    if (i === this.times.length) this.scheduleDeparture(0, cycle + 1);
    else this.scheduleDeparture(i, cycle);
  }

  private scheduleDeparture(i: number, cycle: number): void {
    const time = cycle * this.period + this.times[i]! - this.offset;
    this.sim.scheduleAt(Math.max(time, this.sim.now), this.departureKind, i, cycle, Priority.late);
  }
}
