/**
 * Dijkstra's shortest paths from one origin with non-negative arc costs, on the modes a cargo may
 * use, stopping once every wanted destination is settled.
 */
import { MinHeap } from '../route/min-heap.js';
import type { RoutingGraph } from './routing-graph.js';

/** Reusable buffers for repeated searches on one graph. */
export class ShortestPathTree {
  /** Cost of the cheapest path from the last origin; Infinity when unreached. */
  readonly dist: Float64Array;
  /** Last arc of that path, or -1. */
  readonly predArc: Int32Array;
  private readonly heap: MinHeap;
  private readonly settled: Uint32Array;
  private readonly wanted: Uint32Array;
  private stamp = 0;

  constructor(readonly graph: RoutingGraph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n);
    this.predArc = new Int32Array(n);
    this.heap = new MinHeap(n);
    this.settled = new Uint32Array(n);
    this.wanted = new Uint32Array(n);
  }

  /**
   * Searches from `origin` with `cost[a]` per arc. Arcs whose mode bit is not in `modeMask` are
   * skipped. When `targets` is given the search stops as soon as all of them are settled; other
   * nodes' distances are then upper bounds.
   */
  run(origin: number, cost: Float64Array, modeMask: number, targets?: ArrayLike<number>): void {
    const g = this.graph;
    const { dist, predArc, heap, settled, wanted } = this;
    dist.fill(Number.POSITIVE_INFINITY);
    predArc.fill(-1);
    heap.clear();
    const stamp = ++this.stamp;
    let remaining = Number.POSITIVE_INFINITY;
    if (targets) {
      remaining = 0;
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i]!;
        if (wanted[t] !== stamp) {
          wanted[t] = stamp;
          remaining++;
        }
      }
    }
    dist[origin] = 0;
    heap.push(0, origin);
    const { outStart, outArcs, arcTo, arcModeBit, through } = g;
    while (heap.size > 0) {
      // Lazy deletion: an entry whose node is settled, or that a cheaper path superseded, is stale.
      const key = heap.peekKey();
      const v = heap.pop();
      if (settled[v] === stamp || key > dist[v]!) continue;
      settled[v] = stamp;
      if (wanted[v] === stamp && --remaining === 0) break;
      if (v !== origin && through[v] === 0) continue;
      const dv = dist[v]!;
      for (let i = outStart[v]!, end = outStart[v + 1]!; i < end; i++) {
        const a = outArcs[i]!;
        const bit = arcModeBit[a]!;
        if (bit !== 0 && (bit & modeMask) === 0) continue;
        const w = arcTo[a]!;
        if (settled[w] === stamp) continue;
        const d = dv + cost[a]!;
        if (d < dist[w]!) {
          dist[w] = d;
          predArc[w] = a;
          heap.push(d, w);
        }
      }
    }
  }

  /** The arcs of the cheapest path to `target`, in order; undefined when unreached. */
  pathTo(target: number): Uint32Array | undefined {
    if (!Number.isFinite(this.dist[target]!)) return undefined;
    let length = 0;
    for (let v = target; this.predArc[v]! >= 0; v = this.graph.arcFrom[this.predArc[v]!]!) length++;
    const path = new Uint32Array(length);
    for (let v = target, i = length - 1; i >= 0; i--) {
      const a = this.predArc[v]!;
      path[i] = a;
      v = this.graph.arcFrom[a]!;
    }
    return path;
  }
}
