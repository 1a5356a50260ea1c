/**
 * The simulation clock and its event loop, SimPy's environment: models register a handler per kind of
 * event once, then schedule events by integer kind, so processes are explicit state machines.
 */
import { type EventHandle, EventQueue } from './event-queue.js';

/** Reacts to an event; `a` and `b` are the integer arguments given when it was scheduled. */
export type EventHandler = (a: number, b: number) => void;

/** Sees every event just before its handler runs (tracing, animation, debugging). */
export type TraceHook = (time: number, kind: number, a: number, b: number) => void;

/**
 * Event priorities: among events due at the same time, lower values fire first, then the order in
 * which they were scheduled. Capacity changes are `urgent` so that a lane closing at 18:00 is closed
 * before a service ending at 18:00 could hand it to the next unit.
 */
export const Priority = { urgent: -1, normal: 0, late: 1 } as const;

export interface SimulationOptions {
  /** Time at which the clock starts, in hours (default 0). */
  readonly start?: number;
  /** Called for every event before it is handled. */
  readonly trace?: TraceHook;
  /** Initial room for pending events; the queue grows as needed (default 64). */
  readonly initialCapacity?: number;
}

export class Simulation {
  /**
   * Current simulated time in hours. Initialised where it is declared: a field declared without a
   * value starts undefined (ES2022 class fields), which makes V8 keep it as a tagged pointer, so that
   * every new time would be a new heap number (two allocations per truck on the M/M/c benchmark).
   * And −0 rather than 0, so that V8 holds it as a double from the start (see `Moments.mean`); the
   * constructor sets the start time.
   */
  now = -0;
  private readonly queue: EventQueue;
  private readonly handlers: EventHandler[] = [];
  private readonly names: string[] = [];
  private readonly trace: TraceHook | null;
  private stopped = false;

  constructor(options: SimulationOptions = {}) {
    this.now = options.start ?? 0;
    this.queue = new EventQueue(options.initialCapacity ?? 64);
    this.trace = options.trace ?? null;
  }

  /** Registers the reaction to one kind of event and returns that kind's integer id. */
  handler(name: string, fn: EventHandler): number {
    this.handlers.push(fn);
    this.names.push(name);
    return this.handlers.length - 1;
  }

  /** Name a handler was registered under, for traces. */
  kindName(kind: number): string {
    return this.names[kind] ?? `#${kind}`;
  }

  /** Schedules an event `delay` hours from now. */
  schedule(delay: number, kind: number, a = 0, b = 0, priority: number = Priority.normal): void {
    const time = this.now + delay;
    if (!(delay >= 0)) this.refuse(kind, time);
    this.queue.push(time, priority, kind, a, b);
  }

  /** Schedules an event at an absolute time, which must not be in the past. */
  scheduleAt(time: number, kind: number, a = 0, b = 0, priority: number = Priority.normal): void {
    if (!(time >= this.now)) this.refuse(kind, time);
    this.queue.push(time, priority, kind, a, b);
  }

  /**
   * Schedules an event that may be cancelled (a timeout, a ferry's timetabled departure) and returns
   * its handle. Kept apart from {@link schedule} so that the common case allocates nothing.
   */
  scheduleCancellable(
    delay: number,
    kind: number,
    a = 0,
    b = 0,
    priority: number = Priority.normal,
  ): EventHandle {
    if (!(delay >= 0)) this.refuse(kind, this.now + delay);
    return this.queue.handleOf(this.queue.push(this.now + delay, priority, kind, a, b));
  }

  /** Cancels a pending event; false if it already fired or was cancelled. */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  isPending(handle: EventHandle): boolean {
    return this.queue.isPending(handle);
  }

  /** Number of pending events. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Makes {@link run} return after the event being handled. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Handles events in order while their time is before `until` (as SimPy's `run(until)`: an event due
   * exactly at `until` stays pending), then sets the clock to `until` when it is finite. Returns the
   * number of events handled.
   */
  run(until = Number.POSITIVE_INFINITY): number {
    const queue = this.queue;
    const handlers = this.handlers;
    const trace = this.trace;
    this.stopped = false;
    let handled = 0;
    for (;;) {
      const slot = queue.popBefore(until);
      if (slot < 0) break;
      const time = queue.timeOf(slot);
      const kind = queue.kindOf(slot);
      const a = queue.firstArgOf(slot);
      const b = queue.secondArgOf(slot);
      this.now = time;
      if (trace !== null) trace(time, kind, a, b);
      handlers[kind]!(a, b);
      handled++;
      if (this.stopped) return handled;
    }
    if (until !== Number.POSITIVE_INFINITY && until > this.now) this.now = until;
    return handled;
  }

  /** Kept out of the scheduling methods so that they stay small enough to inline. */
  private refuse(kind: number, time: number): never {
    throw new RangeError(
      `cannot schedule ${this.kindName(kind)} at ${time}, before the current time ${this.now}`,
    );
  }

  /** Handles the next event only; false when none is pending. */
  step(): boolean {
    if (this.queue.size === 0) return false;
    const slot = this.queue.pop();
    const time = this.queue.timeOf(slot);
    const kind = this.queue.kindOf(slot);
    const a = this.queue.firstArgOf(slot);
    const b = this.queue.secondArgOf(slot);
    this.now = time;
    if (this.trace !== null) this.trace(time, kind, a, b);
    this.handlers[kind]!(a, b);
    return true;
  }
}
