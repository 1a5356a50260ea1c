/**
 * Warm worker threads that run use cases off the event loop, with bounded concurrency and a FIFO
 * queue: the HTTP thread stays free to answer health and small requests in milliseconds while
 * simulations run. Each worker imports the use-case registry once and keeps it; a task carries the
 * model (plain data) and the options. Cancelling a queued task drops it; cancelling a running task
 * ends its worker at once (a replication cannot be interrupted half-way otherwise) and starts a
 * fresh one in its place. A worker that dies takes only its own task with it.
 */
import { Worker } from 'node:worker_threads';
import type { Issue } from '../model/issue.js';
import type { Limits } from '../model/limits.js';
import type { JobProgress } from './store.js';

/** Why a task did not give a result. */
export class TaskError extends Error {
  constructor(
    readonly kind: 'input' | 'cancelled' | 'internal',
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = 'TaskError';
  }
}

export interface TaskContext {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: JobProgress) => void) | undefined;
  /** Called when a worker takes the task from the queue. */
  readonly onStart?: (() => void) | undefined;
}

interface Task {
  readonly seq: number;
  readonly useCase: string;
  readonly options: unknown;
  readonly model: unknown;
  readonly ctx: TaskContext;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: TaskError) => void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/** Messages a worker posts. */
export type WorkerMessage =
  | { type: 'progress'; seq: number; progress: JobProgress }
  | { type: 'result'; seq: number; result: unknown }
  | { type: 'input-error'; seq: number; issues: Issue[] }
  | { type: 'internal-error'; seq: number; message: string };

export interface WorkerPoolOptions {
  /** Workers, each running one task at a time. */
  readonly size: number;
  /** URL of the module whose `useCases` export the workers run. */
  readonly registry: string;
  /** The limits the workers enforce (each worker thread has its own module state). */
  readonly limits: Limits;
  /** How a person raises a limit, for messages; a template with {name} and {value}. */
  readonly raiseHint: string;
}

const HERE = import.meta.url;
const FROM_SOURCE = HERE.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './use-case-worker.ts' : './use-case-worker.js', HERE);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private seq = 0;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++)
      this.slots.push({ worker: this.spawn(), task: undefined });
  }

  get size(): number {
    return this.slots.length;
  }

  get busy(): number {
    return this.slots.filter((s) => s.task !== undefined).length;
  }

  get queued(): number {
    return this.queue.length;
  }

  private spawn(): Worker {
    // From source (tests, tsx), the worker registers tsx's loader before it imports TypeScript.
    const entry = FROM_SOURCE
      ? `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`
      : WORKER_URL;
    const worker = new Worker(entry, {
      eval: FROM_SOURCE,
      workerData: {
        registry: this.options.registry,
        limits: this.options.limits,
        raiseHint: this.options.raiseHint,
      },
    });
    worker.unref();
    worker.on('message', (m: WorkerMessage) => this.onMessage(worker, m));
    worker.on('error', (e) => this.onDeath(worker, `the worker failed: ${e.message}`));
    worker.on('exit', (code) => this.onDeath(worker, `the worker stopped (exit code ${code})`));
    return worker;
  }

  private slotOf(worker: Worker): Slot | undefined {
    return this.slots.find((s) => s.worker === worker);
  }

  private onMessage(worker: Worker, m: WorkerMessage): void {
    const slot = this.slotOf(worker);
    const task = slot?.task;
    if (!slot || !task || task.seq !== m.seq) return;
    if (m.type === 'progress') {
      task.ctx.onProgress?.(m.progress);
      return;
    }
    this.release(slot);
    if (m.type === 'result') task.resolve(m.result);
    else if (m.type === 'input-error') task.reject(new TaskError('input', 'invalid input', m.issues));
    else task.reject(new TaskError('internal', m.message));
    this.pump();
  }

  private onDeath(worker: Worker, reason: string): void {
    const slot = this.slotOf(worker);
    if (!slot) return;
    const task = slot.task;
    slot.task = undefined;
    if (this.closed) return;
    slot.worker = this.spawn();
    if (task) {
      task.ctx.signal?.removeEventListener('abort', task.onAbort!);
      task.reject(new TaskError('internal', reason));
    }
    this.pump();
  }

  private release(slot: Slot): void {
    const task = slot.task;
    if (task?.onAbort) task.ctx.signal?.removeEventListener('abort', task.onAbort);
    slot.task = undefined;
  }

  /** Runs a use case on a worker; rejects with a TaskError. */
  run(useCase: string, options: unknown, model: unknown, ctx: TaskContext = {}): Promise<unknown> {
    if (this.closed) return Promise.reject(new TaskError('internal', 'the worker pool is closed'));
    if (ctx.signal?.aborted) return Promise.reject(new TaskError('cancelled', 'cancelled'));
    return new Promise((resolve, reject) => {
      const task: Task = { seq: ++this.seq, useCase, options, model, ctx, resolve, reject };
      task.onAbort = () => this.abort(task);
      ctx.signal?.addEventListener('abort', task.onAbort, { once: true });
      this.queue.push(task);
      this.pump();
    });
  }

  private abort(task: Task): void {
    const queuedAt = this.queue.indexOf(task);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      task.reject(new TaskError('cancelled', 'cancelled'));
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (!slot) return;
    slot.task = undefined;
    const old = slot.worker;
    slot.worker = this.spawn();
    old.removeAllListeners();
    old.on('error', () => {});
    void old.terminate();
    task.reject(new TaskError('cancelled', 'cancelled'));
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task !== undefined) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      task.ctx.onStart?.();
      slot.worker.postMessage({
        seq: task.seq,
        useCase: task.useCase,
        options: task.options,
        model: task.model,
      });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0))
      task.reject(new TaskError('cancelled', 'the server is stopping'));
    await Promise.all(
      this.slots.map(async (s) => {
        const task = s.task;
        s.task = undefined;
        task?.reject(new TaskError('cancelled', 'the server is stopping'));
        s.worker.removeAllListeners();
        s.worker.on('error', () => {});
        await s.worker.terminate();
      }),
    );
  }
}
