/**
 * Whether a crossing's queue grows without bound in a simulation: the judgement the terminal, the
 * comparison and the dashboard share. Pure and browser-safe (types only from the simulator).
 */
import type { CrossingFlowJson } from '../sim/simulation-result.js';

/**
 * The queue grows without bound: arrivals outrun clearance by more than 1 % (and half a unit a
 * day), so the wait keeps rising with the length of the run. Returns the growth per day, or null.
 */
export function queueGrowth(flow: Pick<CrossingFlowJson, 'queue_growth_per_day' | 'throughput_per_day'>) {
  const g = flow.queue_growth_per_day;
  const cleared = flow.throughput_per_day ?? 0;
  return g !== null && g > 0.5 && g > 0.01 * cleared ? g : null;
}
