/**
 * Benchmark of the simulation engine: an M/M/c crossing (c lanes, load ρ) on Caravan's engine and on
 * SimPy 3 (Debian's python3-simpy3) with the same model and the same outputs (mean and P90 wait,
 * time-averaged queue length, utilization) in the same run, as units served per CPU-second (the
 * machine is shared, so CPU time is steadier than wall time; both are printed); then peak memory
 * (max RSS of a child process) for a horizon H and 10H, which should stay flat.
 *
 *   npx tsx bench/sim/mmc.ts [--customers N] [--servers C] [--rho R] [--seed S] [--repeats K]
 *                            [--simpy-customers N] [--no-simpy] [--no-memory] [--json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Simulation } from '../../src/sim/kernel.js';
import { QueueModel } from '../../src/sim/queue-model.js';
import { RandomStreams } from '../../src/sim/random.js';
import { exponentialSampler } from '../../src/sim/sample/exponential.js';
import { ResourceMonitor } from '../../src/sim/stats/resource-monitor.js';
import { median } from '../median.js';

export interface MmcBenchOptions {
  readonly customers: number;
  readonly servers: number;
  readonly rho: number;
  readonly seed: number;
  /** Timed runs of each engine (interleaved); the median is reported. */
  readonly repeats: number;
  readonly simpyCustomers: number;
  readonly simpy: boolean;
  readonly memory: boolean;
}

export interface EngineRun {
  readonly served: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
  readonly cpuSeconds: number;
  /** Units served per CPU-second. */
  readonly perSecond: number;
  readonly meanWait_h: number;
  readonly p90Wait_h: number;
  readonly meanQueue: number;
  readonly utilization: number;
}

export interface MmcBenchReport {
  readonly options: MmcBenchOptions;
  readonly erlangCWait_h: number;
  readonly caravan: readonly EngineRun[];
  readonly simpy: readonly EngineRun[] | null;
  readonly simpyVersion: string | null;
  readonly caravanPerSecond: number;
  readonly simpyPerSecond: number | null;
  readonly ratio: number | null;
  readonly memory: { readonly customers: number; readonly maxRss_MiB: number }[] | null;
}

const DEFAULTS: MmcBenchOptions = {
  customers: 1_000_000,
  servers: 4,
  rho: 0.9,
  seed: 1,
  repeats: 3,
  simpyCustomers: 1_000_000,
  simpy: true,
  memory: true,
};

/** One run of the M/M/c model on the engine, with the standard lane monitor attached. */
export function runCaravan(customers: number, servers: number, rho: number, seed: number): EngineRun {
  const streams = new RandomStreams(seed);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const sim = new Simulation();
  const lanes = new ResourceMonitor({ capacity: servers });
  const model = new QueueModel(sim, {
    interarrival: exponentialSampler(1 / (rho * servers), streams.stream(0, 0)),
    steps: [{ duration: exponentialSampler(1, streams.stream(0, 1)) }],
    servers,
    maxArrivals: customers,
    resourceHooks: lanes,
  });
  sim.run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const served = lanes.started;
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (model.inSystem !== 0) throw new Error('the run ended with units still in the system');
  return {
    served,
    seconds,
    cpuSeconds,
    perSecond: served / cpuSeconds,
    meanWait_h: lanes.wait.mean,
    p90Wait_h: lanes.wait.quantile(0.9),
    meanQueue: lanes.queue.mean(sim.now),
    utilization: lanes.utilization(sim.now),
  };
}

function simpyScript(): string {
  const beside = fileURLToPath(new URL('./mmc_simpy.py', import.meta.url));
  return existsSync(beside) ? beside : resolve('bench/sim/mmc_simpy.py');
}

function runSimpy(o: MmcBenchOptions, seed: number): (EngineRun & { engine: string }) | string {
  const args = [simpyScript(), String(o.simpyCustomers), String(o.servers), String(o.rho), String(seed)];
  const child = spawnSync('/usr/bin/python3', args, { encoding: 'utf8' });
  if (child.status !== 0) {
    return `SimPy did not run (${(child.stderr || String(child.error)).trim().split('\n').at(-1)}): install it with apt-get install -y python3-simpy3`;
  }
  const r = JSON.parse(child.stdout) as {
    engine: string;
    served: number;
    seconds: number;
    cpu_seconds: number;
    mean_wait_h: number;
    p90_wait_h: number;
    mean_queue: number;
    utilization: number;
  };
  return {
    engine: r.engine,
    served: r.served,
    seconds: r.seconds,
    cpuSeconds: r.cpu_seconds,
    perSecond: r.served / r.cpu_seconds,
    meanWait_h: r.mean_wait_h,
    p90Wait_h: r.p90_wait_h,
    meanQueue: r.mean_queue,
    utilization: r.utilization,
  };
}

/** Peak RSS of a fresh process that simulates `customers` units. */
function peakRss(o: MmcBenchOptions, customers: number): number {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, '--child', String(customers), String(o.servers), String(o.rho)];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory probe failed: ${child.stderr}`);
  return (JSON.parse(child.stdout) as { maxRss_kB: number }).maxRss_kB / 1024;
}

function erlangCWait(servers: number, lambda: number, mu: number): number {
  const a = lambda / mu;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / servers / (1 - a / servers);
  return last / (sum + last) / (servers * mu - lambda);
}

export function parseOptions(argv: readonly string[]): MmcBenchOptions & { json: boolean } {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
  };
  const customers = value('--customers', DEFAULTS.customers);
  return {
    customers,
    servers: value('--servers', DEFAULTS.servers),
    rho: value('--rho', DEFAULTS.rho),
    seed: value('--seed', DEFAULTS.seed),
    repeats: value('--repeats', DEFAULTS.repeats),
    simpyCustomers: value('--simpy-customers', customers),
    simpy: !argv.includes('--no-simpy'),
    memory: !argv.includes('--no-memory'),
    json: argv.includes('--json'),
  };
}

/** Runs the benchmark, prints it, and returns the figures. */
export function main(argv: readonly string[] = process.argv.slice(2)): MmcBenchReport {
  const { json, ...o } = parseOptions(argv);
  const log = json ? () => {} : (line: string) => console.log(line);
  const lambda = o.rho * o.servers;
  log(
    `M/M/${o.servers}, ρ = ${o.rho} (λ = ${lambda}/h, μ = 1/h), ${o.customers.toLocaleString('en')} customers`,
  );
  // Untimed runs first, so that the engine is measured after the JIT compiler has settled (a run
  // builds new samplers and a new model, whose first runs the JIT compiler optimises).
  for (let k = 0; k < 2; k++) runCaravan(200_000, o.servers, o.rho, o.seed + 1000 + k);
  const caravan: EngineRun[] = [];
  const simpy: EngineRun[] = [];
  let simpyVersion: string | null = null;
  let simpyMissing: string | null = o.simpy ? null : 'skipped (--no-simpy)';
  for (let k = 0; k < o.repeats; k++) {
    const c = runCaravan(o.customers, o.servers, o.rho, o.seed + k);
    caravan.push(c);
    log(`  caravan run ${k + 1}: ${describe(c)}`);
    if (simpyMissing === null) {
      const s = runSimpy(o, o.seed + k);
      if (typeof s === 'string') simpyMissing = s;
      else {
        simpyVersion = s.engine;
        simpy.push(s);
        log(`  simpy   run ${k + 1}: ${describe(s)}`);
      }
    }
  }
  const caravanPerSecond = median(caravan.map((r) => r.perSecond));
  const simpyPerSecond = simpy.length > 0 ? median(simpy.map((r) => r.perSecond)) : null;
  const ratio = simpyPerSecond === null ? null : caravanPerSecond / simpyPerSecond;
  log(`Erlang C mean wait: ${erlangCWait(o.servers, lambda, 1).toFixed(3)} h`);
  log(`caravan: ${fmt(caravanPerSecond)} units served per CPU-second (median of ${o.repeats})`);
  if (simpyPerSecond === null) log(`simpy:   ${simpyMissing}`);
  else
    log(
      `simpy:   ${fmt(simpyPerSecond)} units served per CPU-second (${simpyVersion}, median of ${simpy.length})`,
    );
  if (ratio !== null) log(`ratio:   ${ratio.toFixed(1)}× SimPy (target ≥ 30×)`);

  let memory: { customers: number; maxRss_MiB: number }[] | null = null;
  if (o.memory) {
    memory = [o.customers, 10 * o.customers].map((customers) => ({
      customers,
      maxRss_MiB: peakRss(o, customers),
    }));
    for (const m of memory) {
      log(`peak RSS, ${m.customers.toLocaleString('en')} customers: ${m.maxRss_MiB.toFixed(1)} MiB`);
    }
  }
  const report: MmcBenchReport = {
    options: o,
    erlangCWait_h: erlangCWait(o.servers, lambda, 1),
    caravan,
    simpy: simpy.length > 0 ? simpy : null,
    simpyVersion,
    caravanPerSecond,
    simpyPerSecond,
    ratio,
    memory,
  };
  if (json) console.log(JSON.stringify(report, null, 2));
  return report;
}

function fmt(x: number): string {
  return Math.round(x).toLocaleString('en');
}

function describe(r: EngineRun): string {
  return (
    `${fmt(r.perSecond)} units/CPU-s, ${fmt(r.served / r.seconds)} units/s wall (${r.seconds.toFixed(2)} s); ` +
    `wait mean ${r.meanWait_h.toFixed(3)} h, P90 ${r.p90Wait_h.toFixed(2)} h; queue ${r.meanQueue.toFixed(2)}; ` +
    `utilization ${r.utilization.toFixed(3)}`
  );
}

/** Child mode for the memory probe: simulate, then report this process's peak RSS. */
function child(argv: readonly string[]): void {
  const [customers, servers, rho] = argv.slice(1).map(Number) as [number, number, number];
  const run = runCaravan(customers, servers, rho, 1);
  console.log(JSON.stringify({ served: run.served, maxRss_kB: process.resourceUsage().maxRSS }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') child(argv);
  else main(argv);
}
