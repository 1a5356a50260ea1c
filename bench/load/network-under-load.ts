/**
 * Load test: `GET /api/network` at a fixed rate over loopback while a long simulation runs on the
 * job workers, the latency percentiles measured by autocannon. Target: p99 < 50 ms at 200 req/s.
 *
 *   npx tsx bench/load/network-under-load.ts [--rate 200] [--seconds 10] [--connections 10] [--identity] [--no-simulation]
 *
 * The server is the real one, in its own process (`caravan serve` on the embedded network, an
 * in-memory database, one job worker), so that autocannon does not share its event loop; the
 * simulation is long enough to run for the whole test, which is checked after.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const rate = arg('rate', 200);
const seconds = arg('seconds', 10);
const connections = arg('connections', 10);
// As a browser asks: gzip accepted (`--identity` asks for the uncompressed 218 kB instead).
const identity = process.argv.includes('--identity');
// The control: the same load with no simulation running.
const withSimulation = !process.argv.includes('--no-simulation');

const cli = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const child = spawn(
  process.execPath,
  ['--import', 'tsx', cli, 'serve', '--port', '0', '--db', ':memory:', '--workers', '1'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
    const m = /Dashboard: (http:\/\/\S+)\//.exec(out);
    if (m) resolve(m[1]!);
  });
  child.on('exit', (code) => reject(new Error(`caravan serve exited with ${code}`)));
});
const post = await fetch(`${base}/api/simulations`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ days: 90, replications: 100, seed: 1 }),
});
const job = (await post.json()) as { id: string; status: string };
if (!withSimulation) await fetch(`${base}/api/simulations/${job.id}`, { method: 'DELETE' });
// Wait until the simulation is running on its worker.
for (let i = 0; withSimulation && i < 600; i++) {
  const s = (await (await fetch(`${base}/api/simulations/${job.id}`)).json()) as {
    status: string;
    progress: unknown;
  };
  if (s.status === 'running' && s.progress) break;
  await new Promise((r) => setTimeout(r, 100));
}

const result = await autocannon({
  url: `${base}/api/network`,
  connections,
  overallRate: rate,
  duration: seconds,
  headers: identity ? {} : { 'accept-encoding': 'gzip' },
});
const during = (await (await fetch(`${base}/api/simulations/${job.id}`)).json()) as {
  status: string;
  progress: { done: number; total: number } | null;
};
const health = (await (await fetch(`${base}/api/health`)).json()) as {
  event_loop_delay_ms: { p50: number; p99: number; max: number };
};
await fetch(`${base}/api/simulations/${job.id}`, { method: 'DELETE' });
child.kill('SIGTERM');

const l = result.latency;
const line = {
  encoding: identity ? 'identity' : 'gzip',
  requests: result.requests.total,
  rate_req_per_s: Math.round((result.requests.total / seconds) * 10) / 10,
  non_2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  latency_ms: { p50: l.p50, p90: l.p90, p99: l.p99, max: l.max, mean: Math.round(l.average * 100) / 100 },
  body_bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  server_event_loop_delay_ms_since_start: health.event_loop_delay_ms,
  load_average_1min: loadavg()[0],
  simulation_during_test: { status: during.status, progress: during.progress },
};
console.log(JSON.stringify(line, null, 2));
console.log(
  l.p99 < 50 && result.non2xx === 0 && result.errors === 0
    ? 'PASS: p99 < 50 ms'
    : 'FAIL: p99 ≥ 50 ms or errors',
);
