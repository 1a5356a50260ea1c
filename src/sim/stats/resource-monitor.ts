/**
 * The standard observer of a crossing's lanes, attached through the resource's hooks: waits, queue
 * length over time, busy and open lanes, hence utilization, all between the warm-up and the end.
 */
import type { ResourceHooks } from '../resource.js';
import type { LogHistogramOptions } from './histogram.js';
import { Tally } from './tally.js';
import { TimeAverage } from './time-average.js';

export interface ResourceMonitorOptions {
  readonly warmup?: number;
  /** End of the observation window (default never): later events are not counted. */
  readonly end?: number;
  /** Time monitoring starts (default 0). */
  readonly start?: number;
  /** Servers open at the start (default 1), until the first capacity change is seen. */
  readonly capacity?: number;
  readonly histogram?: LogHistogramOptions;
}

export class ResourceMonitor implements ResourceHooks {
  /** Waits in hours, recorded when service starts. */
  readonly wait: Tally;
  readonly queue: TimeAverage;
  readonly busy: TimeAverage;
  readonly open: TimeAverage;
  /** Services started after the warm-up. */
  started = 0;
  private readonly warmup: number;
  private readonly end: number;

  constructor(options: ResourceMonitorOptions = {}) {
    const warmup = options.warmup ?? 0;
    const start = options.start ?? 0;
    const end = options.end ?? Number.POSITIVE_INFINITY;
    this.warmup = warmup;
    this.end = end;
    this.wait = new Tally({ warmup, end, ...(options.histogram ? { histogram: options.histogram } : {}) });
    this.queue = new TimeAverage({ warmup, start, end });
    this.busy = new TimeAverage({ warmup, start, end });
    this.open = new TimeAverage({ warmup, start, end, initial: options.capacity ?? 1 });
  }

  enqueue(time: number, _unit: number, queueLength: number): void {
    this.queue.update(time, queueLength);
  }

  start(time: number, _unit: number, wait: number, busy: number, queueLength: number): void {
    this.wait.record(time, wait);
    this.busy.update(time, busy);
    if (queueLength !== this.queue.value) this.queue.update(time, queueLength);
    if (time >= this.warmup && time < this.end) this.started++;
  }

  release(time: number, busy: number): void {
    this.busy.update(time, busy);
  }

  capacity(time: number, capacity: number): void {
    this.open.update(time, capacity);
  }

  /** Busy server-hours over open server-hours since the warm-up. */
  utilization(end: number): number {
    return this.busy.integral(end) / this.open.integral(end);
  }
}
