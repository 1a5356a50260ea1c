import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputArcs } from '../../src/graph/mode-graph.js';
import { paretoRoutes } from '../../src/route/pareto.js';
import { allWalks, csrGraph, expandedRandom, paretoKeys, type RandomGraph, randomGraph } from './graphs.js';

function run(
  g: RandomGraph,
  s: number,
  t: number,
  withModes: boolean,
  withFlags: boolean,
  maxTransfers?: number,
) {
  if (!withModes) {
    const graph = csrGraph(
      g.n,
      g.arcs.map((a) => a.from),
      g.arcs.map((a) => a.to),
    );
    const criteria = Array.from({ length: g.K }, (_, k) => Float64Array.from(g.arcs, (a) => a.w[k]!));
    return paretoRoutes(graph, criteria, s, t, {
      arcFlags: withFlags ? Uint32Array.from(g.arcs, (a) => a.flags) : undefined,
    });
  }
  // Modes: the search runs on the mode-expanded graph; its routes are read back as input arcs.
  const { graph, criteria, flags } = expandedRandom(g, maxTransfers);
  const r = paretoRoutes(graph, criteria, graph.zone[s]!, graph.zone[t]!, {
    maxTransfers,
    arcFlags: withFlags ? flags : undefined,
  });
  return { ...r, routes: r.routes.map((x) => ({ ...x, arcs: inputArcs(graph, x.arcs) })) };
}

const endpoints = (g: RandomGraph) =>
  fc.record({ s: fc.integer({ min: 0, max: g.n - 1 }), t: fc.integer({ min: 0, max: g.n - 1 }) });

describe('paretoRoutes', () => {
  it('equals the Pareto set of all simple paths on random graphs (one mode, no flags)', () => {
    fc.assert(
      fc.property(
        randomGraph({ maxModes: 1, flags: false }).chain((g) => fc.tuple(fc.constant(g), endpoints(g))),
        ([g, { s, t }]) => {
          fc.pre(s !== t);
          const truth = paretoKeys(allWalks(g, s, t, false));
          const got = run(g, s, t, false, false);
          expect(got.routes.map((r) => `${r.values.join(',')}|0`).sort()).toEqual(truth);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals brute force with mode-change penalties, exposure flags and a limit on transfers', () => {
    fc.assert(
      fc.property(
        randomGraph().chain((g) =>
          fc.tuple(
            fc.constant(g),
            endpoints(g),
            fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          ),
        ),
        ([g, { s, t }, maxTransfers]) => {
          fc.pre(s !== t);
          const walks = allWalks(g, s, t, true, maxTransfers);
          const got = run(g, s, t, true, true, maxTransfers);
          expect(got.routes.map((r) => `${r.values.join(',')}|${r.flags}`).sort()).toEqual(paretoKeys(walks));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('returns routes whose arcs join up from source to target and add up to their values', () => {
    fc.assert(
      fc.property(
        randomGraph().chain((g) => fc.tuple(fc.constant(g), endpoints(g))),
        ([g, { s, t }]) => {
          fc.pre(s !== t);
          for (const r of run(g, s, t, true, true).routes) {
            let v = s;
            let mode = -1;
            const sum = new Array(g.K).fill(0);
            let flags = 0;
            for (const i of r.arcs) {
              const a = g.arcs[i]!;
              expect(a.from).toBe(v);
              const change = mode >= 0 && mode !== a.mode;
              a.w.forEach((w, k) => {
                sum[k] += w + (change ? g.penalty[k]![v]! : 0);
              });
              flags |= a.flags;
              v = a.to;
              mode = a.mode;
            }
            expect(v).toBe(t);
            expect(r.values).toEqual(sum);
            expect(r.flags).toBe(flags);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds nothing when the target cannot be reached, and the empty route when source = target', () => {
    const g = csrGraph(3, [0], [1]);
    const w = [new Float64Array([1])];
    expect(paretoRoutes(g, w, 0, 2).routes).toEqual([]);
    expect(paretoRoutes(g, w, 0, 0).routes).toEqual([{ values: [0], arcs: [], transfers: 0, flags: 0 }]);
  });

  it('keeps a trade-off and drops a dominated route (hand-made)', () => {
    // 0→1 direct: (10, 1); 0→2→1: (2+2, 3+3) = (4, 6); 0→3→1: (5+5, 5+5) = (10, 10), dominated.
    const g = csrGraph(4, [0, 0, 2, 0, 3], [1, 2, 1, 3, 1]);
    const c = [new Float64Array([10, 2, 2, 5, 5]), new Float64Array([1, 3, 3, 5, 5])];
    const got = paretoRoutes(g, c, 0, 1);
    expect(got.routes.map((r) => r.values)).toEqual([
      [4, 6],
      [10, 1],
    ]);
    expect(got.routes[0]!.arcs).toEqual([1, 2]);
  });
});
