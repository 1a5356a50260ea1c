/**
 * Replications as a mergeable result: a set of per-replication results keyed by replication number.
 * Merging is the union of disjoint sets, so it is associative and commutative, and the figures drawn
 * from a set (always folded in replication order) are byte-identical however the replications were
 * split over workers or machines and in whatever order the parts came back.
 */
import { type ReplicationResult, runReplication } from './replication.js';
import type { SimulationPlan } from './simulation-plan.js';

export interface ReplicationSet {
  readonly seed: number;
  /** Sorted by replication number, each number at most once. */
  readonly results: readonly ReplicationResult[];
}

/** The empty set of a seed: the identity of {@link mergeReplicationSets}. */
export function emptyReplicationSet(seed: number): ReplicationSet {
  return { seed, results: [] };
}

/** The union of two sets of the same seed; a replication present in both is an error. */
export function mergeReplicationSets(a: ReplicationSet, b: ReplicationSet): ReplicationSet {
  if (a.seed !== b.seed) throw new Error(`cannot merge replications of seeds ${a.seed} and ${b.seed}`);
  const x = a.results;
  const y = b.results;
  const out: ReplicationResult[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (j === y.length || (i < x.length && x[i]!.replication < y[j]!.replication)) out.push(x[i++]!);
    else if (i === x.length || y[j]!.replication < x[i]!.replication) out.push(y[j++]!);
    else throw new Error(`replication ${x[i]!.replication} is in both sets`);
  }
  return { seed: a.seed, results: out };
}

/** A set from results in any order. */
export function replicationSet(seed: number, results: readonly ReplicationResult[]): ReplicationSet {
  const sorted = [...results].sort((a, b) => a.replication - b.replication);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.replication === sorted[i - 1]!.replication)
      throw new Error(`replication ${sorted[i]!.replication} is in the set twice`);
  return { seed, results: sorted };
}

/** Progress of a run: replications done out of the total. */
export interface RunProgress {
  readonly phase: 'replications';
  readonly done: number;
  readonly total: number;
}

/** What a runner is asked to do: replications 0 … `replications` − 1 of the plan (or `indices`). */
export interface ReplicationJob {
  readonly seed: number;
  readonly replications: number;
  /** Only these replication numbers (default all of 0 … replications − 1): a part for one machine. */
  readonly indices?: readonly number[] | undefined;
  /** Worker threads to use, when the runner has them (default: all it has). */
  readonly workers?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: RunProgress) => void) | undefined;
  /** Called with each replication as it finishes, in any order (the caller may fold them meanwhile). */
  readonly onResult?: ((result: ReplicationResult) => void) | undefined;
}

/** Runs replications somewhere (this thread, a worker pool, other machines) and returns them as a set. */
export type ReplicationRunner = (plan: SimulationPlan, job: ReplicationJob) => Promise<ReplicationSet>;

/** The replication numbers a job asks for. */
export function jobIndices(job: ReplicationJob): number[] {
  return job.indices ? [...job.indices] : Array.from({ length: job.replications }, (_, r) => r);
}

/** The error a run cancelled by its signal rejects with. */
export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('the simulation was cancelled');
}

/**
 * Runs the replications in this thread, one at a time, yielding to the event loop between them (a
 * progress bar redraws, a signal can cancel).
 */
export const runInThread: ReplicationRunner = async (plan, job) => {
  const indices = jobIndices(job);
  const results: ReplicationResult[] = [];
  job.onProgress?.({ phase: 'replications', done: 0, total: indices.length });
  for (const r of indices) {
    if (job.signal?.aborted) throw abortError(job.signal);
    const result = runReplication(plan, r, job.seed);
    results.push(result);
    job.onResult?.(result);
    job.onProgress?.({ phase: 'replications', done: results.length, total: indices.length });
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  if (job.signal?.aborted) throw abortError(job.signal);
  return replicationSet(job.seed, results);
};
