/**
 * A pool of worker threads for simulation replications, started once and kept warm (a server reuses
 * it for every request). A job's lanes (its threads, and in a command-line run the calling thread
 * too) take replications one at a time from a counter they share, so that a lane that finishes early
 * takes more and no lane waits for a message to get its next one; results come back per replication
 * and form a {@link ReplicationSet}, whose figures do not depend on which lane ran what. A job is
 * cancelled by its AbortSignal; progress is reported as replications finish.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type ReplicationResult, runReplication } from '../sim/replication.js';
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
import { callerIsLane, startReplicationThread, takeEarlyThread } from './replication-thread.js';
import type { FromWorker, ToWorker } from './replication-worker.js';

export interface WorkerPoolOptions {
  /** Lanes a job may run on (default: every core, os.availableParallelism()). */
  readonly size?: number | undefined;
  /**
   * Whether the calling thread is one of a job's lanes (default false): it runs replications itself
   * between handling the threads' messages, and the pool starts one thread fewer. `'spare-core'`,
   * for a command-line run, whose main thread has nothing else to do: while the job's lanes leave a
   * core free (one thread and its start fewer; its lane warms the JIT for the simulation as a fresh
   * thread would, since building the plan runs none of that code), not when they take every core
   * ({@link callerIsLane}). A server leaves it off, so that its event loop stays free.
   */
  readonly callerRuns?: boolean | 'spare-core' | undefined;
}

interface Slot {
  readonly worker: Worker;
  /** Jobs handed to the thread that it has not reported done: while any, it keeps the process alive. */
  jobs: number;
  /** Terminated on purpose: its exit is no failure. */
  dead: boolean;
}

interface Running {
  readonly id: number;
  readonly plan: SimulationPlan;
  readonly seed: number;
  readonly indices: readonly number[];
  /** Shared by the job's lanes: the position in `indices` the next lane takes. */
  readonly next: Int32Array;
  readonly results: ReplicationResult[];
  readonly job: ReplicationJob;
  readonly lanes: number;
  resolve(set: ReplicationSet): void;
  reject(error: unknown): void;
  done: boolean;
}

export class WorkerPool {
  readonly size: number;
  readonly callerRuns: boolean | 'spare-core';
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
    this.callerRuns = options.callerRuns ?? false;
  }

  /** Threads started (and not stopped). */
  get threads(): number {
    return this.slots.length;
  }

  /** Threads that `lanes` lanes need (the calling thread is one of them when it runs replications). */
  private threadsFor(lanes: number): number {
    return Math.min(lanes, this.size) - (this.callerRunsFor(lanes) ? 1 : 0);
  }

  /** Whether the calling thread is one of a job's `lanes` lanes. */
  private callerRunsFor(lanes: number): boolean {
    if (this.callerRuns !== 'spare-core') return this.callerRuns;
    return callerIsLane(Math.min(lanes, this.size), availableParallelism());
  }

  /**
   * Starts the threads that jobs of `lanes` lanes need (default: all the pool has) now, rather than
   * on the first job, so that they load while the caller prepares; threads the command line started
   * early (src/node/replication-thread.ts) are taken first.
   */
  warm(lanes: number = this.size): this {
    if (this.closed) throw new Error('the worker pool is closed');
    const threads = this.threadsFor(Number.isInteger(lanes) && lanes >= 1 ? lanes : this.size);
    while (this.slots.length < threads) {
      const worker = takeEarlyThread() ?? startReplicationThread();
      const slot: Slot = { worker, jobs: 0, dead: false };
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

  /** The runner a use case calls: jobs of one lane run in this thread, without the pool. */
  readonly runner: ReplicationRunner = (plan, job) => this.run(plan, job);

  /** Runs a job on up to `job.workers` lanes (default all); jobs queue one after the other. */
  run(plan: SimulationPlan, job: ReplicationJob): Promise<ReplicationSet> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const lanes = Math.min(job.workers ?? this.size, this.size);
    const indices = jobIndices(job);
    if (lanes <= 1 || indices.length <= 1) return runInThread(plan, job);
    if (job.signal?.aborted) return Promise.reject(abortError(job.signal));
    return new Promise<ReplicationSet>((resolve, reject) => {
      const running: Running = {
        id: this.nextJob++,
        plan,
        seed: job.seed,
        indices,
        next: new Int32Array(new SharedArrayBuffer(4)),
        results: [],
        job,
        lanes,
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

  /** Starts the next job when none runs: its threads get it at once, this thread's lane on the next turn. */
  private next(): void {
    if (this.running !== null || this.closed) return;
    const running = this.queue.shift();
    if (!running) return;
    this.running = running;
    this.warm(running.lanes);
    running.job.onProgress?.({ phase: 'replications', done: 0, total: running.indices.length });
    const { id: job, plan, seed, indices, next } = running;
    for (const slot of this.slots.slice(0, this.threadsFor(running.lanes))) {
      if (slot.jobs++ === 0) slot.worker.ref();
      slot.worker.postMessage({ type: 'job', job, plan, seed, indices, next } satisfies ToWorker);
    }
    if (this.callerRunsFor(running.lanes)) void this.runHere(running);
  }

  /**
   * This thread's lane: one replication at a time from the shared counter, turning to the event loop
   * before each (the threads' results come in, progress is shown, a signal can cancel).
   */
  private async runHere(running: Running): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (running.done) return;
      const i = Atomics.add(running.next, 0, 1);
      if (i >= running.indices.length) return;
      let result: ReplicationResult;
      try {
        result = runReplication(running.plan, running.indices[i]!, running.seed);
      } catch (e) {
        this.finish(running, e);
        return;
      }
      this.accept(running, result);
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'done') {
      // a job's last result resolves it before its threads' 'done' come in: a thread being stopped by
      // then stays referenced until it has stopped
      if (--slot.jobs === 0 && !slot.dead) slot.worker.unref();
      return;
    }
    const running = this.running;
    // a cancelled job's replication finishing: dropped
    if (!running || m.job !== running.id || running.done) return;
    if (m.type === 'error') {
      const error = new Error(m.message);
      if (m.stack) error.stack = m.stack;
      this.finish(running, error);
      return;
    }
    this.accept(running, m.result as ReplicationResult);
  }

  /**
   * A replication of the running job finished (in any lane); the last one completes the job. A
   * caller's callback that throws fails the job (not the thread it runs on).
   */
  private accept(running: Running, result: ReplicationResult): void {
    running.results.push(result);
    const total = running.indices.length;
    let set: ReplicationSet | undefined;
    try {
      running.job.onResult?.(result);
      running.job.onProgress?.({ phase: 'replications', done: running.results.length, total });
      if (running.done || running.results.length < total) return;
      set = replicationSet(running.seed, running.results);
    } catch (e) {
      this.finish(running, e);
      return;
    }
    this.end(running);
    running.resolve(set);
  }

  /** Ends a job with an error (cancelled, failed): its lanes stop after the replication they are on. */
  private finish(running: Running, error: unknown): void {
    if (running.done) return;
    const queued = this.queue.indexOf(running);
    if (queued >= 0) this.queue.splice(queued, 1);
    this.end(running);
    running.reject(error);
  }

  /** No lane takes another replication of the job; the next job starts (threads finish their replication first). */
  private end(running: Running): void {
    running.done = true;
    Atomics.store(running.next, 0, running.indices.length);
    if (this.running === running) {
      this.running = null;
      this.next();
    }
  }

  /** A thread failed: every job rejects, and the threads start afresh on the next job. */
  private fail(error: unknown): void {
    const jobs = [...this.queue, ...(this.running ? [this.running] : [])];
    this.queue.length = 0;
    void this.stopThreads();
    for (const r of jobs) {
      if (r.done) continue;
      r.done = true;
      Atomics.store(r.next, 0, r.indices.length);
      r.reject(error);
    }
  }
}

let shared: WorkerPool | null = null;

/**
 * The process's pool, created on first use: a command-line run's, whose calling thread is one of the
 * lanes while they leave a core free, unless the options say otherwise.
 */
export function sharedWorkerPool(options: WorkerPoolOptions = {}): WorkerPool {
  shared ??= new WorkerPool({ callerRuns: 'spare-core', ...options });
  return shared;
}
