/**
 * The Pareto-optimal routes between two nodes over several additive criteria: multi-criteria
 * label setting with dominance pruning, on the mode-expanded graph (graph/mode-graph.ts), whose nodes
 * are (place, mode) states and whose transfer arcs carry the cost of a mode change. Labels live in
 * typed arrays; a label is dropped when another at the same node is no worse on every criterion, or
 * when a route already found is no worse than the label plus a lower bound (reverse Dijkstra) on what
 * remains.
 */
import type { Digraph } from '../graph/csr.js';
import { distancesTo } from '../graph/dijkstra.js';
import { MinHeap } from '../graph/min-heap.js';
import { ArcRole } from '../graph/mode-graph.js';

export interface ParetoOptions {
  /** 1 for the arcs a route may use; every arc when absent. */
  readonly allowed?: Uint8Array | undefined;
  /** At most this many mode changes (transfer arcs) on a route; a label dominates only labels with as many or more. */
  readonly maxTransfers?: number | undefined;
  /** Bit flags per arc, OR-ed along a route; a label dominates only labels whose flags include its own. */
  readonly arcFlags?: Uint32Array | undefined;
  /** Give up after creating this many labels (the result says `truncated`). Default 2,000,000. */
  readonly maxLabels?: number | undefined;
}

export interface ParetoRoute {
  /** The route's value on each criterion, in the order given. */
  readonly values: number[];
  /** Graph arcs, from source to target. */
  readonly arcs: number[];
  /** Mode changes (transfer arcs) along the route. */
  readonly transfers: number;
  /** OR of the flags of its arcs (0 without arcFlags). */
  readonly flags: number;
}

export interface ParetoResult {
  /** Non-dominated routes with distinct value vectors, by increasing first criterion. */
  readonly routes: ParetoRoute[];
  /** Labels created (a measure of the work done). */
  readonly labels: number;
  readonly truncated: boolean;
}

/**
 * All Pareto-optimal routes from `source` to `target`. Every criterion must be ≥ 0 on every arc;
 * arcs whose `arcRole` is a transfer count as mode changes.
 */
export function paretoRoutes(
  graph: Digraph & { readonly arcRole?: Uint8Array | undefined },
  criteria: readonly Float64Array[],
  source: number,
  target: number,
  options: ParetoOptions = {},
): ParetoResult {
  const K = criteria.length;
  const { allowed, arcFlags } = options;
  const maxLabels = options.maxLabels ?? 2_000_000;
  const bounds = criteria.map((c) => distancesTo(graph, c, target, allowed));
  if (bounds.some((b) => b[source] === Number.POSITIVE_INFINITY)) {
    return { routes: [], labels: 0, truncated: false };
  }
  const scale = bounds.map((b) => (b[source]! > 0 ? 1 / b[source]! : 1));
  const limited = options.maxTransfers !== undefined;
  const maxTransfers = limited ? Math.floor(options.maxTransfers!) : Number.POSITIVE_INFINITY;
  const arcRole = graph.arcRole;

  let cap = 1024;
  let labNode = new Int32Array(cap);
  let labTransfers = new Int32Array(cap);
  let labFlags = new Int32Array(cap);
  let labPred = new Int32Array(cap);
  let labArc = new Int32Array(cap);
  let labDead = new Uint8Array(cap);
  let val = new Float64Array(cap * K);
  let count = 0;
  const bags: (number[] | undefined)[] = new Array(graph.nodeCount);
  const found: number[] = [];
  const heap = new MinHeap(1024);
  const next = new Float64Array(K);
  let truncated = false;

  const grow = () => {
    cap *= 2;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    labNode = i32(labNode);
    labTransfers = i32(labTransfers);
    labFlags = i32(labFlags);
    labPred = i32(labPred);
    labArc = i32(labArc);
    const d = new Uint8Array(cap);
    d.set(labDead);
    labDead = d;
    const v = new Float64Array(cap * K);
    v.set(val);
    val = v;
  };

  /** Whether a route already found is no worse than `x` plus the lower bounds at node v. */
  const prunedByFound = (x: Float64Array, xOffset: number, v: number, flags: number): boolean => {
    for (const f of found) {
      if (labDead[f] || (labFlags[f]! & ~flags) !== 0) continue;
      const fo = f * K;
      let worse = false;
      for (let k = 0; k < K; k++) {
        if (val[fo + k]! > x[xOffset + k]! + bounds[k]![v]!) {
          worse = true;
          break;
        }
      }
      if (!worse) return true;
    }
    return false;
  };

  /** Adds a label unless dominated; removes the labels it dominates. */
  const insert = (v: number, transfers: number, flags: number, pred: number, arc: number): void => {
    if (prunedByFound(next, 0, v, flags)) return;
    let bag = bags[v];
    if (bag !== undefined) {
      for (let j = 0; j < bag.length; j++) {
        const o = bag[j]! * K;
        let le = true;
        for (let k = 0; k < K; k++) {
          if (val[o + k]! > next[k]!) {
            le = false;
            break;
          }
        }
        const j2 = bag[j]!;
        if (le && (!limited || labTransfers[j2]! <= transfers) && (labFlags[j2]! & ~flags) === 0) return;
      }
      for (let j = bag.length - 1; j >= 0; j--) {
        const other = bag[j]!;
        const o = other * K;
        let ge = true;
        for (let k = 0; k < K; k++) {
          if (val[o + k]! < next[k]!) {
            ge = false;
            break;
          }
        }
        if (ge && (!limited || labTransfers[other]! >= transfers) && (flags & ~labFlags[other]!) === 0) {
          labDead[other] = 1;
          bag[j] = bag[bag.length - 1]!;
          bag.pop();
        }
      }
    } else {
      bag = [];
      bags[v] = bag;
    }
    if (count === cap) grow();
    const id = count++;
    labNode[id] = v;
    labTransfers[id] = transfers;
    labFlags[id] = flags;
    labPred[id] = pred;
    labArc[id] = arc;
    let key = 0;
    for (let k = 0; k < K; k++) {
      val[id * K + k] = next[k]!;
      key += (next[k]! + bounds[k]![v]!) * scale[k]!;
    }
    bag.push(id);
    if (v === target) found.push(id);
    else heap.push(key, id);
  };

  next.fill(0);
  insert(source, 0, 0, -1, -1);
  const { outStart, outArcs, arcTo, through } = graph;
  while (heap.size > 0) {
    const id = heap.pop();
    if (labDead[id]) continue;
    const u = labNode[id]!;
    const base = id * K;
    const fl = labFlags[id]!;
    if (prunedByFound(val, base, u, fl)) continue;
    const t = labTransfers[id]!;
    const end = outStart[u + 1]!;
    for (let i = outStart[u]!; i < end; i++) {
      const a = outArcs[i]!;
      if (allowed !== undefined && allowed[a] === 0) continue;
      const v = arcTo[a]!;
      if (bounds[0]![v] === Number.POSITIVE_INFINITY) continue;
      if (through !== undefined && through[v] === 0 && v !== target) continue; // a zone: an end only
      const nt = arcRole !== undefined && arcRole[a] === ArcRole.transfer ? t + 1 : t;
      if (nt > maxTransfers) continue;
      for (let k = 0; k < K; k++) next[k] = val[base + k]! + criteria[k]![a]!;
      insert(v, nt, arcFlags !== undefined ? fl | arcFlags[a]! : 0, id, a);
    }
    if (count > maxLabels) {
      truncated = true;
      break;
    }
  }

  // Labels at the target are compared again all together, whatever their transfers.
  const alive = found.filter((f) => !labDead[f]);
  const keep: number[] = [];
  for (const f of alive) {
    const fo = f * K;
    let dominated = false;
    for (const g of alive) {
      if (g === f || (labFlags[g]! & ~labFlags[f]!) !== 0) continue;
      const go = g * K;
      let le = true;
      let lt = false;
      for (let k = 0; k < K; k++) {
        if (val[go + k]! > val[fo + k]!) {
          le = false;
          break;
        }
        if (val[go + k]! < val[fo + k]!) lt = true;
      }
      // Equal values and flags: keep the one created first.
      if (le && (lt || labFlags[g] !== labFlags[f] || g < f)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) keep.push(f);
  }
  const routes = keep.map((f) => {
    const arcs: number[] = [];
    for (let l = f; labPred[l]! >= 0; l = labPred[l]!) arcs.push(labArc[l]!);
    return {
      values: Array.from(val.subarray(f * K, f * K + K)),
      arcs: arcs.reverse(),
      transfers: labTransfers[f]!,
      flags: labFlags[f]!,
    };
  });
  routes.sort((a, b) => {
    for (let k = 0; k < K; k++) if (a.values[k] !== b.values[k]) return a.values[k]! - b.values[k]!;
    return a.flags - b.flags;
  });
  return { routes, labels: count, truncated };
}
