/**
 * Whether a crossing's queue grows without bound in a simulation: the judgement the terminal, the
 * comparison and the dashboard share. Pure and browser-safe (types only from the simulator).
 */
import type { CrossingFlowJson } from '../sim/simulation-result.js';

/**
 * The queue does not settle (`non_stationary`: its measured growth is material and its 95 % interval
 * excludes 0), so the wait keeps changing with the length of the run. Returns the growth per day, or null.
 */
export function queueGrowth(flow: Pick<CrossingFlowJson, 'queue_growth_per_day' | 'non_stationary'>) {
  return flow.non_stationary ? flow.queue_growth_per_day : null;
}
