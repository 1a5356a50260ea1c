/**
 * What a Monte Carlo run reports for one quantity (a crossing's wait, a trip's transit time): mean
 * over replications with its 95 % confidence interval, and P50/P90/P95/max of all observations.
 */
import { confidenceInterval } from './confidence-interval.js';
import { LogHistogram, type LogHistogramOptions, type LogHistogramState } from './histogram.js';
import { Moments } from './moments.js';

export interface Estimate {
  /** Replications that observed the quantity at least once. */
  readonly replications: number;
  /** Observations over all replications. */
  readonly count: number;
  /** Mean of the replications' means. */
  readonly mean: number;
  /** 95 % confidence interval of the mean, or null with fewer than two replications. */
  readonly ci95: readonly [number, number] | null;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly max: number;
}

/**
 * Add replications in replication order: the floating-point result is then the same however many
 * workers produced them.
 */
export class ReplicationSummary {
  readonly means = new Moments();
  readonly pooled: LogHistogram;

  constructor(histogram: LogHistogramOptions = {}) {
    this.pooled = new LogHistogram(histogram);
  }

  /**
   * Adds one replication: its mean (NaN if it observed nothing, which then does not count towards
   * the interval) and the histogram of its observations.
   */
  add(replicationMean: number, observations: LogHistogramState): void {
    if (!Number.isNaN(replicationMean)) this.means.add(replicationMean);
    this.pooled.merge(observations);
  }

  result(): Estimate {
    const h = this.pooled;
    return {
      replications: this.means.count,
      count: h.count,
      mean: this.means.count === 0 ? Number.NaN : this.means.mean,
      ci95: confidenceInterval(this.means),
      p50: h.quantile(0.5),
      p90: h.quantile(0.9),
      p95: h.quantile(0.95),
      max: h.count === 0 ? Number.NaN : h.max,
    };
  }
}
