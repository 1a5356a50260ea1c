/**
 * Served by class, then first come first served: a green lane or a paid out-of-turn passage goes
 * ahead of the ordinary queue, without interrupting a unit in service.
 */
import { INITIAL_UNIT_ROOM } from './id-pool.js';
import type { UnitQueue } from './unit-queue.js';

/**
 * A binary heap over typed arrays keyed by (priority, order of joining).
 */
export class PriorityQueue implements UnitQueue {
  private units: Int32Array;
  private priorities: Int32Array;
  private orders: Float64Array;
  private times: Float64Array;
  private count = 0;
  private joined = 0;
  shiftedAt = Number.NaN;

  constructor(initialCapacity = INITIAL_UNIT_ROOM) {
    const n = Math.max(4, initialCapacity | 0);
    this.units = new Int32Array(n);
    this.priorities = new Int32Array(n);
    this.orders = new Float64Array(n);
    this.times = new Float64Array(n);
  }

  get length(): number {
    return this.count;
  }

  push(unit: number, priority: number, time: number): void {
    if (this.count === this.units.length) this.grow();
    const order = this.joined++;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = this.priorities[parent]!;
      if (pp < priority || (pp === priority && this.orders[parent]! < order)) break;
      this.move(parent, i);
      i = parent;
    }
    this.units[i] = unit;
    this.priorities[i] = priority;
    this.orders[i] = order;
    this.times[i] = time;
  }

  shift(): number {
    if (this.count === 0) return -1;
    const unit = this.units[0]!;
    this.shiftedAt = this.times[0]!;
    this.removeAt(0);
    return unit;
  }

  /** Linear search, then the heap's last entry takes the hole and moves up or down. */
  remove(unit: number): boolean {
    let at = 0;
    while (at < this.count && this.units[at] !== unit) at++;
    if (at === this.count) return false;
    this.removeAt(at);
    return true;
  }

  private removeAt(hole: number): void {
    const last = --this.count;
    if (hole === last) return;
    const unitL = this.units[last]!;
    const prioL = this.priorities[last]!;
    const orderL = this.orders[last]!;
    const timeL = this.times[last]!;
    let i = hole;
    // up while the moved entry precedes its parent
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = this.priorities[parent]!;
      if (pp < prioL || (pp === prioL && this.orders[parent]! < orderL)) break;
      this.move(parent, i);
      i = parent;
    }
    if (i === hole) {
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last && this.precedes(right, child)) child = right;
        const pc = this.priorities[child]!;
        if (pc > prioL || (pc === prioL && this.orders[child]! > orderL)) break;
        this.move(child, i);
        i = child;
      }
    }
    this.units[i] = unitL;
    this.priorities[i] = prioL;
    this.orders[i] = orderL;
    this.times[i] = timeL;
  }

  peek(): number {
    return this.count === 0 ? -1 : this.units[0]!;
  }

  clear(): void {
    this.count = 0;
  }

  private precedes(x: number, y: number): boolean {
    const px = this.priorities[x]!;
    const py = this.priorities[y]!;
    return px < py || (px === py && this.orders[x]! < this.orders[y]!);
  }

  private move(from: number, to: number): void {
    this.units[to] = this.units[from]!;
    this.priorities[to] = this.priorities[from]!;
    this.orders[to] = this.orders[from]!;
    this.times[to] = this.times[from]!;
  }

  private grow(): void {
    const n = this.units.length * 2;
    const units = new Int32Array(n);
    const priorities = new Int32Array(n);
    const orders = new Float64Array(n);
    const times = new Float64Array(n);
    units.set(this.units);
    priorities.set(this.priorities);
    orders.set(this.orders);
    times.set(this.times);
    this.units = units;
    this.priorities = priorities;
    this.orders = orders;
    this.times = times;
  }
}
