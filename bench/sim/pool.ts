/**
 * The worker pool against one lane (issue 8 point 5): `caravan simulate --replications R --json` on the
 * default network, whole process, on 1 worker and on 2, with the same bytes, interleaved `repeats`
 * times; the ratio of the medians is the pool's speed-up.
 *
 * Its peer, in the same run, is what the machine gives this work run twice at once: two independent
 * `--workers 1` processes of R/2 replications each side by side against one alone. Their
 * efficiency e (one alone ÷ the pair, 1 when two cores do twice the work in the same time) bounds
 * the pool: the replications run in parallel at best e × 2 times as fast, whatever the pool does,
 * and the part of the run that is not replications (start-up, the plan, the warm-up of the JIT in
 * each lane, the merge and the JSON) does not run faster at all.
 *
 *   npm run build && npx tsx bench/sim/pool.ts [--replications 40] [--repeats 5]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberFlag } from '../flag.js';
import { median } from '../median.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

if (!existsSync(CLI)) {
  process.stderr.write('bench/sim/pool.ts times the built CLI: run `npm run build` first\n');
  process.exit(2);
}

const replications = numberFlag('replications', 40);
const repeats = numberFlag('repeats', 5);
const args = (r: number, workers: number) => [
  CLI,
  ...['simulate', '--replications', String(r), '--workers', String(workers), '--json'],
];

/** One run of the CLI: wall seconds and the SHA-256 of its output. */
function once(r: number, workers: number): { wall_s: number; sha: string } {
  const start = performance.now();
  const child = spawnSync(process.execPath, args(r, workers), { cwd: ROOT, maxBuffer: 1 << 28 });
  const wall_s = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`simulate failed: ${child.stderr.toString().slice(-500)}`);
  return { wall_s, sha: createHash('sha256').update(child.stdout).digest('hex') };
}

/** Two `--workers 1` runs of r replications started together: wall seconds until both are done. */
async function pair(r: number): Promise<number> {
  const start = performance.now();
  await Promise.all(
    [0, 1].map(
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, args(r, 1), { cwd: ROOT, stdio: 'ignore' });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`simulate exited ${code}`))));
        }),
    ),
  );
  return (performance.now() - start) / 1000;
}

const half = Math.max(1, Math.round(replications / 2));
const t1: number[] = [];
const t2: number[] = [];
const alone: number[] = [];
const together: number[] = [];
const shas = new Set<string>();
const load: number[] = [];
for (let k = 0; k < repeats; k++) {
  load.push(loadavg()[0]!);
  const one = once(replications, 1);
  const two = once(replications, 2);
  t1.push(one.wall_s);
  t2.push(two.wall_s);
  shas.add(one.sha).add(two.sha);
  alone.push(once(half, 1).wall_s);
  together.push(await pair(half));
}
const speedUp = median(t1) / median(t2);
const efficiency = median(alone) / median(together);
const s = (x: number) => `${x.toFixed(2)} s`;
console.log(
  `caravan simulate --replications ${replications} --json, default network; ${repeats} interleaved runs each, medians; ` +
    `load average at the runs: ${load.map((l) => l.toFixed(1)).join(', ')}`,
);
console.log('| run | wall |');
console.log('| --- | ---: |');
console.log(`| 1 worker | ${s(median(t1))} |`);
console.log(`| 2 workers | ${s(median(t2))} |`);
console.log(`| peer: ${half} replications on 1 worker, alone | ${s(median(alone))} |`);
console.log(`| peer: two such processes side by side | ${s(median(together))} |`);
console.log(
  `pool speed-up: ${speedUp.toFixed(2)}× (target 1.7×); the machine runs this work twice at once at ` +
    `${(100 * efficiency).toFixed(0)} % efficiency, so replications in parallel go at most ${(2 * efficiency).toFixed(2)}× as fast; ` +
    `output ${shas.size === 1 ? 'the same bytes on 1 and 2 workers' : 'DIFFERS between 1 and 2 workers'} (sha256 ${[...shas][0]!.slice(0, 8)}…)`,
);
if (shas.size !== 1) process.exitCode = 1;
