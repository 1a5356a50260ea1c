/**
 * What the route searches read: a directed graph in CSR form (the compiled network satisfies it),
 * and the optional model of mode changes, which cost something at the node where they happen.
 */

export interface SearchGraph {
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
}

/**
 * Mode changes (transshipments): arriving at a node on one mode and leaving on another adds the
 * node's penalty and counts one transshipment. Searches then run over (node, arriving mode) states.
 */
export interface TransferModel {
  /** Mode index of each arc, 0 .. modeCount-1. */
  readonly arcMode: Uint8Array;
  readonly modeCount: number;
  /** At most this many mode changes on a route (default: no limit). */
  readonly maxTransfers?: number | undefined;
  /** 1 for the nodes where the mode may change (default: every node). */
  readonly canTransfer?: Uint8Array | undefined;
}
