/**
 * `caravan simulate` on the product path against SimPy 3, side by side in one run: one M/M/4 crossing
 * (bench/sim/mmc-crossing.yaml: λ = 3.6 trucks/h, 4 lanes, exponential 1 h clearance), R replications
 * of D days. Four figures, in trucks served per second:
 * - whole process: the built CLI (`node dist/cli/main.js simulate … --json`), start-up, YAML, routes,
 *   worker threads and JSON output included, wall clock;
 * - engine only: the same replications in this process (`runReplication` on the compiled plan), CPU;
 * - SimPy lean (bench/sim/mmc_simpy_lean.py: a process per truck, a Resource, a list of waits), whole
 *   Python process, wall clock and CPU;
 * - SimPy monitored (bench/sim/mmc_simpy.py: the same outputs as Caravan's lane monitor), CPU.
 * The machine is shared, so each figure is the median of `repeats` interleaved runs and the load
 * average is printed.
 *
 *   npm run build && npx tsx bench/sim/product.ts [--replications 10] [--days 3650] [--workers 2]
 *        [--repeats 3] [--simpy-replications 1]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNetwork } from '../../src/model/load.js';
import { runReplication } from '../../src/sim/replication.js';
import { buildPlan } from '../../src/sim/simulation-plan.js';
import { numberFlag } from '../flag.js';
import { median } from '../median.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const NETWORK = join(HERE, 'mmc-crossing.yaml');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  process.stderr.write('bench/sim/product.ts times the built CLI: run `npm run build` first\n');
  process.exit(2);
}

const o = {
  replications: numberFlag('replications', 10),
  days: numberFlag('days', 3650),
  workers: numberFlag('workers', 2),
  repeats: numberFlag('repeats', 3),
  simpyReplications: numberFlag('simpy-replications', 1),
};
const WARMUP_DAYS = 1;

interface Run {
  readonly trucks: number;
  readonly wall_s: number;
  readonly cpu_s: number;
  readonly meanWait_h: number;
}

/** Runs a command under /usr/bin/time for its wall clock and CPU (user + system of it and its threads). */
function timed(command: string, args: readonly string[]): { stdout: string; wall_s: number; cpu_s: number } {
  const start = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    cwd: ROOT,
  });
  const wall_s = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`${command} failed: ${child.stderr.slice(-500)}`);
  const [user, sys] = child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { stdout: child.stdout, wall_s, cpu_s: user! + sys! };
}

function wholeProcess(): Run {
  const args = [
    ...['dist/cli/main.js', 'simulate', '--network', NETWORK, '--days', String(o.days)],
    ...['--warmup-days', String(WARMUP_DAYS), '--drain-days', '0', '--replications', String(o.replications)],
    ...['--workers', String(o.workers), '--json'],
  ];
  const r = timed(process.execPath, args);
  const c = JSON.parse(r.stdout).crossings.mmc;
  return { trucks: c.served, wall_s: r.wall_s, cpu_s: r.cpu_s, meanWait_h: c.wait_h.mean };
}

function engineOnly(): Run {
  const model = parseNetwork(readFileSync(NETWORK, 'utf8')).model!;
  const plan = buildPlan(model, {
    warmup_h: 24 * WARMUP_DAYS,
    end_h: 24 * o.days,
    drain_h: 0,
  });
  const cpu = process.cpuUsage();
  const start = performance.now();
  let trucks = 0;
  let wait = 0;
  for (let r = 0; r < o.replications; r++) {
    const c = runReplication(plan, r, 1).crossings[0]!.total;
    trucks += c.served;
    wait += c.wait.mean;
  }
  const used = process.cpuUsage(cpu);
  return {
    trucks,
    wall_s: (performance.now() - start) / 1000,
    cpu_s: (used.user + used.system) / 1e6,
    meanWait_h: wait / o.replications,
  };
}

function simpyLean(seed: number): Run {
  const args = [
    join(HERE, 'mmc_simpy_lean.py'),
    String(o.simpyReplications),
    String(o.days),
    '3.6',
    '4',
    '1',
    String(seed),
  ];
  const r = timed('/usr/bin/python3', args);
  const j = JSON.parse(r.stdout) as { served: number; mean_wait_h: number };
  return { trucks: j.served, wall_s: r.wall_s, cpu_s: r.cpu_s, meanWait_h: j.mean_wait_h };
}

function simpyMonitored(seed: number): Run {
  const customers = Math.round(3.6 * 24 * o.days * o.simpyReplications);
  const args = [join(HERE, 'mmc_simpy.py'), String(customers), '4', '0.9', String(seed)];
  const r = timed('/usr/bin/python3', args);
  const j = JSON.parse(r.stdout) as { served: number; mean_wait_h: number };
  return { trucks: j.served, wall_s: r.wall_s, cpu_s: r.cpu_s, meanWait_h: j.mean_wait_h };
}

/**
 * A bare Node start (`node -e 0`), ms, the median of three: how quick the machine is at the moment, as
 * the ratio moves with it (bench/sim/RESULTS-sim.md).
 */
function bareStart_ms(): number {
  return median(
    [0, 1, 2].map(() => {
      const start = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - start;
    }),
  );
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

const runs: Record<string, Run[]> = { whole: [], engine: [], lean: [], monitored: [] };
const load: number[] = [];
const bare: number[] = [];
for (let k = 0; k < o.repeats; k++) {
  load.push(loadavg()[0]!);
  bare.push(bareStart_ms());
  runs.whole!.push(wholeProcess());
  runs.engine!.push(engineOnly());
  runs.lean!.push(simpyLean(k + 1));
  runs.monitored!.push(simpyMonitored(k + 1));
}
const wall = (name: string) => median(runs[name]!.map((r) => r.trucks / r.wall_s));
const cpu = (name: string) => median(runs[name]!.map((r) => r.trucks / r.cpu_s));
console.log(
  `M/M/4 crossing, λ = 3.6/h, ${o.replications} replications × ${o.days} days (SimPy: ${o.simpyReplications}); ` +
    `${o.repeats} runs each, medians; load average at the runs: ${load.map((l) => l.toFixed(1)).join(', ')} on 2 cores; ` +
    `a bare Node start (node -e 0) before each: ${bare.map((t) => t.toFixed(0)).join(', ')} ms`,
);
console.log('| engine | trucks/s wall | trucks/s CPU | mean wait, h | runs (wall s) |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const [name, label] of [
  ['whole', `caravan simulate, whole process, ${o.workers} workers`],
  ['engine', 'Caravan engine only (runReplication, 1 thread)'],
  ['lean', 'SimPy 3 lean, whole process'],
  ['monitored', 'SimPy 3 monitored, whole process'],
] as const) {
  const rs = runs[name]!;
  console.log(
    `| ${label} | ${fmt(wall(name))} | ${fmt(cpu(name))} | ${median(rs.map((r) => r.meanWait_h)).toFixed(3)} | ${rs.map((r) => r.wall_s.toFixed(2)).join(', ')} |`,
  );
}
// The machine's speed drifts by a third within minutes: the ratio of runs made one after the other in
// the same repeat, whose median is steadier than the ratio of the medians.
const paired = (a: string, b: string) =>
  median(runs[a]!.map((r, k) => r.trucks / r.wall_s / (runs[b]![k]!.trucks / runs[b]![k]!.wall_s)));
console.log(
  `ratios: whole process / SimPy lean ${(wall('whole') / wall('lean')).toFixed(1)}× wall ` +
    `(median of the ${o.repeats} repeats' own ratios ${paired('whole', 'lean').toFixed(1)}×; CPU ${(cpu('whole') / cpu('lean')).toFixed(1)}×), ` +
    `/ SimPy monitored ${(wall('whole') / wall('monitored')).toFixed(1)}× wall; ` +
    `engine only / SimPy lean ${(cpu('engine') / cpu('lean')).toFixed(1)}× CPU, / monitored ${(cpu('engine') / cpu('monitored')).toFixed(1)}× CPU`,
);
