/**
 * What a replication of the default network spends building its models (the trip model with its
 * crossings, services, samplers and streams) against running them, one thread, replication by
 * replication from a cold start: is keeping the models across replications worth it (issue 8,
 * point 5)? `npx tsx bench/sim/trip-model-setup.ts [replications]`; prints CPU milliseconds.
 */
import { DEFAULT_NETWORK, readEmbeddedNetwork } from '../../src/io/embedded-network.js';
import { readNetworkFile } from '../../src/io/network-file.js';
import { DEFAULT_DATE } from '../../src/model/timeline.js';
import { Simulation } from '../../src/sim/kernel.js';
import { RandomStreams } from '../../src/sim/random.js';
import { runReplication } from '../../src/sim/replication.js';
import { buildPlan } from '../../src/sim/simulation-plan.js';
import { TripModel } from '../../src/sim/trip-model.js';

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

const replications = Number(process.argv[2] ?? 10);
const model = (readEmbeddedNetwork(DEFAULT_NETWORK) ?? readNetworkFile(DEFAULT_NETWORK)).model;
if (model === undefined) throw new Error('the default network does not load');
// the CLI's defaults: 60 days observed after 14 of warm-up, 30 more to drain
const plan = buildPlan(model, {
  warmup_h: 14 * 24,
  end_h: 60 * 24,
  drain_h: 30 * 24,
  date: DEFAULT_DATE,
});
console.log('replication\tbuild_models_cpu_ms\treplication_cpu_ms');
for (let r = 0; r < replications; r++) {
  let t = process.cpuUsage();
  const streams = new RandomStreams(1);
  new TripModel(new Simulation({ initialCapacity: 1024 }), plan, (p, e) => streams.keyed(r, p, e), {});
  const build = cpuMs(t);
  t = process.cpuUsage();
  runReplication(plan, r, 1);
  console.log(`${r}\t${build.toFixed(1)}\t${cpuMs(t).toFixed(1)}`);
}
