/**
 * Jobs: a use case run in the background on the worker pool, its state kept in the store so that a
 * restart loses no finished run, its progress pushed to subscribers (Server-Sent Events). Progress
 * is written to the store at most twice a second; the outcome at once.
 */
import { EventEmitter } from 'node:events';
import { formatAmount, limitIssue } from '../model/limits.js';
import type { JobIssue, JobProgress, JobRecord, Store } from './store.js';
import { TaskError, type WorkerPool } from './worker-pool.js';

export type JobEvent = { type: 'progress'; progress: JobProgress } | { type: 'end'; job: JobRecord };

const PERSIST_EVERY_MS = 500;

function issuesOf(e: unknown): JobIssue[] {
  if (e instanceof TaskError && e.kind === 'input') {
    return e.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
  }
  if (e instanceof TaskError && e.kind === 'cancelled') {
    return [{ code: 'cancelled', path: '', message: e.message }];
  }
  const message = e instanceof Error ? e.message : String(e);
  return [
    { code: 'internal_error', path: '', message: `${message}: this is a bug in Caravan, please report it` },
  ];
}

export class JobManager {
  private readonly events = new EventEmitter();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly store: Store,
    private readonly pool: WorkerPool,
    private readonly jobSeconds: number,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Queues a job; it starts when a worker is free. */
  submit(kind: string, options: unknown, scenarioId: string | null, model: unknown): JobRecord {
    const job = this.store.createJob(kind, options, scenarioId);
    const controller = new AbortController();
    this.running.set(job.id, controller);
    let lastWrite = 0;
    let started = false;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const start = () => {
      if (started) return;
      started = true;
      this.store.markRunning(job.id);
      if (Number.isFinite(this.jobSeconds)) {
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, this.jobSeconds * 1000);
        timer.unref();
      }
    };
    this.pool
      .run(kind, options, model, {
        signal: controller.signal,
        onStart: start,
        onProgress: (progress) => {
          const t = Date.now();
          if (t - lastWrite >= PERSIST_EVERY_MS || progress.done >= progress.total) {
            lastWrite = t;
            this.store.setProgress(job.id, progress);
          }
          this.events.emit(job.id, { type: 'progress', progress } satisfies JobEvent);
        },
      })
      .then(
        (result) => this.store.finish(job.id, result),
        (e: unknown) => {
          if (timedOut) {
            const i = limitIssue(
              'job_seconds',
              this.jobSeconds,
              `the job ran for ${formatAmount('job_seconds', this.jobSeconds)}`,
              'ask for less (fewer days, replications, years)',
            );
            this.store.fail(job.id, 'failed', [{ code: i.code, path: i.path, message: i.message }]);
          } else {
            const cancelled = e instanceof TaskError && e.kind === 'cancelled';
            this.store.fail(job.id, cancelled ? 'cancelled' : 'failed', issuesOf(e));
          }
        },
      )
      .finally(() => {
        clearTimeout(timer);
        this.running.delete(job.id);
        const ended = this.store.job(job.id);
        if (ended) this.events.emit(job.id, { type: 'end', job: ended } satisfies JobEvent);
      });
    return this.store.job(job.id)!;
  }

  /** Cancels a queued or running job; false when it had already ended. */
  cancel(id: string): boolean {
    const controller = this.running.get(id);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  isActive(id: string): boolean {
    return this.running.has(id);
  }

  /** Calls `listener` for each event of the job until it ends; returns the unsubscribe function. */
  subscribe(id: string, listener: (e: JobEvent) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  get active(): number {
    return this.running.size;
  }
}
