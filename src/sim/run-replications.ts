/**
 * Replications on worker threads, or in this thread: results are handed on in replication order,
 * whichever worker finished first, so the merged figures never depend on the number of workers.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ReplicationResult, runReplication } from './replication.js';
import type { SimulationPlan } from './simulation-plan.js';

export interface RunReplicationsOptions {
  readonly replications: number;
  readonly seed: number;
  readonly workers: number;
  /** Called with each replication's result, in replication order. */
  readonly onResult: (result: ReplicationResult) => void;
  /** Called as replications finish: how many are done out of how many. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** The worker script: built JavaScript next to this module, or under dist/ when running from sources. */
export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  return here.endsWith('.ts')
    ? join(dir, '..', '..', 'dist', 'sim', 'replication-worker.js')
    : join(dir, 'replication-worker.js');
}

/**
 * Runs the replications. Workers load the built worker script; running from the TypeScript sources
 * before a build, the replications run in this thread instead (same figures, one core).
 */
export async function runReplications(plan: SimulationPlan, options: RunReplicationsOptions): Promise<void> {
  const { replications, seed, onResult, onProgress } = options;
  const script = workerScript();
  const fromSources = fileURLToPath(import.meta.url).endsWith('.ts');
  const workers = fromSources && !existsSync(script) ? 1 : Math.min(options.workers, replications);
  onProgress?.(0, replications);
  if (workers <= 1) {
    for (let r = 0; r < replications; r++) {
      onResult(runReplication(plan, r, seed));
      onProgress?.(r + 1, replications);
      // let timers (a progress bar's redraw) run between replications
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  if (!existsSync(script)) {
    throw new Error(`the simulation worker ${script} is missing: run \`npm run build\`, or use one worker`);
  }
  await new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    const buffer = new Map<number, ReplicationResult>();
    let next = 0;
    let merged = 0;
    let done = 0;
    let failed = false;
    const stop = (error?: unknown) => {
      if (failed) return;
      for (const w of pool) void w.terminate();
      if (error !== undefined) {
        failed = true;
        reject(error);
      } else resolve();
    };
    const dispatch = (w: Worker) => {
      if (next < replications) w.postMessage({ replication: next++ });
    };
    for (let i = 0; i < workers; i++) {
      const w = new Worker(script, { workerData: { plan, seed } });
      pool.push(w);
      w.on('message', (message: { replication: number; result: ReplicationResult }) => {
        buffer.set(message.replication, message.result);
        done++;
        dispatch(w);
        try {
          while (buffer.has(merged)) {
            const result = buffer.get(merged)!;
            buffer.delete(merged);
            merged++;
            onResult(result);
          }
          onProgress?.(done, replications);
        } catch (e) {
          stop(e);
          return;
        }
        if (merged === replications) stop();
      });
      w.on('error', (e) => stop(e));
      w.on('exit', (code) => {
        if (merged < replications && !failed) stop(new Error(`a simulation worker exited with code ${code}`));
      });
      dispatch(w);
    }
  });
}
