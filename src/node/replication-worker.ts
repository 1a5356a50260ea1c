/**
 * A warm worker thread of the pool: handed a job (a plan, a seed, the replication numbers and a
 * counter shared by every lane of the job), it takes the next replication from the counter until none
 * is left, posting each result back as it finishes.
 */
import { parentPort } from 'node:worker_threads';
import { runReplication } from '../sim/replication.js';
import type { SimulationPlan } from '../sim/simulation-plan.js';

export type ToWorker = {
  readonly type: 'job';
  readonly job: number;
  readonly plan: SimulationPlan;
  readonly seed: number;
  readonly indices: readonly number[];
  /** One Int32 on a SharedArrayBuffer: the position in `indices` the next lane takes (Atomics.add). */
  readonly next: Int32Array;
};

export type FromWorker =
  | { readonly type: 'result'; readonly job: number; readonly result: unknown }
  | { readonly type: 'done'; readonly job: number }
  | { readonly type: 'error'; readonly job: number; readonly message: string; readonly stack?: string };

parentPort?.on('message', ({ job, plan, seed, indices, next }: ToWorker) => {
  try {
    for (let i = Atomics.add(next, 0, 1); i < indices.length; i = Atomics.add(next, 0, 1)) {
      const result = runReplication(plan, indices[i]!, seed);
      parentPort?.postMessage({ type: 'result', job, result } satisfies FromWorker);
    }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    parentPort?.postMessage({
      type: 'error',
      job,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
    } satisfies FromWorker);
  }
  parentPort?.postMessage({ type: 'done', job } satisfies FromWorker);
});
