/**
 * An appointment queue (Kazakhstan's e-queue): units wait off the border in a backlog, first come first
 * served, and are called to the border as the slots the crossing offers come round, so that the queue
 * at the border itself stays short. A unit that gives up leaves the backlog and its place goes to the next.
 */
import type { Simulation } from './kernel.js';

export interface AppointmentBookOptions {
  /** Length of a slot, hours (default 1). */
  readonly slot_h?: number;
  /** Units the crossing can take per hour while open: the rate slots are offered at. */
  readonly perHour: number;
  /** Whether the crossing is open at a time (slots are offered only then); default always. */
  readonly isOpen?: (time: number) => boolean;
  /**
   * Whether a unit in the backlog still waits, by its unit id and the ticket it joined with (default
   * always): the owner's record, so that giving up costs nothing here but the count.
   */
  readonly stillWaiting?: (unit: number, ticket: number) => boolean;
}

/**
 * Slot k offers ⌊(k+1)·c⌋ − ⌊k·c⌋ places, c = perHour × slot_h, when open: a rate that is not a whole
 * number per slot is kept exactly in the long run. A unit arriving while the backlog is empty and the
 * current slot has room goes at once; otherwise it joins the backlog, which is called forward at the
 * start of each slot while it holds anyone. Without giving up, each unit goes at the start of the
 * earliest slot with room from its arrival on, in arrival order.
 */
export class AppointmentBook {
  readonly slot_h: number;
  private readonly sim: Simulation;
  private readonly onRelease: (unit: number) => void;
  private readonly perSlot: number;
  private readonly isOpen: (time: number) => boolean;
  private readonly stillWaiting: (unit: number, ticket: number) => boolean;
  private readonly slotKind: number;
  private slot = Number.NEGATIVE_INFINITY;
  private taken = 0;
  private room = 0;
  private callScheduled = false;
  /** Units waiting in the backlog (those who gave up excluded). */
  private live = 0;
  private units = new Int32Array(16);
  private tickets = new Float64Array(16);
  private head = 0;
  private count = 0;

  /** @param onRelease called when a unit's slot comes: it goes to the border now */
  constructor(sim: Simulation, onRelease: (unit: number) => void, options: AppointmentBookOptions) {
    this.sim = sim;
    this.onRelease = onRelease;
    this.slot_h = options.slot_h ?? 1;
    if (!(this.slot_h > 0)) throw new RangeError('slot_h must be positive');
    if (!(options.perHour > 0)) throw new RangeError('an appointment book needs a positive booking rate');
    this.perSlot = options.perHour * this.slot_h;
    this.isOpen = options.isOpen ?? (() => true);
    this.stillWaiting = options.stillWaiting ?? (() => true);
    this.slotKind = sim.handler('e-queue-slot', (k) => this.call(k));
  }

  /** Units waiting in the backlog. */
  get waiting(): number {
    return this.live;
  }

  /** A unit arrives: true when it may go to the border now, false when it waits in the backlog. */
  join(unit: number, ticket: number): boolean {
    const current = Math.floor(this.sim.now / this.slot_h);
    if (current > this.slot) this.moveTo(current);
    if (this.live === 0 && this.taken < this.room) {
      this.taken++;
      return true;
    }
    if (this.count === this.units.length) this.grow();
    const at = (this.head + this.count) & (this.units.length - 1);
    this.units[at] = unit;
    this.tickets[at] = ticket;
    this.count++;
    this.live++;
    if (!this.callScheduled) {
      this.callScheduled = true;
      const next = this.slot + 1;
      this.sim.scheduleAt(Math.max(this.sim.now, next * this.slot_h), this.slotKind, next);
    }
    return false;
  }

  /** A unit in the backlog gave up; its entry is skipped when its turn comes. */
  cancel(): void {
    if (this.live === 0) throw new Error('cancel() on an empty appointment backlog');
    this.live--;
  }

  /** The start of slot k: units are called forward while it has room. */
  private call(k: number): void {
    this.callScheduled = false;
    if (k > this.slot) this.moveTo(k);
    const mask = this.units.length - 1;
    while (this.live > 0 && this.taken < this.room) {
      const at = this.head;
      const unit = this.units[at]!;
      const ticket = this.tickets[at]!;
      this.head = (at + 1) & mask;
      this.count--;
      if (!this.stillWaiting(unit, ticket)) continue;
      this.taken++;
      this.live--;
      this.onRelease(unit);
    }
    // entries of units that gave up, left at the head, are dropped now rather than later
    while (this.count > 0 && !this.stillWaiting(this.units[this.head]!, this.tickets[this.head]!)) {
      this.head = (this.head + 1) & mask;
      this.count--;
    }
    if (this.live > 0) {
      this.callScheduled = true;
      this.sim.scheduleAt((k + 1) * this.slot_h, this.slotKind, k + 1);
    }
  }

  private moveTo(k: number): void {
    this.slot = k;
    this.taken = 0;
    this.room = this.isOpen(k * this.slot_h)
      ? Math.floor((k + 1) * this.perSlot) - Math.floor(k * this.perSlot)
      : 0;
  }

  private grow(): void {
    const n = this.units.length * 2;
    const units = new Int32Array(n);
    const tickets = new Float64Array(n);
    const mask = this.units.length - 1;
    for (let i = 0; i < this.count; i++) {
      units[i] = this.units[(this.head + i) & mask]!;
      tickets[i] = this.tickets[(this.head + i) & mask]!;
    }
    this.units = units;
    this.tickets = tickets;
    this.head = 0;
  }
}
