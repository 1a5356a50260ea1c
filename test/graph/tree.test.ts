import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShortestPathTree } from '../../src/graph/dijkstra.js';
import { arcsOfModes } from '../../src/graph/mode-graph.js';
import { handGraph, simplePaths } from '../flow/hand-graph.js';

const arbGraph = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        a: fc.integer({ min: 0, max: 20 }),
        mode: fc.constantFrom(0, 1, 2),
      }),
      { maxLength: 16 },
    ),
  }),
);

describe('ShortestPathTree (flow use: mode masks, targets, zones)', () => {
  it('finds the cheapest of all simple paths (brute force), within the allowed modes', () => {
    fc.assert(
      fc.property(arbGraph, fc.constantFrom(0xff, 0b01, 0b10), ({ n, arcs }, mask) => {
        const g = handGraph(n, arcs);
        const cost = Float64Array.from(arcs, (a) => a.a);
        const tree = new ShortestPathTree(g);
        tree.run(0, cost, { allowed: arcsOfModes(g, mask) });
        for (let t = 1; t < n; t++) {
          const allowed = simplePaths(g, 0, t).filter((p) =>
            p.every((a) => arcs[a]!.mode === 0 || (arcs[a]!.mode & mask) !== 0),
          );
          const best = Math.min(...allowed.map((p) => p.reduce((s, a) => s + arcs[a]!.a, 0)));
          expect(tree.dist[t]).toBe(best);
          const path = tree.pathTo(t);
          if (Number.isFinite(best)) {
            expect([...path!].reduce((s, a) => s + arcs[a]!.a, 0)).toBe(best);
            expect(g.arcFrom[path![0]!] ?? 0).toBe(0);
          } else expect(path).toBeUndefined();
        }
      }),
    );
  });

  it('stops early once the wanted destinations are settled, with their exact distances', () => {
    fc.assert(
      fc.property(arbGraph, ({ n, arcs }) => {
        const g = handGraph(n, arcs);
        const cost = Float64Array.from(arcs, (a) => a.a);
        const full = new ShortestPathTree(g);
        full.run(0, cost);
        const part = new ShortestPathTree(g);
        part.run(0, cost, { targets: [n - 1] });
        expect(part.dist[n - 1]).toBe(full.dist[n - 1]);
      }),
    );
  });

  it('never passes through a zone node, but starts and ends at one', () => {
    // 0 → 1 → 2 costs 2; 0 → 2 costs 10. Node 1 is a zone: the cheap path is barred.
    const arcs = [
      { from: 0, to: 1, a: 1 },
      { from: 1, to: 2, a: 1 },
      { from: 0, to: 2, a: 10 },
    ];
    const g = { ...handGraph(3, arcs), through: Uint8Array.from([0, 0, 1]) };
    const tree = new ShortestPathTree(g);
    tree.run(0, Float64Array.from([1, 1, 10]));
    expect(tree.dist[1]).toBe(1);
    expect(tree.dist[2]).toBe(10);
  });
});
