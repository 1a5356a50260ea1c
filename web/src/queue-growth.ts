/**
 * Whether a simulated flow (a crossing, or one direction of it) has a queue that grows without
 * bound, so that its mean wait depends on the length of the run: the simulator's `non_stationary`
 * flag where the result carries it, else the terminal's rule on `queue_growth_per_day`.
 */
import { queueGrowth } from '../../src/app/queue-growth.js';
import { formatNumber } from '../../src/viz/format.js';

/** The fields of a simulated flow this reads; all optional, so older and newer results both work. */
export interface GrowthFields {
  readonly throughput_per_day?: number | null;
  /** Units a day arriving beyond those cleared: a number, or an estimate `{mean, ci95}`. */
  readonly queue_growth_per_day?: number | { readonly mean?: number | null } | null;
  readonly non_stationary?: boolean | null;
}

export interface Growth {
  /** Units a day the queue grows by, where known. */
  readonly per_day: number | null;
}

/** The growth when the queue grows without bound, else null. */
export function growingQueue(flow: GrowthFields | undefined): Growth | null {
  if (!flow) return null;
  const g = flow.queue_growth_per_day;
  const perDay = typeof g === 'number' ? g : (g?.mean ?? null);
  const judged = queueGrowth({
    queue_growth_per_day: perDay,
    throughput_per_day: flow.throughput_per_day ?? null,
  });
  if (flow.non_stationary === true) return { per_day: perDay };
  if (flow.non_stationary === false) return null;
  return judged === null ? null : { per_day: judged };
}

/** "queue grows +174 a day" (or without a figure). */
export function growthText(g: Growth): string {
  return g.per_day === null || !Number.isFinite(g.per_day)
    ? 'queue grows'
    : `queue grows +${formatNumber(g.per_day, g.per_day < 10 ? 1 : 0)} a day`;
}
