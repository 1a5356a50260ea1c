import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distancesTo, ShortestPathTree, shortestPath } from '../../src/graph/dijkstra.js';
import { MinHeap } from '../../src/graph/min-heap.js';
import { allWalks, csrGraph, expandedRandom, randomGraph } from '../route/graphs.js';

/** Bellman–Ford over the arc list: independent truth for shortest distances. */
function bellmanFord(
  n: number,
  arcs: readonly { from: number; to: number; w: number }[],
  s: number,
): number[] {
  const d = new Array(n).fill(Number.POSITIVE_INFINITY);
  d[s] = 0;
  for (let i = 0; i < n; i++) {
    for (const a of arcs) if (d[a.from] + a.w < d[a.to]) d[a.to] = d[a.from] + a.w;
  }
  return d;
}

describe('MinHeap', () => {
  it('pops keys in sorted order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 300 }), (keys) => {
        const h = new MinHeap(2);
        keys.forEach((k, i) => {
          h.push(k, i);
        });
        const out: number[] = [];
        while (h.size > 0) {
          out.push(h.peekKey());
          h.pop();
        }
        expect(out).toEqual([...keys].sort((a, b) => a - b));
      }),
    );
  });
});

describe('shortestPath (one Dijkstra)', () => {
  it('matches Bellman–Ford on random graphs, and its route adds up to its cost', () => {
    fc.assert(
      fc.property(
        randomGraph({ maxNodes: 9, maxArcs: 30, maxK: 1, maxModes: 1 }).chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.integer({ min: 0, max: g.n - 1 }),
            fc.integer({ min: 0, max: g.n - 1 }),
          ),
        ),
        ([g, s, t]) => {
          const graph = csrGraph(
            g.n,
            g.arcs.map((a) => a.from),
            g.arcs.map((a) => a.to),
          );
          const w = Float64Array.from(g.arcs, (a) => a.w[0]!);
          const truth = bellmanFord(
            g.n,
            g.arcs.map((a) => ({ from: a.from, to: a.to, w: a.w[0]! })),
            s,
          );
          const got = shortestPath(graph, w, s, t);
          if (truth[t] === Number.POSITIVE_INFINITY) expect(got).toBeNull();
          else {
            expect(got!.cost).toBe(truth[t]);
            expect(got!.arcs.reduce((sum, a) => sum + w[a]!, 0)).toBe(truth[t]);
          }
          const back = distancesTo(graph, w, t);
          for (let v = 0; v < g.n; v++) {
            expect(back[v]).toBe(
              bellmanFord(
                g.n,
                g.arcs.map((a) => ({ from: a.from, to: a.to, w: a.w[0]! })),
                v,
              )[t],
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with mode changes and a transfer limit, equals the best of all state-simple walks', () => {
    fc.assert(
      fc.property(
        randomGraph({ maxK: 1, flags: false }).chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.integer({ min: 0, max: g.n - 1 }),
            fc.integer({ min: 0, max: g.n - 1 }),
            fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          ),
        ),
        ([g, s, t, maxTransfers]) => {
          fc.pre(s !== t);
          const { graph, criteria } = expandedRandom(g, maxTransfers);
          const got = shortestPath(graph, criteria[0]!, graph.zone[s]!, graph.zone[t]!);
          const walks = allWalks(g, s, t, true, maxTransfers);
          const best = Math.min(...walks.map((x) => x.values[0]!));
          if (walks.length === 0) expect(got).toBeNull();
          else expect(got!.cost).toBe(best);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('ShortestPathTree, reverse', () => {
  it('grows the tree towards the root: each path leads from its node to the root and adds up', () => {
    fc.assert(
      fc.property(
        randomGraph({ maxNodes: 8, maxArcs: 24, maxK: 1, maxModes: 1 }).chain((g) =>
          fc.tuple(fc.constant(g), fc.integer({ min: 0, max: g.n - 1 })),
        ),
        ([g, root]) => {
          const graph = csrGraph(
            g.n,
            g.arcs.map((a) => a.from),
            g.arcs.map((a) => a.to),
          );
          const w = Float64Array.from(g.arcs, (a) => a.w[0]!);
          const tree = new ShortestPathTree(graph).run(root, w, { reverse: true });
          for (let v = 0; v < g.n; v++) {
            const path = tree.pathTo(v);
            if (!Number.isFinite(tree.dist[v]!)) {
              expect(path).toBeUndefined();
              continue;
            }
            let at = v;
            for (const a of path!) {
              expect(graph.arcFrom[a]).toBe(at);
              at = graph.arcTo[a]!;
            }
            expect(at).toBe(root);
            expect([...path!].reduce((s, a) => s + w[a]!, 0)).toBe(tree.dist[v]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
