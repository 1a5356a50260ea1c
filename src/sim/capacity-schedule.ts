/**
 * Opening hours: a periodic timetable of how many lanes are open (8 from 08:00, none from 18:00),
 * applied to a resource at each change, in the crossing's local time.
 */
import { Priority, type Simulation } from './kernel.js';
import type { CapacityTarget } from './resource.js';

export interface CapacityStep {
  /** Local time within the period at which this capacity starts, in hours from the period's start. */
  readonly at_h: number;
  readonly capacity: number;
}

export interface CapacityTimetable {
  /** Length of the repeating period in hours (default 24; 168 for a weekly timetable). */
  readonly period_h?: number;
  /** Changes within one period, in increasing `at_h`; each holds until the next one (wrapping around). */
  readonly steps: readonly CapacityStep[];
  /** Local time minus simulation time, in hours (a time zone, or the hour of day the run starts at). */
  readonly offset_h?: number;
}

/** A timetable with `servers` open from `open_h` to `close_h` local time each day (overnight if open > close). */
export function openingHours(servers: number, open_h: number, close_h: number): CapacityTimetable {
  if (open_h === close_h) return { steps: [{ at_h: 0, capacity: servers }] };
  const open = { at_h: open_h, capacity: servers };
  const closed = { at_h: close_h, capacity: 0 };
  return { steps: open_h < close_h ? [open, closed] : [closed, open] };
}

/**
 * A process with one pending event at a time: the next change. Local time may be offset from
 * simulation time (a time zone, or the hour of day the run starts at).
 */
export class CapacitySchedule {
  private readonly sim: Simulation;
  private readonly target: CapacityTarget;
  private readonly period: number;
  private readonly offset: number;
  private readonly at: Float64Array;
  private readonly capacities: Float64Array;
  private readonly kind: number;

  /**
   * Sets the capacity in force now and schedules every later change. A timetable with more than one
   * step always has a next change pending, so run the simulation to a horizon.
   */
  constructor(sim: Simulation, target: CapacityTarget, timetable: CapacityTimetable) {
    const period = timetable.period_h ?? 24;
    const steps = timetable.steps;
    if (steps.length === 0) throw new RangeError('a capacity timetable needs at least one step');
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (!(s.at_h >= 0 && s.at_h < period))
        throw new RangeError(`step at ${s.at_h}h is outside [0, ${period}h)`);
      if (i > 0 && !(s.at_h > steps[i - 1]!.at_h))
        throw new RangeError('timetable steps must be in increasing time');
    }
    this.sim = sim;
    this.target = target;
    this.period = period;
    this.offset = timetable.offset_h ?? 0;
    this.at = Float64Array.from(steps, (s) => s.at_h);
    this.capacities = Float64Array.from(steps, (s) => s.capacity);
    this.kind = sim.handler('capacity-change', (step, cycle) => this.change(step, cycle));

    const local = sim.now + this.offset;
    let cycle = Math.floor(local / period);
    const phase = local - cycle * period;
    let current = steps.length - 1;
    while (current >= 0 && this.at[current]! > phase) current--;
    if (current < 0) {
      current = steps.length - 1;
      cycle--;
    }
    target.setCapacity(this.capacities[current]!);
    if (steps.length > 1) this.scheduleAfter(current, cycle);
  }

  /** Capacity the timetable gives at simulation time `time`. */
  capacityAt(time: number): number {
    const local = time + this.offset;
    const phase = local - Math.floor(local / this.period) * this.period;
    let i = this.at.length - 1;
    while (i >= 0 && this.at[i]! > phase) i--;
    return this.capacities[i < 0 ? this.at.length - 1 : i]!;
  }

  private change(step: number, cycle: number): void {
    this.target.setCapacity(this.capacities[step]!);
    this.scheduleAfter(step, cycle);
  }

  /** Absolute times from cycle and step, so that long runs do not accumulate rounding drift. */
  private scheduleAfter(step: number, cycle: number): void {
    let next = step + 1;
    let nextCycle = cycle;
    if (next === this.at.length) {
      next = 0;
      nextCycle++;
    }
    const time = nextCycle * this.period + this.at[next]! - this.offset;
    this.sim.scheduleAt(Math.max(time, this.sim.now), this.kind, next, nextCycle, Priority.urgent);
  }
}
