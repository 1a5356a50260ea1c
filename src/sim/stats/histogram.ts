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
   * travel between threads in a few hundred bytes rather than 30 kB each.
   */
  readonly counts: Float64Array;
  readonly offset?: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
}

/** Buckets a histogram's span starts with: a few octaves at the default precision. */
const MIN_SPAN = 64;
const NO_COUNTS = new Float64Array(0);

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
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private readonly shift: number;
  private readonly firstKey: number;
  /** Index of the last bucket of the layout: bucket 0 is below `lowest`, `last` at or above `highest`, one per key between. */
  private readonly last: number;
  /**
   * The counts of the buckets from `base` on: the span that the values recorded so far reach, grown as
   * they come. A replication of the default network keeps 246 histograms of the simulation's layout,
   * 1,491 buckets (11.9 kB) each, 2.9 MB in all to zero and scan; 109 get values, whose spans take 0.29 MB.
   */
  private span = NO_COUNTS;
  private base = 0;

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
  }

  static from(state: LogHistogramState): LogHistogram {
    const h = new LogHistogram(state);
    h.merge(state);
    return h;
  }

  /** The counts of every bucket of the layout, bucket 0 below `lowest` (a copy, for inspection). */
  get counts(): Float64Array {
    const all = new Float64Array(this.last + 1);
    all.set(this.span, this.base);
    return all;
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
    const i = k - this.base;
    if (i >= 0 && i < this.span.length) this.span[i]!++;
    else this.cover(k, k + 1)[k - this.base]!++;
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
      !(Number.isInteger(offset) && offset >= 0 && offset + other.counts.length <= this.last + 1)
    ) {
      throw new RangeError('cannot merge histograms with different layouts');
    }
    const theirs = other.counts;
    if (theirs.length > 0) {
      const counts = this.cover(offset, offset + theirs.length);
      const at = offset - this.base;
      for (let i = 0; i < theirs.length; i++) counts[at + i]! += theirs[i]!;
    }
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
    const counts = this.span;
    let seen = 0;
    let k = this.last + 1;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (seen >= rank) {
        k = this.base + i;
        break;
      }
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
    this.span.fill(0);
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }

  /** The state, its counts trimmed to the buckets from the first to the last that holds a value (a copy). */
  toJSON(): LogHistogramState {
    const counts = this.span;
    let first = 0;
    while (first < counts.length && counts[first] === 0) first++;
    let end = counts.length;
    while (end > first && counts[end - 1] === 0) end--;
    return {
      lowest: this.lowest,
      highest: this.highest,
      precisionBits: this.precisionBits,
      counts: counts.slice(first, end),
      offset: first === end ? 0 : this.base + first,
      count: this.count,
      min: this.min,
      max: this.max,
    };
  }

  /**
   * The span, grown if need be to take buckets `from` to `to` (exclusive): at least doubled (so values
   * spreading out cost a logarithmic number of copies), with the room on the side it grew towards
   * (both sides when new), and never past the layout.
   */
  private cover(from: number, to: number): Float64Array {
    const span = this.span;
    const base = this.base;
    const end = base + span.length;
    if (from >= base && to <= end) return span;
    const lo = span.length === 0 ? from : Math.min(from, base);
    const hi = span.length === 0 ? to : Math.max(to, end);
    const length = Math.min(this.last + 1, Math.max(MIN_SPAN, 2 * span.length, hi - lo));
    const room = length - (hi - lo);
    const start = span.length === 0 ? lo - (room >> 1) : from < base ? lo - room : lo;
    const grown = new Float64Array(length);
    this.base = Math.max(0, Math.min(start, this.last + 1 - length));
    if (span.length > 0) grown.set(span, base - this.base);
    this.span = grown;
    return grown;
  }
}
