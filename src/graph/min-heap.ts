/**
 * A binary min-heap of (key, value) pairs held in typed arrays, growing as needed: the priority queue
 * of every search (Dijkstra, Pareto labels). Stale entries are skipped by the caller (lazy deletion),
 * not removed.
 */
export class MinHeap {
  /** Keys in heap order; every slot past the last entry holds +Infinity, a sentinel for pop. */
  private keys: Float64Array;
  private values: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(Math.max(capacity, 16)).fill(Number.POSITIVE_INFINITY);
    this.values = new Int32Array(Math.max(capacity, 16));
  }

  get size(): number {
    return this.n;
  }

  clear(): void {
    this.keys.fill(Number.POSITIVE_INFINITY, 0, this.n + 1);
    this.n = 0;
  }

  push(key: number, value: number): void {
    if (this.n + 2 >= this.keys.length) this.grow();
    const keys = this.keys;
    const values = this.values;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** The smallest key; +Infinity when empty. */
  peekKey(): number {
    return this.keys[0]!;
  }

  /**
   * Removes the entry with the smallest key and returns its value; read its key with peekKey first.
   * Bottom-up (Floyd): the hole left at the root sinks to a leaf along the smaller children, one
   * comparison per level and without a branch (the +Infinity sentinel stands for a missing child),
   * then the last entry rises from there, rarely far.
   */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0]!;
    const last = --this.n;
    const key = keys[last]!;
    const value = values[last]!;
    keys[last] = Number.POSITIVE_INFINITY;
    if (last === 0) return top;
    let i = 0;
    for (let c = 1; c < last; c = 2 * i + 1) {
      c += +(keys[c + 1]! < keys[c]!);
      keys[i] = keys[c]!;
      values[i] = values[c]!;
      i = c;
    }
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2).fill(Number.POSITIVE_INFINITY);
    keys.set(this.keys);
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
