/**
 * The time-weighted average of a quantity that changes at events: the mean queue length over a day,
 * the mean number of lanes busy. Only the time between the warm-up and the end counts; memory is constant.
 */

export interface TimeAverageOptions {
  /** Only time after this (hours) counts (default 0). */
  readonly warmup?: number;
  /** Time the quantity starts being watched (default 0). */
  readonly start?: number;
  /** Its value then (default 0). */
  readonly initial?: number;
  /** Time after which nothing counts (default never): a run may go on past its observation window. */
  readonly end?: number;
}

export class TimeAverage {
  readonly warmup: number;
  readonly end: number;
  /**
   * Current value, held since {@link since}. Both initialised where declared, as numbers: V8 then
   * stores them unboxed, where a field declared without a value (undefined at first) would take a new
   * heap number at every update. `since` and `area` start at −0, so that V8 holds them as doubles
   * from the start (see `Moments.mean`); the constructor sets `since`.
   */
  value = 0;
  since = -0;
  private area = -0;
  private peak = Number.NEGATIVE_INFINITY;

  constructor(options: TimeAverageOptions = {}) {
    this.warmup = options.warmup ?? 0;
    this.end = options.end ?? Number.POSITIVE_INFINITY;
    this.since = options.start ?? 0;
    this.value = options.initial ?? 0;
    if (this.since >= this.warmup && this.since <= this.end) this.peak = this.value;
  }

  /**
   * The quantity becomes `value` at `time` (not earlier than the previous update). Written without a
   * branch on the window, so that an update in the warm-up runs every operation that one after it does:
   * V8 optimizes the simulation in its first simulated days, and a path first taken when the warm-up
   * ends throws that code away, to be compiled again in each lane. Measured against the branching form
   * (bench/sim/RESULTS-sim.md): 52 → 49 deoptimizations in 4 replications of the default network on 2
   * workers; 40 replications on 2 workers 43 and 51 ms shorter (12 and 10 interleaved pairs, 8 and 9
   * shorter), on 1 worker the same within the noise, the M/M/4 product run 23 ms longer (20 pairs, 3
   * shorter). Other forms measured worse (a branch on the peak; a comparison of the two bounds' tests).
   * The same sums and the same bits: a held value times a span of 0 adds nothing.
   */
  update(time: number, value: number): void {
    const end = this.end;
    const held = this.value;
    const span = Math.max(Math.min(time, end) - Math.max(this.since, this.warmup), 0);
    this.area += held * span;
    // the value held, if some of its time counts; the new value, if it starts within the window
    const heldCounts = span > 0 ? held : Number.NEGATIVE_INFINITY;
    const startsIn = Number(time >= this.warmup) * Number(time <= end);
    this.peak = Math.max(this.peak, heldCounts, startsIn > 0 ? value : Number.NEGATIVE_INFINITY);
    this.value = value;
    this.since = time;
  }

  /** Integral of the quantity over [warm-up, end], in value·hours (`end` capped by the option). */
  integral(end: number): number {
    const to = Math.min(end, this.end);
    const from = Math.max(this.since, this.warmup);
    // + 0 turns the −0 the area starts at into 0
    return to > from ? this.area + this.value * (to - from) : this.area + 0;
  }

  /** Time-weighted mean over [warm-up, end]; NaN if that span is empty. */
  mean(end: number): number {
    const to = Math.min(end, this.end);
    return to > this.warmup ? this.integral(to) / (to - this.warmup) : Number.NaN;
  }

  /** Largest value held at any time in [warm-up, end]; -Infinity if that span is empty. */
  max(end: number): number {
    const to = Math.min(end, this.end);
    return to >= this.warmup && this.since <= to && this.value > this.peak ? this.value : this.peak;
  }
}
