/**
 * Start-up of a route question against a bare Node start (issue 8, point 7: within 150 ms of it): the
 * built CLI, `node dist/cli/main.js route --from xian --to duisburg`, against `node -e 0`, in
 * interleaved pairs so that both see the same load; the median of each and of the pairwise
 * differences (the load on the shared machine moves both), with the 10th and 90th percentiles and
 * the load average.
 *
 *   npm run build && npx tsx bench/startup/startup.ts [--runs 40] [--question "route --from xian --to duisburg"]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberFlag, textFlag } from '../flag.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

if (!existsSync(CLI)) {
  process.stderr.write('bench/startup/startup.ts times the built CLI: run `npm run build` first\n');
  process.exit(2);
}
const runs = numberFlag('runs', 40);
const question = textFlag('question', 'route --from xian --to duisburg').split(' ');

/** Wall-clock milliseconds of one run of a command (its output thrown away); throws if it fails. */
function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return ms;
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const load = loadavg()[0]!;
wallMs(['-e', '0']);
wallMs([CLI, ...question]);
const bare: number[] = [];
const caravan: number[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(wallMs(['-e', '0']));
  caravan.push(wallMs([CLI, ...question]));
}
const over = caravan.map((t, i) => t - bare[i]!);
const row = (name: string, xs: readonly number[]) =>
  `${name.padEnd(44)} ${quantile(xs, 0.5).toFixed(1).padStart(7)} ms  (p10 ${quantile(xs, 0.1).toFixed(1)}, p90 ${quantile(xs, 0.9).toFixed(1)})`;
process.stdout.write(
  [
    `${runs} interleaved pairs, load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
    row('node -e 0', bare),
    row(`caravan ${question.join(' ')}`, caravan),
    row('over a bare start (pairwise)', over),
    `target: within 150 ms of a bare start: ${quantile(over, 0.5) <= 150 ? 'met' : 'not met'} (median)`,
    '',
  ].join('\n'),
);
