/**
 * Ids for the units in the system (trucks, wagons), recycled when they leave, so that per-unit state
 * is sized by the peak number present rather than the number ever created.
 */

export class IdPool {
  /** Ids ever handed out: per-unit arrays need at least this length. */
  size = 0;
  private free: Int32Array;
  private freeCount = 0;

  constructor(initialCapacity = 64) {
    this.free = new Int32Array(Math.max(4, initialCapacity | 0));
  }

  /** Ids currently in use. */
  get inUse(): number {
    return this.size - this.freeCount;
  }

  /** The most recently released id, or a new one. */
  acquire(): number {
    return this.freeCount > 0 ? this.free[--this.freeCount]! : this.size++;
  }

  release(id: number): void {
    if (this.freeCount === this.free.length) {
      const grown = new Int32Array(this.free.length * 2);
      grown.set(this.free);
      this.free = grown;
    }
    this.free[this.freeCount++] = id;
  }
}
