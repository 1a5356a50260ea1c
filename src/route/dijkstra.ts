/**
 * The best route for one additive criterion: Dijkstra's algorithm with a binary heap over the
 * compiled network's typed arrays. With a transfer model it searches (node, arriving mode[,
 * transfers]) states, so that a mode change costs its node's penalty and can be limited in number.
 */
import { MinHeap } from './min-heap.js';
import type { SearchGraph, TransferModel } from './search-graph.js';

export interface ShortestPathOptions {
  /** 1 for the arcs a route may use; every arc when absent. */
  readonly allowed?: Uint8Array | undefined;
  /** Mode changes: with it, `transferPenalty` (per node, in the weight's unit) is added at each change. */
  readonly transfer?: TransferModel | undefined;
  readonly transferPenalty?: Float64Array | undefined;
}

export interface ShortestPath {
  /** Sum of the weights (and transfer penalties) along the route. */
  readonly cost: number;
  /** The arcs in order from source to target; empty when source = target. */
  readonly arcs: number[];
}

/** The least-weight route from `source` to `target`, or null when there is none. Weights must be ≥ 0. */
export function shortestPath(
  graph: SearchGraph,
  weight: Float64Array,
  source: number,
  target: number,
  options: ShortestPathOptions = {},
): ShortestPath | null {
  if (options.transfer) return shortestPathWithTransfers(graph, weight, source, target, options);
  const { allowed } = options;
  const n = graph.nodeCount;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(n).fill(-1);
  const { outStart, outArcs, arcTo } = graph;
  const inOrder = arcsInCsrOrder(graph);
  const heap = new MinHeap(1024);
  dist[source] = 0;
  heap.push(0, source);
  let reached = false;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const u = heap.pop();
    if (d > dist[u]!) continue; // a stale entry: u was reached more cheaply since
    if (u === target) {
      reached = true;
      break;
    }
    const end = outStart[u + 1]!;
    for (let i = outStart[u]!; i < end; i++) {
      const a = inOrder ? i : outArcs[i]!;
      if (allowed !== undefined && allowed[a] === 0) continue;
      const v = arcTo[a]!;
      const nd = d + weight[a]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        pred[v] = a;
        heap.push(nd, v);
      }
    }
  }
  if (!reached) return null;
  const arcs: number[] = [];
  for (let v = target; v !== source; ) {
    const a = pred[v]!;
    arcs.push(a);
    v = graph.arcFrom[a]!;
  }
  return { cost: dist[target]!, arcs: arcs.reverse() };
}

const csrOrder = new WeakMap<Uint32Array, boolean>();

/** Whether arc ids are numbered by tail node (outArcs is the identity), so arcs can be read in place. */
function arcsInCsrOrder(graph: SearchGraph): boolean {
  let known = csrOrder.get(graph.outArcs);
  if (known === undefined) {
    known = graph.outArcs.every((a, i) => a === i);
    csrOrder.set(graph.outArcs, known);
  }
  return known;
}

function shortestPathWithTransfers(
  graph: SearchGraph,
  weight: Float64Array,
  source: number,
  target: number,
  options: ShortestPathOptions,
): ShortestPath | null {
  const transfer = options.transfer!;
  const { allowed, transferPenalty } = options;
  const { arcMode, modeCount, canTransfer } = transfer;
  const limited = transfer.maxTransfers !== undefined;
  const kCount = limited ? Math.max(0, Math.floor(transfer.maxTransfers!)) + 1 : 1;
  const modeSlots = modeCount + 1; // the last slot: not yet moved
  const perNode = modeSlots * kCount;
  const states = graph.nodeCount * perNode;
  const dist = new Float64Array(states).fill(Number.POSITIVE_INFINITY);
  const predArc = new Int32Array(states).fill(-1);
  const predState = new Int32Array(states).fill(-1);
  const { outStart, outArcs, arcTo } = graph;
  const heap = new MinHeap(1024);
  const start = source * perNode + modeCount * kCount;
  dist[start] = 0;
  heap.push(0, start);
  let reached = -1;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const s = heap.pop();
    if (d > dist[s]!) continue;
    const u = Math.floor(s / perNode);
    if (u === target) {
      reached = s;
      break;
    }
    const within = s - u * perNode;
    const m = Math.floor(within / kCount);
    const k = within - m * kCount;
    const end = outStart[u + 1]!;
    for (let i = outStart[u]!; i < end; i++) {
      const a = outArcs[i]!;
      if (allowed !== undefined && allowed[a] === 0) continue;
      const ma = arcMode[a]!;
      let nd = d + weight[a]!;
      let nk = k;
      if (m !== modeCount && m !== ma) {
        if (canTransfer !== undefined && canTransfer[u] === 0) continue;
        if (transferPenalty !== undefined) nd += transferPenalty[u]!;
        if (limited) {
          nk = k + 1;
          if (nk >= kCount) continue;
        }
      }
      const t = arcTo[a]! * perNode + ma * kCount + nk;
      if (nd < dist[t]!) {
        dist[t] = nd;
        predArc[t] = a;
        predState[t] = s;
        heap.push(nd, t);
      }
    }
  }
  if (reached < 0) return null;
  const arcs: number[] = [];
  for (let s = reached; s !== start; s = predState[s]!) arcs.push(predArc[s]!);
  return { cost: dist[reached]!, arcs: arcs.reverse() };
}

/**
 * Least weight from every node to `target` (Infinity where unreachable), ignoring mode changes: a
 * lower bound on what remains of any route, used to prune the Pareto search.
 */
export function distancesTo(
  graph: SearchGraph,
  weight: Float64Array,
  target: number,
  allowed?: Uint8Array,
): Float64Array {
  const n = graph.nodeCount;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const { inStart, inArcs, arcFrom } = graph;
  const heap = new MinHeap(256);
  dist[target] = 0;
  heap.push(0, target);
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (d > dist[v]!) continue;
    const end = inStart[v + 1]!;
    for (let i = inStart[v]!; i < end; i++) {
      const a = inArcs[i]!;
      if (allowed !== undefined && allowed[a] === 0) continue;
      const u = arcFrom[a]!;
      const nd = d + weight[a]!;
      if (nd < dist[u]!) {
        dist[u] = nd;
        heap.push(nd, u);
      }
    }
  }
  return dist;
}
