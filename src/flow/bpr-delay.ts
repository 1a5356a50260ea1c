/**
 * The delay on a capacitated link or service as its load grows: the Bureau of Public Roads function,
 * free time × α × (load ÷ capacity)^β, convex and finite at every load.
 */
import type { DelayFunction } from './queue-delay.js';

export const BPR_ALPHA = 0.15;
export const BPR_BETA = 4;

export function bprDelay(
  freeTimeH: number,
  capacityTPerYear: number,
  alpha = BPR_ALPHA,
  beta = BPR_BETA,
): DelayFunction {
  const k = (freeTimeH * alpha) / capacityTPerYear ** beta;
  return {
    delayH: (load) => (load > 0 ? k * load ** beta : 0),
    derivative: (load) => (load > 0 ? k * beta * load ** (beta - 1) : 0),
  };
}
