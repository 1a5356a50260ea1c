/** Random small graphs for property tests of the route searches, and brute-force truth on them. */
import fc from 'fast-check';
import { type Digraph, digraph } from '../../src/graph/csr.js';
import { expandModes, liftArcValues } from '../../src/graph/mode-graph.js';

export interface RandomGraph {
  readonly n: number;
  readonly arcs: readonly { from: number; to: number; w: number[]; mode: number; flags: number }[];
  readonly K: number;
  readonly modeCount: number;
  /** Per criterion, per node: penalty of a mode change. */
  readonly penalty: number[][];
}

/** A CSR graph (the shape the searches read) from an arc list. */
export function csrGraph(n: number, from: readonly number[], to: readonly number[]): Digraph {
  return digraph(n, from, to);
}

/**
 * The random graph expanded by mode, a change allowed at every node (or at most `maxTransfers`
 * of them): with each criterion's per-node penalty on the transfer arcs.
 */
export function expandedRandom(g: RandomGraph, maxTransfers?: number) {
  const graph = expandModes({
    nodeCount: g.n,
    arcFrom: g.arcs.map((a) => a.from),
    arcTo: g.arcs.map((a) => a.to),
    arcMode: g.arcs.map((a) => a.mode),
    modeCount: g.modeCount,
    transferAt: new Uint8Array(g.n).fill(1),
    maxTransfers,
  });
  const criteria = Array.from({ length: g.K }, (_, k) =>
    liftArcValues(
      graph,
      g.arcs.map((a) => a.w[k]!),
      g.penalty[k],
    ),
  );
  const flags = Uint32Array.from(
    liftArcValues(
      graph,
      g.arcs.map((a) => a.flags),
    ),
  );
  return { graph, criteria, flags };
}

/** Arbitrary small multigraphs with K integer criteria per arc, 1–3 modes, penalties and flags. */
export function randomGraph(
  opts: { maxNodes?: number; maxArcs?: number; maxK?: number; maxModes?: number; flags?: boolean } = {},
) {
  const { maxNodes = 6, maxArcs = 13, maxK = 4, maxModes = 3, flags = true } = opts;
  return fc
    .record({
      n: fc.integer({ min: 2, max: maxNodes }),
      K: fc.integer({ min: 1, max: maxK }),
      modeCount: fc.integer({ min: 1, max: maxModes }),
    })
    .chain(({ n, K, modeCount }) =>
      fc.record({
        n: fc.constant(n),
        K: fc.constant(K),
        modeCount: fc.constant(modeCount),
        arcs: fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: n - 1 }),
            to: fc.integer({ min: 0, max: n - 1 }),
            w: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: K, maxLength: K }),
            mode: fc.integer({ min: 0, max: modeCount - 1 }),
            flags: flags ? fc.integer({ min: 0, max: 3 }) : fc.constant(0),
          }),
          { maxLength: maxArcs },
        ),
        penalty: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), {
          minLength: K,
          maxLength: K,
        }),
      }),
    )
    .map((g) => ({ ...g, arcs: g.arcs.filter((a) => a.from !== a.to) }) as RandomGraph);
}

export interface Walk {
  readonly values: number[];
  readonly flags: number;
  readonly transfers: number;
  readonly arcs: number[];
}

/**
 * Every walk from s to t that never repeats a (node, arriving mode) state — with one mode, exactly
 * the simple paths — with its criteria summed the plain way, penalties at mode changes.
 */
export function allWalks(
  g: RandomGraph,
  s: number,
  t: number,
  withModes: boolean,
  maxTransfers?: number,
): Walk[] {
  const out: Walk[] = [];
  const seen = new Set<string>();
  const rec = (
    v: number,
    mode: number,
    values: number[],
    flags: number,
    transfers: number,
    arcs: number[],
  ) => {
    if (v === t) {
      out.push({ values: [...values], flags, transfers, arcs: [...arcs] });
      return;
    }
    g.arcs.forEach((a, i) => {
      if (a.from !== v) return;
      const change = withModes && mode >= 0 && mode !== a.mode;
      const nt = transfers + (change ? 1 : 0);
      if (maxTransfers !== undefined && nt > maxTransfers) return;
      const nm = withModes ? a.mode : 0;
      const key = `${a.to}|${nm}`;
      if (seen.has(key) || a.to === s) return;
      const nv = values.map((x, k) => x + a.w[k]! + (change ? g.penalty[k]![v]! : 0));
      seen.add(key);
      rec(a.to, nm, nv, flags | a.flags, nt, [...arcs, i]);
      seen.delete(key);
    });
  };
  rec(s, -1, new Array(g.K).fill(0), 0, 0, []);
  return out;
}

/** The non-dominated value vectors (values compared ≤, flags compared by inclusion), as sorted keys. */
export function paretoKeys(items: readonly { values: number[]; flags: number }[]): string[] {
  const keep = items.filter(
    (a) =>
      !items.some(
        (b) =>
          b !== a &&
          (b.flags & ~a.flags) === 0 &&
          b.values.every((x, k) => x <= a.values[k]!) &&
          (b.values.some((x, k) => x < a.values[k]!) || b.flags !== a.flags),
      ),
  );
  return [...new Set(keep.map((x) => `${x.values.join(',')}|${x.flags}`))].sort();
}
