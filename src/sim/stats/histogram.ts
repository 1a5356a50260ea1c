/**
 * Quantiles (P50, P90, P95) of waits and transit times in bounded memory, to within a stated relative
 * error however long the horizon and however many replications.
 */

export interface LogHistogramOptions {
  /** Resolution floor: values below it share one bucket (default 1e-3, i.e. 3.6 s in hours). */
  readonly lowest?: number;
  /** Values at or above it share one bucket (default 1e6, about 114 years in hours). */
  readonly highest?: number;
  /** Buckets per doubling are 2^precisionBits (default 7; from 1 to 20). */
  readonly precisionBits?: number;
}

export interface LogHistogramState {
  readonly lowest: number;
  readonly highest: number;
  readonly precisionBits: number;
  /**
   * Counts of the buckets from `offset` on (default 0): {@link LogHistogram.toJSON} keeps only the
   * span from the first to the last bucket that holds a value, so that a replication's histograms
   * travel between threads in a few hundred bytes rather than 12 KB each.
   */
  readonly counts: Float64Array;
  readonly offset?: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
}

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);
/** Index of the 32-bit word holding sign, exponent and top mantissa bits. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Exponent and top mantissa bits of a positive double: monotone in the value. */
function keyOf(x: number, shift: number): number {
  bits[0] = x;
  return words[HIGH]! >>> shift;
}

/** Smallest double with the given key. */
function valueOfKey(key: number, shift: number): number {
  words[HIGH] = key << shift;
  words[1 - HIGH] = 0;
  return bits[0]!;
}

/**
 * A log-linear histogram (as HdrHistogram's) with 2^p buckets per doubling, so a quantile is known to
 * within 2^−(p+1) relative (0.39 % by default). A value's bucket is read off the exponent and top
 * mantissa bits of its IEEE-754 representation, with no logarithm. Histograms of the same layout merge
 * by adding counts, exactly and in any order, and travel between workers as plain arrays. Written here
 * rather than taken from hdr-histogram-js, whose `recordValue` measured 170–250 ns per value on this
 * machine, more than the engine spends on a whole customer.
 */
export class LogHistogram {
  readonly lowest: number;
  readonly highest: number;
  readonly precisionBits: number;
  /** counts[0]: below `lowest`; counts[last]: at or above `highest`; between, one per key. */
  readonly counts: Float64Array;
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private readonly shift: number;
  private readonly firstKey: number;
  private readonly last: number;

  constructor(options: LogHistogramOptions = {}) {
    this.lowest = options.lowest ?? 1e-3;
    this.highest = options.highest ?? 1e6;
    this.precisionBits = options.precisionBits ?? 7;
    if (!(this.lowest > 0 && this.highest > this.lowest)) throw new RangeError('need 0 < lowest < highest');
    if (!(Number.isInteger(this.precisionBits) && this.precisionBits >= 1 && this.precisionBits <= 20)) {
      throw new RangeError('precisionBits must be an integer from 1 to 20');
    }
    this.shift = 20 - this.precisionBits;
    this.firstKey = keyOf(this.lowest, this.shift);
    this.last = keyOf(this.highest, this.shift) - this.firstKey + 2;
    this.counts = new Float64Array(this.last + 1);
  }

  static from(state: LogHistogramState): LogHistogram {
    const h = new LogHistogram(state);
    h.counts.set(state.counts, state.offset ?? 0);
    h.count = state.count;
    h.min = state.min;
    h.max = state.max;
    return h;
  }

  /** Largest relative error of a quantile above `lowest`. */
  get relativeError(): number {
    return 2 ** -(this.precisionBits + 1);
  }

  add(x: number): void {
    let k: number;
    if (!(x >= this.lowest)) k = 0;
    else if (x >= this.highest) k = this.last;
    else k = keyOf(x, this.shift) - this.firstKey + 1;
    this.counts[k]!++;
    this.count++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Adds another histogram's counts; both must have been built with the same options. */
  merge(other: LogHistogramState): void {
    const offset = other.offset ?? 0;
    if (
      other.lowest !== this.lowest ||
      other.highest !== this.highest ||
      other.precisionBits !== this.precisionBits ||
      !(Number.isInteger(offset) && offset >= 0 && offset + other.counts.length <= this.counts.length)
    ) {
      throw new RangeError('cannot merge histograms with different layouts');
    }
    const counts = this.counts;
    const theirs = other.counts;
    for (let i = 0; i < theirs.length; i++) counts[offset + i]! += theirs[i]!;
    this.count += other.count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) by nearest rank: the smallest recorded value with at least q·n values at
   * or below it, within {@link relativeError} above `lowest` (and within `lowest` below it; exact for
   * the minimum and maximum). NaN when empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = Math.max(1, Math.ceil(q * this.count));
    const counts = this.counts;
    let seen = 0;
    let k = 0;
    for (; k < counts.length; k++) {
      seen += counts[k]!;
      if (seen >= rank) break;
    }
    let value: number;
    if (k === 0) value = this.min;
    else if (k >= this.last) value = this.max;
    else {
      const key = this.firstKey + k - 1;
      value = (valueOfKey(key, this.shift) + valueOfKey(key + 1, this.shift)) / 2;
    }
    return Math.min(this.max, Math.max(this.min, value));
  }

  clear(): void {
    this.counts.fill(0);
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }

  /** The state, its counts trimmed to the buckets from the first to the last that holds a value (a copy). */
  toJSON(): LogHistogramState {
    const counts = this.counts;
    let first = 0;
    while (first < counts.length && counts[first] === 0) first++;
    let end = counts.length;
    while (end > first && counts[end - 1] === 0) end--;
    return {
      lowest: this.lowest,
      highest: this.highest,
      precisionBits: this.precisionBits,
      counts: counts.slice(first, end),
      offset: first === end ? 0 : first,
      count: this.count,
      min: this.min,
      max: this.max,
    };
  }
}
