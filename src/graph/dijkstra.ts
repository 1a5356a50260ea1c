/**
 * The one Dijkstra: shortest paths from one root over a CSR graph with non-negative arc weights, a
 * binary heap on typed arrays and lazy deletion. One-to-many (a whole tree), or stopping once given
 * targets are settled; forward (from the root) or reverse (to the root, along arcs backwards); arcs
 * filtered by a mask; nodes marked not-through (zones) are ends only. The buffers are allocated once
 * per graph and reused by every run.
 */
import type { Digraph } from './csr.js';
import { MinHeap } from './min-heap.js';

export interface SearchOptions {
  /** 1 for the arcs the search may use; every arc when absent. */
  readonly allowed?: Uint8Array | undefined;
  /**
   * Stop as soon as every one of these nodes is settled; the distances of other nodes are then
   * upper bounds. Default: search the whole graph.
   */
  readonly targets?: ArrayLike<number> | undefined;
  /** Search backwards: dist[v] is then the cost from v to the root. */
  readonly reverse?: boolean | undefined;
}

/** A shortest-path tree, and the reusable workspace that grows it. */
export class ShortestPathTree {
  /** Cost between the root and each node (from the root, or to it when reverse); Infinity when unreached. */
  readonly dist: Float64Array;
  /** The tree arc at each node (its last arc from the root, or its first arc to it when reverse), or -1. */
  readonly predArc: Int32Array;
  private readonly heap: MinHeap;
  private readonly wanted: Uint32Array;
  private stamp = 0;
  private reversed = false;
  /** Whether arc ids are numbered by tail node (outArcs is the identity), so arcs are read in place. */
  private readonly outInOrder: boolean;

  constructor(readonly graph: Digraph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n);
    this.predArc = new Int32Array(n);
    this.heap = new MinHeap(Math.min(Math.max(n, 16), 1 << 16));
    this.wanted = new Uint32Array(n);
    this.outInOrder = arcsInCsrOrder(graph);
  }

  /** Grows the tree from `root` with `weight[a]` per arc (≥ 0). */
  run(root: number, weight: ArrayLike<number>, options: SearchOptions = {}): this {
    const g = this.graph;
    const { dist, predArc, heap, wanted } = this;
    const { allowed, targets } = options;
    const reverse = options.reverse === true;
    this.reversed = reverse;
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
      if (remaining === 0) return this;
    }
    const start = reverse ? g.inStart : g.outStart;
    const list = reverse ? g.inArcs : g.outArcs;
    const next = reverse ? g.arcFrom : g.arcTo;
    const inPlace = !reverse && this.outInOrder;
    const through = g.through;
    dist[root] = 0;
    heap.push(0, root);
    while (heap.size > 0) {
      // Lazy deletion: an entry that a cheaper path superseded is stale. A node is pushed only when
      // its distance strictly drops, so the entry that matches its distance is popped once.
      const d = heap.peekKey();
      const v = heap.pop();
      if (d > dist[v]!) continue;
      if (wanted[v] === stamp && --remaining === 0) break;
      if (through !== undefined && v !== root && through[v] === 0) continue;
      const end = start[v + 1]!;
      for (let i = start[v]!; i < end; i++) {
        const a = inPlace ? i : list[i]!;
        if (allowed !== undefined && allowed[a] === 0) continue;
        const w = next[a]!;
        const nd = d + weight[a]!;
        if (nd < dist[w]!) {
          dist[w] = nd;
          predArc[w] = a;
          heap.push(nd, w);
        }
      }
    }
    return this;
  }

  /**
   * The arcs of the tree path between the root and `node`, in travel order (root → node, or node →
   * root for a reverse search); undefined when unreached; empty for the root itself.
   */
  pathTo(node: number): Uint32Array | undefined {
    if (!Number.isFinite(this.dist[node]!)) return undefined;
    const pred = this.predArc;
    const back = this.reversed ? this.graph.arcTo : this.graph.arcFrom;
    let length = 0;
    for (let v = node; pred[v]! >= 0; v = back[pred[v]!]!) length++;
    const path = new Uint32Array(length);
    let v = node;
    for (let i = 0; i < length; i++) {
      const a = pred[v]!;
      path[this.reversed ? i : length - 1 - i] = a;
      v = back[a]!;
    }
    return path;
  }
}

const csrOrder = new WeakMap<Uint32Array, boolean>();

/** Whether arc ids are numbered by tail node (outArcs is the identity), checked once per graph. */
function arcsInCsrOrder(graph: Digraph): boolean {
  let known = csrOrder.get(graph.outArcs);
  if (known === undefined) {
    known = graph.outArcs.every((a, i) => a === i);
    csrOrder.set(graph.outArcs, known);
  }
  return known;
}

export interface ShortestPath {
  /** Sum of the weights along the path. */
  readonly cost: number;
  /** The arcs in order from source to target; empty when source = target. */
  readonly arcs: number[];
}

/**
 * The least-weight path from `source` to `target`, or null when there is none. Weights must be ≥ 0.
 * Pass a tree of the same graph to reuse its workspace.
 */
export function shortestPath(
  graph: Digraph,
  weight: ArrayLike<number>,
  source: number,
  target: number,
  allowed?: Uint8Array,
  workspace: ShortestPathTree = new ShortestPathTree(graph),
): ShortestPath | null {
  const tree = workspace.run(source, weight, { allowed, targets: [target] });
  const arcs = tree.pathTo(target);
  return arcs ? { cost: tree.dist[target]!, arcs: Array.from(arcs) } : null;
}

/** Least weight from every node to `target` (Infinity where unreachable): a reverse search. */
export function distancesTo(
  graph: Digraph,
  weight: ArrayLike<number>,
  target: number,
  allowed?: Uint8Array,
): Float64Array {
  return new ShortestPathTree(graph).run(target, weight, { allowed, reverse: true }).dist;
}
