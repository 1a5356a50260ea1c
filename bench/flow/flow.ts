/**
 * Benchmark of flow assignment. (1) On the default Eurasia network: the equilibrium (biconjugate
 * Frank–Wolfe to a relative gap of 1e-4) and the capacity program (column generation with HiGHS).
 * (2) On a synthetic network of 10,000 nodes (a 100 × 100 grid, seeded) with 1,000 origin–destination
 * pairs, in the same run: the capacity program against GLPK's glpsol (Debian's glpk-utils) solving
 * the same program in its arc-based form, and for a single origin also against NetworkX's network
 * simplex (python3-networkx); the equilibrium, and its all-or-nothing step against NetworkX's Dijkstra.
 * Optimal values are checked equal; ratios are peer time ÷ Caravan time.
 *
 *   npx tsx bench/flow/flow.ts [--side N] [--pairs K] [--lp-origins O] [--ue-origins O] [--seed S]
 *                             [--repeats R] [--glpk-limit SECONDS] [--no-glpk] [--no-networkx] [--json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assignFlows } from '../../src/flow/assignment.js';
import { solveCapacityLp } from '../../src/flow/capacity-lp.js';
import { demandMatrix } from '../../src/flow/demand.js';
import { solveEquilibrium } from '../../src/flow/equilibrium.js';
import { buildFlowGraph } from '../../src/flow/flow-graph.js';
import { flowReport } from '../../src/flow/flow-report.js';
import { loadHighs } from '../../src/flow/highs-runtime.js';
import { ShortestPathTree } from '../../src/graph/dijkstra.js';
import { DEFAULT_NETWORK, readNetworkFile } from '../../src/io/network-file.js';
import { compileNetwork, dayNumber } from '../../src/network/compile.js';
import { median } from '../median.js';
import { arcFormulationLp } from './arc-lp.js';
import { bprCostModel, type SyntheticProblem, syntheticProblem } from './synthetic-problem.js';

export interface FlowBenchOptions {
  readonly side: number;
  readonly pairs: number;
  readonly lpOrigins: number;
  readonly ueOrigins: number;
  readonly seed: number;
  readonly repeats: number;
  readonly glpkLimitS: number;
  readonly glpk: boolean;
  readonly networkx: boolean;
}

const PENALTY = 10_000;
const PYTHON = '/usr/bin/python3';

function options(argv: readonly string[]): FlowBenchOptions & { json: boolean } {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return {
    side: get('--side', 100),
    pairs: get('--pairs', 1000),
    lpOrigins: get('--lp-origins', 2),
    ueOrigins: get('--ue-origins', 10),
    seed: get('--seed', 7),
    repeats: get('--repeats', 5),
    glpkLimitS: get('--glpk-limit', 1800),
    glpk: !argv.includes('--no-glpk'),
    networkx: !argv.includes('--no-networkx'),
    json: argv.includes('--json'),
  };
}

/** Wall and CPU seconds of a synchronous or asynchronous piece of work. */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; wall_s: number; cpu_s: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wall_s: (performance.now() - start) / 1000, cpu_s: (used.user + used.system) / 1e6 };
}

async function defaultNetwork(repeats: number) {
  const { model } = readNetworkFile(DEFAULT_NETWORK);
  const net = compileNetwork(model);
  const graph = buildFlowGraph(net, { day: dayNumber('2024-07-01') });
  const demand = demandMatrix(model);
  const highs = await loadHighs();
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  const cnKzRail = new Set(
    model.crossings
      .filter(
        (c) => c.mode === 'rail' && [country.get(c.from), country.get(c.to)].sort().join('-') === 'CN-KZ',
      )
      .map((c) => c.id),
  );
  const out: Record<string, unknown> = {
    nodes: model.nodes.length,
    arcs: graph.arcCount,
    pairs: demand.length,
  };
  for (const method of ['equilibrium', 'capacity'] as const) {
    const runs = [];
    for (let i = 0; i < repeats; i++)
      runs.push(await timed(() => assignFlows(graph, demand, { method, highs })));
    const report = flowReport(runs[0]!.value);
    out[method] = {
      median_ms: median(runs.map((r) => r.wall_s)) * 1000,
      median_cpu_ms: median(runs.map((r) => r.cpu_s)) * 1000,
      gap: report.summary.gap,
      iterations: report.summary.iterations,
      unserved_t_per_year: report.summary.unserved_t_per_year,
      cn_kz_rail: report.crossings
        .filter((c) => cnKzRail.has(c.id))
        .map((c) => ({ id: c.id, flow_t_per_year: c.flow_t_per_year, utilization: c.utilization })),
    };
  }
  return out;
}

function writeProblemJson(p: SyntheticProblem, path: string): void {
  const arcs = [];
  for (let a = 0; a < p.graph.arcCount; a++) {
    const cap = p.elementCapacity[p.arcElement[a]!]!;
    arcs.push([p.graph.arcFrom[a], p.graph.arcTo[a], p.arcCost[a], Number.isFinite(cap) ? cap : null]);
  }
  writeFileSync(
    path,
    JSON.stringify({
      n: p.graph.nodeCount,
      arcs,
      ods: p.ods.map((o) => [o.origin, o.destination, o.demand]),
      penalty: PENALTY,
    }),
  );
}

function networkx(
  task: 'dijkstra' | 'mincostflow',
  path: string,
): Record<string, number> | { error: string } {
  const script = fileURLToPath(new URL('./flow_networkx.py', import.meta.url));
  const r = spawnSync(PYTHON, [script, task, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').pop()! };
  return JSON.parse(r.stdout);
}

function glpsol(p: SyntheticProblem, dir: string, limitS: number) {
  const lp = join(dir, 'capacity.lp');
  const sol = join(dir, 'capacity.sol');
  writeFileSync(lp, arcFormulationLp(p, PENALTY));
  const start = performance.now();
  const r = spawnSync('glpsol', ['--lp', lp, '-o', sol, '--tmlim', String(limitS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall_s = (performance.now() - start) / 1000;
  if (r.error) return { error: r.error.message };
  const used = /Time used:\s+([\d.]+) secs/.exec(r.stdout);
  const optimal = /OPTIMAL LP SOLUTION FOUND/.test(r.stdout);
  const objective =
    optimal && existsSync(sol) ? /Objective:\s+obj = ([-\d.e+]+)/.exec(readFileSync(sol, 'utf8')) : null;
  return {
    optimal,
    wall_s,
    solver_s: used ? Number(used[1]) : wall_s,
    objective_usd: objective ? Number(objective[1]) * 1e6 : null,
    time_limit_s: limitS,
  };
}

async function ours(p: SyntheticProblem) {
  const highs = await loadHighs();
  const run = await timed(() =>
    solveCapacityLp(
      {
        graph: p.graph,
        arcCost: p.arcCost,
        arcResource: p.arcElement,
        resourceCapacity: p.elementCapacity,
        ods: p.ods,
      },
      { unservedPenaltyUsdPerT: PENALTY, highs },
    ),
  );
  const r = run.value;
  return {
    wall_s: run.wall_s,
    cpu_s: run.cpu_s,
    objective_usd: r.objectiveUsd,
    rounds: r.rounds,
    columns: r.columns,
    unserved_t_per_year: r.odUnserved.reduce((s, x) => s + x, 0),
    binding: [...r.resourceShadowPrice].filter((x) => x > 1e-9).length,
  };
}

export async function main(argv: readonly string[] = process.argv.slice(2)) {
  const o = options(argv);
  const log = (s: string) => {
    if (!o.json) console.log(s);
  };
  const dir = mkdtempSync(join(tmpdir(), 'caravan-flow-bench-'));
  try {
    log('## Default network');
    const def = await defaultNetwork(o.repeats);
    log(JSON.stringify(def, null, 2));

    const synthetic = (origins: number) =>
      syntheticProblem({
        side: o.side,
        origins,
        destinationsPerOrigin: Math.round(o.pairs / origins),
        seed: o.seed,
        capacitatedShare: 0.1,
      });

    log(`\n## Capacity program, ${o.side * o.side} nodes, ${o.pairs} pairs from ${o.lpOrigins} origins`);
    const multi = synthetic(o.lpOrigins);
    const multiOurs = await ours(multi);
    log(`caravan: ${JSON.stringify(multiOurs)}`);
    const multiGlpk = o.glpk ? glpsol(multi, dir, o.glpkLimitS) : undefined;
    if (multiGlpk) log(`glpsol:  ${JSON.stringify(multiGlpk)}`);

    log(`\n## Capacity program, ${o.side * o.side} nodes, ${o.pairs} pairs from 1 origin (a min-cost flow)`);
    const single = synthetic(1);
    const singleOurs = await ours(single);
    log(`caravan: ${JSON.stringify(singleOurs)}`);
    const singleGlpk = o.glpk ? glpsol(single, dir, o.glpkLimitS) : undefined;
    if (singleGlpk) log(`glpsol:  ${JSON.stringify(singleGlpk)}`);
    let singleNx: ReturnType<typeof networkx> | undefined;
    if (o.networkx) {
      const path = join(dir, 'single.json');
      writeProblemJson(single, path);
      singleNx = networkx('mincostflow', path);
      log(`networkx network_simplex: ${JSON.stringify(singleNx)}`);
    }

    log(
      `\n## Equilibrium, ${o.side * o.side} nodes, ${o.pairs} pairs from ${o.ueOrigins} origins, BPR costs`,
    );
    const ue = synthetic(o.ueOrigins);
    const ueRun = await timed(() => solveEquilibrium(ue.graph, bprCostModel(ue), ue.ods, { maxGap: 1e-4 }));
    const ueOut = {
      wall_s: ueRun.wall_s,
      cpu_s: ueRun.cpu_s,
      iterations: ueRun.value.iterations,
      gap: ueRun.value.gap,
      paths: ueRun.value.paths.length,
    };
    log(`caravan equilibrium: ${JSON.stringify(ueOut)}`);
    const origins = [...new Set(ue.ods.map((x) => x.origin))];
    const tree = new ShortestPathTree(ue.graph);
    const aonRuns = [];
    let checksum = 0;
    for (let i = 0; i < o.repeats; i++) {
      aonRuns.push(
        await timed(() => {
          checksum = 0;
          for (const origin of origins) {
            tree.run(origin, ue.arcCost);
            for (const od of ue.ods) if (od.origin === origin) checksum += tree.dist[od.destination]!;
          }
        }),
      );
    }
    const aon = {
      cpu_s: median(aonRuns.map((r) => r.cpu_s)),
      wall_s: median(aonRuns.map((r) => r.wall_s)),
      checksum,
    };
    log(`caravan shortest-path trees: ${JSON.stringify(aon)}`);
    let aonNx: ReturnType<typeof networkx> | undefined;
    if (o.networkx) {
      const path = join(dir, 'ue.json');
      writeProblemJson(ue, path);
      aonNx = networkx('dijkstra', path);
      log(`networkx single_source_dijkstra: ${JSON.stringify(aonNx)}`);
    }

    const report = {
      options: o,
      default_network: def,
      capacity_multi: { caravan: multiOurs, glpsol: multiGlpk },
      capacity_single: { caravan: singleOurs, glpsol: singleGlpk, networkx: singleNx },
      equilibrium: ueOut,
      shortest_path_trees: { caravan: aon, networkx: aonNx },
    };
    if (o.json) console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
