/** A worker thread running the replications it is sent, one at a time, and posting each result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { runReplication } from './replication.js';
import type { SimulationPlan } from './simulation-plan.js';

const { plan, seed } = workerData as { plan: SimulationPlan; seed: number };

parentPort?.on('message', (message: { replication: number }) => {
  const result = runReplication(plan, message.replication, seed);
  parentPort?.postMessage({ replication: message.replication, result });
});
