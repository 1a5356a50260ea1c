/**
 * A tally of observations such as waits or transit times: streaming moments and a quantile histogram,
 * in bounded memory, ignoring whatever is observed in the warm-up or after the end of the window.
 */
import { LogHistogram, type LogHistogramOptions } from './histogram.js';
import { Moments } from './moments.js';

export interface TallyOptions {
  /** Observations made before this time (hours) are ignored (default 0). */
  readonly warmup?: number;
  /** Observations made at or after this time are ignored (default never). */
  readonly end?: number;
  readonly histogram?: LogHistogramOptions;
}

export class Tally {
  readonly warmup: number;
  readonly end: number;
  readonly moments = new Moments();
  readonly histogram: LogHistogram;

  constructor(options: TallyOptions = {}) {
    this.warmup = options.warmup ?? 0;
    this.end = options.end ?? Number.POSITIVE_INFINITY;
    this.histogram = new LogHistogram(options.histogram);
  }

  /** Records `value`, observed at `time`, unless `time` is within the warm-up or past the end. */
  record(time: number, value: number): void {
    if (time < this.warmup || time >= this.end) return;
    this.moments.add(value);
    this.histogram.add(value);
  }

  /** Records `value`, observed within the window: for a caller that has checked the time already. */
  add(value: number): void {
    this.moments.add(value);
    this.histogram.add(value);
  }

  get count(): number {
    return this.moments.count;
  }

  /** Mean of the observations; NaN if there are none. */
  get mean(): number {
    return this.moments.count === 0 ? Number.NaN : this.moments.mean;
  }

  quantile(q: number): number {
    return this.histogram.quantile(q);
  }
}
