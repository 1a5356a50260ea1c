/**
 * Whether a simulated flow (a crossing, or one direction of it) has a queue that grows without
 * bound, so that its mean wait depends on the length of the run: the simulator's `non_stationary`
 * judgement (src/app/queue-growth.ts), the one the terminal and the comparison show.
 */
import { queueGrowth } from '../../src/app/queue-growth.js';
import type { CrossingFlowJson } from '../../src/sim/simulation-result.js';
import { formatNumber } from '../../src/viz/format.js';

/** The fields of a simulated flow this reads. */
export type GrowthFields = Pick<CrossingFlowJson, 'queue_growth_per_day' | 'non_stationary'>;

export interface Growth {
  /** Units a day the queue grows by, where known. */
  readonly per_day: number | null;
}

/** The growth when the queue grows without bound, else null. */
export function growingQueue(flow: GrowthFields | undefined): Growth | null {
  if (!flow?.non_stationary) return null;
  return { per_day: queueGrowth(flow) };
}

/** "queue grows +174 a day", or "queue shrinks −290 a day" for one still draining (or without a figure). */
export function growthText(g: Growth): string {
  if (g.per_day === null || !Number.isFinite(g.per_day)) return 'queue grows';
  const size = Math.abs(g.per_day);
  const figure = formatNumber(size, size < 10 ? 1 : 0);
  return g.per_day < 0 ? `queue shrinks −${figure} a day` : `queue grows +${figure} a day`;
}
