/**
 * An appointment queue (Kazakhstan's e-queue): a unit books the earliest slot with room and waits off
 * the border until it starts, so that the queue at the border itself stays short.
 */

export interface AppointmentBookOptions {
  /** Length of a slot, hours (default 1). */
  readonly slot_h?: number;
  /** Units the crossing can take per hour while open: the booking rate. */
  readonly perHour: number;
  /** Whether the crossing is open at a time (slots are offered only then); default always. */
  readonly isOpen?: (time: number) => boolean;
}

/**
 * Slots are filled in time order, so only the latest slot with bookings needs remembering. Slot k
 * offers ⌊(k+1)·c⌋ − ⌊k·c⌋ places, c = perHour × slot_h, when open: a rate that is not a whole number
 * per slot is kept exactly in the long run.
 */
export class AppointmentBook {
  readonly slot_h: number;
  private readonly perSlot: number;
  private readonly isOpen: (time: number) => boolean;
  private slot = Number.NEGATIVE_INFINITY;
  private taken = 0;
  private room = 0;

  constructor(options: AppointmentBookOptions) {
    this.slot_h = options.slot_h ?? 1;
    if (!(this.slot_h > 0)) throw new RangeError('slot_h must be positive');
    if (!(options.perHour > 0)) throw new RangeError('an appointment book needs a positive booking rate');
    this.perSlot = options.perHour * this.slot_h;
    this.isOpen = options.isOpen ?? (() => true);
  }

  /** Books the earliest slot with room from `now` on; returns when the unit may come (≥ now). */
  book(now: number): number {
    const current = Math.floor(now / this.slot_h);
    if (current > this.slot) this.moveTo(current);
    while (this.taken >= this.room) this.moveTo(this.slot + 1);
    this.taken++;
    return Math.max(now, this.slot * this.slot_h);
  }

  private moveTo(k: number): void {
    this.slot = k;
    this.taken = 0;
    this.room = this.isOpen(k * this.slot_h)
      ? Math.floor((k + 1) * this.perSlot) - Math.floor(k * this.perSlot)
      : 0;
  }
}
