/**
 * A batch service: a Caspian ferry that sails when full, a block train that leaves on its timetable,
 * or whichever comes first.
 */
import { FifoQueue } from './fifo-queue.js';
import { Priority, type Simulation } from './kernel.js';

/**
 * When a batch leaves: `full` as soon as `capacity` units wait and a carrier is in; `schedule` at each
 * timetabled time with whatever is waiting (at least `minLoad`); `schedule-or-full` at whichever
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

export interface BatchHooks {
  /** A unit joined the boarding queue; `waiting` counts it. */
  board(time: number, unit: number, waiting: number): void;
  /** A batch of `load` units left; `waiting` remain behind. */
  depart(time: number, load: number, waiting: number): void;
}

export interface BatchServiceOptions {
  /** Units per departure. */
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
  hooks: BatchHooks | null;
  private readonly sim: Simulation;
  private readonly onDepart: DepartureHandler;
  private readonly capacity: number;
  private readonly whenFull: boolean;
  private readonly minLoad: number;
  private readonly turnaround: (() => number) | null;
  private readonly queue = new FifoQueue();
  private readonly units: Int32Array;
  private readonly boardedAt: Float64Array;
  private readonly returnKind: number;
  private readonly departureKind: number;
  private readonly times: Float64Array;
  private readonly period: number;
  private readonly offset: number;

  constructor(sim: Simulation, onDepart: DepartureHandler, options: BatchServiceOptions) {
    const { capacity, departs } = options;
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new RangeError('capacity must be an integer ≥ 1');
    this.sim = sim;
    this.onDepart = onDepart;
    this.capacity = capacity;
    this.whenFull = departs !== 'schedule';
    this.minLoad = Math.max(1, options.minLoad ?? 1);
    this.carriersIn = options.carriers ?? Number.POSITIVE_INFINITY;
    this.turnaround = options.turnaround ?? null;
    if (Number.isFinite(this.carriersIn) && this.turnaround === null) {
      throw new RangeError('a finite fleet of carriers needs a turnaround time');
    }
    this.hooks = options.hooks ?? null;
    this.units = new Int32Array(capacity);
    this.boardedAt = new Float64Array(capacity);
    this.returnKind = sim.handler('carrier-return', () => this.carrierReturns());
    this.departureKind = sim.handler('timetabled-departure', (i, cycle) => this.timetabled(i, cycle));

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
    }
  }

  /** Units waiting to board. */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * A unit joins the boarding queue; it may fill the carrier and make it leave at once. Units boarding
   * at the very time of a timetabled departure make that departure.
   */
  board(unit: number): void {
    const now = this.sim.now;
    this.queue.push(unit, 0, now);
    if (this.hooks !== null) this.hooks.board(now, unit, this.queue.length);
    if (this.whenFull) this.departWhileFull();
  }

  private departWhileFull(): void {
    while (this.carriersIn >= 1 && this.queue.length >= this.capacity) this.depart();
  }

  private carrierReturns(): void {
    this.carriersIn++;
    if (this.whenFull) this.departWhileFull();
  }

  private timetabled(i: number, cycle: number): void {
    if (this.carriersIn >= 1 && this.queue.length >= this.minLoad) this.depart();
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
    const load = Math.min(this.capacity, queue.length);
    for (let i = 0; i < load; i++) {
      this.units[i] = queue.shift();
      this.boardedAt[i] = queue.shiftedAt;
    }
    this.carriersIn--;
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
