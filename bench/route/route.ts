/**
 * Benchmark of route planning. (1) On the default Eurasia network: Pareto queries (the label-setting
 * search alone, and a whole plan with legs and labels) per second. (2) On a synthetic continental
 * graph of 1,000,000 nodes (a grid with random weights, generated from a seed): the single-criterion
 * search (Dijkstra, binary heap on typed arrays) against NetworkX's Dijkstra (Debian's
 * python3-networkx) on the same graph, written to a temporary file both read, in the same run; only
 * the searches are timed. Targets: ≥ 20× NetworkX; a Pareto query under 10 ms.
 *
 *   npx tsx bench/route/route.ts [--side N] [--seed S] [--repeats K] [--no-networkx] [--json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Digraph, digraph } from '../../src/graph/csr.js';
import { ShortestPathTree, shortestPath } from '../../src/graph/dijkstra.js';
import { liftArcValues, modeGraphOf } from '../../src/graph/mode-graph.js';
import { DEFAULT_NETWORK, readNetworkFile } from '../../src/io/network-file.js';
import { compileNetwork } from '../../src/network/compile.js';
import { arcExposureFlags, DEFAULT_EXPOSURE } from '../../src/route/exposure.js';
import { paretoRoutes } from '../../src/route/pareto.js';
import { planRoutes } from '../../src/route/plan.js';
import { routeContext } from '../../src/route/route-context.js';
import { median } from '../median.js';

export interface RouteBenchOptions {
  /** The synthetic graph is side × side nodes. */
  readonly side: number;
  readonly seed: number;
  readonly repeats: number;
  readonly networkx: boolean;
}

const DEFAULTS: RouteBenchOptions = { side: 1000, seed: 42, repeats: 5, networkx: true };

/** Queries on the default network: origin, destination. */
const DEFAULT_QUERIES: readonly [string, string][] = [
  ['xian', 'duisburg'],
  ['chongqing', 'duisburg'],
  ['xian', 'hamburg'],
  ['urumqi', 'warsaw'],
  ['chongqing', 'lodz'],
  ['lianyungang', 'rotterdam'],
  ['xian', 'istanbul'],
  ['almaty', 'poti'],
];

function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

/** Mulberry32: a small seeded generator of uniforms in [0, 1), enough to make a benchmark graph. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticGraph {
  readonly graph: Digraph;
  readonly weight: Float64Array;
}

/**
 * A side × side grid, each node joined to its four neighbours in both directions, link lengths
 * 10–100 km (2 decimals) drawn from the seed: a stand-in for a continental rail and road mesh. Arcs
 * are numbered by their tail node, as a compiler would lay them out for locality, so the CSR
 * adjacency reads them in order.
 */
export function syntheticGraph(side: number, seed: number): SyntheticGraph {
  const n = side * side;
  const rand = mulberry32(seed);
  const round = (x: number) => Math.round(x * 100) / 100;
  // Length of the edge to the right of (x, y) and of the edge below it.
  const right = new Float64Array(n);
  const down = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    right[v] = round(10 + 90 * rand());
    down[v] = round(10 + 90 * rand());
  }
  const m = 4 * side * (side - 1);
  const from = new Uint32Array(m);
  const to = new Uint32Array(m);
  const weight = new Float64Array(m);
  let k = 0;
  const arc = (a: number, b: number, w: number) => {
    from[k] = a;
    to[k] = b;
    weight[k++] = w;
  };
  for (let v = 0; v < n; v++) {
    const x = v % side;
    const y = (v - x) / side;
    if (x + 1 < side) arc(v, v + 1, right[v]!);
    if (x > 0) arc(v, v - 1, right[v - 1]!);
    if (y + 1 < side) arc(v, v + side, down[v]!);
    if (y > 0) arc(v, v - side, down[v - side]!);
  }
  return {
    graph: digraph(n, from, to),
    weight,
  };
}

function writeGraph(path: string, g: SyntheticGraph): void {
  const m = g.graph.arcCount;
  const header = new Int32Array([g.graph.nodeCount, m]);
  const buf = Buffer.concat([
    Buffer.from(header.buffer),
    Buffer.from(new Int32Array(g.graph.arcFrom).buffer),
    Buffer.from(new Int32Array(g.graph.arcTo).buffer),
    Buffer.from(g.weight.buffer),
  ]);
  writeFileSync(path, buf);
}

export interface RouteBenchReport {
  readonly default: {
    readonly nodes: number;
    readonly arcs: number;
    readonly queries: number;
    readonly contextMs: number;
    readonly paretoSearchMs: number;
    readonly paretoSearchP95Ms: number;
    readonly planMs: number;
    readonly plansPerSecond: number;
    readonly paretoRoutes: number;
  } | null;
  readonly synthetic: {
    readonly nodes: number;
    readonly arcs: number;
    readonly queries: {
      s: number;
      t: number;
      caravanMs: number;
      caravanCpuMs: number;
      networkxMs: number | null;
      networkxCpuMs: number | null;
      length: number;
      agree: boolean | null;
    }[];
    readonly caravanMs: number;
    readonly networkxMs: number | null;
    /** NetworkX CPU time over Caravan CPU time, summed over the queries (the machine is shared). */
    readonly cpuRatio: number | null;
    readonly networkxVersion: string | null;
    readonly ratio: number | null;
  };
}

function benchDefault(repeats: number): RouteBenchReport['default'] {
  if (!existsSync(DEFAULT_NETWORK)) return null;
  const net = compileNetwork(readNetworkFile(DEFAULT_NETWORK).model);
  const date = '2026-06-01';
  let t0 = performance.now();
  const context = routeContext(net, { date });
  const contextMs = performance.now() - t0;
  const crit = context.criteria;
  const criteria = [crit.timeMeanH, crit.timeVarH2, crit.costUsd, crit.co2eKg];
  const penalty = [crit.transfer.timeMeanH, crit.transfer.timeVarH2, crit.transfer.costUsd, undefined];
  const graph = modeGraphOf(net);
  const graphCriteria = criteria.map((c, k) => liftArcValues(graph, c, penalty[k]));
  const arcFlags = Uint32Array.from(liftArcValues(graph, arcExposureFlags(net, DEFAULT_EXPOSURE)));
  const queries = DEFAULT_QUERIES.filter(([a, b]) => net.nodeIndex.has(a) && net.nodeIndex.has(b));
  const search: number[] = [];
  const plan: number[] = [];
  let routes = 0;
  const rounds = Math.max(20, repeats * 20);
  for (let round = 0; round < rounds; round++) {
    for (const [a, b] of queries) {
      const s = net.nodeIndex.get(a)!;
      const t = net.nodeIndex.get(b)!;
      t0 = performance.now();
      const r = paretoRoutes(graph, graphCriteria, graph.zone[s]!, graph.zone[t]!, { arcFlags });
      search.push(performance.now() - t0);
      t0 = performance.now();
      planRoutes(net, a, b, { context });
      plan.push(performance.now() - t0);
      if (round === 0) routes += r.routes.length;
    }
  }
  // The first rounds warm the JIT up; report the steady state.
  const steady = (xs: number[]) => xs.slice(Math.floor(xs.length / 4));
  const planMs = median(steady(plan));
  return {
    nodes: net.nodeCount,
    arcs: net.arcCount,
    queries: queries.length,
    contextMs,
    paretoSearchMs: median(steady(search)),
    paretoSearchP95Ms: quantile(steady(search), 0.95),
    planMs,
    plansPerSecond: 1000 / planMs,
    paretoRoutes: routes,
  };
}

function benchSynthetic(o: RouteBenchOptions): RouteBenchReport['synthetic'] {
  const g = syntheticGraph(o.side, o.seed);
  const n = g.graph.nodeCount;
  const rand = mulberry32(o.seed + 1);
  const pairs: [number, number][] = [
    [0, n - 1],
    [o.side - 1, n - o.side],
    [Math.floor(rand() * n), Math.floor(rand() * n)],
  ];
  const tree = new ShortestPathTree(g.graph);
  const caravan = pairs.map(([s, t]) => {
    const times: number[] = [];
    const cpu: number[] = [];
    let length = 0;
    for (let i = 0; i < o.repeats + 1; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const p = shortestPath(g.graph, g.weight, s, t, undefined, tree);
      const dt = performance.now() - t0;
      const dc = process.cpuUsage(c0);
      if (i > 0) {
        times.push(dt);
        cpu.push((dc.user + dc.system) / 1000);
      }
      length = p!.cost;
    }
    return { s, t, ms: median(times), cpuMs: median(cpu), length };
  });
  let nx: { version: string; queries: { length: number; seconds: number; cpu_seconds: number }[] } | null =
    null;
  if (o.networkx) {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-route-bench-'));
    try {
      const file = join(dir, 'graph.bin');
      writeGraph(file, g);
      const script = resolve(fileURLToPath(new URL('.', import.meta.url)), 'dijkstra_networkx.py');
      const r = spawnSync('/usr/bin/python3', [script, file, ...pairs.flat().map(String)], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`NetworkX run failed: ${r.stderr}`);
      nx = JSON.parse(r.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const queries = caravan.map((c, i) => {
    const q = nx?.queries[i];
    return {
      s: c.s,
      t: c.t,
      caravanMs: c.ms,
      caravanCpuMs: c.cpuMs,
      networkxMs: q ? q.seconds * 1000 : null,
      networkxCpuMs: q ? q.cpu_seconds * 1000 : null,
      length: c.length,
      agree: q ? Math.abs(q.length - c.length) <= 1e-9 * c.length : null,
    };
  });
  const caravanMs = queries.reduce((s, q) => s + q.caravanMs, 0);
  const networkxMs = nx ? queries.reduce((s, q) => s + q.networkxMs!, 0) : null;
  const caravanCpu = queries.reduce((s, q) => s + q.caravanCpuMs, 0);
  const networkxCpu = nx ? queries.reduce((s, q) => s + q.networkxCpuMs!, 0) : null;
  return {
    nodes: n,
    arcs: g.graph.arcCount,
    queries,
    caravanMs,
    networkxMs,
    networkxVersion: nx?.version ?? null,
    ratio: networkxMs !== null ? networkxMs / caravanMs : null,
    cpuRatio: networkxCpu !== null && caravanCpu > 0 ? networkxCpu / caravanCpu : null,
  };
}

export function runRouteBench(options: Partial<RouteBenchOptions> = {}): RouteBenchReport {
  const o = { ...DEFAULTS, ...options };
  return { default: benchDefault(o.repeats), synthetic: benchSynthetic(o) };
}

function formatReport(r: RouteBenchReport): string {
  const f = (x: number, d = 2) => x.toFixed(d);
  const lines: string[] = [];
  if (r.default) {
    const d = r.default;
    lines.push(
      `Default network (${d.nodes} nodes, ${d.arcs} arcs), ${d.queries} origin–destination pairs, date 2026-06-01:`,
      `  waits and criteria (once per date): ${f(d.contextMs, 1)} ms`,
      `  Pareto search: median ${f(d.paretoSearchMs, 3)} ms, P95 ${f(d.paretoSearchP95Ms, 3)} ms (target < 10 ms); ${d.paretoRoutes} Pareto routes in all`,
      `  whole plan (search, legs, labels): median ${f(d.planMs, 3)} ms = ${f(d.plansPerSecond, 0)} queries per second`,
    );
  }
  const s = r.synthetic;
  lines.push(
    `Synthetic grid (${s.nodes.toLocaleString('en-US')} nodes, ${s.arcs.toLocaleString('en-US')} arcs), single-criterion search:`,
  );
  for (const q of s.queries) {
    lines.push(
      `  ${q.s} → ${q.t}: Caravan ${f(q.caravanMs, 1)} ms (CPU ${f(q.caravanCpuMs, 1)}), NetworkX ${q.networkxMs === null ? '–' : `${f(q.networkxMs, 0)} ms (CPU ${f(q.networkxCpuMs!, 0)})`}, length ${f(q.length, 2)}${q.agree === null ? '' : q.agree ? ' (same)' : ' (DIFFERENT)'}`,
    );
  }
  lines.push(
    `  total: Caravan ${f(s.caravanMs, 1)} ms, NetworkX ${s.networkxMs === null ? '–' : `${f(s.networkxMs, 0)} ms (${s.networkxVersion})`}; ratio ${s.ratio === null ? '–' : `${f(s.ratio, 1)}× wall, ${f(s.cpuRatio!, 1)}× CPU`} (target ≥ 20×)`,
  );
  return lines.join('\n');
}

export function main(argv: readonly string[] = process.argv.slice(2)): RouteBenchReport {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const options: Partial<RouteBenchOptions> = {
    ...(get('--side') ? { side: Number(get('--side')) } : {}),
    ...(get('--seed') ? { seed: Number(get('--seed')) } : {}),
    ...(get('--repeats') ? { repeats: Number(get('--repeats')) } : {}),
    ...(argv.includes('--no-networkx') ? { networkx: false } : {}),
  };
  const report = runRouteBench(options);
  process.stdout.write(
    `${argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report)}\n`,
  );
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
