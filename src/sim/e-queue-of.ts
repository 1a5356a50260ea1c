/**
 * The e-queue (appointment slots) of a crossing's direction in a run: the one the run asks for, or the
 * one its drivers use by the network. Apart from the plan's builder so that a worker thread, which
 * only runs replications of a plan, does not load the route planner and the flow model with it.
 */
import type { AppointmentSettings } from './crossing-from-network.js';
import type { SimulationPlan } from './simulation-plan.js';

const DEFAULT_E_QUEUE: AppointmentSettings = { slot_h: 1, share: 1 };

/** The e-queue of a crossing's direction in a run: asked for by the run, or by its drivers in the network. */
export function eQueueOf(
  plan: SimulationPlan,
  crossing: number,
  direction: number,
): AppointmentSettings | null {
  const asked = plan.appointments[crossing];
  if (asked) return asked;
  const entry = plan.network.crossings[crossing]!;
  const side = entry.sides[direction] ?? entry.sides[0];
  return side.eQueue ? (plan.eQueue ?? DEFAULT_E_QUEUE) : null;
}

/** Whether some direction of a crossing has an e-queue in the run. */
export function hasEQueue(plan: SimulationPlan, crossing: number): boolean {
  return eQueueOf(plan, crossing, 0) !== null || eQueueOf(plan, crossing, 1) !== null;
}
