/**
 * The one CSR (compressed sparse row) builder: a directed graph as typed arrays, with the arcs
 * leaving and entering each node grouped by node. Every search in Caravan reads this shape.
 */

/** Arcs grouped by a key node: the arcs of node v are arcs[start[v] .. start[v+1]). */
export interface Adjacency {
  readonly start: Uint32Array;
  readonly arcs: Uint32Array;
}

/** A directed graph in CSR form. */
export interface Digraph {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly arcFrom: Uint32Array;
  readonly arcTo: Uint32Array;
  /** The arcs leaving node v are outArcs[outStart[v] .. outStart[v+1]). */
  readonly outStart: Uint32Array;
  readonly outArcs: Uint32Array;
  /** The arcs entering node v are inArcs[inStart[v] .. inStart[v+1]). */
  readonly inStart: Uint32Array;
  readonly inArcs: Uint32Array;
  /** 0 for a node searches may start or end at but never pass through (a zone); all pass when absent. */
  readonly through?: Uint8Array | undefined;
}

/** Arcs grouped by `key[a]` (a counting sort, stable: arcs of one node keep their id order). */
export function adjacency(nodeCount: number, key: ArrayLike<number>): Adjacency {
  const start = new Uint32Array(nodeCount + 1);
  const m = key.length;
  for (let a = 0; a < m; a++) start[key[a]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const arcs = new Uint32Array(m);
  for (let a = 0; a < m; a++) arcs[fill[key[a]!]!++] = a;
  return { start, arcs };
}

/** The CSR graph of arcs given by their tail and head nodes. */
export function digraph(
  nodeCount: number,
  arcFrom: ArrayLike<number>,
  arcTo: ArrayLike<number>,
  through?: Uint8Array,
): Digraph {
  const from = arcFrom instanceof Uint32Array ? arcFrom : Uint32Array.from(arcFrom);
  const to = arcTo instanceof Uint32Array ? arcTo : Uint32Array.from(arcTo);
  const out = adjacency(nodeCount, from);
  const inn = adjacency(nodeCount, to);
  return {
    nodeCount,
    arcCount: from.length,
    arcFrom: from,
    arcTo: to,
    outStart: out.start,
    outArcs: out.arcs,
    inStart: inn.start,
    inArcs: inn.arcs,
    through,
  };
}
