/** First come, first served: the plain queue of trucks at a border. */
import { INITIAL_UNIT_ROOM } from './id-pool.js';
import type { UnitQueue } from './unit-queue.js';

/**
 * A growable ring buffer of unit ids and joining times.
 */
export class FifoQueue implements UnitQueue {
  private units: Int32Array;
  private times: Float64Array;
  private mask: number;
  private head = 0;
  private count = 0;
  shiftedAt = Number.NaN;

  constructor(initialCapacity = INITIAL_UNIT_ROOM) {
    let n = 4;
    while (n < initialCapacity) n *= 2;
    this.units = new Int32Array(n);
    this.times = new Float64Array(n);
    this.mask = n - 1;
  }

  get length(): number {
    return this.count;
  }

  push(unit: number, _priority: number, time: number): void {
    if (this.count === this.units.length) this.grow();
    const at = (this.head + this.count) & this.mask;
    this.units[at] = unit;
    this.times[at] = time;
    this.count++;
  }

  shift(): number {
    if (this.count === 0) return -1;
    const at = this.head;
    this.head = (at + 1) & this.mask;
    this.count--;
    this.shiftedAt = this.times[at]!;
    return this.units[at]!;
  }

  peek(): number {
    return this.count === 0 ? -1 : this.units[this.head]!;
  }

  /** Linear in the queue's length: the units behind close up, keeping their order. */
  remove(unit: number): boolean {
    const mask = this.mask;
    let i = 0;
    while (i < this.count && this.units[(this.head + i) & mask] !== unit) i++;
    if (i === this.count) return false;
    for (; i < this.count - 1; i++) {
      const to = (this.head + i) & mask;
      const from = (to + 1) & mask;
      this.units[to] = this.units[from]!;
      this.times[to] = this.times[from]!;
    }
    this.count--;
    return true;
  }

  /** Time at which the unit {@link peek} returns joined, or NaN when empty. */
  peekTime(): number {
    return this.count === 0 ? Number.NaN : this.times[this.head]!;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const n = this.units.length * 2;
    const units = new Int32Array(n);
    const times = new Float64Array(n);
    for (let i = 0; i < this.count; i++) {
      const at = (this.head + i) & this.mask;
      units[i] = this.units[at]!;
      times[i] = this.times[at]!;
    }
    this.units = units;
    this.times = times;
    this.mask = n - 1;
    this.head = 0;
  }
}
