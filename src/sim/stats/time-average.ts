/**
 * The time-weighted average of a quantity that changes at events: the mean queue length over a day,
 * the mean number of lanes busy. Only the time after the warm-up counts; memory is constant.
 */

export interface TimeAverageOptions {
  /** Only time after this (hours) counts (default 0). */
  readonly warmup?: number;
  /** Time the quantity starts being watched (default 0). */
  readonly start?: number;
  /** Its value then (default 0). */
  readonly initial?: number;
}

export class TimeAverage {
  readonly warmup: number;
  /** Current value, held since {@link since}. */
  value: number;
  since: number;
  private area = 0;
  private peak = Number.NEGATIVE_INFINITY;

  constructor(options: TimeAverageOptions = {}) {
    this.warmup = options.warmup ?? 0;
    this.since = options.start ?? 0;
    this.value = options.initial ?? 0;
    if (this.since >= this.warmup) this.peak = this.value;
  }

  /** The quantity becomes `value` at `time` (not earlier than the previous update). */
  update(time: number, value: number): void {
    const w = this.warmup;
    if (time > w) {
      const from = Math.max(this.since, w);
      this.area += this.value * (time - from);
      if (this.value > this.peak) this.peak = this.value;
    }
    this.value = value;
    this.since = time;
    if (time >= w && value > this.peak) this.peak = value;
  }

  /** Integral of the quantity over [warm-up, end], in value·hours. */
  integral(end: number): number {
    const w = this.warmup;
    if (end <= w) return 0;
    const from = Math.max(this.since, w);
    return this.area + this.value * (end - from);
  }

  /** Time-weighted mean over [warm-up, end]; NaN if that span is empty. */
  mean(end: number): number {
    return end > this.warmup ? this.integral(end) / (end - this.warmup) : Number.NaN;
  }

  /** Largest value held at any time in [warm-up, end]; -Infinity if that span is empty. */
  max(end: number): number {
    return end >= this.warmup && this.value > this.peak ? this.value : this.peak;
  }
}
