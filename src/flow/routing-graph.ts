/**
 * The directed graph flows are assigned on, as CSR typed arrays: what shortest paths, the
 * equilibrium and the capacity program need, and nothing about where it came from.
 */
export interface RoutingGraph {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly arcFrom: Uint32Array;
  readonly arcTo: Uint32Array;
  /** The arcs leaving node v are outArcs[outStart[v] .. outStart[v+1]). */
  readonly outStart: Uint32Array;
  readonly outArcs: Uint32Array;
  /** Bit of the arc's mode (1 << mode index); 0 for arcs any cargo may use (transfers, connectors). */
  readonly arcModeBit: Uint8Array;
  /** 0 for a zone node that paths may start or end at but never pass through. */
  readonly through: Uint8Array;
}

/** Every mode allowed. */
export const ALL_MODES = 0xff;

/** Builds CSR out-adjacency for arcs given by their tail nodes. */
export function outAdjacency(
  nodeCount: number,
  arcFrom: Uint32Array,
): { outStart: Uint32Array; outArcs: Uint32Array } {
  const outStart = new Uint32Array(nodeCount + 1);
  for (let a = 0; a < arcFrom.length; a++) outStart[arcFrom[a]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) outStart[v + 1]! += outStart[v]!;
  const fill = outStart.slice(0, nodeCount);
  const outArcs = new Uint32Array(arcFrom.length);
  for (let a = 0; a < arcFrom.length; a++) outArcs[fill[arcFrom[a]!]!++] = a;
  return { outStart, outArcs };
}
