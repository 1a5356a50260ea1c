/**
 * Where a fresh thread's time goes before the simulation runs at its steady speed (issue 8, points 5
 * and 8), on the built modules, each measurement in a fresh process:
 *
 * - one thread: each replication's cost in turn, the M/M/4 benchmark crossing (365 days, ns a truck)
 *   and the default network (the CLI's window, ms): the first replications run while V8 warms its JIT;
 * - the pool: the default network's 40 replications on 1 and on 2 lanes, with the time each result
 *   came in: when the first came, when the last, and the speed-up once both lanes are warm.
 *
 *   npm run build && npx tsx bench/sim/warm-up.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { numberFlag } from '../flag.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'node', 'worker-pool.js'))) {
  process.stderr.write('bench/sim/warm-up.ts times the built modules: run `npm run build` first\n');
  process.exit(2);
}
const runs = numberFlag('runs', 3);
const at = (path: string) => JSON.stringify(pathToFileURL(join(DIST, path)).href);

/** The default network and the CLI's window (its defaults: days observed, warm-up, days to drain). */
const DEFAULT_PLAN = `
const { DEFAULT_NETWORK, readEmbeddedNetwork } = await import(${at('io/embedded-network.js')});
const { DEFAULT_DATE } = await import(${at('model/timeline.js')});
const { buildPlan } = await import(${at('sim/simulation-plan.js')});
const { SIMULATE_DEFAULTS: D } = await import(${at('sim/simulate.js')});
const plan = buildPlan(readEmbeddedNetwork(DEFAULT_NETWORK).model,
  { warmup_h: D.warmupDays * 24, end_h: D.days * 24, drain_h: D.drainDays * 24, date: DEFAULT_DATE });`;

const ONE_THREAD_MMC = `
import { readFileSync } from 'node:fs';
const { parseNetwork } = await import(${at('model/load.js')});
const { buildPlan } = await import(${at('sim/simulation-plan.js')});
const { runReplication } = await import(${at('sim/replication.js')});
const text = readFileSync(${JSON.stringify(join(ROOT, 'bench', 'sim', 'mmc-crossing.yaml'))}, 'utf8');
const plan = buildPlan(parseNetwork(text).model, { warmup_h: 24, end_h: 365 * 24, drain_h: 0 });
const out = [];
for (let r = 0; r < 6; r++) {
  const t = performance.now();
  const trucks = runReplication(plan, r, 1).crossings[0].total.served;
  out.push(((performance.now() - t) * 1e6) / trucks);
}
console.log(JSON.stringify(out));`;

const ONE_THREAD_DEFAULT = `${DEFAULT_PLAN}
const { runReplication } = await import(${at('sim/replication.js')});
const out = [];
for (let r = 0; r < 6; r++) {
  const t = performance.now();
  runReplication(plan, r, 1);
  out.push(performance.now() - t);
}
console.log(JSON.stringify(out));`;

const lanes = (n: number) => `
const start = performance.now();
const { WorkerPool } = await import(${at('node/worker-pool.js')});
const pool = new WorkerPool({ size: 2, callerRuns: true });
if (${n} > 1) pool.warm(2);
${DEFAULT_PLAN}
const planned = performance.now() - start;
const results = [];
await pool.run(plan, { seed: 1, replications: 40, workers: ${n}, onResult: () => results.push(performance.now() - start) });
await pool.close();
console.log(JSON.stringify({ planned, results }));`;

/** Runs `script` as an ES module in a fresh process (from a file: its worker threads inherit the flags). */
function node(script: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-warm-up-'));
  const file = join(dir, 'run.mjs');
  writeFileSync(file, script);
  // without tsx's loader, which this script runs under: the built modules, as the CLI runs them
  const { NODE_OPTIONS: _, ...env } = process.env;
  const child = spawnSync(process.execPath, [file], { cwd: ROOT, env });
  rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0)
    throw new Error(`exit ${child.status ?? child.signal}: ${child.stderr.toString().slice(-800)}`);
  return JSON.parse(child.stdout.toString());
}

const f0 = (x: number) => x.toFixed(0);
console.log(`one thread, each replication in turn (${runs} fresh processes each)`);
for (let k = 0; k < runs; k++)
  console.log(`  M/M/4, 365 days, ns a truck: ${(node(ONE_THREAD_MMC) as number[]).map(f0).join(', ')}`);
for (let k = 0; k < runs; k++)
  console.log(`  default network, ms:          ${(node(ONE_THREAD_DEFAULT) as number[]).map(f0).join(', ')}`);

console.log('\nthe pool, 40 replications of the default network, ms from the process start');
console.log(
  '| lanes | plan built | first result | last result | steady: ms a replication after the first two results |',
);
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (let k = 0; k < runs; k++)
  for (const n of [1, 2]) {
    const { planned, results } = node(lanes(n)) as { planned: number; results: number[] };
    const second = results[1]!;
    const last = results[results.length - 1]!;
    const steady = (last - second) / (results.length - 2);
    console.log(`| ${n} | ${f0(planned)} | ${f0(results[0]!)} | ${f0(last)} | ${steady.toFixed(1)} |`);
  }
