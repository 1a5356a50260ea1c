/**
 * A daily quota (the e-queue's 650 trucks a day, a train-exchange limit): once as many units as the
 * day allows have entered clearance, the lanes take no one else until local midnight.
 */
import { Priority, type Simulation } from './kernel.js';
import type { CapacityTarget } from './resource.js';

/**
 * Sits between an opening-hours schedule and the lanes: the lanes get the scheduled capacity while
 * the day's allowance lasts and none after, units in service finishing. A quota that is not a whole
 * number is spread over days (2.5 a day admits 2, 3, 2, 3, …), so the long-run rate is exact.
 */
export class DailyQuota implements CapacityTarget {
  /** Units admitted so far on the current local day. */
  admitted = 0;
  private readonly sim: Simulation;
  private readonly target: CapacityTarget;
  private readonly perDay: number;
  private readonly offset: number;
  private readonly kind: number;
  private scheduled = 0;
  private allowance: number;
  private day: number;

  /**
   * @param target the lanes
   * @param perDay units a day
   * @param offset_h local time minus simulation time, hours (days start at local midnight)
   */
  constructor(sim: Simulation, target: CapacityTarget, perDay: number, offset_h = 0) {
    if (!(perDay > 0)) throw new RangeError(`a daily quota must be positive, got ${perDay}`);
    this.sim = sim;
    this.target = target;
    this.perDay = perDay;
    this.offset = offset_h;
    this.kind = sim.handler('quota-day', (day) => this.newDay(day));
    this.day = Math.floor((sim.now + offset_h) / 24);
    this.allowance = this.allowanceOf(this.day);
    this.scheduleMidnight();
  }

  /** Whether the day's allowance is used up. */
  get exhausted(): boolean {
    return this.admitted >= this.allowance;
  }

  /** Capacity from the opening hours; applied while the allowance lasts. */
  setCapacity(capacity: number): void {
    this.scheduled = capacity;
    this.apply();
  }

  /** A unit entered clearance; the last one the day allows closes the lanes. */
  admit(): void {
    this.admitted++;
    if (this.admitted === this.allowance) this.apply();
  }

  private allowanceOf(day: number): number {
    return Math.floor((day + 1) * this.perDay) - Math.floor(day * this.perDay);
  }

  private apply(): void {
    this.target.setCapacity(this.exhausted ? 0 : this.scheduled);
  }

  private newDay(day: number): void {
    this.day = day;
    this.admitted = 0;
    this.allowance = this.allowanceOf(day);
    this.apply();
    this.scheduleMidnight();
  }

  private scheduleMidnight(): void {
    const next = this.day + 1;
    this.sim.scheduleAt(Math.max(this.sim.now, next * 24 - this.offset), this.kind, next, 0, Priority.urgent);
  }
}
