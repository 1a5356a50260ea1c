/**
 * One worker thread of the pool: imports the use-case registry once, then runs the tasks it is sent,
 * one at a time, posting progress (at most every 100 ms) and the result or the issues.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../model/issue.js';
import { configureLimits, type Limits } from '../model/limits.js';
import type { UseCaseRegistry } from './use-case-types.js';
import type { WorkerMessage } from './worker-pool.js';

// Jobs yield the CPU to the HTTP thread: on Linux a nice value set from a thread is that thread's alone.
try {
  setPriority(10);
} catch {
  // Not permitted here: the job runs at the server's priority.
}

const data = workerData as { registry: string; limits: Limits; raiseHint: string };
configureLimits({
  values: data.limits,
  raise: (name, value) => data.raiseHint.replace('{name}', name).replace('{value}', value),
});
const { useCases } = (await import(data.registry)) as { useCases: UseCaseRegistry };
const port = parentPort!;

function post(m: WorkerMessage): void {
  port.postMessage(m);
}

port.on('message', async (task: { seq: number; useCase: string; options: unknown; model: unknown }) => {
  const { seq } = task;
  const useCase = useCases[task.useCase];
  if (!useCase) {
    post({ type: 'internal-error', seq, message: `no use case "${task.useCase}"` });
    return;
  }
  let last = 0;
  try {
    const result = await useCase.run(task.model as never, task.options as never, {
      onProgress: (progress) => {
        const t = Date.now();
        if (t - last < 100 && progress.done < progress.total) return;
        last = t;
        post({ type: 'progress', seq, progress: { ...progress } });
      },
    });
    post({ type: 'result', seq, result });
  } catch (e) {
    if (e instanceof InputError) post({ type: 'input-error', seq, issues: [...e.issues] });
    else post({ type: 'internal-error', seq, message: (e as Error)?.message ?? String(e) });
  }
});
