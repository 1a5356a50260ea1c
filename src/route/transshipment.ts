/**
 * Transshipment at a node: where a route changes mode (rail to ferry at a port), the node's
 * handling time and cost apply. A route changes mode only at nodes that declare a transshipment:
 * elsewhere the change would be free and instant, an artefact of missing data. A sketch of a
 * network that declares no transshipment anywhere lets the mode change at any node, at no cost.
 */
import { distributionMean, distributionVariance, parseDistribution } from '../model/distribution.js';
import type { NetworkModel } from '../model/schema.js';

export interface NodeTransshipment {
  readonly timeMeanH: Float64Array;
  readonly timeVarH2: Float64Array;
  readonly costUsdPerT: Float64Array;
  /** 1 where a route may change mode: the nodes that declare a transshipment (every node if none does). */
  readonly at: Uint8Array;
  /** Whether any node has a transshipment time or cost. */
  readonly any: boolean;
}

/** Handling time (mean, variance) and cost per tonne at each node, 0 where the node gives none. */
export function nodeTransshipment(model: NetworkModel): NodeTransshipment {
  const n = model.nodes.length;
  const timeMeanH = new Float64Array(n);
  const timeVarH2 = new Float64Array(n);
  const costUsdPerT = new Float64Array(n);
  const at = new Uint8Array(n);
  let any = false;
  model.nodes.forEach((node, i) => {
    const t = node.transshipment;
    if (!t) return;
    at[i] = 1;
    const parsed = parseDistribution(t.time);
    if ('error' in parsed)
      throw new Error(`transshipment: invalid distribution "${t.time}" in a validated network`);
    timeMeanH[i] = distributionMean(parsed.dist);
    timeVarH2[i] = distributionVariance(parsed.dist);
    costUsdPerT[i] = t.cost_usd_per_t ?? 0;
    any ||= timeMeanH[i]! > 0 || timeVarH2[i]! > 0 || costUsdPerT[i]! > 0;
  });
  if (!model.nodes.some((node) => node.transshipment)) at.fill(1);
  return { timeMeanH, timeVarH2, costUsdPerT, at, any };
}
