/**
 * A binary min-heap of node indices keyed by a float, in typed arrays, with decrease-key: the
 * priority queue of Dijkstra's search. No allocation after construction.
 */
export class IndexedMinHeap {
  private readonly heap: Uint32Array;
  /** Position of each item in `heap`, or -1 when absent. */
  private readonly pos: Int32Array;
  private readonly key: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.heap = new Uint32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.key = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  has(item: number): boolean {
    return this.pos[item]! >= 0;
  }

  /** Inserts an item, or lowers its key when it is already in the heap with a larger key. */
  push(item: number, key: number): void {
    const p = this.pos[item]!;
    if (p >= 0) {
      if (key >= this.key[item]!) return;
      this.key[item] = key;
      this.up(p);
      return;
    }
    this.key[item] = key;
    this.heap[this.count] = item;
    this.pos[item] = this.count;
    this.up(this.count++);
  }

  /** Removes and returns the item with the smallest key; the heap must not be empty. */
  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.count]!;
    if (this.count > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  /** Empties the heap in time proportional to its size. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.pos[this.heap[i]!] = -1;
    this.count = 0;
  }

  private up(i: number): void {
    const heap = this.heap;
    const item = heap[i]!;
    const k = this.key[item]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (this.key[p]! <= k) break;
      heap[i] = p;
      this.pos[p] = i;
      i = parent;
    }
    heap[i] = item;
    this.pos[item] = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = this.count;
    const item = heap[i]!;
    const k = this.key[item]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.key[heap[right]!]! < this.key[heap[child]!]!) child = right;
      const c = heap[child]!;
      if (this.key[c]! >= k) break;
      heap[i] = c;
      this.pos[c] = i;
      i = child;
    }
    heap[i] = item;
    this.pos[item] = i;
  }
}
