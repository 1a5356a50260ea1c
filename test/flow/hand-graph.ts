/** Hand-built routing graphs with per-arc cost functions a + b·x, for tests with known answers. */
import type { ArcCostModel } from '../../src/flow/arc-cost-model.js';
import { digraph } from '../../src/graph/csr.js';
import type { ModeGraph } from '../../src/graph/mode-graph.js';

export interface HandArc {
  readonly from: number;
  readonly to: number;
  /** Cost at zero flow. */
  readonly a: number;
  /** Cost per unit of flow (linear congestion); 0 for none. */
  readonly b?: number;
  /** Capacity; Infinity when none. */
  readonly cap?: number | undefined;
  /** Mode bit; 0 for any. */
  readonly mode?: number;
}

export function handGraph(nodeCount: number, arcs: readonly HandArc[]): ModeGraph {
  return {
    ...digraph(
      nodeCount,
      arcs.map((a) => a.from),
      arcs.map((a) => a.to),
      new Uint8Array(nodeCount).fill(1),
    ),
    arcModeBit: Uint8Array.from(arcs, (a) => a.mode ?? 0),
  };
}

/** Cost model where arc i is its own resource with cost a + b·x. */
export function linearCosts(arcs: readonly HandArc[]): ArcCostModel {
  return {
    baseCost: Float64Array.from(arcs, (a) => a.a),
    arcResource: Int32Array.from(arcs, (a, i) => ((a.b ?? 0) > 0 ? i : -1)),
    resourceCount: arcs.length,
    resourceCost: (r, x) => (arcs[r]!.b ?? 0) * x,
    resourceCostDerivative: (r) => arcs[r]!.b ?? 0,
  };
}

/** Cost of a path (arc list) at given arc flows. */
export function pathCost(arcs: readonly HandArc[], path: ArrayLike<number>, flow: Float64Array): number {
  let c = 0;
  for (let i = 0; i < path.length; i++) {
    const a = path[i]!;
    c += arcs[a]!.a + (arcs[a]!.b ?? 0) * flow[a]!;
  }
  return c;
}

/** Every simple path from s to t, as arc lists (depth-first enumeration). */
export function simplePaths(graph: ModeGraph, s: number, t: number): number[][] {
  const out: number[][] = [];
  const onPath = new Uint8Array(graph.nodeCount);
  const stack: number[] = [];
  const visit = (v: number) => {
    if (v === t) {
      out.push([...stack]);
      return;
    }
    onPath[v] = 1;
    for (let i = graph.outStart[v]!; i < graph.outStart[v + 1]!; i++) {
      const a = graph.outArcs[i]!;
      const w = graph.arcTo[a]!;
      if (onPath[w]) continue;
      stack.push(a);
      visit(w);
      stack.pop();
    }
    onPath[v] = 0;
  };
  visit(s);
  return out;
}
