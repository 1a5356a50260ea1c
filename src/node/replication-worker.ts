/**
 * A warm worker thread of the pool: it keeps the plan of the current job and runs the batches of
 * replications it is sent, posting each result back as it finishes.
 */
import { parentPort } from 'node:worker_threads';
import { runReplication } from '../sim/replication.js';
import type { SimulationPlan } from '../sim/simulation-plan.js';

export type ToWorker =
  | { readonly type: 'plan'; readonly job: number; readonly plan: SimulationPlan; readonly seed: number }
  | { readonly type: 'batch'; readonly job: number; readonly indices: readonly number[] };

export type FromWorker =
  | { readonly type: 'result'; readonly job: number; readonly result: unknown }
  | { readonly type: 'batch-done'; readonly job: number }
  | { readonly type: 'error'; readonly job: number; readonly message: string; readonly stack?: string };

let current: { job: number; plan: SimulationPlan; seed: number } | null = null;

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'plan') {
    current = { job: message.job, plan: message.plan, seed: message.seed };
    return;
  }
  const { job, indices } = message;
  try {
    if (!current || current.job !== job) throw new Error(`no plan for job ${job}`);
    for (const r of indices) {
      const result = runReplication(current.plan, r, current.seed);
      parentPort?.postMessage({ type: 'result', job, result } satisfies FromWorker);
    }
    parentPort?.postMessage({ type: 'batch-done', job } satisfies FromWorker);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    parentPort?.postMessage({
      type: 'error',
      job,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
    } satisfies FromWorker);
  }
});
