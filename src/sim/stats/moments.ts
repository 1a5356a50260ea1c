/**
 * Streaming mean, variance, minimum and maximum of observations in constant memory (Welford), and the
 * exact merge of two such summaries (Chan et al.).
 */

export interface MomentsState {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly min: number;
  readonly max: number;
}

export class Moments implements MomentsState {
  count = 0;
  /**
   * −0, not 0, here and in `m2`: V8 gives a field the representation of the first value stored in it,
   * and 0 is a small integer. A field that later takes a fraction then changes representation, which
   * replaces the class's hidden map and throws away the compiled code that relied on it (in the second
   * replication of every thread: `Tally.add`, the crossing monitor, the trips' `deliver`). −0 is a
   * double, so the field is one from the start; the sign is gone after the first `add` (−0 + x = x, and
   * −0 + 0 = 0) and an empty summary's mean is never read without its count.
   */
  mean = -0;
  /** Sum of squared deviations from the mean. */
  m2 = -0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  static from(state: MomentsState): Moments {
    const m = new Moments();
    m.count = state.count;
    m.mean = state.mean;
    m.m2 = state.m2;
    m.min = state.min;
    m.max = state.max;
    return m;
  }

  add(x: number): void {
    const n = ++this.count;
    const delta = x - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  merge(other: MomentsState): void {
    if (other.count === 0) return;
    if (this.count === 0) {
      this.count = other.count;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return;
    }
    const n = this.count + other.count;
    const delta = other.mean - this.mean;
    this.mean += (delta * other.count) / n;
    this.m2 += other.m2 + (delta * delta * this.count * other.count) / n;
    this.count = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Sample variance (n − 1 in the denominator); NaN with fewer than two observations. */
  get variance(): number {
    return this.count < 2 ? Number.NaN : this.m2 / (this.count - 1);
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  toJSON(): MomentsState {
    // + 0 turns the −0 an empty summary starts at into 0
    return { count: this.count, mean: this.mean + 0, m2: this.m2 + 0, min: this.min, max: this.max };
  }
}
