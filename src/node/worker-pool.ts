/**
 * A pool of worker threads for simulation replications, started once and kept warm (a server reuses
 * it for every request). A job's plan goes to each worker once; replications go out one at a time
 * (in batches for very long jobs), so that a worker that finishes early takes more; results come
 * back per replication and form a {@link ReplicationSet}, whose figures do not depend on how the
 * batches fell. A job is cancelled by its AbortSignal; progress is reported as replications finish.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult } from '../sim/replication.js';
import {
  abortError,
  jobIndices,
  type ReplicationJob,
  type ReplicationRunner,
  type ReplicationSet,
  replicationSet,
  runInThread,
} from '../sim/replication-set.js';
import type { SimulationPlan } from '../sim/simulation-plan.js';
import type { FromWorker, ToWorker } from './replication-worker.js';

export interface WorkerPoolOptions {
  /** Threads (default: every core, os.availableParallelism()). */
  readonly size?: number | undefined;
}

/**
 * The worker: the built JavaScript next to this module (dist/node/replication-worker.js beside the
 * compiled modules, dist/bin/replication-worker.js beside the CLI bundle, scripts/bundle-cli.mjs);
 * running from the TypeScript sources (tests, tsx), a bootstrap that registers tsx's loader in the
 * thread and imports the TypeScript worker.
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (!here.endsWith('.ts')) return new Worker(join(dir, 'replication-worker.js'));
  const source = pathToFileURL(join(dir, 'replication-worker.ts')).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}

interface Slot {
  readonly worker: Worker;
  /** The job whose plan this worker holds (-1: none). */
  job: number;
  busy: boolean;
  /** Terminated on purpose: its exit is no failure. */
  dead: boolean;
}

interface Running {
  readonly id: number;
  readonly plan: SimulationPlan;
  readonly seed: number;
  readonly batches: number[][];
  readonly total: number;
  readonly results: ReplicationResult[];
  readonly job: ReplicationJob;
  readonly workers: number;
  /** The threads the job runs on, chosen when it starts. */
  slots: Slot[];
  resolve(set: ReplicationSet): void;
  reject(error: unknown): void;
  done: boolean;
}

/**
 * Replications per batch: one, so that the work evens out at the end (10 replications on 2 threads in
 * batches of 2 left one thread 6 and the other 4); a replication takes tens of milliseconds or more,
 * against a fraction of one for the message that hands it out. Past 64 a thread, batches grow so that
 * each thread gets at least 64 of them.
 */
function batchSize(count: number, workers: number): number {
  return Math.max(1, Math.floor(count / (workers * 64)));
}

export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Running[] = [];
  private running: Running | null = null;
  private nextJob = 0;
  private closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    const size = options.size ?? availableParallelism();
    if (!(Number.isInteger(size) && size >= 1))
      throw new RangeError('a pool needs a whole number ≥ 1 of threads');
    this.size = size;
  }

  /** Starts the threads now (otherwise on the first job), so that they load while the caller prepares. */
  warm(): this {
    if (this.closed) throw new Error('the worker pool is closed');
    while (this.slots.length < this.size) {
      const worker = startWorker();
      const slot: Slot = { worker, job: -1, busy: false, dead: false };
      worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.closed && !slot.dead) this.fail(new Error(`a simulation worker exited with code ${code}`));
      });
      worker.unref();
      this.slots.push(slot);
    }
    return this;
  }

  /** The runner a use case calls: jobs of one worker run in this thread, without the pool. */
  readonly runner: ReplicationRunner = (plan, job) => this.run(plan, job);

  /** Runs a job on up to `job.workers` threads (default all); jobs queue one after the other. */
  run(plan: SimulationPlan, job: ReplicationJob): Promise<ReplicationSet> {
    const workers = Math.min(job.workers ?? this.size, this.size);
    const indices = jobIndices(job);
    if (workers <= 1 || indices.length <= 1) return runInThread(plan, job);
    if (job.signal?.aborted) return Promise.reject(abortError(job.signal));
    return new Promise<ReplicationSet>((resolve, reject) => {
      const size = batchSize(indices.length, workers);
      const batches: number[][] = [];
      for (let i = 0; i < indices.length; i += size) batches.push(indices.slice(i, i + size));
      const running: Running = {
        id: this.nextJob++,
        plan,
        seed: job.seed,
        batches,
        total: indices.length,
        results: [],
        job,
        workers,
        slots: [],
        resolve,
        reject,
        done: false,
      };
      job.signal?.addEventListener('abort', () => this.finish(running, abortError(job.signal!)), {
        once: true,
      });
      this.queue.push(running);
      this.next();
    });
  }

  /** Stops the threads; jobs still running reject. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the worker pool was closed');
    for (const r of [...this.queue, ...(this.running ? [this.running] : [])]) this.finish(r, error);
    await this.stopThreads();
  }

  private async stopThreads(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    this.running = null;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private next(): void {
    if (this.running === null) {
      const running = this.queue.shift();
      // idle threads do not keep the process alive; threads at work do
      if (!running) {
        for (const s of this.slots) s.worker.unref();
        return;
      }
      this.warm();
      for (const s of this.slots) s.worker.ref();
      running.slots = this.slots.slice(0, running.workers);
      this.running = running;
      running.job.onProgress?.({ phase: 'replications', done: 0, total: running.total });
    }
    const running = this.running;
    for (const slot of running.slots) this.dispatch(running, slot);
  }

  private dispatch(running: Running, slot: Slot): void {
    if (slot.busy || running.done) return;
    const batch = running.batches.shift();
    if (!batch) return;
    if (slot.job !== running.id) {
      slot.worker.postMessage({
        type: 'plan',
        job: running.id,
        plan: running.plan,
        seed: running.seed,
      } satisfies ToWorker);
      slot.job = running.id;
    }
    slot.busy = true;
    slot.worker.postMessage({ type: 'batch', job: running.id, indices: batch } satisfies ToWorker);
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const running = this.running;
    if (m.type === 'batch-done') slot.busy = false;
    if (!running || m.job !== running.id || running.done) {
      // a cancelled job's batch finishing: the thread is free for the next job
      if (m.type === 'batch-done') this.afterFinish();
      return;
    }
    if (m.type === 'error') {
      const error = new Error(m.message);
      if (m.stack) error.stack = m.stack;
      this.finish(running, error);
      return;
    }
    if (m.type === 'result') {
      const result = m.result as ReplicationResult;
      running.results.push(result);
      running.job.onResult?.(result);
      running.job.onProgress?.({ phase: 'replications', done: running.results.length, total: running.total });
      if (running.results.length === running.total) {
        let set: ReplicationSet;
        try {
          set = replicationSet(running.seed, running.results);
        } catch (e) {
          this.finish(running, e);
          return;
        }
        running.done = true;
        running.resolve(set);
        this.afterFinish();
      }
      return;
    }
    this.dispatch(running, slot);
  }

  /** Ends a job with an error (cancelled, failed); its threads finish their batch, then take the next job. */
  private finish(running: Running, error: unknown): void {
    if (running.done) return;
    running.done = true;
    const queued = this.queue.indexOf(running);
    if (queued >= 0) this.queue.splice(queued, 1);
    running.reject(error);
    this.afterFinish();
  }

  private afterFinish(): void {
    if (this.running?.done) {
      if (this.running.slots.some((s) => s.busy)) return;
      this.running = null;
    }
    this.next();
  }

  /** A thread failed: every job rejects, and the threads start afresh on the next job. */
  private fail(error: unknown): void {
    const jobs = [...this.queue, ...(this.running ? [this.running] : [])];
    this.queue.length = 0;
    void this.stopThreads();
    for (const r of jobs) {
      if (r.done) continue;
      r.done = true;
      r.reject(error);
    }
  }
}

let shared: WorkerPool | null = null;

/** The process's pool, created on first use (a CLI run or a server). */
export function sharedWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  shared ??= new WorkerPool(options);
  return shared;
}
