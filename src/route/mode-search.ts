/**
 * The best route for one additive weight on the compiled network, found by the one Dijkstra
 * (graph/dijkstra.ts) on the network's mode-expanded graph (graph/mode-graph.ts): a mode change
 * happens only where a transshipment is declared, and costs that node's penalty.
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { liftArcMask, liftArcValues, modeGraphOf, type NetworkModeGraph } from '../graph/mode-graph.js';
import type { CompiledNetwork } from '../network/compile.js';

/** A reusable search on one network and transfer limit. */
export class ModeSearch {
  readonly graph: NetworkModeGraph;
  private readonly tree: ShortestPathTree;
  private readonly masks = new WeakMap<Uint8Array, Uint8Array>();

  constructor(net: CompiledNetwork, maxTransfers?: number) {
    this.graph = modeGraphOf(net, maxTransfers);
    this.tree = new ShortestPathTree(this.graph);
  }

  /** The graph's weights: `weight` per compiled arc, `transferPenalty` per node at a mode change. */
  weights(weight: Float64Array, transferPenalty?: Float64Array): Float64Array {
    return liftArcValues(this.graph, weight, transferPenalty);
  }

  /**
   * The least-weight route from `source` to `target` (compiled nodes) over the allowed compiled arcs,
   * with graph weights from `weights`: its cost and its compiled arcs; null when there is none.
   */
  best(
    graphWeight: Float64Array,
    source: number,
    target: number,
    allowed?: Uint8Array,
  ): { cost: number; arcs: number[] } | null {
    const g = this.graph;
    let mask: Uint8Array | undefined;
    if (allowed !== undefined) {
      mask = this.masks.get(allowed);
      if (!mask) {
        mask = liftArcMask(g, allowed)!;
        this.masks.set(allowed, mask);
      }
    }
    const s = g.zone[source]!;
    const t = g.zone[target]!;
    const path = this.tree.run(s, graphWeight, { allowed: mask, targets: [t] }).pathTo(t);
    if (!path) return null;
    const arcs: number[] = [];
    for (const a of path) if (g.arcNet[a]! >= 0) arcs.push(g.arcNet[a]!);
    return { cost: this.tree.dist[t]!, arcs };
  }
}
