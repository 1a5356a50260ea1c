/**
 * Units flowing through a crossing or a whole trip: time from entry to exit, number present, exits
 * after the warm-up, hence Little's law and throughput per day.
 */
import type { LogHistogramOptions } from './histogram.js';
import { Tally } from './tally.js';
import { TimeAverage } from './time-average.js';

export interface FlowMonitorOptions {
  readonly warmup?: number;
  readonly start?: number;
  readonly histogram?: LogHistogramOptions;
}

export class FlowMonitor {
  /** Time in the system, hours, recorded at exit. */
  readonly sojourn: Tally;
  /** Units present. */
  readonly present: TimeAverage;
  /** Entries and exits after the warm-up. */
  entered = 0;
  exited = 0;
  private readonly warmup: number;
  private count = 0;

  constructor(options: FlowMonitorOptions = {}) {
    this.warmup = options.warmup ?? 0;
    this.sojourn = new Tally({
      warmup: this.warmup,
      ...(options.histogram ? { histogram: options.histogram } : {}),
    });
    this.present = new TimeAverage({ warmup: this.warmup, start: options.start ?? 0 });
  }

  enter(time: number): void {
    this.present.update(time, ++this.count);
    if (time >= this.warmup) this.entered++;
  }

  exit(time: number, enteredAt: number): void {
    this.present.update(time, --this.count);
    this.sojourn.record(time, time - enteredAt);
    if (time >= this.warmup) this.exited++;
  }

  /** Exits per day after the warm-up. */
  throughputPerDay(end: number): number {
    return end > this.warmup ? (this.exited * 24) / (end - this.warmup) : Number.NaN;
  }
}
