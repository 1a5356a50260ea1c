/**
 * The distinct paths an assignment has used, per origin–destination pair: each stored once as its
 * arc sequence and found again by hash, so that path flows can be tracked.
 */
import type { ShortestPathTree } from '../graph/dijkstra.js';

export class PathSet {
  /** OD index of each path. */
  readonly od: number[] = [];
  /** Arcs of each path, in order from origin to destination. */
  readonly arcs: Uint32Array[] = [];
  private readonly byHash = new Map<number, number[]>();

  get size(): number {
    return this.od.length;
  }

  /** Id of the path from the tree's origin to `target` for pair `od`, registered when new. */
  internFromTree(od: number, tree: ShortestPathTree, target: number): number {
    const pred = tree.predArc;
    const from = tree.graph.arcFrom;
    let h = hashStart(od);
    let length = 0;
    for (let v = target; pred[v]! >= 0; v = from[pred[v]!]!) {
      h = hashStep(h, pred[v]!);
      length++;
    }
    const bucket = this.byHash.get(h);
    if (bucket) {
      for (const id of bucket) {
        if (this.od[id] !== od) continue;
        const arcs = this.arcs[id]!;
        if (arcs.length !== length) continue;
        let same = true;
        let i = length - 1;
        for (let v = target; pred[v]! >= 0; v = from[pred[v]!]!, i--) {
          if (arcs[i] !== pred[v]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
    }
    const id = this.od.length;
    this.od.push(od);
    this.arcs.push(tree.pathTo(target)!);
    if (bucket) bucket.push(id);
    else this.byHash.set(h, [id]);
    return id;
  }
}

function hashStart(od: number): number {
  return Math.imul(0x811c9dc5 ^ od, 0x01000193) >>> 0;
}

function hashStep(h: number, arc: number): number {
  let x = h ^ arc;
  x = Math.imul(x, 0x01000193);
  x ^= x >>> 15;
  return Math.imul(x, 0x2c1b3c6d) >>> 0;
}
