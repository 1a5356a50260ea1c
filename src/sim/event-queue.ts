/**
 * The future event list: everything due to happen (an arrival, the end of an inspection, a lane
 * closing), ordered by (time, priority, sequence) so that simultaneous events resolve the same way.
 */

/** Identifies a pending event for {@link EventQueue.cancel}; valid until the event fires. */
export type EventHandle = number;

const SLOT_BITS = 24;
const SLOT_SPACE = 2 ** SLOT_BITS;
const GENERATION_MASK = 0x1fffffff;

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

/**
 * An indirect binary heap over typed arrays. Each pending event lives in a slot (time, priority,
 * sequence, kind and two integer arguments) and the heap holds slot numbers. Slots are recycled through
 * a free stack, so pushing and popping allocate nothing once the arrays have grown to the peak number
 * of pending events.
 *
 * A handle (slot plus a generation count) cancels an event in O(1): the slot is marked and skipped
 * when it reaches the top, and the heap is compacted whenever cancelled entries outnumber live ones,
 * so memory stays bounded. A stale handle (event already fired or cancelled) is recognised instead of
 * hitting a reused slot. Removing the earliest event is deferred to the next operation: a handler
 * usually schedules an event right after one fired, and the new event then replaces the root with a
 * single sift down.
 */
export class EventQueue {
  private times: Float64Array;
  private priorities: Int32Array;
  /** Sequence numbers in a Float64Array: exact up to 2^53 events, where an Int32Array would wrap. */
  private sequences: Float64Array;
  private kinds: Int32Array;
  private firstArgs: Int32Array;
  private secondArgs: Int32Array;
  private generations: Int32Array;
  private states: Uint8Array;
  /** heap[i] is the slot at heap position i. */
  private heap: Int32Array;
  private freeSlots: Int32Array;
  private freeCount: number;
  /** Heap entries, counting cancelled ones and a root whose removal is deferred. */
  private count = 0;
  /** Cancelled entries still in the heap. */
  private cancelled = 0;
  /** The root was popped but is still in the heap, to be replaced by the next push. */
  private rootPopped = false;
  private nextSequence = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity | 0);
    this.times = new Float64Array(n);
    this.priorities = new Int32Array(n);
    this.sequences = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.firstArgs = new Int32Array(n);
    this.secondArgs = new Int32Array(n);
    this.generations = new Int32Array(n);
    this.states = new Uint8Array(n);
    this.heap = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    for (let i = 0; i < n; i++) this.freeSlots[i] = n - 1 - i;
    this.freeCount = n;
  }

  /** Number of pending events. */
  get size(): number {
    return this.count - this.cancelled - (this.rootPopped ? 1 : 0);
  }

  /** Event slots allocated: the peak number of events pending at once, rounded up to a power of two. */
  get capacity(): number {
    return this.times.length;
  }

  /** Time of the earliest pending event, or Infinity when none is pending. */
  peekTime(): number {
    if (this.rootPopped) this.removeRoot();
    this.dropCancelledRoots();
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.times[this.heap[0]!]!;
  }

  /**
   * Adds an event and returns its slot (see {@link handleOf}); lower `priority` fires first among
   * events at the same time, then insertion order. The slot, a small integer, is returned rather than
   * the handle because a handle may exceed V8's small-integer range and be boxed on every call.
   */
  push(time: number, priority: number, kind: number, a: number, b: number): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount]!;
    this.times[slot] = time;
    this.priorities[slot] = priority;
    this.sequences[slot] = this.nextSequence++;
    this.kinds[slot] = kind;
    this.firstArgs[slot] = a;
    this.secondArgs[slot] = b;
    this.states[slot] = PENDING;
    if (this.rootPopped) {
      this.rootPopped = false;
      this.siftDown(0, slot);
    } else {
      this.siftUp(this.count++, slot);
    }
    return slot;
  }

  /**
   * Removes the earliest event and returns its slot, whose fields stay readable through
   * {@link timeOf}, {@link kindOf}, {@link firstArgOf} and {@link secondArgOf} until the next push.
   * Returns -1 when the queue is empty.
   */
  pop(): number {
    return this.popBefore(Number.POSITIVE_INFINITY);
  }

  /** As {@link pop}, but only if the earliest event is due before `until`; otherwise returns -1. */
  popBefore(until: number): number {
    if (this.rootPopped) this.removeRoot();
    if (this.cancelled > 0) this.dropCancelledRoots();
    if (this.count === 0) return -1;
    const slot = this.heap[0]!;
    if (!(this.times[slot]! < until)) return -1;
    this.rootPopped = true;
    this.free(slot);
    return slot;
  }

  timeOf(slot: number): number {
    return this.times[slot]!;
  }

  kindOf(slot: number): number {
    return this.kinds[slot]!;
  }

  firstArgOf(slot: number): number {
    return this.firstArgs[slot]!;
  }

  secondArgOf(slot: number): number {
    return this.secondArgs[slot]!;
  }

  /** Handle of the event now pending in `slot`, for {@link cancel} and {@link isPending}. */
  handleOf(slot: number): EventHandle {
    return this.generations[slot]! * SLOT_SPACE + slot;
  }

  /** True while the event behind `handle` has neither fired nor been cancelled. */
  isPending(handle: EventHandle): boolean {
    const slot = handle % SLOT_SPACE;
    return (
      slot < this.states.length &&
      this.states[slot] === PENDING &&
      this.generations[slot] === Math.floor(handle / SLOT_SPACE)
    );
  }

  /** Cancels a pending event; returns false (and does nothing) if it already fired or was cancelled. */
  cancel(handle: EventHandle): boolean {
    if (!this.isPending(handle)) return false;
    const slot = handle % SLOT_SPACE;
    this.states[slot] = CANCELLED;
    this.generations[slot] = (this.generations[slot]! + 1) & GENERATION_MASK;
    this.cancelled++;
    if (this.cancelled > 32 && 2 * this.cancelled > this.count) this.compact();
    return true;
  }

  /** Drops every pending event (handles become stale); the sequence counter keeps running. */
  clear(): void {
    if (this.rootPopped) this.removeRoot();
    while (this.count > 0) this.free(this.heap[--this.count]!);
    this.cancelled = 0;
  }

  private free(slot: number): void {
    this.states[slot] = FREE;
    this.generations[slot] = (this.generations[slot]! + 1) & GENERATION_MASK;
    this.freeSlots[this.freeCount++] = slot;
  }

  private removeRoot(): void {
    this.rootPopped = false;
    const last = this.heap[--this.count]!;
    if (this.count > 0) this.siftDown(0, last);
  }

  private dropCancelledRoots(): void {
    while (this.count > 0 && this.states[this.heap[0]!] === CANCELLED) {
      this.free(this.heap[0]!);
      this.cancelled--;
      this.removeRoot();
    }
  }

  /** Rebuilds the heap without its cancelled entries (Floyd's heap construction). */
  private compact(): void {
    if (this.rootPopped) this.removeRoot();
    const heap = this.heap;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = heap[i]!;
      if (this.states[slot] === CANCELLED) this.free(slot);
      else heap[n++] = slot;
    }
    this.count = n;
    this.cancelled = 0;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, heap[i]!);
  }

  /** Places `slot` at heap position `at` or above, moving later parents down. */
  private siftUp(at: number, slot: number): void {
    const heap = this.heap;
    const times = this.times;
    const time = times[slot]!;
    let i = at;
    while (i > 0) {
      const parentAt = (i - 1) >> 1;
      const parent = heap[parentAt]!;
      const tp = times[parent]!;
      if (tp < time || (tp === time && !this.tieBefore(slot, parent))) break;
      heap[i] = parent;
      i = parentAt;
    }
    heap[i] = slot;
  }

  /** Places `slot` at heap position `at` or below, moving earlier children up. */
  private siftDown(at: number, slot: number): void {
    const heap = this.heap;
    const times = this.times;
    const n = this.count;
    const time = times[slot]!;
    let i = at;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childSlot = heap[child]!;
      let tc = times[childSlot]!;
      const right = child + 1;
      if (right < n) {
        const rightSlot = heap[right]!;
        const tr = times[rightSlot]!;
        if (tr < tc || (tr === tc && this.tieBefore(rightSlot, childSlot))) {
          child = right;
          childSlot = rightSlot;
          tc = tr;
        }
      }
      if (time < tc || (time === tc && this.tieBefore(slot, childSlot))) break;
      heap[i] = childSlot;
      i = child;
    }
    heap[i] = slot;
  }

  /** Order of two events due at the same time: priority, then sequence. */
  private tieBefore(x: number, y: number): boolean {
    const px = this.priorities[x]!;
    const py = this.priorities[y]!;
    return px !== py ? px < py : this.sequences[x]! < this.sequences[y]!;
  }

  private grow(): void {
    const old = this.times.length;
    const n = old * 2;
    if (n > SLOT_SPACE) throw new RangeError(`more than ${SLOT_SPACE} events pending at once`);
    this.times = resizeF64(this.times, n);
    this.priorities = resizeI32(this.priorities, n);
    this.sequences = resizeF64(this.sequences, n);
    this.kinds = resizeI32(this.kinds, n);
    this.firstArgs = resizeI32(this.firstArgs, n);
    this.secondArgs = resizeI32(this.secondArgs, n);
    this.generations = resizeI32(this.generations, n);
    const states = new Uint8Array(n);
    states.set(this.states);
    this.states = states;
    this.heap = resizeI32(this.heap, n);
    const freeSlots = new Int32Array(n);
    for (let i = 0; i < n - old; i++) freeSlots[i] = n - 1 - i;
    this.freeSlots = freeSlots;
    this.freeCount = n - old;
  }
}

function resizeF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function resizeI32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
