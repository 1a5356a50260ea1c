/**
 * Minimum-cost multicommodity flow under hard capacities, with unserved demand at its cost (a flat
 * value per tonne, or the steps of a demand curve: unserved-cost.ts): a path-based LP solved by
 * column generation with HiGHS, priced by Dijkstra.
 */
import { ShortestPathTree } from '../graph/dijkstra.js';
import { arcsOfModes, type ModeGraph } from '../graph/mode-graph.js';
import { resourceIncidence } from './arc-cost-model.js';
import type { PathFlow } from './equilibrium.js';
import { type Highs, loadHighs } from './highs-runtime.js';
import { groupOdPairs, type OdPair } from './od-pairs.js';
import { PathSet } from './path-set.js';
import { unservedSegments } from './unserved-cost.js';

export interface CapacityProblem {
  readonly graph: ModeGraph;
  /** Cost of each arc, USD per tonne. */
  readonly arcCost: Float64Array;
  /** Resource (capacity-sharing element) of each arc, or -1 (the one-resource form). */
  readonly arcResource: Int32Array;
  /** The many-resource form, which replaces `arcResource` when given: arc a uses arcResources[arcResourceStart[a] .. arcResourceStart[a+1]). */
  readonly arcResourceStart?: Uint32Array | undefined;
  readonly arcResources?: Uint32Array | undefined;
  /** Resource that the served flow of a pair starting or ending at each graph node loads, or -1. */
  readonly nodeResource?: Int32Array | undefined;
  /** Capacity of each resource, tonnes per year; Infinity when unlimited. */
  readonly resourceCapacity: Float64Array;
  readonly ods: readonly OdPair[];
}

export interface CapacityOptions {
  /** Cost of leaving a tonne unserved, USD per tonne, for pairs that give none (default 10,000). */
  readonly unservedPenaltyUsdPerT?: number | undefined;
  /** Most pricing rounds (default 1,000). */
  readonly maxRounds?: number | undefined;
  /** A loaded HiGHS runtime (default: loaded on first use). */
  readonly highs?: Highs | undefined;
}

export interface CapacityResult {
  readonly arcFlow: Float64Array;
  readonly paths: readonly PathFlow[];
  /** Tonnes per year of each pair left unserved. */
  readonly odUnserved: Float64Array;
  /** Dual of each pair's demand: the cost of one more tonne between them, USD per tonne. */
  readonly odMarginalCost: Float64Array;
  /** Flow through each resource, tonnes per year. */
  readonly resourceLoad: Float64Array;
  /** What one more tonne per year of capacity saves a year, USD per tonne (0 unless binding). */
  readonly resourceShadowPrice: Float64Array;
  /** Cost of the flows plus the cost of unserved demand (unserved-cost.ts), USD per year. */
  readonly objectiveUsd: number;
  /** Relative gap between the restricted program and its Lagrangian bound (0 at the optimum). */
  readonly gap: number;
  readonly rounds: number;
  readonly columns: number;
  /** False when pricing stopped at the round limit with improving paths left. */
  readonly converged: boolean;
}

export const DEFAULT_UNSERVED_PENALTY_USD_PER_T = 10_000;
/** Flows enter the program in millions of tonnes, so that its numbers stay near 1. */
const SCALE = 1e-6;

/** Solves the capacity program. */
export async function solveCapacityLp(
  problem: CapacityProblem,
  options: CapacityOptions = {},
): Promise<CapacityResult> {
  const highs = options.highs ?? (await loadHighs());
  const { graph, arcCost, resourceCapacity, ods } = problem;
  const inc = resourceIncidence({
    arcResource: problem.arcResource,
    arcResourceStart: problem.arcResourceStart,
    arcResources: problem.arcResources,
  });
  const nodeRes = problem.nodeResource;
  /** Resources a path of pair k uses besides its arcs: the nodes at its ends. */
  const endResources = (k: number): number[] => {
    if (!nodeRes) return [];
    const out: number[] = [];
    for (const v of [ods[k]!.origin, ods[k]!.destination])
      if (v >= 0 && nodeRes[v]! >= 0) out.push(nodeRes[v]!);
    return out;
  };
  const penalty = options.unservedPenaltyUsdPerT ?? DEFAULT_UNSERVED_PENALTY_USD_PER_T;
  const maxRounds = options.maxRounds ?? 1000;
  const K = ods.length;
  const R = resourceCapacity.length;

  // Rows: one per pair (demand); one per capacitated resource, added when a path first uses it (a
  // capacity no path uses cannot bind, and its dual is 0).
  const capRow = new Int32Array(R).fill(-1);
  const rowResource: number[] = [];
  const demandRows = Float64Array.from(ods, (od) => Math.max(od.demand, 0) * SCALE);

  const groups = groupOdPairs(ods);
  const tree = new ShortestPathTree(graph);
  const paths = new PathSet();

  /** Gives a row to each capacitated resource of the paths that has none; returns the new rows' resources. */
  const newRows = (paths: readonly { k: number; arcs: Uint32Array }[]): number[] => {
    const added: number[] = [];
    const consider = (r: number) => {
      if (capRow[r]! >= 0 || !Number.isFinite(resourceCapacity[r]!)) return;
      capRow[r] = K + rowResource.length;
      rowResource.push(r);
      added.push(r);
    };
    for (const { k, arcs } of paths) {
      for (const a of arcs) for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) consider(inc.list[i]!);
      for (const r of endResources(k)) consider(r);
    }
    return added;
  };
  /** Column of a path: its cost and its entries (pair row, capacity rows with multiplicity). */
  const column = (k: number, arcs: Uint32Array) => {
    let c = 0;
    const counts = new Map<number, number>();
    const count = (r: number) => {
      if (capRow[r]! >= 0) counts.set(capRow[r]!, (counts.get(capRow[r]!) ?? 0) + 1);
    };
    for (const a of arcs) {
      c += arcCost[a]!;
      for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) count(inc.list[i]!);
    }
    for (const r of endResources(k)) count(r);
    const rows = [k, ...[...counts.keys()].sort((p, q) => p - q)];
    return { cost: c, rows, values: rows.map((row) => (row === k ? 1 : counts.get(row)!)) };
  };

  const model = highs.createModel();
  try {
    // Presolve off: each round re-solves from the last basis, which presolve would throw away.
    model.options.set({ output_flag: false, presolve: 'off' });
    // Unserved-demand columns (the steps of each pair's demand curve; pair k's are U[k]..U[k+1]),
    // then the cheapest path of each pair at zero duals.
    const initial: { cost: number; rows: number[]; values: number[]; upper: number }[] = [];
    const unservedStart = new Uint32Array(K + 1);
    for (let k = 0; k < K; k++) {
      const od = ods[k]!;
      for (const seg of unservedSegments(
        od.unservedCostUsdPerT ?? penalty,
        od.unservedHalfWidthUsdPerT ?? 0,
        od.demand,
      ))
        initial.push({ cost: seg.costUsdPerT, rows: [k], values: [1], upper: seg.sizeT * SCALE });
      unservedStart[k + 1] = initial.length;
    }
    const U = initial.length;
    for (const g of groups) {
      tree.run(g.origin, arcCost, { allowed: arcsOfModes(graph, g.modeMask), targets: g.targets });
      for (let i = 0; i < g.ods.length; i++) {
        const t = g.targets[i]!;
        if (Number.isFinite(tree.dist[t]!)) paths.internFromTree(g.ods[i]!, tree, t);
      }
    }
    newRows(paths.arcs.map((arcs, p) => ({ k: paths.od[p]!, arcs })));
    for (let p = 0; p < paths.size; p++) {
      const col = column(paths.od[p]!, paths.arcs[p]!);
      initial.push({ ...col, upper: Number.POSITIVE_INFINITY });
    }
    const numRows = K + rowResource.length;
    const rowLower = new Float64Array(numRows);
    const rowUpper = new Float64Array(numRows);
    rowLower.set(demandRows);
    rowUpper.set(demandRows);
    rowResource.forEach((r, i) => {
      rowLower[K + i] = -highs.infinity;
      rowUpper[K + i] = resourceCapacity[r]! * SCALE;
    });
    model.passModel({
      numCols: initial.length,
      numRows,
      colCost: Float64Array.from(initial, (c) => c.cost),
      colLower: new Float64Array(initial.length),
      colUpper: Float64Array.from(initial, (c) => (Number.isFinite(c.upper) ? c.upper : highs.infinity)),
      rowLower,
      rowUpper,
      matrix: csc(initial, numRows),
    });

    const priced = new Float64Array(graph.arcCount);
    let rounds = 0;
    let gap = 0;
    let converged = false;
    let solution = runOptimal();
    for (;;) {
      rounds++;
      const y = solution.rowDual;
      const dualOf = (r: number) => {
        const row = capRow[r]!;
        return row >= 0 && row < y.length ? Math.max(0, -y[row]!) : 0;
      };
      for (let a = 0; a < graph.arcCount; a++) {
        let p = arcCost[a]!;
        for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) p += dualOf(inc.list[i]!);
        priced[a] = p;
      }
      const freshPaths: { k: number; arcs: Uint32Array }[] = [];
      let lagrangian = 0;
      for (const g of groups) {
        tree.run(g.origin, priced, { allowed: arcsOfModes(graph, g.modeMask), targets: g.targets });
        for (let i = 0; i < g.ods.length; i++) {
          const k = g.ods[i]!;
          const t = g.targets[i]!;
          let sp = tree.dist[t]!;
          if (!Number.isFinite(sp)) continue;
          for (const r of endResources(k)) sp += dualOf(r);
          const pi = y[k]!;
          const reduced = sp - pi;
          if (reduced >= -1e-7 * Math.max(1, Math.abs(pi))) continue;
          lagrangian += ods[k]!.demand * reduced;
          const before = paths.size;
          const id = paths.internFromTree(k, tree, t);
          if (id < before) continue; // already a column: a numerical tie, not an improvement
          freshPaths.push({ k, arcs: paths.arcs[id]! });
        }
      }
      const objective = model.getObjectiveValue() / SCALE;
      gap = objective > 0 ? Math.max(0, -lagrangian / objective) : 0;
      converged = freshPaths.length === 0;
      if (converged || rounds >= maxRounds) break;
      const rowsBefore = K + rowResource.length;
      const added = newRows(freshPaths);
      if (added.length > 0) {
        model.addRows({
          lower: new Float64Array(added.length).fill(-highs.infinity),
          upper: Float64Array.from(added, (r) => resourceCapacity[r]! * SCALE),
          matrix: {
            format: 'csr',
            numRows: added.length,
            numCols: U + paths.size - freshPaths.length,
            starts: new Int32Array(added.length + 1),
            indices: new Int32Array(0),
            values: new Float64Array(0),
          },
        });
      }
      const fresh = freshPaths.map((f) => column(f.k, f.arcs));
      const numRows = rowsBefore + added.length;
      model.addCols({
        cost: Float64Array.from(fresh, (c) => c.cost),
        lower: new Float64Array(fresh.length),
        upper: new Float64Array(fresh.length).fill(highs.infinity),
        matrix: csc(fresh, numRows),
      });
      solution = runOptimal();
    }

    const value = solution.colValue;
    const arcFlow = new Float64Array(graph.arcCount);
    const pathFlows: PathFlow[] = [];
    for (let p = 0; p < paths.size; p++) {
      const f = value[U + p]! / SCALE;
      if (!(f > 0)) continue;
      const arcs = paths.arcs[p]!;
      for (const a of arcs) arcFlow[a]! += f;
      pathFlows.push({ od: paths.od[p]!, arcs, flow: f });
    }
    const resourceLoad = new Float64Array(R);
    for (let a = 0; a < graph.arcCount; a++)
      for (let i = inc.start[a]!; i < inc.start[a + 1]!; i++) resourceLoad[inc.list[i]!]! += arcFlow[a]!;
    for (const p of pathFlows) for (const r of endResources(p.od)) resourceLoad[r]! += p.flow;
    const shadow = new Float64Array(R);
    rowResource.forEach((r, i) => {
      shadow[r] = Math.max(0, -solution.rowDual[K + i]!);
    });
    return {
      arcFlow,
      paths: pathFlows,
      odUnserved: Float64Array.from({ length: K }, (_, k) => {
        let u = 0;
        for (let j = unservedStart[k]!; j < unservedStart[k + 1]!; j++) u += value[j]!;
        return Math.max(0, u / SCALE);
      }),
      odMarginalCost: Float64Array.from({ length: K }, (_, k) => solution.rowDual[k]!),
      resourceLoad,
      resourceShadowPrice: shadow,
      objectiveUsd: model.getObjectiveValue() / SCALE,
      gap,
      rounds,
      columns: U + paths.size,
      converged,
    };
  } finally {
    model.dispose();
  }

  function runOptimal() {
    model.run();
    const status = model.getModelStatus();
    if (status !== highs.constants.modelStatus.optimal) {
      throw new Error(`capacity LP: HiGHS ended with model status ${status}, expected optimal`);
    }
    return model.getSolution();
  }
}

/** Columns as a compressed sparse column matrix. */
function csc(cols: readonly { rows: number[]; values: number[] }[], numRows: number) {
  const starts = new Int32Array(cols.length + 1);
  cols.forEach((c, j) => {
    starts[j + 1] = starts[j]! + c.rows.length;
  });
  const indices = new Int32Array(starts[cols.length]!);
  const values = new Float64Array(starts[cols.length]!);
  cols.forEach((c, j) => {
    indices.set(c.rows, starts[j]!);
    values.set(c.values, starts[j]!);
  });
  return { format: 'csc' as const, numRows, numCols: cols.length, starts, indices, values };
}
