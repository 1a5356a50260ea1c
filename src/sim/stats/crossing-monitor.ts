/**
 * The standard observer of a border crossing, per direction and in all: waits, time to clear (TFI1),
 * cost, queue, lanes busy and open, units served, diverted, balked and reneged, within the observation window.
 */
import type { CrossingHooks } from '../crossing.js';
import type { LogHistogram, LogHistogramOptions, LogHistogramState } from './histogram.js';
import { Tally } from './tally.js';
import { TimeAverage } from './time-average.js';

export interface CrossingMonitorOptions {
  readonly warmup?: number;
  readonly end?: number;
  readonly histogram?: LogHistogramOptions;
  /** USD a unit of the given priority class pays (0: priority class). */
  readonly costOf?: (priorityClass: number, direction: number) => number;
  /**
   * Only one direction will be observed: its figures are the totals, kept once (half the work per
   * unit); asking for the second direction is then an error.
   */
  readonly oneWay?: boolean;
  /**
   * Units may book e-queue slots (default true). Without, a unit comes to the border when it reaches
   * the crossing, so the border wait is the wait and the booked wait is 0: recorded once, not thrice.
   */
  readonly booking?: boolean;
}

/** One tally as plain data: observations, their mean and histogram. */
export interface TallyResult {
  readonly count: number;
  readonly mean: number;
  readonly histogram: LogHistogramState;
}

/** What a crossing (or one of its directions) saw in one replication. */
export interface CrossingStats {
  /** Units that reached it and joined (the backlog or the border queue) within the window. */
  readonly reached: number;
  /** Units that reached it within the window, found the expected wait above their threshold and did not join. */
  readonly balked: number;
  /** Units that gave up waiting within the window (patience run out). */
  readonly reneged: number;
  /** Units cleared within the window. */
  readonly served: number;
  /** Units that found the queue too long and went to another crossing. */
  readonly diverted: number;
  /** From reaching the crossing to getting a lane, hours: e-queue and border waits together. */
  readonly wait: TallyResult;
  /** From coming to the border to getting a lane, hours. */
  readonly borderWait: TallyResult;
  /** Waiting for an e-queue slot, off the border, hours. */
  readonly bookedWait: TallyResult;
  /** TFI1: from reaching the crossing to leaving it, cleared, hours. */
  readonly tfi1: TallyResult;
  /** Mean USD a cleared unit paid (fees, gauge change, priority fee). */
  readonly costMean: number;
  /** Units waiting at the border: time average and largest. */
  readonly queueMean: number;
  readonly queueMax: number;
  /** Units holding an e-queue slot: time average. */
  readonly bookedMean: number;
  /** Lane-hours busy while open, and open (by the opening hours), within the window. */
  readonly busyLaneHours: number;
  readonly openLaneHours: number;
}

class Counters {
  reached = 0;
  balked = 0;
  reneged = 0;
  served = 0;
  diverted = 0;
  /** USD; −0, a double from the start, for the reason given at `Moments.mean`. */
  cost = -0;
  readonly wait: Tally;
  readonly borderWait: Tally;
  readonly bookedWait: Tally;
  readonly tfi1: Tally;
  readonly queue: TimeAverage;
  readonly booked: TimeAverage;
  readonly busy: TimeAverage;
  readonly open: TimeAverage;

  constructor(
    warmup: number,
    end: number,
    histogram: LogHistogramOptions | undefined,
    private readonly booking: boolean,
  ) {
    const tally = { warmup, end, ...(histogram ? { histogram } : {}) };
    this.wait = new Tally(tally);
    this.borderWait = new Tally(tally);
    this.bookedWait = new Tally(tally);
    this.tfi1 = new Tally(tally);
    this.queue = new TimeAverage({ warmup, end });
    this.booked = new TimeAverage({ warmup, end });
    this.busy = new TimeAverage({ warmup, end });
    this.open = new TimeAverage({ warmup, end });
  }

  /** A unit cleared at `time`, within the window, paying `cost`. */
  clear(time: number, reachedAt: number, queuedAt: number, startedAt: number, cost: number): void {
    this.wait.add(startedAt - reachedAt);
    if (this.booking) {
      this.borderWait.add(startedAt - queuedAt);
      this.bookedWait.add(queuedAt - reachedAt);
    }
    this.tfi1.add(time - reachedAt);
    this.served++;
    this.cost += cost;
  }

  result(end: number): CrossingStats {
    const tally = (t: Tally): TallyResult => ({
      count: t.count,
      mean: t.mean,
      histogram: t.histogram.toJSON(),
    });
    const wait = tally(this.wait);
    return {
      reached: this.reached,
      balked: this.balked,
      reneged: this.reneged,
      served: this.served,
      diverted: this.diverted,
      wait,
      // without booking: the border wait is the wait, the booked wait as many zeros (what recording gives)
      borderWait: this.booking
        ? tally(this.borderWait)
        : { ...wait, histogram: { ...wait.histogram, counts: wait.histogram.counts.slice() } },
      bookedWait: this.booking ? tally(this.bookedWait) : zeros(this.bookedWait.histogram, wait.count),
      tfi1: tally(this.tfi1),
      costMean: this.served > 0 ? this.cost / this.served : Number.NaN,
      queueMean: this.queue.mean(end),
      queueMax: Math.max(0, this.queue.max(end)),
      bookedMean: this.booked.mean(end),
      busyLaneHours: this.busy.integral(end),
      openLaneHours: this.open.integral(end),
    };
  }
}

/** What a tally holds after recording `n` zeros: its count, a mean of 0, every value in the lowest bucket. */
function zeros(empty: LogHistogram, n: number): TallyResult {
  const { lowest, highest, precisionBits } = empty;
  const histogram: LogHistogramState = {
    lowest,
    highest,
    precisionBits,
    counts: n > 0 ? Float64Array.of(n) : new Float64Array(0),
    offset: 0,
    count: n,
    min: n > 0 ? 0 : Number.POSITIVE_INFINITY,
    max: n > 0 ? 0 : Number.NEGATIVE_INFINITY,
  };
  return { count: n, mean: n > 0 ? 0 : Number.NaN, histogram };
}

/** Hooks of one direction, recording into its own counters and the crossing's. */
class DirectionHooks implements CrossingHooks {
  queueLength = 0;
  bookedCount = 0;
  busyLanes = 0;
  openLanes = 0;
  /**
   * USD a cleared unit pays, by priority class, asked of `costOf` up front: a call to it while units
   * clear would be a call to a new function in every replication, throwing the compiled code of the
   * clearing away in the first replications of every thread.
   */
  private readonly costs: Float64Array;

  constructor(
    private readonly monitor: CrossingMonitor,
    readonly counters: Counters,
    /** 0 from `from` to `to`, 1 back. */
    index: number,
  ) {
    this.costs = Float64Array.of(monitor.costOf(0, index), monitor.costOf(1, index));
  }

  reach(time: number): void {
    if (this.monitor.inWindow(time)) {
      this.counters.reached++;
      if (this.counters !== this.monitor.total) this.monitor.total.reached++;
    }
  }

  balked(time: number, units: number): void {
    if (!this.monitor.inWindow(time)) return;
    this.counters.balked += units;
    if (this.counters !== this.monitor.total) this.monitor.total.balked += units;
  }

  reneged(time: number, _reachedAt: number): void {
    if (!this.monitor.inWindow(time)) return;
    this.counters.reneged++;
    if (this.counters !== this.monitor.total) this.monitor.total.reneged++;
  }

  booked(time: number, count: number): void {
    this.monitor.changeBooked(this, time, count);
  }

  queue(time: number, length: number): void {
    if (length === this.queueLength) return;
    this.queueLength = length;
    this.counters.queue.update(time, length);
    if (this.counters !== this.monitor.total) this.monitor.totalQueue(time);
  }

  busy(time: number, busy: number): void {
    this.busyLanes = busy;
    this.lanes(time);
  }

  /** Lanes busy while open: a unit finishing after closing time keeps its lane, but not an open one. */
  lanes(time: number): void {
    const used = Math.min(this.busyLanes, this.openLanes);
    const busy = this.counters.busy;
    if (used !== busy.value) busy.update(time, used);
    if (this.counters !== this.monitor.total) this.monitor.totalLanes(time);
  }

  open(time: number, lanes: number): void {
    this.monitor.changeOpen(this, time, lanes);
  }

  cleared(
    time: number,
    _token: number,
    reachedAt: number,
    queuedAt: number,
    startedAt: number,
    priorityClass: number,
  ): void {
    if (!this.monitor.inWindow(time)) return;
    const cost = this.costs[priorityClass]!;
    const counters = this.counters;
    counters.clear(time, reachedAt, queuedAt, startedAt, cost);
    const totals = this.monitor.total;
    if (counters !== totals) totals.clear(time, reachedAt, queuedAt, startedAt, cost);
  }
}

/**
 * Both directions of a crossing: `direction(d)` gives the hooks for direction d (0 from `from` to `to`,
 * 1 back); totals add the directions up (queue length and lanes summed at each instant).
 */
export class CrossingMonitor {
  readonly total: Counters;
  readonly costOf: (priorityClass: number, direction: number) => number;
  private readonly warmup: number;
  private readonly end: number;
  private readonly directions: (DirectionHooks | null)[] = [null, null];
  private readonly histogram: LogHistogramOptions | undefined;
  private readonly oneWay: boolean;
  private readonly booking: boolean;

  constructor(options: CrossingMonitorOptions = {}) {
    this.oneWay = options.oneWay ?? false;
    this.booking = options.booking ?? true;
    this.warmup = options.warmup ?? 0;
    this.end = options.end ?? Number.POSITIVE_INFINITY;
    this.histogram = options.histogram;
    this.total = new Counters(this.warmup, this.end, this.histogram, this.booking);
    this.costOf = options.costOf ?? (() => 0);
  }

  inWindow(time: number): boolean {
    return time >= this.warmup && time < this.end;
  }

  /** Hooks for direction `d` (0 or 1), created on first use. */
  direction(d: number): CrossingHooks {
    let hooks = this.directions[d];
    if (!hooks) {
      const other = this.directions[1 - d];
      if (this.oneWay && other) throw new Error('a one-way crossing monitor observes one direction only');
      const counters = this.oneWay
        ? this.total
        : new Counters(this.warmup, this.end, this.histogram, this.booking);
      hooks = new DirectionHooks(this, counters, d);
      this.directions[d] = hooks;
    }
    return hooks;
  }

  /** A unit of direction `d` diverted at `time`. */
  diverted(d: number, time: number): void {
    if (!this.inWindow(time)) return;
    const counters = (this.direction(d) as DirectionHooks).counters;
    counters.diverted++;
    if (counters !== this.total) this.total.diverted++;
  }

  /**
   * The border queue of a direction changed at `time`: the total over both. The totals of queues and
   * lanes are kept out of the direction's hooks, which a one-way crossing calls for every unit, so
   * that those stay small enough for V8 to inline into the lanes' code (about 1.5 % of the engine's
   * instructions on the M/M/4 benchmark crossing).
   */
  totalQueue(time: number): void {
    let total = 0;
    for (const x of this.directions) if (x) total += x.queueLength;
    this.total.queue.update(time, total);
  }

  /** The lanes busy while open of a direction changed at `time`: the total over both. */
  totalLanes(time: number): void {
    let total = 0;
    for (const x of this.directions) if (x) total += Math.min(x.busyLanes, x.openLanes);
    if (total !== this.total.busy.value) this.total.busy.update(time, total);
  }

  changeBooked(h: DirectionHooks, time: number, count: number): void {
    h.bookedCount = count;
    h.counters.booked.update(time, count);
    if (h.counters === this.total) return;
    let total = 0;
    for (const x of this.directions) if (x) total += x.bookedCount;
    this.total.booked.update(time, total);
  }

  changeOpen(h: DirectionHooks, time: number, lanes: number): void {
    h.openLanes = lanes;
    h.counters.open.update(time, lanes);
    if (h.counters !== this.total) {
      let total = 0;
      for (const x of this.directions) if (x) total += x.openLanes;
      this.total.open.update(time, total);
    }
    h.lanes(time);
  }

  /** Totals and each direction's figures (null for a direction nothing used), over [warm-up, end]. */
  result(end: number): { total: CrossingStats; directions: (CrossingStats | null)[] } {
    const total = this.total.result(end);
    return {
      total,
      directions: this.directions.map((h) =>
        h ? (h.counters === this.total ? total : h.counters.result(end)) : null,
      ),
    };
  }
}
